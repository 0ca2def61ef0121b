import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import './styles.css'

// Element Plus is not installed globally: unplugin-vue-components (vite.config.ts) imports each
// <el-…> component and its CSS where a template uses it, so a page loads only what it shows.
createApp(App).use(i18n).use(router).mount('#app')
