// `npm run bench`: the compare engine against whole-text jsdiff diffWords and diff-match-patch
// on the same synthetic pairs, in one run, plus the renderer's first paint of a 5,000-clause
// redline in Chromium. Prints figures; asserts nothing (targets are read off the table).
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diffWords } from 'diff'
import DiffMatchPatch from 'diff-match-patch'
import { compareVersions } from '../src-main/core/compare/compare'
import { syntheticPair, toModelYaml } from './synthetic'
import { fmt, median, time } from './timing'

const SIZES = [100, 1_000, 5_000]
const RUNS = 7
/** jsdiff's own time limit for one whole-text diff; past it, the figure is a lower bound. */
const JSDIFF_LIMIT_MS = 300_000

async function main(): Promise<void> {
  if (process.argv.includes('--paint-only')) return firstPaint()
  if (process.argv.includes('--pdf-only')) return pdfExport()
  if (process.argv.includes('--docx-only')) return docxExport()
  if (process.argv.includes('--parse-only')) return sourceParsing()
  console.log(`Compare engine benchmark (node ${process.version}, median of ${RUNS} runs after a warm-up)\n`)
  const header = ['clauses', 'words', 'clausewise', 'jsdiff diffWords (whole text)', 'ratio', 'diff-match-patch (+semantic)', 'ratio']
  const widths = [7, 7, 10, 29, 7, 28, 7]
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const n of SIZES) {
    const { base, target, words } = syntheticPair(n)
    const baseText = base.clauses.map((c) => `${c.heading}\n${c.text}`).join('\n\n')
    const targetText = target.clauses.map((c) => `${c.heading}\n${c.text}`).join('\n\n')
    const ours = time(() => compareVersions(base, target), RUNS)
    // Whole-text jsdiff grows with the square of the edits: at 1,000 clauses one run takes
    // seconds, at 5,000 about a minute, so the baselines run 3 times, and once at 5,000.
    const slowRuns = n >= 5_000 ? 0 : 3
    let finished = true
    const jsdiff = time(() => {
      finished = diffWords(baseText, targetText, { timeout: JSDIFF_LIMIT_MS }) !== undefined
    }, slowRuns)
    const dmp = new DiffMatchPatch()
    dmp.Diff_Timeout = 0 // no time limit: measure the full diff, as the others do
    const dmpMs = time(() => dmp.diff_cleanupSemantic(dmp.diff_main(baseText, targetText)), slowRuns)
    const jsdiffCell = finished ? fmt(jsdiff) : `> ${fmt(JSDIFF_LIMIT_MS)} (gave up)`
    const jsdiffRatio = `${finished ? '' : '> '}${(jsdiff / ours).toFixed(0)}×`
    console.log(line([n.toLocaleString('en'), words.toLocaleString('en'), fmt(ours), jsdiffCell, jsdiffRatio, fmt(dmpMs), `${(dmpMs / ours).toFixed(0)}×`]))
  }
  console.log('\nTarget: 5,000 clauses in well under 100 ms, at least 20× faster than whole-text jsdiff.')
  await suggestionRecall()
  await sourceParsing()
  await pdfExport()
  await docxExport()
  await firstPaint()
}

