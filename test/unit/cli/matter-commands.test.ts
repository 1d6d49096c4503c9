// A matter from a terminal (issue 12): `matter new`, `import` of two drafts and a source, then the
// review commands on the matter (--matter DIR) as on the bundled case; and every bad file the issue
// names refused with its name and reason, the matter folder identical, byte for byte, afterwards.
import { createHash } from 'node:crypto'
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../src-main/cli/main'
import type { ImportJson } from '../../../src-main/cli/matter-commands'
import type { Out } from '../../../src-main/cli/output'
import type { Comparison } from '../../../src-main/core/compare/types'
import { reviewFileOf } from '../../../src-main/core/matter/layout'
import type { Version } from '../../../src-main/core/models/types'
import type { Source } from '../../../src-main/core/sources/types'
import { createLibrary, reviewServices } from '../../../src-main/services'
import { compoundFile, corruptDocx, doctypeDocx, pagesPackage, RTF, zipBombDocx } from '../../support/bad-documents'
import { runCli } from '../../support/run-cli'

const ROOT = join(__dirname, '../../..')
const DOCS = join(ROOT, 'test/fixtures/documents')

const run = runCli

/** SHA-256 over every file and folder under `dir`: relative names, kinds and bytes, in a fixed order. */
function folderHash(dir: string): string {
  const hash = createHash('sha256')
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(rel, name)
      if (statSync(join(dir, path)).isDirectory()) {
        hash.update(`dir ${path}\0`)
        walk(path)
      } else hash.update(`file ${path}\0`).update(readFileSync(join(dir, path))).update('\0')
    }
  }
  walk('')
  return hash.digest('hex')
}

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'clausewise-matter-cli-'))
})
afterAll(() => rm(scratch, { recursive: true, force: true }))

describe('clausewise matter new', () => {
  it('makes an empty folder a matter and prints its folder and title', async () => {
    const dir = join(scratch, 'new-matter')
    const text = await run('matter', 'new', dir, '--title', 'Supplier agreement')
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text.stdout).toContain(dir)
    expect(text.stdout).toContain('Supplier agreement')
    expect(JSON.parse(readFileSync(reviewFileOf(dir), 'utf8'))).toMatchObject({ matter: { title: 'Supplier agreement' }, documents: [] })

    const json = await run('matter', 'new', join(scratch, 'json-matter'), '--title', ' Lease ', '--json')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({ dir: join(scratch, 'json-matter'), title: 'Lease', reviewFile: reviewFileOf(join(scratch, 'json-matter')) })
  })

  it('refuses a folder that is already a matter or holds other files, and an empty title: exit 1, nothing written', async () => {
    const dir = join(scratch, 'taken')
    expect((await run('matter', 'new', dir, '--title', 'First')).code).toBe(0)
    const before = folderHash(dir)
    expect(await run('matter', 'new', dir, '--title', 'Second')).toMatchObject({ code: 1, stderr: 'clausewise: taken: is already a matter: open it instead\n' })
    expect(folderHash(dir)).toBe(before)

    const busy = join(scratch, 'busy')
    mkdirSync(busy)
    writeFileSync(join(busy, 'notes.txt'), 'mine')
    expect(await run('matter', 'new', busy, '--title', 'Busy')).toMatchObject({ code: 1, stderr: expect.stringContaining('busy: is not empty') })
    expect(readdirSync(busy)).toEqual(['notes.txt'])

    expect(await run('matter', 'new', join(scratch, 'untitled'), '--title', '  ')).toMatchObject({ code: 1, stderr: expect.stringContaining('a matter needs a title') })
    expect(readdirSync(scratch)).not.toContain('untitled')
  })

  it('takes a usage error for a missing folder or --title (exit 2)', async () => {
    expect(await run('matter', 'new', '--title', 'T')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: matter new DIR --title TITLE') })
    expect(await run('matter', 'new', join(scratch, 'no-title'))).toMatchObject({ code: 2, stderr: expect.stringContaining('matter new needs --title') })
  })
})

