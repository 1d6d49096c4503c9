// Ambient types for the renderer: Vue single-file components and the preload's window.api.
/// <reference types="vite/client" />
import type { ClausewiseBridge } from '../../src-main/api/contract'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Present inside Clausewise (preload) and in the E2E harness; absent in a plain browser. */
    api?: ClausewiseBridge
  }
}
