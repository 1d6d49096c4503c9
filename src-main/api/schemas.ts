// A schema for the argument of every API method: main parses each payload with it before any
// work, so a malformed or hostile payload from the renderer never reaches the core.
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import { MAX_LINK_CLAUSES, MAX_NOTE_CHARS, MAX_REVIEWER_CHARS, MAX_TITLE_CHARS, tooLong } from '../core/workspace/schema'
import { EXPORT_FORMATS } from '../core/export/types'
import { STANCES } from '../core/workspace/types'
import type { ApiMethod, ArgsOf } from './contract'

const id = z.string().min(1, 'must not be empty').max(128, 'is too long').regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'has characters an id never has')

const idArgs = z.strictObject({ id })

const compareOptions = z
  .strictObject({
    granularity: z.enum(['word', 'char']),
    ignoreCase: z.boolean(),
    ignorePunctuation: z.boolean(),
    ignoreWhitespace: z.boolean()
  })
  .partial()
  .optional()

const compareArgs = z.strictObject({ baseId: id, targetId: id, options: compareOptions })

const stance = z.enum(STANCES)
// The workspace schema's limits: anything accepted here can be saved and read back.
const note = z.string().max(MAX_NOTE_CHARS, tooLong(MAX_NOTE_CHARS))
const offset = z.number().int().nonnegative().max(100_000_000)

const citeArgs = z
  .strictObject({ versionId: id, clauseId: id, sourceId: id, stance, start: offset, end: offset, note: note.optional() })
  .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] })

const clauseIds = z.array(id).max(MAX_LINK_CLAUSES, `names more than ${MAX_LINK_CLAUSES} clauses`)

const role = z.enum(['version', 'source'])
const detail = z.string().max(MAX_TITLE_CHARS, tooLong(MAX_TITLE_CHARS))
const title = detail.refine((t) => t.trim() !== '', 'must not be empty')
const date = z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'must be YYYY, YYYY-MM, YYYY-MM-DD or empty')
/** One drop of a few dozen files is a lot; this bounds the work one call can ask for. */
export const MAX_IMPORT_FILES = 100

const disagreementKey = z.string().max(400, 'is too long').regex(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+\/(term|amount|percent|exclusivity)$/, 'must be versionId/clauseId/kind')

const setPairingArgs = z.strictObject({ baseId: id, targetId: id, base: clauseIds, target: clauseIds, mode: z.enum(['pair', 'unpair', 'auto']) })

export const API_ARG_SCHEMAS: { [M in ApiMethod]: z.ZodType<ArgsOf<M>> } = {
  getLibrary: z.undefined(),
  getSource: idArgs,
  getVersion: idArgs,
  compare: compareArgs,
  getEvidence: z.strictObject({ versionId: id.optional() }),
  cite: citeArgs,
  updateCitation: z.strictObject({ id, stance: stance.optional(), note: note.optional(), clauseId: id.optional() }),
  deleteCitation: idArgs,
  setPairing: setPairingArgs,
  forgetStalePairings: z.strictObject({ baseId: id, targetId: id }),
  suggest: z.strictObject({ versionId: id, clauseId: id, limit: z.number().int().min(1).max(50).optional() }),
  getSettings: z.undefined(),
  updateSettings: z.strictObject({ reviewerName: z.string().max(MAX_REVIEWER_CHARS, tooLong(MAX_REVIEWER_CHARS)) }),
  undo: z.undefined(),
  redo: z.undefined(),
  getHistory: z.undefined(),
  getWorkspaceStatus: z.undefined(),
  exportComparison: z.strictObject({ baseId: id, targetId: id, format: z.enum(EXPORT_FORMATS).optional(), includeUnchanged: z.boolean().optional(), options: compareOptions }),
  // No argument: main reveals only the file its last export wrote, never a path the page names.
  revealExport: z.undefined(),
  getMatter: z.undefined(),
  newMatter: z.strictObject({ title: title }),
  openMatter: z.undefined(),
  openBundledCase: z.undefined(),
  importDocuments: z.strictObject({ as: role }),
  importPaths: z.strictObject({ as: role, paths: z.array(z.string().min(1).max(4_096).refine((p) => isAbsolute(p), 'must be an absolute path (the preload sends only paths of dropped files)')).min(1).max(MAX_IMPORT_FILES, `names more than ${MAX_IMPORT_FILES} files`) }),
  updateDocument: z.strictObject({ id, title: title.optional(), date: date.optional(), author: detail.nullable().optional(), publisher: detail.nullable().optional() }),
  removeDocument: idArgs,
  getDocumentReview: idArgs,
  editSegmentation: z.discriminatedUnion('op', [
    z.strictObject({ documentId: id, clauseId: id, op: z.literal('merge') }),
    z.strictObject({ documentId: id, clauseId: id, op: z.literal('split'), at: offset.min(1) }),
    z.strictObject({ documentId: id, clauseId: id, op: z.literal('heading'), heading: detail })
  ]),
  resetSegmentation: idArgs,
  getDisagreements: z.strictObject({ versionId: id.optional() }),
  dismissDisagreement: z.strictObject({ key: disagreementKey }),
  restoreDisagreement: z.strictObject({ key: disagreementKey }),
  getClauseHistory: z.strictObject({ clauseId: id })
}
