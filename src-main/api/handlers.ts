// Implements the contract on top of the core and turns every call into an ApiResult: the
// payload is parsed with its schema first, errors become typed results, nothing throws.
// shell/ipc.ts (Electron) and the E2E harness (Chromium mode) both call `dispatch`.
import { stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { exportComparison, suggestedExportName } from '../core/export/service'
import { clauseHistory } from '../core/compare/clause-history'
import { matterHandlers, refuseWhileImporting } from './matter-handlers'
import { ClausewiseError, formatProblem } from '../core/errors'
import { formatPath } from '../core/io/yaml-schema'
import type { Services } from '../services'
import { API_METHODS, type ApiError, type ApiMethod, type ApiResult, type ArgsOf, type ValueOf } from './contract'
import { API_ARG_SCHEMAS } from './schemas'

/** What undo says it would revert. */
const PAIRING_LABEL = { pair: 'Pair clauses', unpair: 'Unpair clauses', auto: 'Automatic pairing' } as const

type Implementations = { [M in ApiMethod]: (args: ArgsOf<M>) => Promise<ValueOf<M>> }

/** Reads the services on every call: the open workspace or matter can be switched while the app runs. */
function implement(services: Services, log: (message: string, err: unknown) => void): Implementations {
  const library = {
    index: () => services.library.index(),
    source: (id: string) => services.library.source(id),
    version: (id: string) => services.library.version(id)
  }
  return {
    getLibrary: () => library.index(),
    getSource: ({ id }) => library.source(id),
    getVersion: ({ id }) => library.version(id),
    compare: ({ baseId, targetId, options }) => {
      services.lastComparison = { baseId, targetId, options }
      return services.compare.compare(baseId, targetId, options)
    },
    setPairing: (args) => services.history.record(PAIRING_LABEL[args.mode], () => services.compare.setPairing(args)),
    forgetStalePairings: ({ baseId, targetId }) => services.history.record('Forget stale pairings', () => services.compare.forgetStale(baseId, targetId)),
    getEvidence: ({ versionId }) => services.evidence.report({ versionId }),
    cite: (args) => services.history.record('Add citation', () => services.evidence.cite(args)),
    updateCitation: ({ id, ...changes }) => services.history.record('Edit citation', () => services.evidence.update(id, changes)),
    deleteCitation: ({ id }) =>
      services.history.record('Delete citation', async () => {
        await services.evidence.remove(id)
        return { id }
      }),
    suggest: ({ versionId, clauseId, limit }) => services.evidence.suggest(versionId, clauseId, limit),
    getSettings: async () => (await services.workspace.read()).settings,
    updateSettings: ({ reviewerName }) =>
      services.history.record('Change reviewer name', () =>
        services.workspace.update((ws) => {
          ws.settings.reviewerName = reviewerName.trim()
          return { ...ws.settings }
        })
      ),
    undo: async () => {
      refuseWhileImporting(services, 'undo or redo')
      return services.history.undo()
    },
    redo: async () => {
      refuseWhileImporting(services, 'undo or redo')
      return services.history.redo()
    },
    getHistory: () => Promise.resolve(services.history.state()),
    exportComparison: async ({ baseId, targetId, format = 'pdf', includeUnchanged, options }) => {
      if (!services.dialogs) throw new ClausewiseError({ code: 'internal', message: 'exporting needs the app window' })
      const [base, target] = await Promise.all([library.version(baseId), library.version(targetId)])
      if (baseId === targetId) throw new ClausewiseError({ code: 'invalid-argument', message: `base and target are the same version ("${baseId}"): choose two different versions` })
      const out = await services.dialogs.chooseExportPath(suggestedExportName(base, target, format), format)
      if (!out) return { saved: false as const }
      const reviewer = (await services.workspace.read()).settings.reviewerName
      const r = await exportComparison(services, { format, baseId, targetId, out, includeUnchanged, options }, reviewer)
      // Not revealed at once: the page offers "Show in folder" (revealExport) beside its message.
      services.lastExport = out
      return { saved: true as const, format, fileName: basename(out), folder: basename(dirname(out)), path: out, pages: r.pages ?? null, clauses: r.clauses, citations: r.citations }
    },
    revealExport: async () => {
      if (!services.dialogs) throw new ClausewiseError({ code: 'internal', message: 'showing a file needs the app window' })
      const path = services.lastExport
      if (!path) throw new ClausewiseError({ code: 'not-found', message: 'nothing has been exported yet' })
      const found = await stat(path).then((s) => s.isFile(), () => false)
      if (!found) throw new ClausewiseError({ code: 'not-found', file: basename(path), message: `is no longer in ${dirname(path)}` })
      services.dialogs.reveal(path)
      return { fileName: basename(path), folder: basename(dirname(path)) }
    },
    getWorkspaceStatus: async () => {
      const { data, readOnly, notices } = await services.workspace.open()
      return { name: services.workspace.name, readOnly, notices: notices.map((n) => n.message), citations: data.citations.length }
    },
    getDisagreements: ({ versionId }) => services.evidence.disagreementReport(versionId),
    dismissDisagreement: async ({ key }) => {
      await services.history.record('Dismiss disagreement', () => services.evidence.dismiss(key))
      return services.evidence.disagreementReport(key.split('/')[0])
    },
    restoreDisagreement: async ({ key }) => {
      await services.history.record('Restore disagreement', () => services.evidence.restore(key))
      return services.evidence.disagreementReport(key.split('/')[0])
    },
    getClauseHistory: async ({ clauseId }) => {
      const [{ versions }, { citations }] = await Promise.all([services.library.loadModels(), services.evidence.report()])
      return clauseHistory(clauseId, versions, citations)
    },
    ...matterHandlers(services, log)
  }
}

export type Dispatch = (method: string, payload: unknown) => Promise<ApiResult<unknown>>

export function createDispatch(services: Services, log: (message: string, err: unknown) => void = console.error): Dispatch {
  const impl = implement(services, log)
  const known = new Set<string>(API_METHODS)
  return async (method, payload) => {
    if (!known.has(method)) return failure('invalid-argument', `unknown API method "${String(method).slice(0, 64)}"`)
    const name = method as ApiMethod
    const parsed = API_ARG_SCHEMAS[name].safeParse(payload)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue ? formatPath(issue.path) : ''
      // zod's own message for extra keys lists them all, verbatim: name a few, each shortened, instead.
      const what = issue?.code === 'unrecognized_keys' ? unrecognizedKeys(issue.keys) : (issue?.message ?? 'invalid')
      return failure('invalid-argument', `${name}: ${where || 'argument'}: ${what}`)
    }
    try {
      // The schema guarantees the argument's type; the cast only re-links it to its method.
      const value = await (impl[name] as (args: unknown) => Promise<unknown>)(parsed.data)
      return { ok: true, value }
    } catch (err) {
      if (err instanceof ClausewiseError) {
        return failure(err.problem.code === 'internal' ? 'internal' : err.problem.code, formatProblem(err.problem))
      }
      log(`clausewise: ${name} failed`, err)
      return failure('internal', `${name} failed unexpectedly; the details are in the application log`)
    }
  }
}

/** The longest `ApiError.message`: room for a sentence naming the field, never room for echoed input. */
export const API_ERROR_MESSAGE_MAX = 300

/** Every error result is built here, so the cap holds for all of them by construction. */
function failure(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message: capMessage(message) } }
}

function capMessage(message: string): string {
  if (message.length <= API_ERROR_MESSAGE_MAX) return message
  let head = message.slice(0, API_ERROR_MESSAGE_MAX - 1)
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1) // never end on half a surrogate pair
  return `${head}…`
}

function unrecognizedKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))
  const more = keys.length - shown.length
  return `Unrecognized key${keys.length === 1 ? '' : 's'}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
}
