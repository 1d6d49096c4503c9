import { describe, expect, it } from 'vitest'
import type { SegmentedClause } from '../../../../src-main/core/import/segment'
import { applySegmentationEdits } from '../../../../src-main/core/matter/segmentation'
import type { SegmentationChange, SegmentationEdit } from '../../../../src-main/core/workspace/types'

function clause(id: string, label: string | undefined, heading: string, text: string, level = 1, parent: string | null = null): SegmentedClause {
  return { id, idDerived: true, ...(label === undefined ? {} : { label }), heading, text, level, parent, paragraph: 1 }
}

const CLAUSES: SegmentedClause[] = [
  clause('c-1', '1', 'Definitions', 'Words have meanings.'),
  clause('c-2', '2', 'Licence', 'The Licensor grants a licence. The Licensee pays the fee.'),
  clause('c-3', '2.1', 'Scope', 'Worldwide and royalty-free.', 2, 'c-2'),
  clause('c-4', '51', 'Franklin Street', 'Boston, MA 02110.', 2, 'c-2')
]

let n = 0
type EditInput = SegmentationChange extends infer E ? (E extends SegmentationChange ? Omit<E, 'documentId'> : never) : never
function edit(e: EditInput): SegmentationEdit {
  return { id: `e-${++n}`, documentId: 'draft', ...e }
}

describe('segmentation edits', () => {
  it('merges a clause with the next without dropping a word: the next one\'s number and heading stay in the text', () => {
    const { clauses, warnings } = applySegmentationEdits(CLAUSES, [edit({ op: 'merge', clauseId: 'c-3' })])
    expect(warnings).toEqual([])
    expect(clauses.map((c) => c.label)).toEqual(['1', '2', '2.1'])
    const merged = clauses[2]!
    expect(merged).toMatchObject({ label: '2.1', heading: 'Scope', text: 'Worldwide and royalty-free.\n\n51 Franklin Street Boston, MA 02110.', edited: true, parent: 'c-2' })
    // A new text is a new clause for citations: the id is derived again, as for any imported clause.
    expect(merged.id).toMatch(/^c-[0-9a-f]{12}$/)
    expect(merged.id).not.toBe('c-3')
  })

  it('splits a clause at an offset in its text; the second part has no number or heading and the same level', () => {
    const text = CLAUSES[1]!.text
    const at = text.indexOf('The Licensee')
    const { clauses } = applySegmentationEdits(CLAUSES, [edit({ op: 'split', clauseId: 'c-2', at })])
    expect(clauses).toHaveLength(5)
    expect(clauses[1]).toMatchObject({ label: '2', heading: 'Licence', text: 'The Licensor grants a licence.', level: 1, edited: true })
    expect(clauses[2]).toMatchObject({ heading: '', text: 'The Licensee pays the fee.', level: 1, edited: true })
    expect(clauses[2]!.label).toBeUndefined()
    // Children of the split clause follow its first part.
    expect(clauses[3]!.parent).toBe(clauses[1]!.id)
    // The same edits always give the same ids: citations made after a split survive a reload.
    const again = applySegmentationEdits(CLAUSES, [edit({ op: 'split', clauseId: 'c-2', at })])
    expect(again.clauses.map((c) => c.id)).toEqual(clauses.map((c) => c.id))
    expect(new Set(clauses.map((c) => c.id)).size).toBe(5)
  })

  it('gives a clause another heading and keeps its id (its text is unchanged)', () => {
    const { clauses } = applySegmentationEdits(CLAUSES, [edit({ op: 'heading', clauseId: 'c-1', heading: '  Interpretation ' })])
    expect(clauses[0]).toMatchObject({ id: 'c-1', heading: 'Interpretation', text: 'Words have meanings.', edited: true })
  })

  it('replays edits in order: a split, then a merge of its second part with the next clause', () => {
    const at = CLAUSES[1]!.text.indexOf('The Licensee')
    const first = applySegmentationEdits(CLAUSES, [edit({ op: 'split', clauseId: 'c-2', at })])
    const secondId = first.clauses[2]!.id
    const { clauses, warnings } = applySegmentationEdits(CLAUSES, [edit({ op: 'split', clauseId: 'c-2', at }), edit({ op: 'merge', clauseId: secondId })])
    expect(warnings).toEqual([])
    expect(clauses[2]!.text).toBe('The Licensee pays the fee.\n\n2.1 Scope Worldwide and royalty-free.')
  })

  it('skips, with a warning, an edit whose clause is gone or that cannot apply, and applies the rest', () => {
    const { clauses, warnings } = applySegmentationEdits(CLAUSES, [
      edit({ op: 'merge', clauseId: 'c-404' }),
      edit({ op: 'merge', clauseId: 'c-4' }),
      edit({ op: 'split', clauseId: 'c-1', at: 500 }),
      edit({ op: 'heading', clauseId: 'c-1', heading: 'Meaning' })
    ])
    expect(warnings).toEqual([
      'A segmentation edit (merge at clause c-404) was not applied: the clause is no longer there.',
      'A segmentation edit (merge at clause c-4) was not applied: it is the last clause, with nothing after it to merge.',
      "A segmentation edit (split at clause c-1) was not applied: the clause's text has 20 characters, so it cannot be split at 500."
    ])
    expect(clauses.map((c) => c.heading)).toEqual(['Meaning', 'Licence', 'Scope', 'Franklin Street'])
  })

  it('refuses a split that leaves only spaces on one side', () => {
    const { warnings } = applySegmentationEdits([clause('c-1', '1', '', 'Text   ')], [edit({ op: 'split', clauseId: 'c-1', at: 5 })])
    expect(warnings[0]).toMatch(/a split must leave text on both sides/)
  })
})