describe('a matter from import to annotated PDF', () => {
  let dir: string
  const imported: Record<string, ImportJson> = {}
  let comparison: Comparison
  let quoted: string

  beforeAll(async () => {
    dir = join(scratch, 'apache')
    expect((await run('matter', 'new', dir, '--title', 'Apache licence review')).code).toBe(0)
  })

  it('imports the PDF draft, the Word draft (each with --date) and an HTML article as a source', async () => {
    // The later draft first: versions must come out in date order, not import order.
    const v2 = await run('import', '--matter', dir, join(DOCS, 'apache-2.0-v2.pdf'), '--as', 'version', '--date', '2026-05-01', '--title', 'Draft 2', '--json')
    expect(v2.code).toBe(0)
    expect(v2.stderr).toContain('clausewise: apache-2.0-v2.pdf: headers, footers and page numbers are not compared')
    imported['v2'] = JSON.parse(v2.stdout) as ImportJson
    expect(imported['v2']).toMatchObject({ id: 'draft-2', role: 'version', title: 'Draft 2', date: '2026-05-01', file: 'apache-2.0-v2.pdf', format: 'pdf' })

    const v1 = await run('import', '--matter', dir, join(DOCS, 'apache-2.0-v1.docx'), '--as', 'version', '--date', '2026-03-01', '--title', 'Draft 1')
    expect(v1.code).toBe(0)
    expect(v1.stdout).toMatch(/^imported apache-2\.0-v1\.docx as a version: Draft 1 \(id draft-1, dated 2026-03-01, (\d+) clauses\)\n$/)

    const source = await run('import', '--matter', dir, join(DOCS, 'html-news-article.html'), '--as', 'source', '--json')
    expect(source.code).toBe(0)
    imported['source'] = JSON.parse(source.stdout) as ImportJson
    // Title, author, date and publisher from the page itself.
    expect(imported['source']).toMatchObject({ role: 'source', title: 'Northwind and Contoso sign five-year services deal', author: 'Maria Lopez', publisher: 'The Ledger', date: '2025-03-14', format: 'html' })
    expect(imported['source'].paragraphs).toBeGreaterThan(5)
    expect(imported['source'].clauses).toBeUndefined()
  })

  it('versions --matter lists both drafts in date order with the clauses import found', async () => {
    const json = await run('versions', '--matter', dir, '--json')
    expect(json).toMatchObject({ code: 0, stderr: '' })
    const versions = JSON.parse(json.stdout) as Version[]
    expect(versions.map((v) => [v.id, v.date])).toEqual([['draft-1', '2026-03-01'], ['draft-2', '2026-05-01']])
    // The same clauses `segment` finds in each file.
    for (const [v, file] of [[versions[0]!, 'apache-2.0-v1.docx'], [versions[1]!, 'apache-2.0-v2.pdf']] as const) {
      const segmented = JSON.parse((await run('segment', join(DOCS, file), '--json')).stdout) as { clauses: Array<{ id: string }> }
      expect(v.clauses.map((c) => c.id)).toEqual(segmented.clauses.map((c) => c.id))
    }
    expect(versions[1]!.clauses).toHaveLength(imported['v2']!.clauses!)

    const text = await run('versions', '--matter', dir)
    expect(text.stdout).toContain(`1 March 2026  Draft 1 (agreement, id draft-1, ${versions[0]!.clauses.length} clauses)`)
    expect(text.stdout.indexOf('Draft 1')).toBeLessThan(text.stdout.indexOf('Draft 2'))
    // The bundled case is not there.
    expect(text.stdout).not.toContain('2026-04')
  })

  it('sources --matter lists the imported article, not the bundled ones', async () => {
    const { code, stdout } = await run('sources', '--matter', dir, '--json')
    expect(code).toBe(0)
    const sources = JSON.parse(stdout) as Source[]
    expect(sources.map((s) => s.id)).toEqual([imported['source']!.id])
  })

  it('compare --matter --json: the redline of the two drafts, invariant holding on every row', async () => {
    const { code, stdout } = await run('compare', '--matter', dir, '--base', 'draft-1', '--target', 'draft-2', '--json')
    expect(code).toBe(0)
    comparison = JSON.parse(stdout) as Comparison
    expect(comparison.base.id).toBe('draft-1')
    expect(comparison.clauses.length).toBeGreaterThan(30)
    for (const row of comparison.clauses) {
      expect(row.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(row.base?.text ?? '')
      expect(row.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(row.target?.text ?? '')
    }
    expect(comparison.summary.added).toBe(1)
    expect(comparison.summary.modified).toBeGreaterThan(0)
  })

  it("compare --matter applies the matter's pairing overrides", async () => {
    const row = comparison.clauses.find((r) => r.status === 'unchanged' && r.baseClauses.length === 1 && r.targetClauses.length === 1)!
    const [base, target] = [row.baseClauses[0]!.id, row.targetClauses[0]!.id]
    // A reviewer unpairs one clause in the app: the same review file.
    await reviewServices(createLibrary({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models') }), reviewFileOf(dir)).compare.setPairing({ baseId: 'draft-1', targetId: 'draft-2', base: [base], target: [target], mode: 'unpair' })

    const withOverride = JSON.parse((await run('compare', '--matter', dir, '--base', 'draft-1', '--target', 'draft-2', '--json')).stdout) as Comparison
    expect(withOverride.summary.removed).toBe(comparison.summary.removed + 1)
    expect(withOverride.summary.added).toBe(comparison.summary.added + 1)
    expect(withOverride.clauses.find((r) => r.baseClauses.some((c) => c.id === base))?.status).toBe('removed')
  })

  it('cite --matter cites a sentence of the imported article for a clause of the imported draft; evidence --matter shows it', async () => {
    const sources = JSON.parse((await run('sources', '--matter', dir, '--json')).stdout) as Source[]
    const article = sources[0]!
    const sentence = article.sentences.map((s) => article.text.slice(s.start, s.end)).find((s) => s.length > 60)!
    quoted = sentence
    const row = comparison.clauses.find((r) => r.status === 'modified')!
    const cite = await run('cite', '--matter', dir, '--version', row.evidenceVersionId, '--clause', row.clauseId, '--source', article.id, '--quote', sentence, '--stance', 'context', '--note', 'press coverage', '--json')
    expect(cite).toMatchObject({ code: 0, stderr: '' })

    const evidence = await run('evidence', '--matter', dir, '--json')
    expect(evidence.code).toBe(0)
    const report = JSON.parse(evidence.stdout) as { citations: Array<Record<string, unknown>> }
    expect(report.citations).toEqual([expect.objectContaining({ versionId: row.evidenceVersionId, clauseId: row.clauseId, sourceId: article.id, quote: sentence, stance: 'context', orphan: false })])
    const text = await run('evidence', '--matter', dir)
    expect(text.stdout).toContain(`“${sentence}”`)
    // The bundled case's workspace knows nothing of it.
    expect(await run('evidence', '--matter', dir, '--version', '2026-04')).toMatchObject({ code: 1, stderr: expect.stringContaining('no version with id "2026-04"') })
  })

  it('export --matter writes the annotated PDF: the changed clause and the citation in its text', async () => {
    const pdf = join(scratch, 'apache-redline.pdf')
    const r = await run('export', '--matter', dir, '--base', 'draft-1', '--target', 'draft-2', '--out', pdf)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/and 1 citation as PDF \(inline\) to /)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    const row = comparison.clauses.find((x) => x.status === 'modified')!
    // The cited clause's row and its redline (deleted and inserted words both printed) …
    expect(text).toContain(`${row.heading} Modified`)
    const deleted = row.parts.find((p) => p.op === 'delete')!.text.trim()
    const inserted = row.parts.find((p) => p.op === 'insert')!.text.trim()
    expect(text).toContain(`${deleted} ${inserted}`)
    // … with the citation under it: stance, the article, the quote and the reviewer's note.
    expect(text).toContain(`[1] Context — The Ledger, “Northwind and Contoso sign five-year services deal”: “${quoted.replace(/\s+/g, ' ')}” Note: press coverage`)
  })

  it('export-annotations --matter writes the citation as a Web Annotation', async () => {
    const out = join(scratch, 'apache.jsonld')
    expect((await run('export-annotations', '--matter', dir, '--out', out)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('press coverage')
  })
})

describe('--matter: usage and refusals', () => {
  let dir: string
  beforeAll(async () => {
    dir = join(scratch, 'usage')
    expect((await run('matter', 'new', dir, '--title', 'Usage')).code).toBe(0)
  })

  it('refuses --matter with --workspace, --sources-dir or --models-dir, and on commands without a matter (exit 2)', async () => {
    expect(await run('versions', '--matter', dir, '--workspace', join(scratch, 'w.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--matter and --workspace cannot be used together') })
    expect(await run('sources', '--matter', dir, '--sources-dir', join(ROOT, 'resources/sources'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--matter cannot be used with --sources-dir or --models-dir') })
    expect(await run('compare', '--matter', dir, '--models-dir', join(ROOT, 'resources/models'), '--base', 'a', '--target', 'b')).toMatchObject({ code: 2 })
    expect(await run('segment', join(DOCS, 'md-services-agreement.md'), '--matter', dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--matter is not used by segment') })
  })

  it('import: usage errors for a missing --matter, FILE or --as, or a bad --as (exit 2)', async () => {
    const file = join(DOCS, 'md-services-agreement.md')
    expect(await run('import', file, '--as', 'version')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: import --matter DIR FILE --as version|source') })
    expect(await run('import', '--matter', dir, '--as', 'version')).toMatchObject({ code: 2 })
    expect(await run('import', '--matter', dir, file)).toMatchObject({ code: 2 })
    expect(await run('import', '--matter', dir, file, '--as', 'draft')).toMatchObject({ code: 2, stderr: expect.stringContaining('--as must be version (a draft to compare) or source (evidence to cite), not "draft"') })
  })

  it('refuses a folder that is not a matter, naming it, and makes nothing there (exit 1)', async () => {
    const plain = join(scratch, 'plain')
    mkdirSync(plain)
    for (const argv of [['import', '--matter', plain, join(DOCS, 'md-services-agreement.md'), '--as', 'version'], ['versions', '--matter', plain], ['evidence', '--matter', plain]]) {
      expect(await run(...argv)).toMatchObject({ code: 1, stderr: `clausewise: ${plain}: is not a matter: it has no matter.clausewise.json (make one with \`clausewise matter new DIR --title TITLE\`)\n` })
    }
    expect(readdirSync(plain)).toEqual([])
    expect(await run('versions', '--matter', join(scratch, 'nowhere'))).toMatchObject({ code: 1, stderr: expect.stringContaining('nowhere: no such matter folder') })
  })

  it('a --workspace naming a matter’s review file opens that matter', async () => {
    const { code, stdout } = await run('versions', '--workspace', reviewFileOf(dir), '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([])
  })
})

describe('import refuses every bad file the issue names, and the matter is left exactly as it was', () => {
  let dir: string
  let inbox: string
  beforeAll(async () => {
    dir = join(scratch, 'bad-input')
    inbox = join(scratch, 'inbox')
    mkdirSync(inbox)
    expect((await run('matter', 'new', dir, '--title', 'Bad input')).code).toBe(0)
    // One document in already: its store and the review file's backups must not change either.
    expect((await run('import', '--matter', dir, join(DOCS, 'md-services-agreement.md'), '--as', 'version')).code).toBe(0)

    const write = (name: string, bytes: Uint8Array | string): void => writeFileSync(join(inbox, name), bytes)
    write('old.doc', compoundFile('WordDocument'))
    write('draft.pages', pagesPackage())
    write('letter.rtf', RTF)
    write('locked.docx', compoundFile('EncryptedPackage'))
    copyFileSync(join(DOCS, 'pdf-encrypted.pdf'), join(inbox, 'locked.pdf'))
    write('corrupt.docx', corruptDocx())
    write('bomb.docx', zipBombDocx())
    write('doctype.docx', doctypeDocx())
    copyFileSync(join(DOCS, 'pdf-scan.pdf'), join(inbox, 'scan.pdf'))
    write('empty.txt', '')
    // Sparse: 200 MB long, no disk used, never written.
    write('huge.pdf', '%PDF-1.7\n')
    truncateSync(join(inbox, 'huge.pdf'), 200 * 1024 * 1024)
  })

  it.each([
    ['old.doc', 'is an old Word 97–2003 document (.doc), which is not supported'],
    ['draft.pages', 'Apple iWork documents are not supported'],
    ['letter.rtf', 'RTF documents are not supported'],
    ['locked.docx', 'the document is password-protected'],
    ['locked.pdf', 'password-protected PDF'],
    ['corrupt.docx', 'the file is damaged'],
    ['bomb.docx', 'would expand to more than 256 MB; not read for safety'],
    ['doctype.docx', 'contains a DOCTYPE, which Word never writes; not read for safety'],
    ['scan.pdf', 'this PDF is a scan: it has no text to compare (OCR is not supported)'],
    ['empty.txt', 'the file is empty'],
    ['huge.pdf', 'the file is 200 MB, more than the 100 MB an import reads'],
    ['missing.docx', 'file not found']
  ])('%s', async (file, reason) => {
    for (const as of ['version', 'source']) {
      const before = folderHash(dir)
      const r = await run('import', '--matter', dir, join(inbox, file), '--as', as)
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(new RegExp(`^clausewise: ${file.replace('.', '\\.')}: .*${reason.replace(/[.()]/g, '\\$&')}`))
      expect(folderHash(dir)).toBe(before)
    }
  })

  it('the same file twice in one role is refused, the matter unchanged', async () => {
    const before = folderHash(dir)
    expect(await run('import', '--matter', dir, join(DOCS, 'md-services-agreement.md'), '--as', 'version')).toMatchObject({ code: 1, stderr: expect.stringContaining('md-services-agreement.md: this file is already in the matter as the version') })
    expect(folderHash(dir)).toBe(before)
  })

  it('a macro-enabled .docm imports as text only, with a warning that its macros were not run', async () => {
    const r = await run('import', '--matter', dir, join(DOCS, 'docx-macro.docm'), '--as', 'version', '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('clausewise: docx-macro.docm: macros were not run or imported')
    const doc = JSON.parse(r.stdout) as ImportJson
    expect(doc).toMatchObject({ format: 'docx', file: 'docx-macro.docm' })
    expect(doc.clauses).toBeGreaterThan(0)
    // Only the original and what import read of it are stored: no macro project beside them.
    expect(readdirSync(join(dir, 'documents', doc.sha256)).sort()).toEqual(['original.docm', 'structure.docx.json'])
  })
})

describe('import progress', () => {
  it('is shown on a terminal (one line, rewritten, cleared before the warnings) and never in a pipe', async () => {
    const dir = join(scratch, 'progress')
    expect((await run('matter', 'new', dir, '--title', 'Progress')).code).toBe(0)
    let terminal = ''
    const tty: Out = { stdout: () => undefined, stderr: (t) => (terminal += t), color: false, progress: true }
    expect(await main(['import', '--matter', dir, join(DOCS, 'apache-2.0-v2.pdf'), '--as', 'version'], tty)).toBe(0)
    const updates = terminal.split('\r\u001b[K').filter(Boolean)
    expect(updates[0]).toBe('importing apache-2.0-v2.pdf: reading 0%')
    expect(updates).toContain('importing apache-2.0-v2.pdf: saving 95%')
    // The line is cleared before the warnings print, so they start on a clean line.
    expect(updates.at(-1)).toBe('clausewise: apache-2.0-v2.pdf: headers, footers and page numbers are not compared (6 lines removed)\n')

    const piped = await run('import', '--matter', dir, join(DOCS, 'apache-2.0-v1.docx'), '--as', 'version')
    expect(piped.code).toBe(0)
    expect(piped.stderr).not.toContain('\r')
    expect(piped.stderr).not.toContain('importing')
  })
})

describe('the built bin', () => {
  // pdf.js stays outside the CLI bundle and loads only when a PDF is read: the bin must still find it.
  it('makes a matter and imports a PDF and a Word draft, run from another folder', async () => {
    const bin = join(ROOT, 'out/cli/clausewise.cjs')
    const dir = join(scratch, 'bin-matter')
    const exec = promisify(execFile)
    await exec(process.execPath, [bin, 'matter', 'new', dir, '--title', 'From the bin'], { cwd: '/' })
    for (const file of ['apache-2.0-v2.pdf', 'apache-2.0-v1.docx']) {
      const { stdout } = await exec(process.execPath, [bin, 'import', '--matter', dir, join(DOCS, file), '--as', 'version', '--json'], { cwd: '/' })
      expect(JSON.parse(stdout)).toMatchObject({ file, role: 'version', clauses: expect.any(Number) })
    }
    await expect(exec(process.execPath, [bin, 'import', '--matter', dir, join(DOCS, 'pdf-scan.pdf'), '--as', 'source'], { cwd: '/' })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('pdf-scan.pdf: this PDF is a scan') })
  })
})
