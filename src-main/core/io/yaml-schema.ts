// Parses YAML and validates it with a zod schema, turning every failure into a Problem with
// the file, the 1-based line and the field, so a reviewer can fix a hand-edited file fast.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import type { Problem } from '../errors'

export type Parsed<T> = { ok: true; value: T; lineOf: (path: readonly PropertyKey[]) => number | undefined } | { ok: false; problems: Problem[] }

export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): Parsed<z.output<S>> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        code: 'invalid-file' as const,
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${firstLine(e.message)}`
      }))
    }
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => lineOfPath(doc, lineCounter, path)
  const result = schema.safeParse(doc.toJS({ maxAliasCount: 100 }))
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues
        .map((issue): Problem => {
          // An unknown key is reported at the key itself, not at the map that holds it.
          const path = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path
          const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message
          return { code: 'invalid-file', file, line: lineOf(path), field: formatPath(path) || undefined, message }
        })
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    }
  }
  return { ok: true, value: result.data, lineOf }
}

/** The line of the deepest node that exists along `path` (a missing field points at its parent). */
function lineOfPath(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line
  }
  return undefined
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '')
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
