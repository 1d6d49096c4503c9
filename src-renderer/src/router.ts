// Screens by URL hash, so the same build works from app:// in Electron and in the E2E harness.
// Each view sets its own window title (useTitle).
import { createRouter, createWebHashHistory } from 'vue-router'
import LibraryView from './views/LibraryView.vue'
import SourceView from './views/SourceView.vue'
import VersionView from './views/VersionView.vue'
import NotFoundView from './views/NotFoundView.vue'
import CompareView from './views/CompareView.vue'
import DocumentView from './views/DocumentView.vue'
import ClauseHistoryView from './views/ClauseHistoryView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'library', component: LibraryView },
    { path: '/sources/:id', name: 'source', component: SourceView, props: true },
    { path: '/versions/:id', name: 'version', component: VersionView, props: true },
    { path: '/compare', name: 'compare', component: CompareView },
    { path: '/clauses/:id', name: 'clause', component: ClauseHistoryView, props: true },
    { path: '/documents/:id', name: 'document', component: DocumentView, props: true },
    { path: '/:rest(.*)*', name: 'not-found', component: NotFoundView }
  ],
  scrollBehavior: () => ({ top: 0 })
})
