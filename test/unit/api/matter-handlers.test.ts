import { describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImportProgress } from '../../../src-main/core/matter/service'
import { createDispatch } from '../../../src-main/api/handlers'
import { createServices } from '../../../src-main/services'

const ROOT = join(__dirname, '../../..')
const FIXTURES = join(ROOT, 'test/fixtures/documents')

/** The dispatch ipc.ts registers, with stand-ins for the native dialogs that answer from `answers`. */
async function app() {
  const root = await mkdtemp(join(tmpdir(), 'clausewise-matter-api-'))
  const answers = { folder: null as string | null, files: [] as string[] }
  const progress: ImportProgress[] = []
  const opened: string[] = []
  const services = createServices({
    sourcesDir: join(ROOT, 'resources/sources'),
    modelsDir: join(ROOT, 'resources/models'),
    workspacePath: join(root, 'bundled.clausewise.json'),
    dialogs: {
      chooseExportPath: () => Promise.resolve(null),
      reveal: () => undefined,
      chooseMatterFolder: () => Promise.resolve(answers.folder),
      chooseImportFiles: () => Promise.resolve(answers.files),
      opened: (path) => opened.push(path),
      importProgress: (p) => progress.push(p)
    }
  })
  const dispatch = createDispatch(services, () => undefined)
  return { root, answers, progress, opened, dispatch }
}

