// Undo and redo of the reviewer's last change, from the toolbar, the keyboard or an "Undo"
// beside a message: every store that shows what a change touched reads it again afterwards.
import { useCompareStore } from '../stores/compare'
import { useEvidenceStore } from '../stores/evidence'
import { useMatterStore } from '../stores/matter'
import { useWorkspaceStore } from '../stores/workspace'

export function useUndo(): { undo: () => Promise<boolean>; redo: () => Promise<boolean> } {
  const workspace = useWorkspaceStore()
  const evidence = useEvidenceStore()
  const compare = useCompareStore()
  const matter = useMatterStore()
  // An undo may take back an import or a correction of details or clauses: the matter is read again too.
  const after = async (changed: boolean): Promise<boolean> => {
    if (changed) await Promise.all([evidence.reload(), compare.reload(), matter.reload()])
    return changed
  }
  return {
    undo: async () => after(await workspace.undo()),
    redo: async () => after(await workspace.redo())
  }
}
