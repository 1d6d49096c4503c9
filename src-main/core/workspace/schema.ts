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

const settings = z.strictObject({ reviewerName: z.string().max(MAX_REVIEWER_CHARS, tooLong(MAX_REVIEWER_CHARS)) })

export const WorkspaceSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT, { error: `not a Clausewise workspace (expected "format": "${WORKSPACE_FORMAT}")` }),
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  id,
  created: isoTime,
  settings,
  citations: z.array(CitationSchema),
  // A file that lost its pairings (hand-edited) still opens: they are optional on read.
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
  pairings: z.array(z.unknown()).optional().catch(undefined)
})
