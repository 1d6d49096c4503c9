// Keeps the window title in the form "Subject — workspace — Clausewise" (the matter's title when
// one is open), with "saving…" while a change is on its way to disk, so the reviewer always knows
// the work is saved.
import { watchEffect } from 'vue'
import { useMatterStore } from '../stores/matter'
import { useWorkspaceStore } from '../stores/workspace'

export function useTitle(subject: () => string | null | undefined): void {
  const workspace = useWorkspaceStore()
  const matter = useMatterStore()
  watchEffect(() => {
    const name = matter.matter?.title ?? workspace.name
    const parts = [subject(), name ? `${name}${workspace.saving ? ' (saving…)' : ''}` : null, 'Clausewise']
    document.title = parts.filter(Boolean).join(' — ')
  })
}
