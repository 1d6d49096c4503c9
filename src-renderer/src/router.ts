// Screens by URL hash, so the same build works from app:// in Electron and in the E2E harness;
// each route names its window title.
import { createRouter, createWebHashHistory } from 'vue-router'
import LibraryView from './views/LibraryView.vue'
import SourceView from './views/SourceView.vue'
import VersionView from './views/VersionView.vue'
import NotFoundView from './views/NotFoundView.vue'
import CompareView from './views/CompareView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'library', component: LibraryView, meta: { title: 'Library' } },
    { path: '/sources/:id', name: 'source', component: SourceView, props: true, meta: { title: 'Source' } },
    { path: '/versions/:id', name: 'version', component: VersionView, props: true, meta: { title: 'Version' } },
    { path: '/compare', name: 'compare', component: CompareView, meta: { title: 'Compare' } },
    { path: '/:rest(.*)*', name: 'not-found', component: NotFoundView, meta: { title: 'Not found' } }
  ],
  scrollBehavior: () => ({ top: 0 })
})
