// `npm run bench` (import): how long reading and segmenting a user's agreement takes, DOCX, PDF
// and plain text at 30, 300 and 1,000 pages (so linear growth shows), the end-to-end compare of
// two imported 300-page drafts, peak memory at 1,000 pages, and pdftotext / LibreOffice on the
// same files in the same run. Prints figures beside the issue's targets; asserts nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { compareVersions } from '../src-main/core/compare/compare'
import { documentVersion, type ImportedDocument } from '../src-main/core/import/document'
import { readDocumentBytes } from '../src-main/core/import/read'
import { segment } from '../src-main/core/import/segment'
import { CACHE_DIR, WORDS_PER_PAGE, benchFile, type BenchFile, type Format } from './agreement'
import { fmt, median } from './timing'

const SIZES = [30, 300, 1_000]
const FORMATS: Format[] = ['text', 'docx', 'pdf']
/** The issue's budgets for a 300-page agreement, read + segment. */
const TARGET_MS: Record<Format, number> = { docx: 1_500, pdf: 4_000, text: 500 }
const COMPARE_TARGET_MS = 1_000
/** Timed runs after one warm-up; a 1,000-page PDF takes seconds a run. */
const runsFor = (pages: number): number => (pages >= 1_000 ? 1 : pages >= 300 ? 3 : 7)

interface Imported {
  doc: ImportedDocument
  blocks: number
  readMs: number
  segmentMs: number
}

/** What importDocumentFile does, from bytes already in memory so that no disk time is counted. */
async function importBytes(f: BenchFile): Promise<Imported> {
  const t0 = performance.now()
  const read = await readDocumentBytes(f.bytes, f.file)
  const t1 = performance.now()
  const seg = segment(read)
  const t2 = performance.now()
  const title = (read.meta.title ?? seg.title ?? '').trim() || f.file
  const doc: ImportedDocument = { file: f.file, format: read.format, title, meta: read.meta, clauses: seg.clauses, warnings: [...read.warnings, ...seg.warnings] }
  return { doc, blocks: read.blocks.length, readMs: t1 - t0, segmentMs: t2 - t1 }
}

/** Median of each stage over `runs` runs after a warm-up (the stages' medians need not add up to the total's). */
async function timeImport(f: BenchFile, runs: number): Promise<{ read: number; segment: number; total: number; last: Imported }> {
  let last = await importBytes(f)
  const read: number[] = []
  const seg: number[] = []
  const total: number[] = []
  for (let i = 0; i < runs; i++) {
    last = await importBytes(f)
    read.push(last.readMs)
    seg.push(last.segmentMs)
    total.push(last.readMs + last.segmentMs)
  }
  return { read: median(read), segment: median(seg), total: median(total), last }
}

function table(header: string[], widths: number[]): (cells: string[]) => void {
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  return (cells) => console.log(line(cells))
}

const secs = (ms: number): string => (ms >= 1_000 ? `${(ms / 1_000).toFixed(ms % 1_000 === 0 ? 0 : 1)} s` : `${ms} ms`)
const kb = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`)
const mark = (ms: number, target: number): string => (ms <= target ? 'under' : 'OVER')
const count = (n: number): string => n.toLocaleString('en')

async function importTable(): Promise<void> {
  console.log(`\nImport = readDocumentBytes + segment, in-process, bytes already in memory (median of ${runsFor(30)} / ${runsFor(300)} / ${runsFor(1_000)} runs at 30 / 300 / 1,000 pages, each after a warm-up)`)
  const row = table(['format', 'pages', 'words', 'file', 'read', 'segment', 'total', 'ms/page', 'blocks', 'clauses', 'target (300 pages; pro rata otherwise)'], [6, 5, 7, 7, 8, 8, 8, 7, 6, 7, 38])
  const clauses = new Map<string, number>()
  for (const format of FORMATS) {
    for (const pages of SIZES) {
      const f = await benchFile('a', pages, format)
      const t = await timeImport(f, runsFor(pages))
      clauses.set(`${format} ${pages}`, t.last.doc.clauses.length)
      const words = t.last.doc.clauses.reduce((n, c) => n + (c.heading ? c.heading.split(' ').length : 0) + c.text.split(/\s+/).length, 0)
      const budget = Math.round((TARGET_MS[format] * pages) / 300)
      const target = pages === 300 ? `≤ ${secs(budget)}: ${mark(t.total, budget)}` : `(≤ ${secs(budget)}: ${mark(t.total, budget)})`
      row([format, count(pages), count(words), kb(f.bytes.length), fmt(t.read), fmt(t.segment), fmt(t.total), (t.total / pages).toFixed(2), count(t.last.blocks), count(t.last.doc.clauses.length), target])
    }
  }
  // The three files carry the same clauses: a count far from the DOCX's (whose numbers Word
  // keeps apart from the text) is a reading or segmentation problem, not a speed one.
  const off = [...clauses].filter(([k, n]) => {
    const docx = clauses.get(`docx ${k.split(' ')[1]}`)!
    return Math.abs(n - docx) > docx * 0.01
  })
  console.log(off.length === 0 ? 'Clause counts agree with the DOCX\'s within 1% in every format.' : `Clause counts more than 1% off the DOCX's: ${off.map(([k, n]) => `${k} pages ${count(n)} vs ${count(clauses.get(`docx ${k.split(' ')[1]}`)!)}`).join('; ')}.`)
  const pdfPages = await Promise.all(SIZES.map(async (p) => {
    const r = await readDocumentBytes((await benchFile('a', p, 'pdf')).bytes, 'a.pdf')
    return Math.max(...r.blocks.map((b) => b.page ?? 0))
  }))
  console.log(`Pages are ${WORDS_PER_PAGE} words each; the PDFs (Letter, Times 12 pt, running header and page number) print on ${pdfPages.join(' / ')} pages.`)
}

