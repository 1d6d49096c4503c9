// Keeps the window title in the form "Subject — Clausewise".
import { watchEffect } from 'vue'

export function useTitle(subject: () => string | null | undefined): void {
  watchEffect(() => {
    const s = subject()
    document.title = s ? `${s} — Clausewise` : 'Clausewise'
  })
}
