// Renderer entry: fonts bundled with the app (no network), Pinia, the router, the root view.
import '@fontsource-variable/inter/index.css'
import '@fontsource-variable/source-serif-4/index.css'
import './styles/base.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'

createApp(App).use(createPinia()).use(router).mount('#app')
