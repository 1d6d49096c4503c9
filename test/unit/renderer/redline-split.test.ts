import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../../src-main/core/compare/compare'
import { DEFAULT_COMPARE_OPTIONS } from '../../../src-main/core/compare/types'
import { readFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { parseModel } from '../../../src-main/core/models/library'
import { splitSide } from '../../../src-renderer/src/redline-split'

const join = (parts: ReadonlyArray<{ op: string; text: string }>, keep: string): string => parts.filter((p) => p.op === 'equal' || p.op === keep).map((p) => p.text).join('')

describe('splitSide: a split row cut into its clauses for the stacked view', () => {
  // The drafts' "Fees and payment" (3) became 4.1 Fees, 4.2 Invoicing and 4.3 Late payment.
  const draft = (file: string) => parseModel(readFileSync(joinPath(__dirname, '../../fixtures/drafts', file), 'utf8'), file)
  const [jan, mar] = [draft('2026-01-draft.yaml'), draft('2026-03-draft.yaml')]
  const row = compareVersions(jan, mar, DEFAULT_COMPARE_OPTIONS).clauses.find((r) => r.status === 'split')!
  const pieces = row.targetClauses.map((c) => c.text)

  it('gives each target clause exactly its own text, with its own insertions', () => {
    expect(row).toBeDefined()
    const cut = splitSide(row.parts, 'target', pieces.map((p) => p.length))
    expect(cut.map((c) => join(c, 'insert'))).toEqual(pieces)
    expect(pieces).toHaveLength(3)
    expect(cut[1]!.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['undisputed', 'forty-five'])
    expect(cut.flat().some((p) => p.op === 'delete')).toBe(false)
  })

  it('inline, keeps the deletions in the clause where they stand', () => {
    const cut = splitSide(row.parts, 'target', pieces.map((p) => p.length), true)
    expect(cut.map((c) => join(c, 'insert'))).toEqual(pieces)
    expect(cut[1]!.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toContain('thirty')
    expect(cut[2]!.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toContain('four')
  })

  it('cuts a merged row on the base side the same way', () => {
    const merged = compareVersions(mar, jan, DEFAULT_COMPARE_OPTIONS).clauses.find((r) => r.status === 'merged' && r.baseClauses.length === 3)!
    const cut = splitSide(merged.parts, 'base', pieces.map((p) => p.length))
    expect(cut.map((c) => join(c, 'delete'))).toEqual(pieces)
  })
})

describe('splitSide at the clause breaks', () => {
  it('leaves out the other side’s whitespace that became the break between two clauses', () => {
    const parts = [
      { op: 'equal' as const, text: 'One.' },
      { op: 'delete' as const, text: ' ' },
      { op: 'insert' as const, text: '\n\n' },
      { op: 'equal' as const, text: 'Two.' }
    ]
    expect(splitSide(parts, 'target', [4, 4], true)).toEqual([[{ op: 'equal', text: 'One.' }], [{ op: 'equal', text: 'Two.' }]])
    // A real deletion at the break stays.
    const real = [parts[0]!, { op: 'delete' as const, text: ' Three.' }, parts[2]!, parts[3]!]
    expect(splitSide(real, 'target', [4, 4], true)[0]).toEqual([{ op: 'equal', text: 'One.' }, { op: 'delete', text: ' Three.' }])
  })
})
