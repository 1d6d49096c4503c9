// Keeps the window title in the form "Subject — workspace — Clausewise", with "saving…"
// while a change is on its way to disk, so the reviewer always knows the work is saved.
import { watchEffect } from 'vue'
import { useWorkspaceStore } from '../stores/workspace'

export function useTitle(subject: () => string | null | undefined): void {
  const workspace = useWorkspaceStore()
  watchEffect(() => {
    const parts = [subject(), workspace.name ? `${workspace.name}${workspace.saving ? ' (saving…)' : ''}` : null, 'Clausewise']
    document.title = parts.filter(Boolean).join(' — ')
  })
}
