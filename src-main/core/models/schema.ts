// The schema of an agreement model file; its messages are written for the person editing it.
import { z } from 'zod'

/** YAML reads `2019` or `2025-10` unquoted as a number or a string: accept both as text. */
const text = (what: string) =>
  z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string({ error: `${what} must be text` }))

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/
const id = text('id').pipe(z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and dashes, like "ip-licence"'))

export const ISO_PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/

const date = text('date').pipe(
  z
    .string()
    .regex(ISO_PARTIAL_DATE, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((s) => s.length < 10 || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date')
)

const nonEmpty = (what: string) => text(what).pipe(z.string().trim().min(1, `${what} must not be empty`))

/** Optional text: absent or blank means "none" (a clause with no heading is common in real drafts). */
const optional = (what: string, max: number) => text(what).pipe(z.string().trim().max(max, `${what} must be at most ${max} characters`)).optional()

/**
 * A clause's `id` is optional: real drafts carry none, and content pairs them (compare/pair.ts).
 * `label` is the number as printed ("3.1", "Section 4(a)", "Article IV"); it never pairs alone.
 */
/** A passage that states a term: the source's id and its words exactly as the source prints them. */
export const BasisSchema = z.object({ source: id, quote: nonEmpty('quote').pipe(z.string().max(2_000, 'quote must be at most 2,000 characters')) }).strict()

export const ClauseSchema = z
  .object({ id: id.optional(), label: optional('label', 64), heading: optional('heading', 500), text: nonEmpty('text'), basis: z.array(BasisSchema).optional() })
  .strict()

/** A term the version's sources say was ended, with the passages that say so. */
export const RemovalSchema = z.object({ id, basis: z.array(BasisSchema).min(1, 'a removal needs the passage that says the term ended') }).strict()

export const ModelSchema = z
  .object({
    id,
    title: nonEmpty('title'),
    date,
    kind: z.enum(['agreement', 'amendment', 'statement'], { error: 'must be one of agreement, amendment, statement' }),
    summary: nonEmpty('summary'),
    clauses: z.array(ClauseSchema, { error: 'must be a list of clauses' }),
    /**
     * `some`: the version restates only some terms, and the others carry over from the version
     * before (the default for an amendment or a statement); `all`: it is the whole agreement.
     */
    restates: z.enum(['all', 'some'], { error: 'must be all or some' }).optional(),
    removes: z.array(RemovalSchema).optional()
  })
  .strict()
  .superRefine((model, ctx) => {
    const first = new Map<string, number>()
    model.clauses.forEach((clause, i) => {
      if (clause.id === undefined) return
      const earlier = first.get(clause.id)
      if (earlier === undefined) first.set(clause.id, i)
      else ctx.addIssue({ code: 'custom', path: ['clauses', i, 'id'], message: `duplicate clause id "${clause.id}" (also clauses[${earlier}])` })
    })
  })

/** Far more than any agreement has; past it a file is refused before its clauses are checked. */
export const MAX_CLAUSES = 20_000

/**
 * Checked before ModelSchema: one problem for a file with 200,000 clauses instead of one per
 * bad clause (zod would build them all, and the memory with them).
 */
export const ModelGuard = z.unknown().superRefine((model, ctx) => {
  const clauses = typeof model === 'object' && model !== null ? (model as { clauses?: unknown }).clauses : undefined
  if (Array.isArray(clauses) && clauses.length > MAX_CLAUSES) {
    ctx.addIssue({
      code: 'custom',
      path: ['clauses'],
      message: `${clauses.length.toLocaleString('en')} clauses, more than the ${MAX_CLAUSES.toLocaleString('en')} a model may hold`
    })
  }
})

export type ModelFile = z.output<typeof ModelSchema>
