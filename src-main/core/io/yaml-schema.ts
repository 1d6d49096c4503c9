// Parses YAML and validates it with a zod schema, turning every failure into a Problem with
// the file, the 1-based line and the field, so a reviewer can fix a hand-edited file fast.
// Hostile input (alias bombs, absurd nesting, millions of values) is refused before it can
// cost more than a quick scan, and never with more than MAX_PROBLEMS_PER_FILE problems.
import { isNode, isScalar, Lexer, LineCounter, parseDocument, visit, type Document } from 'yaml'
import type { z } from 'zod'
import type { Problem } from '../errors'

/** A file with more problems lists the first ones and a line saying how many more there are. */
export const MAX_PROBLEMS_PER_FILE = 20
/** Brackets, list markers and indentation together; our files need fewer than ten. */
export const MAX_YAML_DEPTH = 100
/** Keys, values and list items a file may hold unless the caller says otherwise. */
export const MAX_YAML_VALUES = 200_000
/** Alias expansions allowed when building the value (the `yaml` package's own guard). */
const MAX_ALIAS_COUNT = 100

export interface YamlOptions {
  /** At most this many keys, values and list items (counted on the tokens, before parsing). */
  maxValues?: number
  /** Said after the count limit, e.g. "a model holds at most 20,000 clauses". */
  valuesHint?: string
  /**
   * A cheap check run on the plain value before `schema`, so that a file with 200,000 bad
   * clauses gets one problem ("too many clauses") instead of 200,000 zod issues.
   */
  guard?: z.ZodType
}

export type Parsed<T> =
  | { ok: true; value: T; lineOf: (path: readonly PropertyKey[]) => number | undefined }
  /** `problems` holds at most MAX_PROBLEMS_PER_FILE, then one "and N more" line; `total` counts them all. */
  | { ok: false; problems: Problem[]; total: number }

