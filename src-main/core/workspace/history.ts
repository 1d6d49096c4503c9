// Undo and redo for every change to the reviewer's work. Each recorded action keeps what it
// changed, citation by citation (and the settings, if it changed them), not a copy of the whole
// workspace: undo applies the reverse of those changes to the workspace as it is on disk now, so
// it never takes away citations another program (a CLI run, a second window) added meanwhile.
// Each undo is saved durably like any change and leaves the file valid.
//
// Decisions where two programs meet: undoing an edit of a citation that someone else has since
// deleted leaves it deleted; undoing an edit of a citation someone else has since edited puts
// this window's earlier version back (undo is an explicit request, and the window has reloaded
// their version before, so it is not overwriting something it has not seen).
import { ClausewiseError } from '../errors'
import { observeCommits, type WorkspaceStore } from './store'
import type { Citation, WorkspaceData, WorkspaceSettings } from './types'

interface CitationChange {
  id: string
  /** The citation before and after the action; null when it did not exist. */
  before: Citation | null
  after: Citation | null
  /** Where it stood in the list before, to put a deleted citation back in its place. */
  index: number
}

interface Change {
  citations: CitationChange[]
  settings: { before: WorkspaceSettings; after: WorkspaceSettings } | null
}

interface Entry {
  label: string
  /** In the order they were saved. */
  changes: Change[]
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  /** What undo would revert, e.g. "Add citation"; null when there is nothing. */
  undoLabel: string | null
  redoLabel: string | null
}

export class History {
  private readonly undos: Entry[] = []
  private readonly redos: Entry[] = []

  constructor(
    private readonly store: WorkspaceStore,
    private readonly limit = 200
  ) {}

  /** Runs a change and remembers how to revert it; a failed change, or one that changed nothing, records nothing. */
  async record<T>(label: string, change: () => Promise<T>): Promise<T> {
    const changes: Change[] = []
    const result = await observeCommits((before, after) => changes.push(diff(before, after)), change)
    if (changes.some((c) => c.citations.length > 0 || c.settings)) {
      this.undos.push({ label, changes })
      if (this.undos.length > this.limit) this.undos.shift()
      this.redos.length = 0
    }
    return result
  }

  async undo(): Promise<HistoryState> {
    const entry = this.undos.at(-1)
    if (!entry) throw new ClausewiseError({ code: 'invalid-argument', message: 'nothing to undo' })
    await this.store.update((ws) => {
      for (const change of [...entry.changes].reverse()) apply(ws, change, 'before')
    })
    this.undos.pop()
    this.redos.push(entry)
    return this.state()
  }

  async redo(): Promise<HistoryState> {
    const entry = this.redos.at(-1)
    if (!entry) throw new ClausewiseError({ code: 'invalid-argument', message: 'nothing to redo' })
    await this.store.update((ws) => {
      for (const change of entry.changes) apply(ws, change, 'after')
    })
    this.redos.pop()
    this.undos.push(entry)
    return this.state()
  }

  state(): HistoryState {
    return {
      canUndo: this.undos.length > 0,
      canRedo: this.redos.length > 0,
      undoLabel: this.undos.at(-1)?.label ?? null,
      redoLabel: this.redos.at(-1)?.label ?? null
    }
  }
}

/** What one saved change did, by citation id. */
function diff(before: WorkspaceData, after: WorkspaceData): Change {
  const old = new Map(before.citations.map((c, index) => [c.id, { c, index }]))
  const now = new Set(after.citations.map((c) => c.id))
  const citations: CitationChange[] = []
  for (const c of after.citations) {
    const was = old.get(c.id)
    if (!was) citations.push({ id: c.id, before: null, after: structuredClone(c), index: -1 })
    else if (JSON.stringify(was.c) !== JSON.stringify(c)) citations.push({ id: c.id, before: structuredClone(was.c), after: structuredClone(c), index: was.index })
  }
  for (const [id, { c, index }] of old) if (!now.has(id)) citations.push({ id, before: structuredClone(c), after: null, index })
  const settings = JSON.stringify(before.settings) === JSON.stringify(after.settings) ? null : { before: structuredClone(before.settings), after: structuredClone(after.settings) }
  return { citations, settings }
}

/** Brings the citations and settings a change touched to their `side` state, leaving the rest alone. */
function apply(ws: WorkspaceData, change: Change, side: 'before' | 'after'): void {
  for (const c of change.citations) {
    const target = c[side]
    const at = ws.citations.findIndex((x) => x.id === c.id)
    if (target === null) {
      if (at >= 0) ws.citations.splice(at, 1)
    } else if (at >= 0) {
      ws.citations[at] = structuredClone(target)
    } else if (side === 'before' ? c.after === null : c.before === null) {
      // Putting back a citation the action deleted (or re-adding one it added).
      const index = c.index >= 0 ? Math.min(c.index, ws.citations.length) : ws.citations.length
      ws.citations.splice(index, 0, structuredClone(target))
    }
    // Otherwise it was an edit of a citation someone else has since deleted: it stays deleted.
  }
  if (change.settings) ws.settings = structuredClone(change.settings[side])
}
