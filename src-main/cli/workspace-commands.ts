// `clausewise workspace check`, `export-annotations` and `import-annotations`: the workspace
// file (or, for the annotations, a matter's review file) from a terminal. `check` only reads: it
// never recovers, migrates or rewrites anything.
import { basename } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { Library } from '../core/library'
import { mergeCitations, parseAnnotations, readAnnotationFile, toAnnotationCollection } from '../core/workspace/annotations'
import { ClausewiseError } from '../core/errors'
import { listBackups, readWorkspaceFile, type Interpreted } from '../core/workspace/store'
import { createWorkspaceStore, readOnlyServices } from '../services'
import { WORKSPACE_SCHEMA_VERSION } from '../core/workspace/types'
import { guarded, storeOf, type Scope } from './common'
import { style, type Out } from './output'

export async function checkCommand(library: Library, out: Out, path: string, json: boolean): Promise<number> {
  const store = createWorkspaceStore(path)
  const backups = (await listBackups(store.backupsDir, store.name)).map((b) => basename(b.path))
  // The store's own reader: the same size cap, strict UTF-8 and schema as opening it.
  let parsed: Interpreted
  try {
    const file = await readWorkspaceFile(path)
    if (file === null) return report({ file: path, valid: false, problem: 'file not found', backups }, 1)
    parsed = file.parsed
  } catch (err) {
    if (!(err instanceof ClausewiseError)) throw err
    return report({ file: path, valid: false, problem: err.problem.message, backups }, 1)
  }
  if (parsed.kind === 'corrupt') return report({ file: path, valid: false, problem: parsed.reason, backups }, 1)
  const version = parsed.kind === 'current' ? WORKSPACE_SCHEMA_VERSION : parsed.version
  // Orphans are counted against the current sources, on a read-only view of the data.
  const { citations, clauses } = await readOnlyServices(library, parsed.data).evidence.report()
  return report(
    {
      file: path,
      valid: true,
      schemaVersion: version,
      status: parsed.kind === 'current' ? 'current' : parsed.kind === 'older' ? 'older schema: will be migrated when opened' : 'newer schema: opens read-only',
      citations: citations.length,
      orphans: citations.filter((c) => c.orphan).length,
      clausesWithConflict: clauses.filter((c) => c.conflict).length,
      pairingOverrides: parsed.data.pairings.length,
      backups
    },
    0
  )

  function report(r: Record<string, unknown>, code: number): number {
    if (json) out.stdout(JSON.stringify(r, null, 2) + '\n')
    else {
      out.stdout(`${style(out, String(r['file']), 'bold')}: ${r['valid'] ? style(out, 'valid', 'green') : style(out, `invalid: ${String(r['problem'])}`, 'red')}\n`)
      for (const [k, v] of Object.entries(r)) if (!['file', 'valid', 'problem', 'backups'].includes(k)) out.stdout(`  ${k}: ${String(v)}\n`)
      out.stdout(`  backups: ${(r['backups'] as string[]).length}${(r['backups'] as string[])[0] ? ` (newest ${(r['backups'] as string[])[0]})` : ''}\n`)
    }
    return code
  }
}

/** `scope` names a review file: --workspace FILE or --matter DIR. */
export function exportCommand(scope: Scope, out: Out, target: string): Promise<number> {
  return guarded(out, async () => {
    const data = await (await storeOf(scope, out)).read()
    await writeFileAtomic(target, JSON.stringify(toAnnotationCollection(data), null, 2) + '\n', { fsync: true })
    out.stdout(`exported ${data.citations.length} citation${data.citations.length === 1 ? '' : 's'} to ${target}\n`)
  })
}

/** `scope` names a review file: --workspace FILE or --matter DIR. */
export function importCommand(scope: Scope, out: Out, input: string, json: boolean): Promise<number> {
  return guarded(out, async () => {
    const entries = await readAnnotationFile(input)
    const { citations, skipped } = await parseAnnotations(entries, scope.library)
    const store = await storeOf(scope, out)
    const merged = citations.length > 0 ? await store.update((ws) => mergeCitations(ws, citations)) : { added: 0, updated: 0 }
    const result = { ...merged, skipped }
    if (json) out.stdout(JSON.stringify(result, null, 2) + '\n')
    else {
      out.stdout(`imported ${merged.added} new and ${merged.updated} updated citation${merged.added + merged.updated === 1 ? '' : 's'}; skipped ${skipped.length}\n`)
      for (const s of skipped) out.stdout(`  skipped entry ${s.index}${s.id ? ` (${s.id})` : ''}: ${s.reason}\n`)
    }
  })
}