/** A 1,000-clause comparison with 300 citations, every clause included: the input of the export benchmarks. */
async function exportInput() {
  const { createLibrary } = await import('../src-main/services')
  const library = createLibrary({ sourcesDir: join(__dirname, '../resources/sources'), modelsDir: join(__dirname, '../resources/models') })
  const { sources } = await library.loadSources()
  const { base, target } = syntheticPair(1_000)
  const comparison = compareVersions(base, target)
  const sentences = sources.flatMap((s) => s.sentences.map((span) => ({ source: s, span })))
  const citations = Array.from({ length: 300 }, (_, i) => {
    const { source, span } = sentences[i % sentences.length]!
    const clause = target.clauses[(i * 7) % target.clauses.length]!
    const exact = source.text.slice(span.start, span.end)
    return {
      id: `bench-${i}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', versionId: target.id, clauseId: clause.id, sourceId: source.id,
      stance: (['supports', 'contradicts', 'context'] as const)[i % 3]!, note: i % 2 ? 'Benchmark note.' : '', reviewer: 'Bench',
      quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: span.start, end: span.end },
      start: span.start, end: span.end, orphan: false, fuzzy: false
    }
  })
  return { comparison, citations, sources, reviewer: 'Bench', exportedAt: new Date(), includeUnchanged: true }
}

/** The Word redline of the same 1,000 clauses and 300 citations (target: ≤ 2 s); `--docx-only` runs it alone. */
async function docxExport(): Promise<void> {
  const { renderDocx } = await import('../src-main/core/docx/redline')
  const input = await exportInput()
  await renderDocx(input) // warm-up
  const samples: number[] = []
  let bytes = 0
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    bytes = (await renderDocx(input)).bytes.length
    samples.push(performance.now() - t0)
  }
  console.log(`\nWord redline, 1,000 clauses (all included) with 300 citations: ${fmt(median(samples))} (median of 3; ${Math.round(bytes / 1024)} KB; target ≤ 2 s)`)
}

/** The annotated PDF of a 1,000-clause comparison with 300 citations, inline (target: under 5 s) and side by side (target: ≤ 3 s). */
async function pdfExport(): Promise<void> {
  const { renderPdf, renderSideBySidePdf } = await import('../src-main/core/pdf/export')
  const input = await exportInput()
  await renderPdf(input) // warm-up: font files parsed once per process
  const measure = async (render: typeof renderPdf): Promise<{ ms: number; kb: number }> => {
    const samples: number[] = []
    let bytes = 0
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      bytes = (await render(input)).length
      samples.push(performance.now() - t0)
    }
    return { ms: median(samples), kb: Math.round(bytes / 1024) }
  }
  const inline = await measure(renderPdf)
  const sideBySide = await measure(renderSideBySidePdf)
  console.log('\nAnnotated PDF, 1,000 clauses (all included) with 300 citations (median of 3):')
  console.log(`  inline:       ${fmt(inline.ms)} (${inline.kb} KB; target < 5 s)`)
  console.log(`  side by side: ${fmt(sideBySide.ms)} (${sideBySide.kb} KB; target ≤ 3 s)`)
}

/** parseSource on a 500 KB article built from the bundled ones, in paragraphs and as one line (target: well under 1 s). */
async function sourceParsing(): Promise<void> {
  const { readFile, readdir } = await import('node:fs/promises')
  const { parseSource } = await import('../src-main/core/sources/parse')
  const dir = join(__dirname, '../resources/sources')
  const articles = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.txt')).map((f) => readFile(join(dir, f), 'utf8')))
  let text = ''
  for (let i = 0; text.length < 500_000; i++) text += `${articles[i % articles.length]}\n\n`
  const meta = { id: 'bench', file: 'bench.txt', title: 'Bench', titleFromLead: false, publisher: null, author: null, published: null }
  const paragraphs = time(() => parseSource(text, meta), 3)
  const oneLine = time(() => parseSource(text.replace(/\s*\n\s*/g, ' '), meta), 3)
  console.log(`\nSource parsing, 500 KB article: ${fmt(paragraphs)} in paragraphs, ${fmt(oneLine)} as one line (median of 3; target well under 1 s)`)
}

/** recall@k of the evidence suggestions on the labelled set (every bundled term, labelled by its basis), with and without version periods. */
async function suggestionRecall(): Promise<void> {
  const { createLibrary } = await import('../src-main/services')
  const { recallAt } = await import('./suggestions')
  const library = createLibrary({ sourcesDir: join(__dirname, '../resources/sources'), modelsDir: join(__dirname, '../resources/models') })
  const sources = (await library.loadSources()).sources
  const versions = (await library.loadModels()).versions
  console.log('\nEvidence suggestions on the labelled set (every version × clause the models state, labelled by the sentences of its basis; BM25 over article sentences, at most 2 per source):')
  for (const k of [1, 3, 5]) {
    const r = recallAt(k, sources, versions)
    const flat = recallAt(k, sources, versions, { periods: false })
    console.log(`  recall@${k}: ${r.recall.toFixed(2)} (${r.found} of ${r.clauses}) preferring the version's period; ${flat.recall.toFixed(2)} ignoring it${k === 3 ? ` (target ≥ 0.95)${r.misses.length ? `; missed: ${r.misses.join(', ')}` : ''}` : ''}`)
  }
}

/** Opens the built renderer in Chromium on a 5,000-clause pair and times the first painted row. */
async function firstPaint(): Promise<void> {
  const { chromiumStatus } = await import('../test/e2e/modes')
  const status = chromiumStatus()
  if (!status.available) {
    console.log(`\nRenderer first paint: NOT MEASURED — ${status.detail}`)
    return
  }
  const { chromium } = await import('@playwright/test')
  const { CHROMIUM_ARGS, HARNESS_ORIGIN, openHarnessPage } = await import('../test/e2e/harness-page')
  const modelsDir = await mkdtemp(join(tmpdir(), 'clausewise-bench-'))
  const { base, target } = syntheticPair(5_000)
  await writeFile(join(modelsDir, 'base.yaml'), toModelYaml(base))
  await writeFile(join(modelsDir, 'target.yaml'), toModelYaml(target))
  const { createServices } = await import('../src-main/services')
  const options = { sourcesDir: join(__dirname, '../resources/sources'), modelsDir, workspacePath: join(modelsDir, 'workspace.json') }
  const services = createServices(options)
  await services.library.index() // parse the 5,000-clause models once, as the app does at start-up
  const browser = await chromium.launch({ executablePath: status.detail, args: CHROMIUM_ARGS })
  try {
    const samples: number[] = []
    const rendererSamples: number[] = []
    for (let i = 0; i < 4; i++) {
      const page = await openHarnessPage(browser, options, services)
      await page.goto(`${HARNESS_ORIGIN}/index.html#/compare?base=${base.id}&target=${target.id}`)
      // Time from navigation start until a redline row has been painted (two frames after it exists).
      // A string, not a function: tsx would add helpers to a function that the page does not have.
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))
        if (document.querySelector('.scroller [data-clause]')) return done()
        const observer = new MutationObserver(() => {
          if (document.querySelector('.scroller [data-clause]')) { observer.disconnect(); done() }
        })
        observer.observe(document.body, { childList: true, subtree: true })
      })`)
      const received = await page.evaluate<number>(`performance.getEntriesByName('clausewise:comparison-received')[0]?.startTime ?? NaN`)
      const rendered = await page.locator('.scroller [data-clause]').count()
      if (i > 0) {
        // The first load warms Chromium's caches.
        samples.push(ms)
        rendererSamples.push(ms - received)
      }
      await page.context().close()
      if (i === 3) {
        console.log(`\nRenderer, 5,000-clause redline in Chromium (median of 3, ${rendered} rows in the DOM, virtualised):`)
        console.log(`  first row painted ${fmt(median(rendererSamples))} after the comparison reached the renderer (target < 300 ms)`)
        console.log(`  ${fmt(median(samples))} from navigation, including app start, the engine and the test bridge that stands in for IPC`)
      }
    }
  } finally {
    await browser.close()
  }
}

void main()
