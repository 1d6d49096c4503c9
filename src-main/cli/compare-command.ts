// `clausewise compare`: the clause-by-clause redline of two versions, coloured in a terminal
// (and marked with [-…-] / {+…+} where colour is off), or as JSON for scripts. With
// --workspace or --matter, the pairings a reviewer saved in the app are applied, as the app applies them.
import { existsSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { compareVersions } from '../core/compare/compare'
import { isChange, numberingText, statusText } from '../core/compare/describe'
import type { CompareOptions, Comparison, Part } from '../core/compare/types'
import { ClausewiseError } from '../core/errors'
import type { Version } from '../core/models/types'
import { emptyWorkspace } from '../core/workspace/types'
import { readOnlyServices } from '../services'
import { reviewOf, type Scope } from './common'
import { longDate, reportError, reportProblems, style, type Out } from './output'

export interface CompareCommandOptions {
  baseId: string
  targetId: string
  json: boolean
  compare: CompareOptions
}

export async function compareCommand(scope: Scope, out: Out, o: CompareCommandOptions): Promise<number> {
  const { library } = scope
  const files = { base: isDocumentPath(o.baseId), target: isDocumentPath(o.targetId) }
  if (files.base || files.target) return compareFiles(scope, out, o, files)
  const { versions, problems } = await library.loadModels()
  reportProblems(out, problems)
  const known = versions.map((v) => v.id)
  for (const id of [o.baseId, o.targetId]) {
    if (!known.includes(id)) {
      out.stderr(`clausewise: no version with id "${id}"; known versions: ${known.join(', ') || 'none'}\n`)
      return 1
    }
  }
  let comparison: Comparison
  try {
    if (scope.workspace !== undefined && !existsSync(scope.workspace)) throw new ClausewiseError({ code: 'not-found', file: scope.workspace, message: 'workspace file not found' })
    // Without --workspace or --matter no reviewer's pairing applies: an empty, read-only workspace stands in.
    const services = (await reviewOf(scope, out)) ?? readOnlyServices(library, emptyWorkspace())
    comparison = await services.compare.compare(o.baseId, o.targetId, o.compare)
  } catch (err) {
    if (err instanceof ClausewiseError) {
      out.stderr(`clausewise: ${err.message}\n`)
      return 1
    }
    throw err
  }
  for (const notice of comparison.notices) out.stderr(`clausewise: ${notice}\n`)
  if (o.json) out.stdout(JSON.stringify(comparison) + '\n')
  else printRedline(out, comparison, versions)
  return 0
}

/**
 * A side of `compare` names a document file, not a version id, when it names a file that exists
 * and looks like a path (a folder in it, or a file extension): version ids are bare words.
 */
function isDocumentPath(value: string): boolean {
  return (/[\\/]/.test(value) || extname(value) !== '') && existsSync(value)
}

/**
 * `compare --base a.docx --target b.pdf`: both documents imported on the fly (either side may
 * still be a version id, of the bundled case or of --matter's drafts; no saved pairing applies).
 */
async function compareFiles({ library, workspace }: Scope, out: Out, o: CompareCommandOptions, files: { base: boolean; target: boolean }): Promise<number> {
  if (workspace !== undefined) return usageFail(out, '--workspace applies saved pairings between versions of the library; it cannot be used when comparing files')
  // The readers load only when a file is compared: comparing version ids starts without them.
  const { documentVersion, importDocumentFile } = await import('../core/import/document')
  let comparison: Comparison
  try {
    const side = async (value: string, isFile: boolean, id: string): Promise<Version> => {
      if (!isFile) {
        const { versions } = await library.loadModels()
        const v = versions.find((x) => x.id === value)
        if (!v) throw new ClausewiseError({ code: 'not-found', message: `no version with id "${value}" and no document file named "${value}"` })
        return v
      }
      const doc = await importDocumentFile(value)
      for (const w of doc.warnings) out.stderr(`clausewise: ${doc.file}: ${w}\n`)
      return documentVersion(doc, id)
    }
    const baseName = files.base ? basename(o.baseId) : o.baseId
    const targetName = files.target ? basename(o.targetId) : o.targetId
    // Two files of one name in different folders are still two versions.
    const base = await side(o.baseId, files.base, baseName)
    const target = await side(o.targetId, files.target, targetName === baseName ? `${targetName} (target)` : targetName)
    comparison = compareVersions(base, target, o.compare)
  } catch (err) {
    return reportError(out, err)
  }
  if (o.json) out.stdout(JSON.stringify(comparison) + '\n')
  else printRedline(out, comparison)
  return 0
}

function usageFail(out: Out, message: string): number {
  out.stderr(`clausewise: ${message}\n`)
  return 2
}

/** "Carried over from 28 October 2025" → "carried over from 28 October 2025": the month keeps its capital. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function printRedline(out: Out, c: Comparison, versions: ReadonlyArray<{ id: string; date: string }> = []): void {
  const s = c.summary
  // A carried-over term names the version its text comes from as the reader knows it: by its date.
  const dated = (id: string): string => {
    const date = versions.find((v) => v.id === id)?.date
    return date ? longDate(date) : id
  }
  const name = (v: Comparison['base']): string => (v.date ? `${longDate(v.date)} (${v.id})` : v.id)
  out.stdout(`${style(out, 'Comparing', 'dim')} ${style(out, name(c.base), 'bold')} → ${style(out, name(c.target), 'bold')}\n`)
  const counts = [`${s.modified} modified`, `${s.added} added`, `${s.removed} removed`, `${s.moved} moved`]
  if (s.split) counts.push(`${s.split} split`)
  if (s.merged) counts.push(`${s.merged} merged`)
  counts.push(`${s.unchanged} unchanged`)
  if (s.carriedOver) counts.push(`${s.carriedOver} carried over`)
  if (s.renumbered) counts.push(`${s.renumbered} renumbered`)
  if (s.review) counts.push(`${s.review} to check`)
  out.stdout(`${counts.join(' · ')} · ${style(out, `+${s.wordsInserted}`, 'blue')} / ${style(out, `−${s.wordsDeleted}`, 'red')} words\n\n`)
  for (const clause of c.clauses) {
    const numbering = numberingText(clause)
    const name = `${clause.heading}${numbering ? ` [${numbering}]` : ''}`
    if (!isChange(clause) && !clause.match?.review) {
      out.stdout(style(out, `  ${name} (${clause.clauseId}): ${clause.status === 'carried-over' ? lowerFirst(statusText(clause, dated)) : 'unchanged'}\n`, 'dim'))
      continue
    }
    const label = lowerFirst(statusText(clause, dated))
    out.stdout(`${style(out, `[${label}]`, clause.status === 'removed' ? 'red' : clause.status === 'added' ? 'blue' : 'yellow')} ${style(out, name, 'bold')} ${style(out, `(${clause.clauseId})`, 'dim')}\n`)
    // Content pairs say why they were paired; a doubtful one says so first.
    if (clause.match && clause.match.by !== 'id') out.stdout(`  ${style(out, `${clause.match.review ? 'CHECK PAIRING — ' : 'pairing: '}${clause.match.reason}`, clause.match.review ? 'yellow' : 'dim')}\n`)
    out.stdout(`  ${render(out, clause.parts)}\n\n`)
  }
}

function render(out: Out, parts: readonly Part[]): string {
  return parts
    .map((p) => {
      if (p.op === 'equal') return p.text
      if (p.ignored) return style(out, p.op === 'delete' ? '' : p.text, 'dim')
      if (!out.color) return p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`
      return p.op === 'delete' ? style(out, p.text, 'red', 'strike') : style(out, p.text, 'blue', 'underline')
    })
    .join('')
}
