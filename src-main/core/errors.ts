// One error type for every bad input the core meets, carrying what and where, so each surface
// (IPC, CLI, UI) can report it precisely without parsing message strings.

export type ProblemCode =
  | 'not-found'
  | 'invalid-argument'
  | 'invalid-file'
  | 'unreadable'
  | 'internal'

/** A located problem with a file or a value: shown to reviewers as "file:line: field: message". */
export interface Problem {
  code: ProblemCode
  /** File name (not a full path) or argument name the problem is about. */
  file?: string
  /** 1-based line in `file`, when known. */
  line?: number
  /** Dotted path of the offending field, e.g. `clauses[3].id`. */
  field?: string
  message: string
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line === undefined ? undefined : String(p.line)].filter(Boolean).join(':')
  const head = [where, p.field].filter(Boolean).join(': ')
  return head ? `${head}: ${p.message}` : p.message
}

export class ClausewiseError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(formatProblem(problem))
    this.name = 'ClausewiseError'
    this.problem = problem
  }
}

export function notFound(kind: string, id: string): ClausewiseError {
  return new ClausewiseError({ code: 'not-found', message: `no ${kind} with id "${id}"` })
}
