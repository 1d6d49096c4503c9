import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { diffArrays } from 'diff'
import { matchRuns } from '../../../../src-main/core/compare/myers'
import { rng } from '../../../../bench/synthetic'

/** The aligned pairs "i:j" of matchRuns. */
function pairs(a: number[], b: number[]): string[] {
  const runs = matchRuns(Int32Array.from(a), a.length, Int32Array.from(b), b.length)
  const out: string[] = []
  for (let r = 0; r < runs.length; r += 3) for (let n = 0; n < runs[r + 2]!; n++) out.push(`${runs[r]! + n}:${runs[r + 1]! + n}`)
  return out
}

/** The aligned pairs of jsdiff's diffArrays, which redlines were built and reviewed on. */
function jsdiffPairs(a: number[], b: number[]): string[] {
  const out: string[] = []
  let i = 0
  let j = 0
  for (const change of diffArrays(a, b)) {
    if (change.removed) i += change.count
    else if (change.added) j += change.count
    else for (let n = 0; n < change.count; n++) out.push(`${i++}:${j++}`)
  }
  return out
}

describe('matchRuns', () => {
  it('aligns keys exactly as jsdiff does, ties included', () => {
    // A small alphabet makes ties (several equally short edit scripts) the common case.
    const keys = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 })
    fc.assert(
      fc.property(keys, keys, (a, b) => {
        expect(pairs(a, b)).toEqual(jsdiffPairs(a, b))
      }),
      { numRuns: 3000 }
    )
  })

  it('aligns an edited copy exactly as jsdiff does', () => {
    const edited = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 80 }).chain((a) =>
      fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 12 })), { maxLength: 12 }).map((edits) => {
        const b = [...a]
        for (const [at, op, key] of edits) {
          const i = b.length === 0 ? 0 : at % b.length
          if (op === 0) b.splice(i, 1)
          else if (op === 1) b.splice(i, 0, key)
          else b[i] = key
        }
        return [a, b] as const
      })
    )
    fc.assert(
      fc.property(edited, ([a, b]) => {
        expect(pairs(a, b)).toEqual(jsdiffPairs(a, b))
      }),
      { numRuns: 2000 }
    )
  })

  it('stays exact on long, heavily edited texts, where paths no longer reachable are dropped to bound memory', () => {
    // Thousands of keys and hundreds of edits: well past the node pool's first clean-up.
    const rand = rng(11)
    for (const [length, share] of [
      [1500, 0.5],
      [2500, 0.3]
    ] as const) {
      const a = Array.from({ length }, () => Math.floor(rand() * 12))
      const b = [...a]
      for (let e = 0; e < length * share; e++) {
        const i = Math.floor(rand() * b.length)
        const r = rand()
        if (r < 0.3) b.splice(i, 1)
        else if (r < 0.6) b.splice(i, 0, Math.floor(rand() * 12))
        else b[i] = Math.floor(rand() * 12)
      }
      expect(pairs(a, b)).toEqual(jsdiffPairs(a, b))
    }
  })

  it('handles empty and identical sides', () => {
    expect(pairs([], [])).toEqual([])
    expect(pairs([1, 2], [])).toEqual([])
    expect(pairs([], [1, 2])).toEqual([])
    expect(pairs([1, 2, 3], [1, 2, 3])).toEqual(['0:0', '1:1', '2:2'])
  })
})

describe('matchRuns on clauses with nothing in common', () => {
  it('gives up past MAX_EDIT_LENGTH edits instead of holding the process: only the shared start is matched', () => {
    const n = 20_000
    const a = new Int32Array(n + 3)
    const b = new Int32Array(n + 3)
    a.set([7, 8, 9])
    b.set([7, 8, 9])
    for (let i = 3; i < n + 3; i++) {
      a[i] = 100 + (i % 50) // two texts of 20,000 keys sharing no key after the first three
      b[i] = 1_000 + (i % 70)
    }
    const started = performance.now()
    expect(matchRuns(a, n + 3, b, n + 3)).toEqual([0, 0, 3])
    // Bounded work: within seconds even on a busy machine (the uncapped search takes minutes).
    expect(performance.now() - started).toBeLessThan(30_000)
  })
})