async function compareTable(): Promise<void> {
  const pages = 300
  const runs = 3
  console.log(`\nTwo imported ${pages}-page drafts compared end to end (median of ${runs} after a warm-up): draft B has sections and paragraphs inserted (renumbering), paragraphs split, merged, deleted and reworded`)
  const row = table(['pair', 'import A', 'import B', 'compare', 'total', 'clauses A/B', 'result', 'target: compare ≤ 1 s'], [11, 9, 9, 8, 8, 11, 54, 22])
  const pairs: Array<[Format, Format]> = [['docx', 'docx'], ['docx', 'pdf'], ['text', 'text']]
  for (const [fa, fb] of pairs) {
    const [a, b] = [await benchFile('a', pages, fa), await benchFile('b', pages, fb)]
    const once = async () => {
      const t0 = performance.now()
      const ia = await importBytes(a)
      const t1 = performance.now()
      const ib = await importBytes(b)
      const t2 = performance.now()
      const comparison = compareVersions(documentVersion(ia.doc, 'draft-a'), documentVersion(ib.doc, 'draft-b'))
      const t3 = performance.now()
      return { a: t1 - t0, b: t2 - t1, compare: t3 - t2, total: t3 - t0, ia, ib, comparison }
    }
    let last = await once()
    const samples: Array<typeof last> = []
    for (let i = 0; i < runs; i++) samples.push((last = await once()))
    const m = (k: 'a' | 'b' | 'compare' | 'total'): number => median(samples.map((s) => s[k]))
    const s = last.comparison.summary
    const result = `${s.modified} modified, ${s.split} split, ${s.merged} merged, ${s.added} added, ${s.removed} removed, ${s.renumbered} renumbered`
    row([`${fa} → ${fb}`, fmt(m('a')), fmt(m('b')), fmt(m('compare')), fmt(m('total')), `${count(last.ia.doc.clauses.length)}/${count(last.ib.doc.clauses.length)}`, result, `${mark(m('compare'), COMPARE_TARGET_MS)}`])
  }
  console.log('compare = documentVersion() of both + compareVersions(); total adds both imports (each has its own budget above).')
}

/** GNU time, when the machine has it, gives a process's peak RSS (the largest of it and its children). */
const GNU_TIME = '/usr/bin/time'

/**
 * Median wall time of a whole process after one warm-up, and its peak RSS in bytes when GNU time
 * is there (its own start adds about a millisecond); null when the command is not installed.
 */
