import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { DOCUMENTS_DIR, REVIEW_FILE, structureFileOf } from '../../../../src-main/core/matter/layout'
import { createMatter, type ImportProgress } from '../../../../src-main/core/matter/service'
import { createServices, openMatter, openWorkspace, type Services } from '../../../../src-main/services'

const ROOT = join(__dirname, '../../../..')
const FIXTURES = join(ROOT, 'test/fixtures/documents')
const fixture = (name: string): string => join(FIXTURES, name)

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'clausewise-matter-'))
}

/** A new matter in a fresh folder, opened; the bundled workspace sits beside it. */
async function newMatter(title = 'Apache review'): Promise<{ services: Services; dir: string; root: string }> {
  const root = await scratch()
  const dir = join(root, title)
  await createMatter(dir, title)
  const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(root, 'bundled.clausewise.json') })
  openMatter(services, dir)
  return { services, dir, root }
}

/** Every folder and file under `dir`, by relative path and content: equal hashes mean nothing was added, removed or changed. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) {
        hash.update(`${relative(dir, path)}/\0`)
        await walk(path)
      } else hash.update(`${relative(dir, path)}\0`).update(await readFile(path)).update('\0')
    }
  }
  await walk(dir)
  return hash.digest('hex')
}

describe('a matter', () => {
  it('is a folder with its review file; a folder holding other files, or a matter, is refused', async () => {
    const root = await scratch()
    await createMatter(join(root, 'm'), 'Supply agreement')
    const review = JSON.parse(await readFile(join(root, 'm', REVIEW_FILE), 'utf8'))
    expect(review).toMatchObject({ format: 'clausewise-workspace', schemaVersion: 4, matter: { title: 'Supply agreement' }, documents: [], segmentation: [] })
    await expect(createMatter(join(root, 'm'), 'Again')).rejects.toThrow('m: is already a matter: open it instead')
    await mkdir(join(root, 'busy'))
    await writeFile(join(root, 'busy', 'notes.txt'), 'mine')
    await expect(createMatter(join(root, 'busy'), 'Busy')).rejects.toThrow('busy: is not empty')
    await expect(createMatter(join(root, 'x'), '   ')).rejects.toThrow('a matter needs a title')
    expect(await readdir(join(root, 'busy'))).toEqual(['notes.txt'])
  })

  it('imports two drafts and a source: versions by date, the source with the page\'s own details, files stored once and read-only', async () => {
    const { services, dir } = await newMatter()
    const progress: ImportProgress[] = []
    const v1 = await services.matter!.importFile(fixture('apache-2.0-v1.docx'), { as: 'version', date: '2024-01' })
    const v2 = await services.matter!.importFile(fixture('apache-2.0-v2.pdf'), { as: 'version', title: 'Draft 2', date: '2024-03-15' }, (p) => progress.push(p))
    const src = await services.matter!.importFile(fixture('html-news-article.html'), { as: 'source' })

    expect(v1.document).toMatchObject({ id: 'apache-license-version-2-0', role: 'version', file: 'apache-2.0-v1.docx', format: 'docx', title: 'Apache License, Version 2.0', date: '2024-01' })
    expect(v2.document).toMatchObject({ id: 'draft-2', format: 'pdf', title: 'Draft 2', date: '2024-03-15' })
    expect(src.document).toMatchObject({ role: 'source', format: 'html', title: 'Northwind and Contoso sign five-year services deal', author: 'Maria Lopez', publisher: 'The Ledger', date: '2025-03-14' })

    // The progress bar runs from 0 to 1 through the stages in order, page by page while a PDF is read.
    expect(progress[0]).toMatchObject({ file: 'apache-2.0-v2.pdf', stage: 'reading', fraction: 0 })
    expect(progress.at(-1)).toMatchObject({ stage: 'done', fraction: 1 })
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b))
    expect(progress.filter((p) => p.stage === 'extracting').length).toBeGreaterThan(2)

    const index = await services.library.index()
    expect(index.problems).toEqual([])
    expect(index.versions.map((v) => [v.id, v.date, v.clauseCount])).toEqual([
      ['apache-license-version-2-0', '2024-01', v1.parts],
      ['draft-2', '2024-03-15', v2.parts]
    ])
    const source = await services.library.source(src.document.id)
    expect(source.text).toContain('Northwind')
    expect(source.sentences.length).toBeGreaterThan(3)

    // Each original is stored byte for byte under its SHA-256, beside its structure, both read-only.
    const original = await readFile(fixture('apache-2.0-v1.docx'))
    const sha = createHash('sha256').update(original).digest('hex')
    expect(v1.document.sha256).toBe(sha)
    const stored = join(dir, DOCUMENTS_DIR, sha)
    expect((await readdir(stored)).sort()).toEqual(['original.docx', structureFileOf('docx')])
    expect(await readFile(join(stored, 'original.docx'))).toEqual(original)
    if (process.platform !== 'win32') expect((await stat(join(stored, 'original.docx'))).mode & 0o222).toBe(0)

    // The redline of the two imported drafts pairs renumbered clauses, as `compare FILE FILE` does.
    const comparison = await services.compare.compare(v1.document.id, v2.document.id)
    expect(comparison.summary).toMatchObject({ added: 1, split: 1, merged: 1 })
    expect(comparison.summary.renumbered).toBeGreaterThan(5)
  })

  it('leaves a draft undated unless the reviewer dates it (a file\'s own dates say when it was saved), and tells two drafts of one title apart by file', async () => {
    const { services } = await newMatter()
    const a = await services.matter!.importFile(fixture('apache-2.0-v1.docx'), { as: 'version' })
    const b = await services.matter!.importFile(fixture('apache-2.0-v2.pdf'), { as: 'version' })
    expect([a.document.date, b.document.date]).toEqual(['', ''])
    expect([a.document.title, b.document.title]).toEqual(['Apache License, Version 2.0', 'Apache License, Version 2.0 (apache-2.0-v2.pdf)'])
    expect((await services.library.index()).versions.map((v) => v.id)).toEqual([a.document.id, b.document.id])
  })

  it('stores a file imported both as a draft and as a source once, and refuses it twice in one role, changing nothing', async () => {
    const { services, dir } = await newMatter()
    await services.matter!.importFile(fixture('md-services-agreement.md'), { as: 'version' })
    await services.matter!.importFile(fixture('md-services-agreement.md'), { as: 'source' })
    expect(await readdir(join(dir, DOCUMENTS_DIR))).toHaveLength(1)
    const before = await treeHash(dir)
    await expect(services.matter!.importFile(fixture('md-services-agreement.md'), { as: 'version' })).rejects.toThrow(/md-services-agreement\.md: this file is already in the matter as the version "/)
    expect(await treeHash(dir)).toBe(before)
  })

  it('imports one file dropped twice at once only once', async () => {
    const { services } = await newMatter()
    const twice = await Promise.allSettled([0, 1].map(() => services.matter!.importFile(fixture('text-mpl-2.0.txt'), { as: 'version' })))
    expect(twice.map((r) => r.status)).toEqual(['fulfilled', 'rejected'])
    expect((await services.workspace.read()).documents).toHaveLength(1)
  })

  it('leaves the matter exactly as it was when a file cannot be imported, and says which file and why', async () => {
    const { services, dir, root } = await newMatter()
    await services.matter!.importFile(fixture('text-mpl-2.0.txt'), { as: 'version' })
    await writeFile(join(root, 'empty.docx'), '')
    await writeFile(join(root, 'huge.txt'), '')
    await truncate(join(root, 'huge.txt'), 200 * 1024 * 1024)
    const cases: Array<[string, RegExp]> = [
      [fixture('pdf-scan.pdf'), /^pdf-scan\.pdf: this PDF is a scan: it has no text to compare \(OCR is not supported\)$/],
      [fixture('pdf-encrypted.pdf'), /^pdf-encrypted\.pdf: .*password/],
      [join(root, 'empty.docx'), /^empty\.docx: the file is empty$/],
      [join(root, 'huge.txt'), /^huge\.txt: the file is 200 MB, more than the 100 MB an import reads$/],
      [join(root, 'missing.pdf'), /^missing\.pdf: file not found$/]
    ]
    const before = await treeHash(dir)
    for (const [path, message] of cases) {
      await expect(services.matter!.importFile(path, { as: 'version' }), path).rejects.toThrow(message)
      expect(await treeHash(dir), path).toBe(before)
    }
    await expect(services.matter!.importFile(fixture('text-gpl-2.0-wrapped.txt'), { as: 'version', date: 'March 2024' })).rejects.toThrow('date: "March 2024" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD')
    expect(await treeHash(dir)).toBe(before)
  })

  it('undoes an import, a details correction and a segmentation edit, and redoes them', async () => {
    const { services } = await newMatter()
    const { history, matter, library } = services
    const draft = await history.record('Import', () => matter!.importFile(fixture('apache-2.0-v1.docx'), { as: 'version' }))
    const id = draft.document.id
    const clauses = (await matter!.review(id)).clauses
    const target = clauses.find((c) => c.label === '1.2')!
    const after = await history.record('Split', () => matter!.editSegmentation({ documentId: id, clauseId: target.id, op: 'split', at: target.text.indexOf('shall mean') }))
    expect(after.clauses).toHaveLength(clauses.length + 1)
    expect((await library.version(id)).clauses).toHaveLength(clauses.length + 1)
    await history.record('Title', () => matter!.updateDocument(id, { title: 'Licence draft A' }))
    expect((await library.version(id)).title).toBe('Licence draft A')

    await history.undo()
    expect((await library.version(id)).title).toBe('Apache License, Version 2.0')
    await history.undo()
    expect((await library.version(id)).clauses).toHaveLength(clauses.length)
    await history.undo()
    await expect(library.version(id)).rejects.toThrow(`no version with id "${id}"`)
    await history.redo()
    await history.redo()
    expect((await library.version(id)).clauses).toHaveLength(clauses.length + 1)
  })

  it('refuses a segmentation edit that cannot apply, and details that are not valid, changing nothing', async () => {
    const { services, dir } = await newMatter()
    const { document } = await services.matter!.importFile(fixture('md-services-agreement.md'), { as: 'version' })
    const last = (await services.matter!.review(document.id)).clauses.at(-1)!
    const before = await treeHash(dir)
    await expect(services.matter!.editSegmentation({ documentId: document.id, clauseId: last.id, op: 'merge' })).rejects.toThrow('it is the last clause, with nothing after it to merge')
    await expect(services.matter!.editSegmentation({ documentId: document.id, clauseId: 'c-000000000000', op: 'heading', heading: 'x' })).rejects.toThrow(/has no clause "c-000000000000"/)
    await expect(services.matter!.editSegmentation({ documentId: 'nope', clauseId: last.id, op: 'merge' })).rejects.toThrow('no document with id "nope"')
    await expect(services.matter!.updateDocument(document.id, { title: ' ' })).rejects.toThrow('title: must not be empty')
    await expect(services.matter!.updateDocument(document.id, { date: '14/03/2025' })).rejects.toThrow('date: use YYYY, YYYY-MM or YYYY-MM-DD')
    expect(await treeHash(dir)).toBe(before)
  })

  it('corrects a source\'s details without touching the stored document', async () => {
    const { services, dir } = await newMatter()
    const { document } = await services.matter!.importFile(fixture('html-news-article.html'), { as: 'source' })
    const store = join(dir, DOCUMENTS_DIR, document.sha256)
    const stored = await Promise.all((await readdir(store)).map((f) => readFile(join(store, f))))
    await services.matter!.updateDocument(document.id, { title: 'Ledger report', author: '', publisher: 'The Ledger (print)', date: '2025-03' })
    expect(await services.library.source(document.id)).toMatchObject({ title: 'Ledger report', author: null, publisher: 'The Ledger (print)', published: '2025-03' })
    expect(await Promise.all((await readdir(store)).map((f) => readFile(join(store, f))))).toEqual(stored)
  })

  it('moves with its folder: renamed elsewhere, it opens with the same versions and sources', async () => {
    const { services, dir, root } = await newMatter()
    await services.matter!.importFile(fixture('apache-2.0-v1.docx'), { as: 'version' })
    await services.matter!.importFile(fixture('html-news-article.html'), { as: 'source' })
    const index = await services.library.index()
    await services.workspace.flush()
    const moved = join(root, 'shared', 'Apache (copy)')
    await mkdir(join(root, 'shared'))
    await rename(dir, moved)
    openMatter(services, moved)
    expect(await services.library.index()).toEqual(index)
  })

  it('reports a damaged stored document by name and still serves the others', async () => {
    const { services, dir } = await newMatter()
    const a = await services.matter!.importFile(fixture('text-mpl-2.0.txt'), { as: 'version' })
    await services.matter!.importFile(fixture('md-services-agreement.md'), { as: 'version' })
    const structure = join(dir, DOCUMENTS_DIR, a.document.sha256, structureFileOf('text'))
    await chmod(structure, 0o644)
    await writeFile(structure, '{"format":"clausewise-document"')
    openMatter(services, dir)
    const index = await services.library.index()
    expect(index.versions.map((v) => v.file)).toEqual(['md-services-agreement.md'])
    expect(index.problems).toEqual([expect.objectContaining({ code: 'invalid-file', file: `documents/${a.document.sha256.slice(0, 12)}…/structure.text.json`, message: expect.stringMatching(/^Mozilla Public License.* \(text-mpl-2\.0\.txt\): damaged: /) })])
  })

  it('serves a stored document again once it is put back, without reopening the matter', async () => {
    const { services, dir } = await newMatter()
    const { document } = await services.matter!.importFile(fixture('text-mpl-2.0.txt'), { as: 'version' })
    openMatter(services, dir)
    const stored = join(dir, DOCUMENTS_DIR, document.sha256)
    await rename(stored, `${stored}.away`)
    expect((await services.library.index()).problems).toHaveLength(1)
    await rename(`${stored}.away`, stored)
    expect(await services.library.index()).toMatchObject({ problems: [], versions: [{ id: document.id }] })
  })

  it('never gives a new document the id of a removed one that citations still name', async () => {
    const { services } = await newMatter()
    const draft = await services.matter!.importFile(fixture('apache-2.0-v1.docx'), { as: 'version' })
    const source = await services.matter!.importFile(fixture('html-news-article.html'), { as: 'source' })
    const clause = (await services.library.version(draft.document.id)).clauses[3]!
    const sentence = (await services.library.source(source.document.id)).sentences[1]!
    await services.evidence.cite({ versionId: draft.document.id, clauseId: clause.id, sourceId: source.document.id, stance: 'supports', start: sentence.start, end: sentence.end })
    await services.matter!.removeDocument(draft.document.id)
    const again = await services.matter!.importFile(fixture('apache-2.0-v1.pdf'), { as: 'version' })
    expect(again.document.id).not.toBe(draft.document.id)
    expect(again.document.id).toBe(`${draft.document.id}-2`)
  })

  it('reads the same bytes as text and as Markdown as two readings, each served as imported', async () => {
    const { services, dir, root } = await newMatter()
    const text = await readFile(fixture('md-services-agreement.md'))
    await writeFile(join(root, 'agreement.txt'), text)
    const asMarkdown = await services.matter!.importFile(fixture('md-services-agreement.md'), { as: 'version' })
    const asText = await services.matter!.importFile(join(root, 'agreement.txt'), { as: 'source' })
    expect([asMarkdown.document.format, asText.document.format]).toEqual(['markdown', 'text'])
    expect((await readdir(join(dir, DOCUMENTS_DIR, asText.document.sha256))).sort()).toEqual(['original.md', 'original.txt', structureFileOf('markdown'), structureFileOf('text')])
    expect((await services.library.index()).problems).toEqual([])
  })

  it('takes back what it stored when the review file cannot be written, leaving the folder as it was', async () => {
    const { services, dir } = await newMatter()
    await services.matter!.importFile(fixture('text-mpl-2.0.txt'), { as: 'version' })
    const before = await treeHash(dir)
    // A save that cannot be written: the review file would exceed its size cap.
    const store = services.workspace as unknown as { update: (change: unknown) => Promise<unknown> }
    const update = store.update.bind(store)
    store.update = () => Promise.reject(new Error('disk full'))
    await expect(services.matter!.importFile(fixture('apache-2.0-v1.docx'), { as: 'version' })).rejects.toThrow('disk full')
    store.update = update
    expect(await treeHash(dir)).toBe(before)
  })

  it('goes back to the bundled case, whose workspace is not a matter', async () => {
    const { services, root } = await newMatter()
    openWorkspace(services, join(root, 'bundled.clausewise.json'))
    expect(services.matter).toBeUndefined()
    expect((await services.library.index()).versions.map((v) => v.id)).toContain('2026-04')
  })
})
