// The schema of a workspace file: every field checked on open, so a hand-edited or damaged
// file is refused with a precise message instead of corrupting the reviewer's work.
import { z } from 'zod'
import { STANCES, WORKSPACE_FORMAT, WORKSPACE_SCHEMA_VERSION } from './types'

/**
 * Field limits: the one source of truth. The file's schema enforces them on read and before
 * every write; the API schemas and the CLI check them up front with the same numbers.
 */
export const MAX_NOTE_CHARS = 100_000
export const MAX_QUOTE_CHARS = 100_000
export const MAX_REVIEWER_CHARS = 200

/** "is longer than 100,000 characters": the one wording of a limit, for every surface. */
export function tooLong(limit: number): string {
  return `is longer than ${limit.toLocaleString('en-US')} characters`
}

const id = z.string().min(1).max(128)
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time')

export const QuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'must not be empty').max(MAX_QUOTE_CHARS, tooLong(MAX_QUOTE_CHARS)),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000)
})

export const PositionSelectorSchema = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end > p.start, 'end must be after start')

export const CitationSchema = z.strictObject({
  id,
  created: isoTime,
  modified: isoTime,
  versionId: id,
  clauseId: id,
  sourceId: id,
  stance: z.enum(STANCES),
  note: z.string().max(MAX_NOTE_CHARS, tooLong(MAX_NOTE_CHARS)),
  reviewer: z.string().max(MAX_REVIEWER_CHARS, tooLong(MAX_REVIEWER_CHARS)),
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema
})

/** Far more clauses than one link ever names (a split into a few pieces). */
export const MAX_LINK_CLAUSES = 50

export const PairingSchema = z
  .strictObject({
    id,
    created: isoTime,
    reviewer: z.string().max(MAX_REVIEWER_CHARS, tooLong(MAX_REVIEWER_CHARS)),
    baseVersionId: id,
    targetVersionId: id,
    base: z.array(id).max(MAX_LINK_CLAUSES),
    target: z.array(id).max(MAX_LINK_CLAUSES)
  })
  .refine((p) => p.base.length + p.target.length > 0, 'must name at least one clause')
  .refine((p) => p.base.length <= 1 || p.target.length <= 1, 'pairs one clause with one or more, not several with several')

/** A matter of a few hundred documents at most: the cap keeps a damaged file from claiming millions. */
export const MAX_MATTER_DOCUMENTS = 2_000
export const MAX_SEGMENTATION_EDITS = 20_000
export const MAX_TITLE_CHARS = 500

const optionalText = z.string().max(MAX_TITLE_CHARS, tooLong(MAX_TITLE_CHARS)).nullable()
const isoDateOrEmpty = z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'must be YYYY, YYYY-MM, YYYY-MM-DD or empty')

export const MatterDocumentSchema = z.strictObject({
  id,
  role: z.enum(['version', 'source']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
  file: z.string().min(1).max(1_000),
  format: z.enum(['docx', 'pdf', 'text', 'markdown', 'html']),
  imported: isoTime,
  title: z.string().trim().min(1, 'must not be empty').max(MAX_TITLE_CHARS, tooLong(MAX_TITLE_CHARS)),
  date: isoDateOrEmpty,
  author: optionalText,
  publisher: optionalText
})

const editBase = { id, documentId: id, clauseId: id }
export const SegmentationEditSchema = z.discriminatedUnion('op', [
  z.strictObject({ ...editBase, op: z.literal('merge') }),
  z.strictObject({ ...editBase, op: z.literal('split'), at: z.number().int().positive() }),
  z.strictObject({ ...editBase, op: z.literal('heading'), heading: z.string().max(MAX_TITLE_CHARS, tooLong(MAX_TITLE_CHARS)) })
])

export const DismissedFlagSchema = z.strictObject({
  id,
  key: z.string().min(1).max(400),
  created: isoTime,
  reviewer: z.string().max(MAX_REVIEWER_CHARS, tooLong(MAX_REVIEWER_CHARS))
})

const matter = z.strictObject({ title: z.string().trim().min(1, 'must not be empty').max(MAX_TITLE_CHARS, tooLong(MAX_TITLE_CHARS)) }).nullable()

const settings = z.strictObject({ reviewerName: z.string().max(MAX_REVIEWER_CHARS, tooLong(MAX_REVIEWER_CHARS)) })

export const WorkspaceSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT, { error: `not a Clausewise workspace (expected "format": "${WORKSPACE_FORMAT}")` }),
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  id,
  created: isoTime,
  settings,
  citations: z.array(CitationSchema),
  // A file that lost its pairings (hand-edited) still opens: they are optional on read.
  pairings: z.array(PairingSchema).default([]),
  matter,
  documents: z
    .array(MatterDocumentSchema)
    .max(MAX_MATTER_DOCUMENTS)
    .refine((docs) => new Set(docs.map((d) => d.id)).size === docs.length, 'two documents have the same id'),
  segmentation: z.array(SegmentationEditSchema).max(MAX_SEGMENTATION_EDITS),
  dismissed: z.array(DismissedFlagSchema).max(MAX_SEGMENTATION_EDITS).default([])
})

/** Schema version 3, read only to migrate it. */
export const WorkspaceV3Schema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  schemaVersion: z.literal(3),
  id,
  created: isoTime,
  settings,
  citations: z.array(CitationSchema),
  pairings: z.array(PairingSchema).default([])
})

/** Schema version 2, read only to migrate it. */
export const WorkspaceV2Schema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  schemaVersion: z.literal(2),
  id,
  created: isoTime,
  settings,
  citations: z.array(CitationSchema)
})

/** Schema version 1, read only to migrate it. */
export const WorkspaceV1Schema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  schemaVersion: z.literal(1),
  settings,
  citations: z.array(CitationSchema)
})

/** Just enough to tell a workspace file and its schema version apart from anything else. */
export const WorkspaceHeaderSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT, { error: `not a Clausewise workspace (expected "format": "${WORKSPACE_FORMAT}")` }),
  schemaVersion: z.number({ error: 'schemaVersion must be a number' }).int().positive()
})

/** A newer release's file, read leniently (unknown fields allowed) to show it read-only. */
export const WorkspaceLenientSchema = z.object({
  id: z.string().optional(),
  created: z.string().optional(),
  settings: z.object({ reviewerName: z.string() }).optional(),
  citations: z.array(CitationSchema.loose()),
  // Read entry by entry (store.ts): a newer release reshaping pairings must not cost the citations.
  pairings: z.array(z.unknown()).optional().catch(undefined),
  matter: z.object({ title: z.string() }).nullable().optional().catch(undefined),
  documents: z.array(z.unknown()).optional().catch(undefined),
  segmentation: z.array(z.unknown()).optional().catch(undefined),
  dismissed: z.array(z.unknown()).optional().catch(undefined)
})
