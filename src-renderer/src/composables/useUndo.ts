// Undo and redo of the reviewer's last change, from the toolbar, the keyboard or an "Undo"
// beside a message: every store that shows what a change touched reads it again afterwards.
import { computed, type ComputedRef } from 'vue'
import { errorMessage } from '../api'
import { useCompareStore } from '../stores/compare'
import { useMatterStore } from '../stores/matter'
import { useWorkspaceStore } from '../stores/workspace'

export interface Undo {
  undo: () => Promise<boolean>
  redo: () => Promise<boolean>
  /**
   * Not while an import runs: main would take the undo after the import and revert the import,
   * not the step the button names.
   */
  canUndo: ComputedRef<boolean>
  canRedo: ComputedRef<boolean>
}

export function useUndo(): Undo {
  const workspace = useWorkspaceStore()
  const compare = useCompareStore()
  const matter = useMatterStore()
  const canUndo = computed(() => workspace.history.canUndo && !matter.importing)
  const canRedo = computed(() => workspace.history.canRedo && !matter.importing)
  // An undo may take back an import or a correction of details or clauses: the matter's path reads them again.
  const step = async (allowed: boolean, what: 'undone' | 'redone', run: () => Promise<boolean>): Promise<boolean> => {
    if (!allowed) return false
    workspace.historyError = null
    let changed: boolean
    try {
      changed = await run()
    } catch (err) {
      workspace.historyError = `Not ${what}: ${errorMessage(err)}`
      return false
    }
    if (changed) await Promise.all([matter.changed(), compare.reload()])
    return changed
  }
  return {
    undo: () => step(canUndo.value, 'undone', () => workspace.undo()),
    redo: () => step(canRedo.value, 'redone', () => workspace.redo()),
    canUndo,
    canRedo
  }
}
