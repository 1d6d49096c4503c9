// The redline's alignment: Myers' greedy O(ND) diff over integer keys, making exactly the choices
// jsdiff's diffArrays makes (the redline was built and reviewed on those), without its per-token
// objects, so a clause aligns in microseconds and a 5,000-clause comparison in milliseconds.

/** No path reaches this diagonal (jsdiff: an undefined bestPath entry). */
const ABSENT = -2

/**
 * The longest edit script searched for. The search costs about d² steps for d edits, so two
 * unrelated 2 MB clauses would hold the main process for minutes; past this many edits (some
 * 5,000 words changed, about a second) the two texts have nothing a word-level
 * alignment would show, and the clause is shown as deleted and inserted after its shared start.
 */
export const MAX_EDIT_LENGTH = 5_000

/** Nodes kept before unreachable ones are dropped; the pool grows only if most are still reachable. */
const COMPACT_AT = 1 << 16

/**
 * The matched runs of a shortest edit script from a[0, n) to b[0, m), as flat triples [aStart,
 * bStart, length, …] in order (what is not matched is deleted from a or inserted from b).
 *
 * This is jsdiff 9's algorithm (Diff.diffWithOptionsObj in base.js) step for step: the forward
 * greedy search over diagonals k = x − y for growing edit lengths d, taking on each diagonal
 * the neighbouring path that reached further into a (a deletion on a tie), with its pruning of
 * diagonals that ran off the edit graph, and with its in-place path table, where a diagonal
 * left out of a round keeps the path it had. jsdiff keeps each path as a linked list of change
 * objects; here a path is a node in a pool of int32s (parent, k, the start and end of its
 * snake), and when the pool fills up, the nodes no live path leads back through are dropped,
 * as a garbage collector drops jsdiff's objects. test/unit/core/compare/myers.test.ts holds
 * the two to the same alignments.
 */
export function matchRuns(a: Int32Array, n: number, b: Int32Array, m: number): number[] {
  // The first snake: jsdiff's seed path. When it exhausts a side, or leaves one key on each
  // side (which differ), there is nothing more to search: the common case of a short heading.
  let p = 0
  while (p < n && p < m && a[p] === b[p]) p++
  if (p === n || p === m || (p === n - 1 && p === m - 1)) return p > 0 ? [0, 0, p] : []
  return new Search(a, n, b, m, p).run()
}

/**
 * The search's tables, kept between calls (a comparison runs thousands of small searches, and
 * allocating them each time cost more than the search): grown when a bigger search needs them,
 * and the part a search uses is reset at its start. Never shared by two searches at once:
 * a search runs to completion synchronously.
 */
let pathEnds: Int32Array = new Int32Array(1024)
let pathNodes: Int32Array = new Int32Array(1024)
let pool: Int32Array = new Int32Array(4 * 1024)

class Search {
  // Positions are jsdiff's: oldPos is the index in a of the last key consumed (−1 before any),
  // newPos = oldPos − k the same in b. V[k + off] is the oldPos of the furthest path on
  // diagonal k, P[k + off] its node.
  private readonly off: number
  private readonly V: Int32Array
  private readonly P: Int32Array
  private nodes: Int32Array // per node: parent, k, oldPos at the snake's start, oldPos at its end
  private count = 0
  private lo = 0 // the diagonals V and P may hold a path on
  private hi = 0

  constructor(
    private readonly a: Int32Array,
    private readonly n: number,
    private readonly b: Int32Array,
    private readonly m: number,
    private readonly prefix: number
  ) {
    const max = n + m - 2 * prefix // the longest edit script, so the widest diagonal
    this.off = max + 1
    const size = 2 * max + 3
    if (size <= pathEnds.length) {
      this.V = pathEnds
      this.P = pathNodes
    } else {
      this.V = new Int32Array(size)
      this.P = new Int32Array(size)
      // Kept for the next search only while moderate: one huge clause should not hold its memory.
      if (size <= 1 << 16) {
        pathEnds = this.V
        pathNodes = this.P
      }
    }
    this.V.fill(ABSENT, 0, size)
    this.nodes = pool
  }

