// Fonts embedded in exported PDFs, all shipped as npm packages (nothing fetched): Source Serif 4
// for text, Inter for headings, Noto Sans JP and KR for Japanese and Korean. A character the
// Latin face lacks (CJK, the non-breaking hyphen U+2011) is set in a Noto face that has it, so
// every character keeps its own code point and extracts back intact.
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'

export type FaceName = 'serif' | 'serifBold' | 'sans' | 'sansBold' | 'jp' | 'kr'

export interface Face {
  name: FaceName
  path: string
  font: fontkit.Font
}

const fontsource = (file: string) => require.resolve(file)
const noto = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), '..', 'fonts', file)

const FILES: Record<FaceName, () => string> = {
  serif: () => fontsource('@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff'),
  serifBold: () => fontsource('@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff'),
  sans: () => fontsource('@fontsource/inter/files/inter-latin-400-normal.woff'),
  sansBold: () => fontsource('@fontsource/inter/files/inter-latin-600-normal.woff'),
  jp: () => noto('@embedpdf/fonts-jp', 'NotoSansJP-Regular.otf'),
  kr: () => noto('@embedpdf/fonts-kr', 'NotoSansKR-Regular.otf')
}

let cache: Map<FaceName, Face> | undefined

export function loadFaces(): Map<FaceName, Face> {
  if (!cache) {
    cache = new Map()
    for (const [name, file] of Object.entries(FILES) as Array<[FaceName, () => string]>) {
      const path = file()
      const font = fontkit.openSync(path)
      if (!('layout' in font)) throw new Error(`${path} is a font collection, expected one font`)
      cache.set(name, { name, path, font })
    }
  }
  return cache
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u

/** The face to set `ch` in: the preferred one when it has the glyph, else Japanese, else Korean. */
export function faceFor(ch: string, preferred: FaceName, faces: Map<FaceName, Face>): FaceName {
  const cp = ch.codePointAt(0)!
  if (faces.get(preferred)!.font.hasGlyphForCodePoint(cp)) return preferred
  if (!HANGUL.test(ch) && faces.get('jp')!.font.hasGlyphForCodePoint(cp)) return 'jp'
  return 'kr'
}

/**
 * Width of `text` set in `face` at `size` points. Shaping is the costly part of laying out a
 * long redline and the same words recur constantly, so advances are cached per face and text
 * (in font units, so one entry serves every size).
 */
export function measure(text: string, face: Face, size: number): number {
  let widths = advanceCache.get(face.name)
  if (!widths) advanceCache.set(face.name, (widths = new Map()))
  let advance = widths.get(text)
  if (advance === undefined) {
    advance = face.font.layout(text).advanceWidth
    if (widths.size < 200_000) widths.set(text, advance)
  }
  return (advance * size) / face.font.unitsPerEm
}

const advanceCache = new Map<FaceName, Map<string, number>>()
