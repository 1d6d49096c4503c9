import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'
import { createServices } from '../../../../src-main/services'
import { compareVersions } from '../../../../src-main/core/compare/compare'
import { DEFAULT_AUTHOR, renderDocx, rowBookmark } from '../../../../src-main/core/docx/redline'
import { renumberRevisions } from '../../../../src-main/core/docx/moves'
import { documentVersion, importDocumentFile } from '../../../../src-main/core/import/document'
import type { Comparison } from '../../../../src-main/core/compare/types'
import type { ExportInput } from '../../../../src-main/core/export/types'
import type { Version } from '../../../../src-main/core/models/types'
import { longDate } from '../../../../src-main/core/text/dates'

const ROOT = join(__dirname, '../../../..')
const FIXTURES = join(ROOT, 'test/fixtures/documents')
const AT = new Date('2026-11-24T12:00:00Z')
const REVISION = ['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo'] as const

interface Mark {
  name: string
  attrs: Record<string, string>
}

/**
 * Reads a .docx back from its own XML: for each bookmark, the text Word shows after Accept All
 * (w:del and w:moveFrom content dropped) and after Reject All (w:ins and w:moveTo dropped); every
 * revision and move-range element with its attributes; comments.xml's comments with their text.
 */
function readDocx(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes))
  const xml = strFromU8(files['word/document.xml']!)
  const accepted = new Map<string, string>()
  const rejected = new Map<string, string>()
  const marks: Mark[] = []
  const open = new Map<string, string>() // bookmark id → name
  const stack: string[] = []
  const all = { accept: '', reject: '' }
  const parser = new SaxesParser()
  const inside = (name: string) => stack.includes(name)
  const add = (text: string) => {
    const keepAccept = !inside('w:del') && !inside('w:moveFrom')
    const keepReject = !inside('w:ins') && !inside('w:moveTo')
    if (keepAccept) all.accept += text
    if (keepReject) all.reject += text
    for (const name of open.values()) {
      if (keepAccept) accepted.set(name, (accepted.get(name) ?? '') + text)
      if (keepReject) rejected.set(name, (rejected.get(name) ?? '') + text)
    }
  }
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>
    if (tag.name === 'w:bookmarkStart') {
      open.set(attrs['w:id']!, attrs['w:name']!)
      accepted.set(attrs['w:name']!, accepted.get(attrs['w:name']!) ?? '')
      rejected.set(attrs['w:name']!, rejected.get(attrs['w:name']!) ?? '')
    }
    if (tag.name === 'w:bookmarkEnd') open.delete(attrs['w:id']!)
    if ((REVISION as readonly string[]).includes(tag.name) || tag.name.endsWith('RangeStart') || tag.name.endsWith('RangeEnd')) marks.push({ name: tag.name, attrs })
    if (inside('w:r') && tag.name === 'w:br') add('\n')
    if (inside('w:r') && tag.name === 'w:tab') add('\t')
    if (!tag.isSelfClosing) stack.push(tag.name)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  parser.on('text', (text) => {
    const top = stack.at(-1)
    if (top === 'w:t' || top === 'w:delText') add(text)
  })
  parser.write(xml).close()
  const commentsXml = files['word/comments.xml'] ? strFromU8(files['word/comments.xml']) : ''
  const comments = [...commentsXml.matchAll(/<w:comment ([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    attrs: Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
    text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
  }))
  return { xml, accepted, rejected, marks, comments, all }
}

/** Every row of the comparison: Accept All gives its target text, Reject All its base text. */
function expectInvariant(comparison: Comparison, doc: ReturnType<typeof readDocx>, what: string): void {
  comparison.clauses.forEach((row, i) => {
    const at = rowBookmark(i)
    expect(doc.accepted.has(at), `${what}: row ${i} (${row.heading}) is in the document`).toBe(true)
    const from = rowBookmark(i, true)
    const accept = (doc.accepted.get(at) ?? '') + (doc.accepted.get(from) ?? '')
    const reject = (doc.rejected.get(from) ?? '') + (doc.rejected.get(at) ?? '')
    expect(accept, `${what}: accept all, row ${i} (${row.status}) ${row.heading}`).toBe(row.target?.text ?? '')
    expect(reject, `${what}: reject all, row ${i} (${row.status}) ${row.heading}`).toBe(row.base?.text ?? '')
  })
}