  run(): number[] {
    const { a, b, n, m, V, P, off } = this
    V[off] = this.prefix - 1
    P[off] = this.node(-1, 0, -1, this.prefix - 1)
    let minK = -Infinity
    let maxK = Infinity
    for (let d = 1; d <= n + m; d++) {
      if (d > MAX_EDIT_LENGTH) return this.prefix > 0 ? [0, 0, this.prefix] : []
      const from = Math.max(minK, -d)
      const to = Math.min(maxK, d)
      this.lo = Math.min(this.lo, from - 1)
      this.hi = Math.max(this.hi, to + 1)
      for (let k = from; k <= to; k += 2) {
        if (this.count === this.nodes.length >> 2) this.makeRoom()
        const remove = V[off + k - 1]!
        const add = V[off + k + 1]!
        if (remove !== ABSENT) V[off + k - 1] = ABSENT // that path is taken (or outrun) now
        const canAdd = add !== ABSENT && add - k >= 0 && add - k < m
        const canRemove = remove !== ABSENT && remove + 1 < n
        if (!canAdd && !canRemove) {
          V[off + k] = ABSENT
          continue
        }
        let oldPos: number
        let parent: number
        if (!canRemove || (canAdd && remove < add)) {
          oldPos = add // insert b[newPos]
          parent = P[off + k + 1]!
        } else {
          oldPos = remove + 1 // delete a[oldPos]
          parent = P[off + k - 1]!
        }
        const start = oldPos
        let newPos = oldPos - k
        while (newPos + 1 < m && oldPos + 1 < n && a[oldPos + 1] === b[newPos + 1]) {
          oldPos++
          newPos++
        }
        const node = this.node(parent, k, start, oldPos)
        if (oldPos + 1 >= n && newPos + 1 >= m) return this.matches(node)
        V[off + k] = oldPos
        P[off + k] = node
        if (oldPos + 1 >= n) maxK = Math.min(maxK, k - 1)
        if (newPos + 1 >= m) minK = Math.max(minK, k + 1)
      }
    }
    throw new Error('matchRuns: no edit script found') // unreachable: d = n + m always ends
  }

  private node(parent: number, k: number, start: number, end: number): number {
    const i = this.count++
    const at = i << 2
    this.nodes[at] = parent
    this.nodes[at + 1] = k
    this.nodes[at + 2] = start
    this.nodes[at + 3] = end
    return i
  }

  /** The matched runs along the path ending at `last`. */
  private matches(last: number): number[] {
    const nodes = this.nodes
    const reversed: number[] = []
    for (let i = last; i !== -1; i = nodes[i << 2]!) {
      const start = nodes[(i << 2) + 2]!
      const end = nodes[(i << 2) + 3]!
      if (end > start) reversed.push(start + 1, start + 1 - nodes[(i << 2) + 1]!, end - start)
    }
    const out: number[] = []
    for (let i = reversed.length - 3; i >= 0; i -= 3) out.push(reversed[i]!, reversed[i + 1]!, reversed[i + 2]!)
    return out
  }

  /**
   * The pool is full: keep only the nodes some live path (a diagonal whose V is not ABSENT)
   * leads back through, renumbered in order (a parent is always older than its child, so
   * renumbering in place keeps every parent ahead of its children); grow if that frees little.
   */
  private makeRoom(): void {
    const { V, P, off } = this
    let nodes = this.nodes
    if (this.count >= COMPACT_AT) {
      const keep = new Uint8Array(this.count)
      for (let k = this.lo; k <= this.hi; k++) {
        if (V[off + k] === ABSENT) continue
        for (let i = P[off + k]!; i !== -1 && keep[i] === 0; i = nodes[i << 2]!) keep[i] = 1
      }
      const renumbered = new Int32Array(this.count)
      let kept = 0
      for (let i = 0; i < this.count; i++) {
        if (keep[i] === 0) continue
        const parent = nodes[i << 2]!
        nodes[kept << 2] = parent === -1 ? -1 : renumbered[parent]!
        nodes[(kept << 2) + 1] = nodes[(i << 2) + 1]!
        nodes[(kept << 2) + 2] = nodes[(i << 2) + 2]!
        nodes[(kept << 2) + 3] = nodes[(i << 2) + 3]!
        renumbered[i] = kept++
      }
      for (let k = this.lo; k <= this.hi; k++) if (V[off + k] !== ABSENT) P[off + k] = renumbered[P[off + k]!]!
      this.count = kept
    }
    if (this.count > (nodes.length >> 2) / 2) {
      const grown = new Int32Array(nodes.length * 2)
      grown.set(nodes)
      nodes = grown
    }
    this.nodes = nodes
    if (nodes.length <= 4 * COMPACT_AT) pool = nodes // kept while moderate, as the path tables
  }
}
