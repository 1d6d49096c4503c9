// Undo and redo for every change to the reviewer's work. Each recorded action keeps what it
// changed, citation by citation and pairing override by override (and the settings, if it
// changed them, and a matter's documents and segmentation edits), not a copy of the whole
// workspace: undo applies the reverse of those changes to the workspace as it is on disk now, so
// it never takes away citations another program (a CLI run, a second window) added meanwhile.
// Each undo is saved durably like any change and leaves the file valid.
//
// Decisions where two programs meet: undo (and redo) puts a citation back only if it is still
// exactly as this step left it. If another program has since edited or deleted it, its version
// is kept, even if this window never showed it, and the store gets a notice naming the citation
// ("kept …: changed by another program since"), which the app shows with its other notices.
//
// Record, undo and redo run one at a time, in the order they were asked for: two quick undos
// revert two steps, and an undo asked for while a change is saving reverts that change.
import { ClausewiseError } from '../errors'
import { observeCommits, type WorkspaceStore } from './store'
import type { Citation, DismissedFlag, MatterDocument, PairingOverride, SegmentationEdit, WorkspaceData, WorkspaceSettings } from './types'

interface RecordChange<T> {
  id: string
  /** The record before and after the action; null when it did not exist. */
  before: T | null
  after: T | null
  /** Where it stood in the list before, to put a deleted record back in its place. */
  index: number
}

interface Change {
  citations: Array<RecordChange<Citation>>
  pairings: Array<RecordChange<PairingOverride>>
  documents: Array<RecordChange<MatterDocument>>
  segmentation: Array<RecordChange<SegmentationEdit>>
  dismissed: Array<RecordChange<DismissedFlag>>
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
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly store: WorkspaceStore,
    private readonly limit = 200
  ) {}

  /** Runs a change and remembers how to revert it; a failed change, or one that changed nothing, records nothing. */
  record<T>(label: string, change: () => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const changes: Change[] = []
      const result = await observeCommits((before, after) => changes.push(diff(before, after)), change)
      if (changes.some((c) => c.citations.length + c.pairings.length + c.documents.length + c.segmentation.length + c.dismissed.length > 0 || c.settings)) {
        this.undos.push({ label, changes })
        if (this.undos.length > this.limit) this.undos.shift()
        this.redos.length = 0
      }
      return result
    })
  }

  undo(): Promise<HistoryState> {
    return this.serial(async () => {
      const entry = this.undos.at(-1)
      if (!entry) throw new ClausewiseError({ code: 'invalid-argument', message: 'nothing to undo' })
      const kept = await this.store.update((ws) => [...entry.changes].reverse().flatMap((change) => apply(ws, change, 'before')))
      // Moved only once the undo is saved: a failed undo leaves both stacks as they were.
      this.undos.pop()
      this.redos.push(entry)
      this.tell('Undo', entry, kept)
      return this.state()
    })
  }

  redo(): Promise<HistoryState> {
    return this.serial(async () => {
      const entry = this.redos.at(-1)
      if (!entry) throw new ClausewiseError({ code: 'invalid-argument', message: 'nothing to redo' })
      const kept = await this.store.update((ws) => entry.changes.flatMap((change) => apply(ws, change, 'after')))
      this.redos.pop()
      this.undos.push(entry)
      this.tell('Redo', entry, kept)
      return this.state()
    })
  }

  /** One operation at a time, in call order; a failed one does not stop the next. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op)
    this.queue = run.catch(() => undefined)
    return run
  }

  private tell(what: 'Undo' | 'Redo', entry: Entry, kept: string[]): void {
    if (kept.length === 0) return
    this.store.notify({ kind: 'kept', message: `${what} of "${entry.label}" in ${this.store.name} kept ${[...new Set(kept)].join('; ')}.` })
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

/** What one saved change did, by citation and override id. */
function diff(before: WorkspaceData, after: WorkspaceData): Change {
  const settings = sameValue(before.settings, after.settings) ? null : { before: structuredClone(before.settings), after: structuredClone(after.settings) }
  return {
    citations: diffList(before.citations, after.citations),
    pairings: diffList(before.pairings, after.pairings),
    documents: diffList(before.documents, after.documents),
    segmentation: diffList(before.segmentation, after.segmentation),
    dismissed: diffList(before.dismissed, after.dismissed),
    settings
  }
}

