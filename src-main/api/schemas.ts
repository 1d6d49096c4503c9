// A schema for the argument of every API method: main parses each payload with it before any
// work, so a malformed or hostile payload from the renderer never reaches the core.
import { z } from 'zod'
import type { ApiMethod, ArgsOf } from './contract'

const id = z.string().min(1, 'must not be empty').max(128, 'is too long').regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'has characters an id never has')

const idArgs = z.strictObject({ id })

const compareArgs = z.strictObject({
  baseId: id,
  targetId: id,
  options: z
    .strictObject({
      granularity: z.enum(['word', 'char']),
      ignoreCase: z.boolean(),
      ignorePunctuation: z.boolean(),
      ignoreWhitespace: z.boolean()
    })
    .partial()
    .optional()
})

export const API_ARG_SCHEMAS: { [M in ApiMethod]: z.ZodType<ArgsOf<M>> } = {
  getLibrary: z.undefined(),
  getSource: idArgs,
  getVersion: idArgs,
  compare: compareArgs
}