function timeProcess(command: string, args: string[], runs: number): { ms: number; peak: number | null } | null {
  const withTime = existsSync(GNU_TIME)
  const run = (): { ms: number; peak: number | null } => {
    const t0 = performance.now()
    const r = withTime
      ? spawnSync(GNU_TIME, ['-f', 'peak-kb %M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 })
      : spawnSync(command, args, { stdio: 'ignore', timeout: 600_000 })
    const ms = performance.now() - t0
    if (r.error) throw r.error
    // GNU time runs the command itself: 127 is its "command not found".
    if (withTime && r.status === 127) throw Object.assign(new Error(`${command} not found`), { code: 'ENOENT' })
    if (r.status !== 0) throw new Error(`${command} exited with ${r.status}: ${String(r.stderr ?? '').trim().slice(-300)}`)
    const kb = withTime ? /peak-kb (\d+)/.exec(String(r.stderr))?.[1] : undefined
    return { ms, peak: kb === undefined ? null : Number(kb) * 1024 }
  }
  try {
    run()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  const samples = Array.from({ length: runs }, run)
  return { ms: median(samples.map((x) => x.ms)), peak: Math.max(...samples.map((x) => x.peak ?? 0)) || null }
}

const BIN = join(__dirname, '../out/cli/clausewise.cjs')

async function peers(): Promise<void> {
  console.log(`\nWhole processes on the same files, beside \`clausewise segment FILE --json\` from the built bin (read + segment + JSON out, node start included)`)
  console.log(`pdftotext and LibreOffice only extract text (no paragraphs, numbering or clauses); median of 3 runs after a warm-up, 1 at 1,000 pages`)
  const row = table(['tool', 'pages', 'time', 'ms/page', 'peak RSS'], [50, 5, 9, 7, 8])
  const mb = (n: number | null): string => (n === null ? '' : `${(n / 1_048_576).toFixed(0)} MB`)
  const show = (tool: string, pages: number, r: { ms: number; peak: number | null } | null, missing = 'not installed'): void =>
    row([tool, count(pages), r === null ? missing : fmt(r.ms), r === null ? '' : (r.ms / pages).toFixed(2), r === null ? '' : mb(r.peak)])
  const bin = existsSync(BIN)
  const runs = (pages: number): number => (pages >= 1_000 ? 1 : 3)
  for (const pages of SIZES) {
    const f = await benchFile('a', pages, 'pdf')
    show('pdftotext (poppler), PDF', pages, timeProcess('pdftotext', [f.path, '-'], runs(pages)))
    show('clausewise segment --json, PDF', pages, bin ? timeProcess(process.execPath, [BIN, 'segment', f.path, '--json'], runs(pages)) : null, 'not built (npm run build)')
  }
  // LibreOffice starts a whole office suite each run, so it runs once a size after a warm-up, and
  // stops at the first size that takes over 3 s. Its own profile, so that no other soffice blocks it.
  const profile = join(CACHE_DIR, 'lo-profile')
  const outDir = join(CACHE_DIR, 'lo-out')
  mkdirSync(outDir, { recursive: true })
  let soffice = true
  for (const pages of SIZES) {
    const f = await benchFile('a', pages, 'docx')
    if (soffice) {
      const r = timeProcess('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', outDir, f.path], 1)
      show('LibreOffice soffice --convert-to txt (1 run), DOCX', pages, r)
      soffice = r !== null && r.ms <= 3_000
      if (r !== null && !soffice && pages !== SIZES.at(-1)) console.log(`  (LibreOffice takes over 3 s at ${count(pages)} pages: not run on the larger files)`)
    }
    show('clausewise segment --json, DOCX', pages, bin ? timeProcess(process.execPath, [BIN, 'segment', f.path, '--json'], runs(pages)) : null, 'not built (npm run build)')
  }
  rmSync(outDir, { recursive: true, force: true })
}

/** Run in a child process (--memory FORMAT PAGES): one import, its peak RSS and retained heap. */
async function memoryChild(format: Format, pages: number): Promise<void> {
  const f = await benchFile('a', pages, format)
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage()
  const peakBefore = process.resourceUsage().maxRSS * 1024
  const imported = await importBytes(f)
  const peak = process.resourceUsage().maxRSS * 1024
  gc?.()
  const after = process.memoryUsage()
  console.log(JSON.stringify({ rss: before.rss, peakBefore, peak, heapBefore: before.heapUsed, heapAfter: after.heapUsed, clauses: imported.doc.clauses.length }))
}

interface MemoryFigures {
  rss: number
  peakBefore: number
  peak: number
  heapBefore: number
  heapAfter: number
}

async function memoryTable(): Promise<void> {
  console.log('\nMemory of one import, each in a fresh process (node --expose-gc): peak RSS above the RSS just before it, and the heap kept after a GC while the result is alive')
  console.log('The 30-page row is mostly the reader loading; 1,000 minus 30 is the document\'s own cost. Under tsx (as here) loading pdf.js and its worker')
  console.log('takes ~400 MB RSS, against ~70 MB in plain Node: the built bin\'s whole-process peak in the next table is nearer what the app sees.')
  const row = table(['format', 'pages', 'file', 'RSS before', 'peak RSS', 'peak growth', 'heap kept'], [6, 5, 7, 10, 10, 11, 10])
  const mb = (n: number): string => `${(n / 1_048_576).toFixed(0)} MB`
  for (const format of FORMATS) {
    for (const pages of [30, 1_000]) {
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--memory', format, String(pages)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
      const json = r.stdout.trim().split('\n').pop() ?? ''
      if (r.status !== 0 || !json.startsWith('{')) {
        row([format, count(pages), '', `failed: ${(r.stderr || r.stdout).trim().split('\n').pop() ?? ''}`])
        continue
      }
      const m = JSON.parse(json) as MemoryFigures
      // maxRSS is the process's peak so far: when the import never rose above an earlier peak
      // (start-up, reading the file), its growth is at most that difference.
      const growth = m.peak > m.peakBefore ? mb(m.peak - m.rss) : `≤ ${mb(m.peak - m.rss)}`
      row([format, count(pages), kb((await benchFile('a', pages, format)).bytes.length), mb(m.rss), mb(m.peak), growth, mb(m.heapAfter - m.heapBefore)])
    }
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--memory')
  if (at >= 0) return memoryChild(process.argv[at + 1] as Format, Number(process.argv[at + 2]))
  console.log(`Import benchmark (node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} at start)`)
  const t0 = performance.now()
  for (const pages of SIZES) for (const format of FORMATS) await benchFile('a', pages, format)
  for (const format of FORMATS) await benchFile('b', 300, format)
  console.log(`Documents ready in ${fmt(performance.now() - t0)} (made once, then cached in ${CACHE_DIR})`)
  await importTable()
  await compareTable()
  await memoryTable()
  await peers()
}

void main()
