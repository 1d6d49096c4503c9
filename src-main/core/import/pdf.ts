// Reads a PDF's text layer into the blocks every reader returns: pdf.js gives positioned pieces of
// text per page; pdf-lines makes lines of them, pdf-furniture drops running headers, footers and
// page numbers, pdf-footnotes takes the footnotes apart, pdf-paragraphs makes paragraphs. pdf.js
// runs in this thread and fetches nothing.
import { createRequire } from 'node:module'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { dirname, join, sep } from 'node:path'
import { type ClausewiseError } from '../errors'
import { invalidFile } from './text-kit'
import type { ReadResult } from './types'
import { pageLines, type PdfItem, type PdfLine } from './pdf-lines'
import { findFurniture, type PdfPageLines } from './pdf-furniture'
import { buildParagraphs, type PageBox } from './pdf-paragraphs'
import { findFootnotes } from './pdf-footnotes'
import { pdfMeta, type XmpLike } from './pdf-meta'

type PdfJs = typeof PdfJsModule
interface RawItem {
  str: string
  transform: number[]
  width: number
}

const SCAN = 'this PDF is a scan: it has no text to compare (OCR is not supported)'
const PASSWORD = 'password-protected PDF: open it, remove the password, and import again'

let pdfjs: Promise<PdfJs> | undefined
/**
 * pdf.js is an ES module and the main bundle and the CLI are CommonJS: loaded with import(),
 * once. In Node it has no worker thread: it imports its worker module into this thread.
 */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

let cMaps: string | null | undefined
/**
 * pdf.js's own folder of CMaps (the character maps of CJK fonts that a PDF names but does not
 * embed), as a file path: in Node pdf.js reads such a "URL" with fs, so nothing is fetched. When
 * the package cannot be found, text in those fonts comes out empty (embedded fonts, which nearly
 * every PDF made today uses, need no CMap).
 */
function cMapDir(): string | undefined {
  if (cMaps === undefined) {
    try {
      const from = typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js')
      cMaps = join(dirname(createRequire(from).resolve('pdfjs-dist/package.json')), 'cmaps') + sep
    } catch {
      cMaps = null
    }
  }
  return cMaps ?? undefined
}

const invalid = invalidFile

function loadError(e: unknown, file: string): ClausewiseError {
  const name = e instanceof Error ? e.name : ''
  if (name === 'PasswordException') return invalid(file, PASSWORD)
  if (name === 'InvalidPDFException') return invalid(file, 'this PDF is damaged and cannot be read')
  return invalid(file, `this PDF cannot be read (${e instanceof Error ? e.message : String(e)})`)
}

