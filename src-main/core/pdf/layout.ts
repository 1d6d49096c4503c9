// Line layout for the PDF redline: styled runs (plain, deleted, inserted) broken into lines
// of a given width, each piece placed and set in a face that has its characters. The export
// needs every piece's position, to draw strike-through and underline and to give each
// deletion and insertion a StrikeOut or Underline annotation with exact QuadPoints.
import { faceFor, measure, type Face, type FaceName } from './fonts'

/** `mark`: a citation's marker, set small and raised, in its own colour. */
export type RunStyle = 'plain' | 'del' | 'ins' | 'mark'

/** A marker's size against the text's. */
export const MARK_SCALE = 0.72

export interface Run {
  text: string
  style: RunStyle
  /** Identifies the run, so a run split across lines (or around a marker) can be gathered again. */
  id?: number
  /** The ink of a marker; text takes the paragraph's. */
  color?: string
}

export interface Piece {
  x: number
  width: number
  text: string
  face: FaceName
  style: RunStyle
  run: number
  color?: string
}

export type Line = Piece[]

interface Token {
  text: string
  style: RunStyle
  run: number
  space: boolean
  color?: string
}

export function layoutRuns(runs: readonly Run[], width: number, size: number, preferred: FaceName, faces: Map<FaceName, Face>): Line[] {
  const tokens: Token[] = []
  runs.forEach((r, i) => {
    // A no-break space (U+00A0, U+202F) joins what it stands between, as in "25 Nov 2026".
    for (const m of r.text.matchAll(/[^\S\u00a0\u202f]+|[\S\u00a0\u202f]+/gu)) tokens.push({ text: m[0], style: r.style, run: r.id ?? i, space: /^[^\S\u00a0\u202f]/u.test(m[0]), ...(r.color ? { color: r.color } : {}) })
  })
  const lines: Line[] = []
  let line: Piece[] = []
  let x = 0
  const sizeOf = (t: Token): number => (t.style === 'mark' ? size * MARK_SCALE : size)
  const place = (t: Token): void => {
    // A space goes in the face of the word before it ("비독점 라이선스" is one run of Korean, extracted with its space).
    const before = line[line.length - 1]?.face
    const spaceFace = t.space && before && faces.get(before)!.font.hasGlyphForCodePoint(0x20) ? before : undefined
    for (const seg of spaceFace ? [{ text: t.text, face: spaceFace }] : segments(t.text, preferred, faces)) {
      const w = measure(seg.text, faces.get(seg.face)!, sizeOf(t))
      line.push({ x, width: w, text: seg.text, face: seg.face, style: t.style, run: t.run, ...(t.color ? { color: t.color } : {}) })
      x += w
    }
  }
  const widthOf = (t: Token): number => segments(t.text, preferred, faces).reduce((sum, s) => sum + measure(s.text, faces.get(s.face)!, sizeOf(t)), 0)
  const newLine = (): void => {
    // Trailing spaces carry no ink and no annotation.
    while (line.length && /^\s+$/u.test(line[line.length - 1]!.text)) line.pop()
    lines.push(line)
    line = []
    x = 0
  }
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!
    if (t.space) {
      i++
      if (line.length === 0) continue
      // A newline in clause text is kept as a line break; other whitespace is one space.
      if (t.text.includes('\n')) {
        newLine()
        // A blank line (between the clauses of a split or merge) stays one.
        if ((t.text.match(/\n/gu) ?? []).length > 1) lines.push([])
        continue
      }
      place({ ...t, text: ' ' })
      continue
    }
    // Tokens with no space between them break as one word: a word and the run after it
    // ("exclusive" and its "."), a word and its citation marker, a deletion and its insertion.
    let j = i
    while (j < tokens.length && !tokens[j]!.space) j++
    const word = tokens.slice(i, j)
    i = j
    // A deletion directly followed by an insertion gets a hair of space, so the two don't fuse.
    const gap = (k: number): number => (k > 0 && word[k - 1]!.style === 'del' && word[k]!.style === 'ins' ? size * 0.25 : 0)
    const w = word.reduce((sum, tok, k) => sum + gap(k) + widthOf(tok), 0)
    if (x + w > width && line.length > 0) newLine()
    word.forEach((tok, k) => {
      if (line.length > 0) x += gap(k)
      if (w <= width) return place(tok)
      for (const ch of tok.text) {
        // A word wider than the line (a long URL) breaks between characters.
        const cw = measure(ch, faces.get(faceFor(ch, preferred, faces))!, sizeOf(tok))
        if (x + cw > width && line.length > 0) newLine()
        place({ ...tok, text: ch })
      }
    })
  }
  if (line.length) newLine()
  return lines
}

/** Splits text into maximal runs that one face can set. */
function segments(text: string, preferred: FaceName, faces: Map<FaceName, Face>): Array<{ text: string; face: FaceName }> {
  const out: Array<{ text: string; face: FaceName }> = []
  for (const ch of text) {
    const face = faceFor(ch, preferred, faces)
    const last = out[out.length - 1]
    if (last && last.face === face) last.text += ch
    else out.push({ text: ch, face })
  }
  return out
}