export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S, options: YamlOptions = {}): Parsed<z.output<S>> {
  const fail = (problems: readonly Problem[], total = problems.length): Parsed<never> => ({ ok: false, problems: capProblems(problems, total, file), total })
  const tooBig = prescan(text, options.maxValues ?? MAX_YAML_VALUES)
  if (tooBig) {
    const message =
      tooBig.kind === 'depth'
        ? `nested too deeply: more than ${MAX_YAML_DEPTH} levels of brackets, list markers or indentation`
        : `too large: more than ${(options.maxValues ?? MAX_YAML_VALUES).toLocaleString('en')} keys, values and list items${options.valuesHint ? ` (${options.valuesHint})` : ''}`
    return fail([{ code: 'invalid-file', file, line: tooBig.line, message }])
  }

  const lineCounter = new LineCounter()
  // uniqueKeys is checked below in one pass: the yaml package compares every key with every
  // other key of its map, which takes minutes on a map of 100,000 keys.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false })
  const line = (offset: number) => lineCounter.linePos(offset).line
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.slice(0, MAX_PROBLEMS_PER_FILE).map((e) => ({ code: 'invalid-file' as const, file, line: line(e.pos[0]), message: `YAML syntax: ${firstLine(e.message)}` })),
      doc.errors.length
    )
  }
  const duplicates = duplicateKeys(doc, file, line)
  if (duplicates.length > 0) return fail(duplicates.slice(0, MAX_PROBLEMS_PER_FILE), duplicates.length)

  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (err) {
    // The yaml package throws a ReferenceError when aliases expand past maxAliasCount.
    const message = err instanceof ReferenceError ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refusing a possible "billion laughs" file` : `cannot be read as YAML: ${String(err)}`
    return fail([{ code: 'invalid-file', file, message }])
  }

  const lineOf = (path: readonly PropertyKey[]): number | undefined => lineOfPath(doc, lineCounter, path)
  // Only the first issues get a line: finding one walks the document from its root.
  const failWith = (issues: readonly z.core.$ZodIssue[]) => fail(issues.slice(0, MAX_PROBLEMS_PER_FILE).map((issue) => issueProblem(issue, file, lineOf)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), issues.length)
  const guarded = options.guard?.safeParse(value)
  if (guarded && !guarded.success) return failWith(guarded.error.issues)
  const result = schema.safeParse(value)
  if (!result.success) return failWith(result.error.issues)
  return { ok: true, value: result.data, lineOf }
}

function issueProblem(issue: z.core.$ZodIssue, file: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): Problem {
  // An unknown key is reported at the key itself, not at the map that holds it.
  const path = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path
  const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message
  return { code: 'invalid-file', file, line: lineOf(path), field: formatPath(path) || undefined, message }
}

/** Keeps the first MAX_PROBLEMS_PER_FILE problems and adds one line counting the rest. */
export function capProblems(problems: readonly Problem[], total: number, file: string): Problem[] {
  const shown = problems.slice(0, MAX_PROBLEMS_PER_FILE)
  const more = Math.max(total, problems.length) - shown.length
  if (more > 0) shown.push({ code: 'invalid-file', file, message: `and ${more.toLocaleString('en')} more problem${more === 1 ? '' : 's'} not listed` })
  return shown
}

/**
 * One linear pass over the lexer's tokens, before anything is built: the parser, toJS and zod
 * all recurse once per level and spend memory per value, so a file of 100,000 `[` or of two
 * million list items must be refused here. Depth is bounded from above by flow brackets open,
 * plus the current line's indentation, plus the compact `- ` / `? ` markers on it.
 */
function prescan(text: string, maxValues: number): { kind: 'depth' | 'values'; line: number } | null {
  let line = 1
  let flow = 0
  let indent = 0
  let markers = 0
  let atLineStart = true
  let values = 0
  let afterScalarMark = false
  for (const token of new Lexer().lex(text)) {
    // Control characters mark documents and scalars; they are not part of the source.
    if (token === '\x02' || token === '\x18') continue
    if (token === '\x1f') {
      values++
      afterScalarMark = true
      atLineStart = false
    } else {
      const isScalarSource = afterScalarMark
      afterScalarMark = false
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++
      if (token === '\n' || token === '\r\n') {
        atLineStart = true
        indent = 0
        markers = 0
        continue
      }
      if (isScalarSource) {
        // A block scalar's body runs to the end of its last line: what follows starts a line.
        if (token.endsWith('\n')) [atLineStart, indent, markers] = [true, 0, 0]
        continue
      }
      const first = token[0]
      if (first === ' ' || first === '\t') {
        if (atLineStart) indent = token.length
        continue
      }
      if (first === '#') continue
      atLineStart = false
      if (token === '[' || token === '{') flow++
      else if (token === ']' || token === '}') flow = Math.max(0, flow - 1)
      else if (token === '-' || token === '?') markers++
      if (token === '-' || token === '?' || token === ':' || token === ',' || token === '[' || token === '{' || first === '*' || first === '&' || first === '!') values++
    }
    if (flow + indent + markers > MAX_YAML_DEPTH) return { kind: 'depth', line }
    if (values > maxValues) return { kind: 'values', line }
  }
  return null
}

/** Keys repeated within one map, reported at the repeat. */
function duplicateKeys(doc: Document, file: string, line: (offset: number) => number): Problem[] {
  const problems: Problem[] = []
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>()
      for (const { key } of map.items) {
        // Scalar keys compare by value and type, as the yaml package does; a collection used as
        // a key is never equal to another one.
        if (!isScalar(key)) continue
        const id = `${typeof key.value}:${String(key.value)}`
        const at = key.range ? line(key.range[0]) : 0
        const first = seen.get(id)
        if (first === undefined) seen.set(id, at)
        else problems.push({ code: 'invalid-file', file, line: at, message: `YAML syntax: map keys must be unique, "${String(key.value)}" is already at line ${first}` })
      }
    }
  })
  return problems
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