function diffList<T extends { id: string }>(before: readonly T[], after: readonly T[]): Array<RecordChange<T>> {
  const old = new Map(before.map((c, index) => [c.id, { c, index }]))
  const now = new Set(after.map((c) => c.id))
  const changes: Array<RecordChange<T>> = []
  for (const c of after) {
    const was = old.get(c.id)
    if (!was) changes.push({ id: c.id, before: null, after: structuredClone(c), index: -1 })
    else if (!sameValue(was.c, c)) changes.push({ id: c.id, before: structuredClone(was.c), after: structuredClone(c), index: was.index })
  }
  for (const [id, { c, index }] of old) if (!now.has(id)) changes.push({ id, before: structuredClone(c), after: null, index })
  return changes
}

/**
 * Brings the citations, overrides and settings a change touched to their `side` state, leaving
 * the rest alone, and only those still as the change left them (the other side); returns what it
 * kept because another program changed it since.
 */
function apply(ws: WorkspaceData, change: Change, side: 'before' | 'after'): string[] {
  const other = side === 'before' ? 'after' : 'before'
  const kept = [
    ...applyList(ws.citations, change.citations, side, describeCitation),
    ...applyList(ws.pairings, change.pairings, side, describePairing),
    ...applyList(ws.documents, change.documents, side, (d) => (d ? `the document "${d.title}"` : 'a document')),
    ...applyList(ws.segmentation, change.segmentation, side, (e) => (e ? `the ${e.op} of clause ${e.clauseId}` : 'a segmentation edit')),
    ...applyList(ws.dismissed, change.dismissed, side, (d) => (d ? `the dismissal of ${d.key}` : 'a dismissal'))
  ]
  if (change.settings) {
    if (sameValue(ws.settings, change.settings[other])) ws.settings = structuredClone(change.settings[side])
    else kept.push('the settings: changed by another program since')
  }
  return kept
}

function applyList<T extends { id: string }>(list: T[], changes: ReadonlyArray<RecordChange<T>>, side: 'before' | 'after', describe: (x: T | null) => string): string[] {
  const other = side === 'before' ? 'after' : 'before'
  const kept: string[] = []
  for (const c of changes) {
    const target = c[side]
    const left = c[other]
    const at = list.findIndex((x) => x.id === c.id)
    const current = at >= 0 ? list[at]! : null
    if (!sameValue(current, left)) {
      // Edited, deleted or re-added by another program since this step: theirs stays.
      kept.push(`${describe(current ?? left ?? target)}: ${current === null ? 'deleted' : 'changed'} by another program since`)
      continue
    }
    if (target === null) {
      if (at >= 0) list.splice(at, 1)
    } else if (at >= 0) {
      list[at] = structuredClone(target)
    } else {
      // Putting back a record the action deleted (or re-adding one it added).
      const index = c.index >= 0 ? Math.min(c.index, list.length) : list.length
      list.splice(index, 0, structuredClone(target))
    }
  }
  return kept
}

/** Equal as JSON, whatever the key order (a citation read back from disk is rebuilt by the schema). */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value
  )
}

function describeCitation(c: Citation | null): string {
  if (!c) return 'a citation'
  const quote = c.quote.exact.length > 40 ? `${c.quote.exact.slice(0, 40)}…` : c.quote.exact
  return `the citation "${quote}" (${c.clauseId})`
}

function describePairing(p: PairingOverride | null): string {
  if (!p) return 'a pairing'
  return `the pairing ${p.base.join(' + ') || '(none)'} → ${p.target.join(' + ') || '(none)'}`
}
