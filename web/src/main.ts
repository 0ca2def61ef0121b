import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { loadSession } from './session'
import './styles.css'

// Who is signed in, read once at start (not early with the page's reads: it takes no plan, date or
// sample setting, and its answer must never be an old one).
void loadSession()
// Element Plus is not installed globally: unplugin-vue-components (vite.config.ts) imports each
// <el-…> component and its CSS where a template uses it, so a page loads only what it shows.
createApp(App).use(i18n).use(router).mount('#app')