/** "3", "3–5", "3, 7–9": page numbers as a reader writes them. */
function pageList(pages: number[]): string {
  const runs: string[] = []
  for (let i = 0; i < pages.length; ) {
    let j = i
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++
    runs.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`)
    i = j + 1
  }
  return runs.join(', ')
}

interface UprightPage {
  items: PdfItem[]
  top: number
  bottom: number
  left: number
  right: number
  skipped: number
}

/**
 * The page's pieces in its own reading frame. A page whose text was drawn turned a quarter turn
 * (a landscape page made by rotating the drawing) is read turned back; pieces at any other angle
 * than the page's main one (a diagonal "DRAFT", a line up the margin) and pieces outside the page
 * are left out and counted.
 */
function upright(raw: readonly RawItem[], view: number[]): UprightPage {
  const quarter = (t: number[]) => {
    const deg = (Math.atan2(t[1]!, t[0]!) * 180) / Math.PI
    const q = Math.round(deg / 90)
    return Math.abs(deg - q * 90) > 2 ? undefined : ((q % 4) + 4) % 4
  }
  const weight = [0, 0, 0, 0]
  for (const it of raw) {
    const q = quarter(it.transform)
    if (q !== undefined) weight[q]! += it.str.length
  }
  const main = weight.indexOf(Math.max(...weight))
  const [cos, sin] = [Math.round(Math.cos((main * Math.PI) / 2)), Math.round(Math.sin((main * Math.PI) / 2))]
  const turn = (x: number, y: number) => [x * cos + y * sin, -x * sin + y * cos] as const
  const [x0, y0, x1, y1] = view as [number, number, number, number]
  const [ax, ay] = turn(x0, y0)
  const [bx, by] = turn(x1, y1)
  const [left, right, bottom, top] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)]
  const items: PdfItem[] = []
  let skipped = 0
  for (const it of raw) {
    if (it.str === '') continue
    const t = it.transform
    const [x, y] = turn(t[4]!, t[5]!)
    const outside = x < left - 1 || x > right + 1 || y < bottom - 1 || y > top + 1
    if (quarter(t) !== main || outside) {
      if (it.str.trim() !== '') skipped++
      continue
    }
    items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(t[2]!, t[3]!) })
  }
  return { items, top, bottom, left, right, skipped }
}

/** "%PDF-" within the first 1,024 bytes, as PDF readers accept it (some files have junk before the header). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-')
}

export async function readPdf(bytes: Uint8Array, file: string, onProgress?: (fraction: number) => void): Promise<ReadResult> {
  if (bytes.length === 0) throw invalid(file, 'the file is empty')
  if (!hasPdfHeader(bytes)) throw invalid(file, 'this file is not a PDF')
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    // A copy: pdf.js hands the array's buffer to its worker side, which would empty the caller's.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    stopAtErrors: false,
    cMapUrl: cMapDir(),
    cMapPacked: true,
    // Fonts a PDF names without embedding them (Helvetica, Times) need no data to give text.
    standardFontDataUrl: undefined,
    verbosity: lib.VerbosityLevel.ERRORS
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (e) {
    await task.destroy().catch(() => undefined)
    throw loadError(e, file)
  }
  try {
    const pages: PdfPageLines[] = []
    const boxes = new Map<number, PageBox>()
    const empty: number[] = []
    const broken: number[] = []
    let skipped = 0
    for (let n = 1; n <= doc.numPages; n++) {
      // One page at a time, its objects released before the next: memory stays flat on long files.
      const page = await doc.getPage(n)
      try {
        const content = await page.getTextContent()
        const raw = content.items.filter((it): it is TextItem => 'str' in it)
        const up = upright(raw, page.view)
        skipped += up.skipped
        const lines = pageLines(up.items, n)
        if (lines.length === 0) empty.push(n)
        pages.push({ page: n, lines, top: up.top, bottom: up.bottom })
        boxes.set(n, { left: up.left, right: up.right })
      } catch {
        broken.push(n)
      } finally {
        page.cleanup()
      }
      onProgress?.(n / doc.numPages)
    }
    if (broken.length === doc.numPages) throw invalid(file, 'this PDF is damaged and cannot be read')
    if (empty.length + broken.length === doc.numPages) throw invalid(file, SCAN)

    const furniture = findFurniture(pages)
    const body: PdfLine[] = []
    for (const p of pages) for (const l of p.lines) if (!furniture.has(l)) body.push(l)
    if (body.length === 0) throw invalid(file, SCAN)
    // Footnotes come after the body, as the DOCX reader gives them; the body's paragraphs run on
    // over the page breaks they stood before.
    const notes = findFootnotes(body)
    const blocks = buildParagraphs(notes.body, boxes)
    for (const n of notes.notes) blocks.push({ kind: 'footnote', text: n.text, number: n.number, page: n.page, paragraph: blocks.length + 1 })

    const warnings: string[] = []
    if (furniture.size > 0) warnings.push(`headers, footers and page numbers are not compared (${furniture.size} ${furniture.size === 1 ? 'line' : 'lines'} removed)`)
    if (empty.length > 0) warnings.push(`${empty.length === 1 ? 'page' : 'pages'} ${pageList(empty)} ${empty.length === 1 ? 'has' : 'have'} no text (blank or scanned) and ${empty.length === 1 ? 'was' : 'were'} skipped`)
    if (broken.length > 0) warnings.push(`${broken.length === 1 ? 'page' : 'pages'} ${pageList(broken)} could not be read and ${broken.length === 1 ? 'was' : 'were'} skipped`)
    if (skipped > 0) warnings.push(`text at an angle or outside the page was not imported (${skipped} ${skipped === 1 ? 'piece' : 'pieces'}: a watermark or margin note?)`)

    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }))
    const meta = pdfMeta((info ?? {}) as Record<string, unknown>, metadata as XmpLike | null)
    return { format: 'pdf', meta, blocks, warnings }
  } finally {
    await doc.destroy()
  }
}