describe('the matter methods', () => {
  it('create a matter, import drafts and a source with progress, and go back to the bundled case', async () => {
    const { root, answers, progress, opened, dispatch } = await app()
    expect(await dispatch('getMatter', undefined)).toEqual({ ok: true, value: null })
    expect(await dispatch('importPaths', { as: 'version', paths: [join(FIXTURES, 'apache-2.0-v1.docx')] })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^no matter is open/) } })

    answers.folder = null
    expect(await dispatch('newMatter', { title: 'Apache review' })).toEqual({ ok: true, value: { opened: false } })
    answers.folder = join(root, 'Apache review')
    expect(await dispatch('newMatter', { title: 'Apache review' })).toEqual({ ok: true, value: { opened: true, title: 'Apache review' } })
    expect(opened).toEqual([join(root, 'Apache review', 'matter.clausewise.json')])

    answers.files = [join(FIXTURES, 'apache-2.0-v1.docx'), join(FIXTURES, 'pdf-scan.pdf'), join(FIXTURES, 'apache-2.0-v2.pdf')]
    const report = await dispatch('importDocuments', { as: 'version' })
    expect(report).toMatchObject({
      ok: true,
      value: {
        imported: [{ document: { file: 'apache-2.0-v1.docx' } }, { document: { file: 'apache-2.0-v2.pdf' } }],
        failed: [{ file: 'pdf-scan.pdf', message: 'pdf-scan.pdf: this PDF is a scan: it has no text to compare (OCR is not supported)' }]
      }
    })
    expect(new Set(progress.map((p) => p.file))).toEqual(new Set(['apache-2.0-v1.docx', 'pdf-scan.pdf', 'apache-2.0-v2.pdf']))
    expect(await dispatch('importPaths', { as: 'source', paths: [join(FIXTURES, 'html-news-article.html')] })).toMatchObject({ ok: true, value: { imported: [{ document: { role: 'source' } }], failed: [] } })

    const matter = await dispatch('getMatter', undefined)
    expect(matter).toMatchObject({ ok: true, value: { title: 'Apache review', folder: 'Apache review', documents: [{ role: 'version' }, { role: 'version' }, { role: 'source' }] } })
    const library = await dispatch('getLibrary', undefined)
    expect(library).toMatchObject({ ok: true, value: { versions: [{ file: 'apache-2.0-v1.docx' }, { file: 'apache-2.0-v2.pdf' }], sources: [{ file: 'html-news-article.html' }], problems: [] } })

    // Each import is one undo step.
    expect(await dispatch('getHistory', undefined)).toMatchObject({ ok: true, value: { undoLabel: 'Import html-news-article.html' } })
    await dispatch('undo', undefined)
    expect(await dispatch('getLibrary', undefined)).toMatchObject({ ok: true, value: { sources: [] } })

    expect(await dispatch('openBundledCase', undefined)).toMatchObject({ ok: true, value: { opened: true } })
    expect(await dispatch('getMatter', undefined)).toEqual({ ok: true, value: null })
    expect(await dispatch('getLibrary', undefined)).toMatchObject({ ok: true, value: { versions: expect.arrayContaining([expect.objectContaining({ id: '2026-04' })]) } })

    answers.folder = join(root, 'Apache review')
    expect(await dispatch('openMatter', undefined)).toEqual({ ok: true, value: { opened: true, title: 'Apache review' } })
    expect(await dispatch('getLibrary', undefined)).toMatchObject({ ok: true, value: { versions: [expect.anything(), expect.anything()] } })
  })

  it('edit a draft\'s clauses, undoably, and refuse what cannot apply', async () => {
    const { root, answers, dispatch } = await app()
    answers.folder = join(root, 'm')
    await dispatch('newMatter', { title: 'M' })
    const imported = (await dispatch('importPaths', { as: 'version', paths: [join(FIXTURES, 'md-services-agreement.md')] })) as { ok: true; value: { imported: Array<{ document: { id: string } }> } }
    const id = imported.value.imported[0]!.document.id
    const review = (await dispatch('getDocumentReview', { id })) as { ok: true; value: { clauses: Array<{ id: string; heading: string }> } }
    const first = review.value.clauses[0]!
    const edited = await dispatch('editSegmentation', { documentId: id, clauseId: first.id, op: 'heading', heading: 'Parties' })
    expect(edited).toMatchObject({ ok: true, value: { edits: 1 } })
    expect((edited as typeof review).value.clauses[0]).toMatchObject({ id: first.id, heading: 'Parties', edited: true })
    expect(await dispatch('getHistory', undefined)).toMatchObject({ ok: true, value: { undoLabel: 'Edit heading' } })
    await dispatch('undo', undefined)
    const undone = (await dispatch('getDocumentReview', { id })) as typeof review & { value: { edits: number } }
    expect(undone.value.edits).toBe(0)
    expect(undone.value.clauses[0]!.heading).toBe(first.heading)
    expect(await dispatch('editSegmentation', { documentId: id, clauseId: first.id, op: 'split', at: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^editSegmentation: at: /) } })
    expect(await dispatch('editSegmentation', { documentId: id, clauseId: first.id, op: 'split', at: 9_999_999 })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/cannot be split at 9999999/) } })
    expect(await dispatch('getDocumentReview', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no document with id "nope"' } })
  })

  it('refuse to switch matters, undo or redo while an import runs, so the import lands where it was asked and undo takes back what it names', async () => {
    const { root, answers, progress, dispatch } = await app()
    answers.folder = join(root, 'm')
    await dispatch('newMatter', { title: 'M' })
    await dispatch('importPaths', { as: 'version', paths: [join(FIXTURES, 'md-services-agreement.md')] })
    const during: unknown[] = []
    let asked = false
    const importing = dispatch('importPaths', { as: 'version', paths: [join(FIXTURES, 'apache-2.0-v2.pdf')] })
    // The first progress event comes while the import runs: ask then, as an impatient reviewer would.
    while (!asked) {
      await new Promise((r) => setTimeout(r, 1))
      if (progress.some((p) => p.file === 'apache-2.0-v2.pdf')) {
        asked = true
        during.push(await dispatch('openBundledCase', undefined), await dispatch('undo', undefined), await dispatch('redo', undefined))
      }
    }
    expect(await importing).toMatchObject({ ok: true, value: { imported: [{ document: { file: 'apache-2.0-v2.pdf' } }] } })
    expect(during).toEqual([
      { ok: false, error: { code: 'invalid-argument', message: 'an import is running: switch when it has finished' } },
      { ok: false, error: { code: 'invalid-argument', message: 'an import is running: undo or redo when it has finished' } },
      { ok: false, error: { code: 'invalid-argument', message: 'an import is running: undo or redo when it has finished' } }
    ])
    expect(await dispatch('getHistory', undefined)).toMatchObject({ ok: true, value: { undoLabel: 'Import apache-2.0-v2.pdf' } })
    expect(await dispatch('getMatter', undefined)).toMatchObject({ ok: true, value: { title: 'M', documents: [{}, {}] } })
  })

  it('answer a dropped folder with the reason, importing nothing', async () => {
    const { root, answers, dispatch } = await app()
    answers.folder = join(root, 'm')
    await dispatch('newMatter', { title: 'M' })
    expect(await dispatch('importPaths', { as: 'version', paths: [join(root, 'm')] })).toMatchObject({ ok: true, value: { imported: [], failed: [{ file: 'm', message: 'm: is a folder, expected a file' }] } })
  })

  it('refuse a folder that is not a matter, and a new matter in a folder that holds other files', async () => {
    const { root, answers, dispatch } = await app()
    await mkdir(join(root, 'papers'))
    await writeFile(join(root, 'papers', 'a.txt'), 'x')
    answers.folder = join(root, 'papers')
    expect(await dispatch('openMatter', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'papers: is not a Clausewise matter: it has no matter.clausewise.json' } })
    expect(await dispatch('newMatter', { title: 'P' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^papers: is not empty/) } })
    expect(await dispatch('getMatter', undefined)).toEqual({ ok: true, value: null })
    expect(await dispatch('importPaths', { as: 'version', paths: ['../../etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'importPaths: paths[0]: must be an absolute path (the preload sends only paths of dropped files)' } })
    expect(await dispatch('newMatter', { title: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'newMatter: title: must not be empty' } })
  })
})
