// Finds a PDF's running headers, footers and page numbers (lines that repeat near the top or
// bottom of many pages), so that they are not read as part of the agreement's text.
import type { PdfLine } from './pdf-lines'

export interface PdfPageLines {
  page: number
  lines: PdfLine[]
  /** The page's top and bottom edge, in the same points as the lines' baselines. */
  top: number
  bottom: number
}

/** Furniture is looked for among this many lines from the top and from the bottom of a page… */
const ZONE_LINES = 3
/** …and only within this fraction of the page's height from its top or bottom edge. */
const ZONE_HEIGHT = 0.2

/** "7", "- 7 -", "Page 7", "p. 7", "Page 7 of 12", "7/12", "vii". */
const PAGE_NUMBER = /^[-–—\s]*(?:(?:page|p\.|pg\.?)\s*)?(?:\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[ivxlc]{1,7})[-–—\s]*$/i

const normalise = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

function zones(p: PdfPageLines): { top: PdfLine[]; bottom: PdfLine[] } {
  const byHeight = p.lines.slice().sort((a, b) => b.y - a.y)
  const band = (p.top - p.bottom) * ZONE_HEIGHT
  return {
    top: byHeight.slice(0, ZONE_LINES).filter((l) => l.y >= p.top - band),
    bottom: byHeight.slice(-ZONE_LINES).filter((l) => l.y <= p.bottom + band)
  }
}

/**
 * A line whose text changes from page to page only in its numbers is furniture when one of its
 * numbers keeps step with the page number ("Page 3 of 12", a Bates number "ACME000103"): a
 * heading that happens to open many pages ("ARTICLE 4", "ARTICLE 7") does not.
 */
function keepsStepWithPages(occurrences: ReadonlyArray<{ page: number; text: string }>, need: number): boolean {
  const offsets = new Map<number, number>()
  for (const o of occurrences) {
    const seen = new Set<number>()
    for (const m of o.text.matchAll(/\d+/g)) seen.add(Number(m[0]) - o.page)
    for (const d of seen) offsets.set(d, (offsets.get(d) ?? 0) + 1)
  }
  return [...offsets.values()].some((n) => n >= need)
}

/**
 * The lines to leave out. A line is furniture when, near the top (or the bottom) of the page, the
 * same text, numbers aside, stands on at least half the pages (and on two at least) and either
 * reads the same everywhere or numbers the pages; or when the first or last line of a page is a
 * bare page number.
 */
export function findFurniture(pages: readonly PdfPageLines[]): Set<PdfLine> {
  const out = new Set<PdfLine>()
  const need = Math.max(2, Math.ceil(pages.length / 2))
  const groups = new Map<string, Array<{ page: number; text: string; line: PdfLine }>>()
  for (const p of pages) {
    const z = zones(p)
    for (const [zone, lines] of [['top', z.top], ['bottom', z.bottom]] as const) {
      for (const line of lines) {
        const key = `${zone}\n${normalise(line.text)}`
        const group = groups.get(key) ?? []
        group.push({ page: p.page, text: line.text.replace(/\s+/g, ' '), line })
        groups.set(key, group)
      }
    }
    const ends = [z.top[0], z.bottom.at(-1)]
    for (const line of ends) if (line && PAGE_NUMBER.test(line.text)) out.add(line)
  }
  for (const group of groups.values()) {
    if (new Set(group.map((o) => o.page)).size < need) continue
    const same = group.every((o) => o.text === group[0]!.text)
    if (same || keepsStepWithPages(group, need)) for (const o of group) out.add(o.line)
  }
  return out
}
