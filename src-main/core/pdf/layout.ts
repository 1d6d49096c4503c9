// Line layout for the PDF redline: styled runs (plain, deleted, inserted) broken into lines
// of a given width, each piece placed and set in a face that has its characters. The export
// needs every piece's position, to draw strike-through and underline and to give each
// deletion and insertion a StrikeOut or Underline annotation with exact QuadPoints.
import { faceFor, measure, type Face, type FaceName } from './fonts'

export type RunStyle = 'plain' | 'del' | 'ins'

export interface Run {
  text: string
  style: RunStyle
  /** Index of the run in the input, so a run split across lines can be gathered again. */
  id?: number
}

export interface Piece {
  x: number
  width: number
  text: string
  face: FaceName
  style: RunStyle
  run: number
}

export type Line = Piece[]

interface Token {
  text: string
  style: RunStyle
  run: number
  space: boolean
}

export function layoutRuns(runs: readonly Run[], width: number, size: number, preferred: FaceName, faces: Map<FaceName, Face>): Line[] {
  const tokens: Token[] = []
  runs.forEach((r, i) => {
    for (const m of r.text.matchAll(/\s+|[^\s]+/gu)) tokens.push({ text: m[0], style: r.style, run: r.id ?? i, space: /^\s/u.test(m[0]) })
  })
  const lines: Line[] = []
  let line: Piece[] = []
  let x = 0
  const place = (t: Token): void => {
    for (const seg of segments(t.text, preferred, faces)) {
      const w = measure(seg.text, faces.get(seg.face)!, size)
      line.push({ x, width: w, text: seg.text, face: seg.face, style: t.style, run: t.run })
      x += w
    }
  }
  const newLine = (): void => {
    // Trailing spaces carry no ink and no annotation.
    while (line.length && /^\s+$/u.test(line[line.length - 1]!.text)) line.pop()
    lines.push(line)
    line = []
    x = 0
  }
  let previous: Token | undefined
  for (const t of tokens) {
    // A deletion directly followed by an insertion gets a hair of space, so the two don't fuse.
    if (previous && previous.style === 'del' && t.style === 'ins' && !previous.space && !t.space && line.length > 0) x += size * 0.25
    previous = t
    if (t.space) {
      if (line.length === 0) continue
      // A newline in clause text is kept as a line break; other whitespace is one space.
      if (t.text.includes('\n')) {
        newLine()
        continue
      }
      place({ ...t, text: ' ' })
      continue
    }
    const w = segments(t.text, preferred, faces).reduce((sum, s) => sum + measure(s.text, faces.get(s.face)!, size), 0)
    if (x + w > width && line.length > 0) newLine()
    if (w <= width) place(t)
    else for (const ch of t.text) {
      // A word wider than the line (a long URL) breaks between characters.
      const cw = measure(ch, faces.get(faceFor(ch, preferred, faces))!, size)
      if (x + cw > width && line.length > 0) newLine()
      place({ ...t, text: ch })
    }
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
