// Undo and redo for every change to the reviewer's work. Each recorded action keeps the
// workspace's state from before it; undo saves that state back (durably, like any change),
// so undo and redo work across autosaves and leave the file valid at every step.
import { ClausewiseError } from '../errors'
import type { WorkspaceStore } from './store'
import type { Citation, WorkspaceSettings } from './types'

interface Snapshot {
  settings: WorkspaceSettings
  citations: Citation[]
}

interface Entry {
  label: string
  state: Snapshot
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

  /** Runs a change and remembers how to revert it; a failed change records nothing. */
  async record<T>(label: string, change: () => Promise<T>): Promise<T> {
    const before = snapshot(await this.store.read())
    const result = await change()
    this.undos.push({ label, state: before })
    if (this.undos.length > this.limit) this.undos.shift()
    this.redos.length = 0
    return result
  }

  async undo(): Promise<HistoryState> {
    return this.move(this.undos, this.redos, 'undo')
  }

  async redo(): Promise<HistoryState> {
    return this.move(this.redos, this.undos, 'redo')
  }

  state(): HistoryState {
    return {
      canUndo: this.undos.length > 0,
      canRedo: this.redos.length > 0,
      undoLabel: this.undos.at(-1)?.label ?? null,
      redoLabel: this.redos.at(-1)?.label ?? null
    }
  }

  private async move(from: Entry[], to: Entry[], verb: string): Promise<HistoryState> {
    const entry = from.at(-1)
    if (!entry) throw new ClausewiseError({ code: 'invalid-argument', message: `nothing to ${verb}` })
    const current = snapshot(await this.store.read())
    await this.store.replace({ ...(await this.store.read()), ...entry.state })
    from.pop()
    to.push({ label: entry.label, state: current })
    return this.state()
  }
}

function snapshot(data: { settings: WorkspaceSettings; citations: Citation[] }): Snapshot {
  return structuredClone({ settings: data.settings, citations: data.citations })
}
