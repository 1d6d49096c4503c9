// Terminal output helpers for the CLI: colour only on a TTY (and never with NO_COLOR), progress
// only on a terminal's stderr, dates in the reviewer's long form, problems printed to stderr in
// one "file:line: field: message" form.
import { ClausewiseError, formatProblem, type Problem } from '../core/errors'

export interface Out {
  stdout: (text: string) => void
  stderr: (text: string) => void
  color: boolean
  /** stderr is a terminal: a long command may show its progress there (rewritten in place). */
  progress?: boolean
}

export function processOut(): Out {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb',
    progress: Boolean(process.stderr.isTTY) && process.env['TERM'] !== 'dumb'
  }
}

const SGR = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], blue: [34, 39], yellow: [33, 39], strike: [9, 29], underline: [4, 24] } as const
export type Style = keyof typeof SGR

export function style(out: Out, text: string, ...styles: Style[]): string {
  if (!out.color || styles.length === 0) return text
  return styles.reduce((t, s) => `\u001b[${SGR[s][0]}m${t}\u001b[${SGR[s][1]}m`, text)
}

export function reportProblems(out: Out, problems: readonly Problem[]): void {
  for (const p of problems) out.stderr(`clausewise: ${formatProblem(p)}\n`)
}

/** A bad input (ClausewiseError) as one line on stderr, exit status 1; anything else is a bug and goes on up. */
export function reportError(out: Out, err: unknown): number {
  if (!(err instanceof ClausewiseError)) throw err
  out.stderr(`clausewise: ${err.message}\n`)
  return 1
}

export { longDate } from '../core/text/dates'
