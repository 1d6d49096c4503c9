// A reviewer's corrections of how a draft was split into clauses, replayed in order over the
// stored segmentation: pure, so the app, the CLI and a test all see the same clauses.
import type { SegmentedClause } from '../import/segment'
import { assignClauseIds } from '../models/identity'
import type { SegmentationEdit } from '../workspace/types'

export interface EditedClause extends SegmentedClause {
  /** True when a reviewer's edit made or changed this clause. */
  edited?: true
}

export interface EditedSegmentation {
  clauses: EditedClause[]
  /** Edits that could not be applied (the clause they name is gone), in words. */
  warnings: string[]
}

/** What separates two paragraphs of one clause, as the segmenter joins them. */
const PARAGRAPH_BREAK = '\n\n'

/**
 * Applies `edits` in order. An edit whose clause is no longer there (an earlier edit was undone,
 * or it names a clause of another segmentation) is skipped with a warning, never guessed at.
 *
 * Identity: a clause whose text an edit changes (merge, split) gets a new id derived from its new
 * text, exactly as identity.ts derives every imported clause's id, so the same edits always give
 * the same ids; a heading edit keeps the id (the text is unchanged).
 */
export function applySegmentationEdits(clauses: readonly SegmentedClause[], edits: readonly SegmentationEdit[]): EditedSegmentation {
  let list: EditedClause[] = clauses.map((c) => ({ ...c }))
  const warnings: string[] = []
  for (const edit of edits) {
    const at = list.findIndex((c) => c.id === edit.clauseId)
    const problem = at < 0 ? 'the clause is no longer there' : checkEdit(list, at, edit)
    if (problem) {
      warnings.push(`A segmentation edit (${edit.op} at clause ${edit.clauseId}) was not applied: ${problem}.`)
      continue
    }
    list = applyOne(list, at, edit)
  }
  return { clauses: list, warnings }
}

/** Why `edit` cannot apply to the clause at `at`, or null when it can. */
export function checkEdit(list: readonly SegmentedClause[], at: number, edit: SegmentationEdit): string | null {
  const clause = list[at]!
  switch (edit.op) {
    case 'merge':
      return at + 1 < list.length ? null : 'it is the last clause, with nothing after it to merge'
    case 'split': {
      if (edit.at >= clause.text.length) return `the clause's text has ${clause.text.length} characters, so it cannot be split at ${edit.at}`
      const [head, tail] = [clause.text.slice(0, edit.at), clause.text.slice(edit.at)]
      return head.trim() && tail.trim() ? null : 'a split must leave text on both sides'
    }
    case 'heading':
      return null
  }
}

function applyOne(list: EditedClause[], at: number, edit: SegmentationEdit): EditedClause[] {
  const clause = list[at]!
  const out = [...list]
  const renamed = new Map<string, string>()
  switch (edit.op) {
    case 'heading':
      out[at] = { ...clause, heading: edit.heading.trim(), edited: true }
      return out
    case 'merge': {
      const next = list[at + 1]!
      // The next clause's number and heading stay in the text: merging drops no words.
      const nextHead = [next.label, next.heading].filter(Boolean).join(' ')
      const text = [clause.text, [nextHead, next.text].filter(Boolean).join(' ')].filter(Boolean).join(PARAGRAPH_BREAK)
      const merged = reidentify(out, [at, at + 1], { ...clause, text, edited: true })
      out.splice(at, 2, merged)
      renamed.set(clause.id, merged.id).set(next.id, merged.id)
      break
    }
    case 'split': {
      const first = { ...clause, text: clause.text.slice(0, edit.at).trimEnd(), edited: true as const }
      const second: EditedClause = { ...clause, text: clause.text.slice(edit.at).trimStart(), heading: '', edited: true }
      delete second.label
      out.splice(at, 1, first, second)
      const a = reidentify(out, [at, at + 1], first)
      out[at] = a
      out[at + 1] = reidentify(out, [at + 1], second)
      renamed.set(clause.id, a.id)
      break
    }
  }
  return out.map((c) => (c.parent !== null && renamed.has(c.parent) ? { ...c, parent: renamed.get(c.parent)! } : c))
}

/** The clause with an id derived from its (new) text, unique among the clauses of `list` not at `replaced`. */
function reidentify(list: readonly EditedClause[], replaced: readonly number[], clause: EditedClause): EditedClause {
  const kept = list.filter((_, i) => !replaced.includes(i)).map((c) => ({ id: c.id, text: '' }))
  const { id: _old, ...fresh } = clause
  return { ...clause, id: assignClauseIds([...kept, fresh]).at(-1)!.id }
}