/** A version with its clauses in another order and a new id: a pair with real moves. */
function reordered(v: Version): Version {
  const clauses = [...v.clauses]
  const [first] = clauses.splice(1, 1)
  clauses.splice(clauses.length - 2, 0, first!)
  const [last] = clauses.splice(clauses.length - 1, 1)
  clauses.unshift({ ...last!, text: `${last!.text} Amended.` })
  return { ...v, id: `${v.id}-reordered`, title: `${v.title} (reordered)`, clauses }
}

describe('Word redline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-docx-'))
  const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json') })
  await services.evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: 'this license is no longer exclusive', stance: 'supports', note: 'April article', reviewer: 'A. Reviewer' })
  await services.evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'windows-central', quote: "Microsoft retains exclusive access to OpenAI's intellectual property and models through 2030.", stance: 'contradicts', reviewer: 'B. Counsel' })
  const { citations } = await services.evidence.report()
  const { sources } = await services.library.loadSources()
  const { versions } = await services.library.loadModels()
  const input = (comparison: Comparison, more: Partial<ExportInput> = {}): ExportInput => ({ comparison, citations, sources, reviewer: 'A. Reviewer', exportedAt: AT, includeUnchanged: true, versions, ...more })

  it('accepting all changes gives every target clause, rejecting all every base clause, on all 20 ordered bundled pairs', async () => {
    expect(versions.length).toBe(5)
    let pairs = 0
    const statuses = new Set<string>()
    for (const a of versions) {
      for (const b of versions) {
        if (a.id === b.id) continue
        const comparison = compareVersions(await services.library.version(a.id), await services.library.version(b.id))
        comparison.clauses.forEach((r) => statuses.add(r.status))
        expectInvariant(comparison, readDocx((await renderDocx(input(comparison))).bytes), `${a.id} → ${b.id}`)
        pairs++
      }
    }
    expect(pairs).toBe(20)
    // The bundled pairs exercise removed, added and carried-over rows, not only edits.
    expect([...statuses]).toEqual(expect.arrayContaining(['modified', 'added', 'removed', 'carried-over']))
  })

  it('keeps text Word would mangle exact: &, <, quotes, tabs, characters beyond the BMP, spaces at the edges of runs', async () => {
    const base = await services.library.version('2025-10')
    const tricky = (v: Version, id: string, suffix: string): Version => ({
      ...v,
      id,
      clauses: v.clauses.map((c, i) => (i === 1 ? { ...c, text: `${c.text} A & B <C> "D" 'E'\tF 𝔘 ✓${suffix}` } : c))
    })
    const comparison = compareVersions(tricky(base, 'tricky-a', ' (old)  '), tricky(base, 'tricky-b', ' — new & <better> 🙂'))
    const bytes = (await renderDocx(input(comparison))).bytes
    const doc = readDocx(bytes)
    expectInvariant(comparison, doc, 'tricky text')
    // A run starting or ending with a space keeps it only with xml:space="preserve": Word drops it otherwise.
    const runs = [...doc.xml.matchAll(/<w:(t|delText)( [^>]*)?>([^<]*)<\/w:\1>/g)]
    expect(runs.length).toBeGreaterThan(10)
    for (const [whole, , attrs = '', text = ''] of runs) if (/^\s|\s$/.test(text)) expect(attrs, whole).toContain('xml:space="preserve"')
  })

  it('gives every annotation its own id, however many exports the session made (Word refuses a file where two share one)', async () => {
    const comparison = compareVersions(await services.library.version('2025-10'), await services.library.version('2026-04'))
    const ids = (xml: string) => [...xml.matchAll(/<w:(ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart|bookmarkStart|commentRangeStart) w:id="(\d+)"/g)].map((m) => m[2])
    const xml = readDocx((await renderDocx(input(comparison))).bytes).xml
    expect(ids(xml).length).toBeGreaterThan(20)
    expect(new Set(ids(xml)).size).toBe(ids(xml).length)
    // The library numbers bookmarks for the whole process: late in a session they reach any fixed start.
    const late = '<w:bookmarkStart w:id="100000" w:name="a"/><w:ins w:id="100000" w:author="x" w:date="d"><w:r><w:t>x</w:t></w:r></w:ins><w:moveFromRangeStart w:id="100001" w:name="m"/><w:moveFrom w:id="100002"/><w:moveFromRangeEnd w:id="100001"/><w:bookmarkEnd w:id="100000"/>'
    expect(renumberRevisions(late)).toBe('<w:bookmarkStart w:id="100000" w:name="a"/><w:ins w:id="100001" w:author="x" w:date="d"><w:r><w:t>x</w:t></w:r></w:ins><w:moveFromRangeStart w:id="100003" w:name="m"/><w:moveFrom w:id="100002"/><w:moveFromRangeEnd w:id="100003"/><w:bookmarkEnd w:id="100000"/>')
  })

  it('moves clauses with named move-from / move-to pairs, the base text at its old place', async () => {
    const base = await services.library.version('2025-10')
    const target = reordered(base)
    const comparison = compareVersions(base, target)
    const moved = comparison.clauses.filter((r) => r.status === 'moved' || r.moved)
    expect(moved.length).toBeGreaterThan(0)
    const doc = readDocx((await renderDocx(input(comparison, { citations: [] }))).bytes)
    expectInvariant(comparison, doc, 'reordered')
    // Each move: one range of each side, by one name; as many as the moved rows.
    const names = (kind: string) => doc.marks.filter((m) => m.name === kind).map((m) => m.attrs['w:name'])
    expect(names('w:moveFromRangeStart').sort()).toEqual(names('w:moveToRangeStart').sort())
    expect(new Set(names('w:moveToRangeStart')).size).toBe(moved.length)
    expect(doc.marks.filter((m) => m.name === 'w:moveFromRangeEnd')).toHaveLength(moved.length)
    // Reject all reads the base's clauses in the base's order; accept all the target's in its order.
    const inOrder = (text: string, v: Version) => {
      let at = 0
      for (const c of v.clauses) {
        const found = text.indexOf(c.text, at)
        if (found < 0) return `${c.id} out of order`
        at = found + c.text.length
      }
      return 'in order'
    }
    expect(inOrder(doc.all.reject, base)).toBe('in order')
    expect(inOrder(doc.all.accept, target)).toBe('in order')
    expect(inOrder(doc.all.accept, base)).not.toBe('in order')
  })

  it('tracks changes, moves and comments with author and date', async () => {
    const comparison = compareVersions(await services.library.version('2025-10'), await services.library.version('2026-04'))
    const doc = readDocx((await renderDocx(input(comparison))).bytes)
    for (const kind of ['w:ins', 'w:del']) expect(doc.marks.filter((m) => m.name === kind).length, kind).toBeGreaterThan(0)
    for (const m of doc.marks.filter((x) => (REVISION as readonly string[]).includes(x.name))) {
      expect(m.attrs['w:author']).toBe('A. Reviewer')
      expect(m.attrs['w:date']).toBe('2026-11-24T12:00:00Z')
    }
    const october = await services.library.version('2025-10')
    const moves = readDocx((await renderDocx(input(compareVersions(october, reordered(october)), { citations: [] }))).bytes)
    for (const kind of ['w:moveFrom', 'w:moveTo', 'w:moveFromRangeStart', 'w:moveToRangeStart']) {
      const found = moves.marks.filter((m) => m.name === kind)
      expect(found.length, kind).toBeGreaterThan(0)
      for (const m of found) expect([m.attrs['w:author'], m.attrs['w:date']]).toEqual(['A. Reviewer', '2026-11-24T12:00:00Z'])
    }
    // The two citations of the IP licence are comments anchored on its clause, each naming stance, quote, source, note and reviewer.
    expect(doc.comments).toHaveLength(2)
    const [supports, contradicts] = doc.comments
    expect(supports!.attrs['w:author']).toBe('A. Reviewer')
    expect(contradicts!.attrs['w:author']).toBe('B. Counsel')
    for (const c of doc.comments) expect(c.attrs['w:date']).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(supports!.text).toContain('Supports: “this license is no longer exclusive”')
    const hamidun = sources.find((s) => s.id === 'hamidun-news')!
    expect(supports!.text).toContain(`Source: ${hamidun.title}, ${hamidun.publisher}, ${hamidun.published ? longDate(hamidun.published) : 'undated'}`)
    expect(supports!.text).toContain('Note: April article')
    expect(contradicts!.text).toContain('Contradicts: ')
    const row = comparison.clauses.findIndex((r) => r.clauseId === 'ip-licence')
    const start = doc.xml.indexOf('<w:commentRangeStart w:id="0"/>')
    const end = doc.xml.indexOf('<w:commentRangeEnd w:id="0"/>')
    const text = doc.xml.indexOf(`w:name="${rowBookmark(row)}"`)
    expect(start).toBeGreaterThan(-1)
    expect(start < text && text < end).toBe(true)
    // The final section lists the cited sources.
    expect(doc.all.accept).toContain('Cited sources')
    const cited = sources.find((s) => s.id === 'windows-central')!
    expect(doc.all.accept).toContain(cited.title)
  })

  it('marks carried-over clauses in plain words, not as changes, and leaves unchanged ones out unless asked', async () => {
    const comparison = compareVersions(await services.library.version('2025-10'), await services.library.version('2026-04'))
    const carried = comparison.clauses.findIndex((r) => r.status === 'carried-over')
    expect(carried).toBeGreaterThan(-1)
    const all = readDocx((await renderDocx(input(comparison))).bytes)
    expect(all.all.accept).toMatch(/Carried over from \d+ \w+ \d{4} \(not restated\)/)
    // The carried-over clause's text is plain: no tracked change inside its bookmark.
    const at = all.xml.indexOf(`w:name="${rowBookmark(carried)}"`)
    const span = all.xml.slice(at, all.xml.indexOf('<w:bookmarkEnd', at))
    expect(span).not.toMatch(/<w:(ins|del|moveFrom|moveTo)\b/)
    const changed = readDocx((await renderDocx(input(comparison, { includeUnchanged: false }))).bytes)
    expect(changed.accepted.has(rowBookmark(carried))).toBe(false)
    expect(changed.all.accept).not.toContain('Carried over from')
    const firstChange = comparison.clauses.findIndex((r) => r.status === 'modified')
    expect(changed.accepted.get(rowBookmark(firstChange))).toBe(comparison.clauses[firstChange]!.target!.text)
  })

  it('names the unnamed reviewer’s changes Clausewise and writes a clean “No differences” document for 0 changes', async () => {
    const v = await services.library.version('2025-10')
    const same = compareVersions(v, { ...v, id: '2025-10-copy', title: 'Copy' })
    expect(same.clauses.every((r) => r.status === 'unchanged' || r.status === 'carried-over')).toBe(true)
    const doc = readDocx((await renderDocx(input(same, { reviewer: ' ', includeUnchanged: false, citations: [] }))).bytes)
    expect(doc.all.accept).toContain('No differences')
    expect(doc.marks).toHaveLength(0)
    expect(doc.all.accept).toBe(doc.all.reject)
    expect(doc.all.accept).toContain('Not named')
    const edited = compareVersions(v, await services.library.version('2026-04'))
    const unnamed = readDocx((await renderDocx(input(edited, { reviewer: '' }))).bytes)
    expect(new Set(unnamed.marks.filter((m) => m.name === 'w:ins').map((m) => m.attrs['w:author']))).toEqual(new Set([DEFAULT_AUTHOR]))
  })

  it('holds the invariant on an imported real-document pair (Word draft against its PDF revision)', async () => {
    const base = documentVersion(await importDocumentFile(join(FIXTURES, 'apache-2.0-v1.docx')), 'apache-v1')
    const target = documentVersion(await importDocumentFile(join(FIXTURES, 'apache-2.0-v2.pdf')), 'apache-v2')
    const comparison = compareVersions(base, target)
    expect(comparison.clauses.length).toBeGreaterThan(10)
    const statuses = new Set(comparison.clauses.map((r) => r.status))
    expect([...statuses].some((s) => s === 'split' || s === 'merged')).toBe(true)
    const doc = readDocx((await renderDocx(input(comparison, { citations: [], versions: [base, target] }))).bytes)
    expectInvariant(comparison, doc, 'apache v1.docx → v2.pdf')
    expectInvariant(compareVersions(target, base), readDocx((await renderDocx(input(compareVersions(target, base), { citations: [] }))).bytes), 'apache v2.pdf → v1.docx')
  })

  it('converts to PDF in LibreOffice without error', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p))
    if (!soffice) {
      console.warn('\n!!! SKIPPED: LibreOffice (soffice) is not installed, so the Word redline was NOT checked to open cleanly. Install libreoffice-writer-nogui to run it. !!!\n')
      return
    }
    const comparison = compareVersions(await services.library.version('2025-10'), await services.library.version('2026-04'))
    const out = join(dir, 'lo')
    await mkdir(out)
    await writeFile(join(out, 'redline.docx'), (await renderDocx(input(comparison))).bytes)
    const moved = compareVersions(await services.library.version('2025-10'), reordered(await services.library.version('2025-10')))
    await writeFile(join(out, 'moved.docx'), (await renderDocx(input(moved))).bytes)
    const log = execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, join(out, 'redline.docx'), join(out, 'moved.docx')], { encoding: 'utf8', timeout: 120_000 })
    expect(log).not.toMatch(/error/i)
    const pdfs = (await readdir(out)).filter((f) => f.endsWith('.pdf')).sort()
    expect(pdfs).toEqual(['moved.pdf', 'redline.pdf'])
    const text = execFileSync('pdftotext', [join(out, 'redline.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('Summary of changes')
    expect(text).toContain('Carried over from')
  }, 180_000)
})
