/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { compression } from 'vite-plugin-compression2'

// Element Plus and the libraries it is built on, as one chunk (with one CSS file) instead of a
// JS and a CSS file per component: a page's first load asked for ≈ 50 files over HTTP/1.1's six
// connections, and the requests, not the bytes, held the data back (docs/performance.md,
// "Fewer files"). The components only the date picker, the cascader and the tree use stay
// with the code that opens them (the date picker loads on first use, the cascader and the tree
// live on one page each).
const UI_LIBRARY = /[\\/]node_modules[\\/](element-plus|@element-plus|@floating-ui|@popperjs|lodash-es|lodash-unified|@vueuse|@ctrl|async-validator|memoize-one|normalize-wheel-es)[\\/]/
const LAZY_UI = /[\\/]element-plus[\\/](es|lib)[\\/]components[\\/](date-picker|date-picker-panel|time-picker|time-select|calendar|cascader|cascader-panel|tree|tree-v2|tree-select)[\\/]/
// The app is served by `atlas serve --web web/dist` at the site root; the API is at /api/v1 on the
// same origin. In development, /api goes to a local `atlas serve` (or `npm run mock`) on port 8080.
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus on demand: each <el-…> tag used in a template imports that component and its
    // CSS (theme-chalk, with the base variables) into the chunk that uses it, so a page loads only
    // the components it shows (docs/performance.md, "Web app: first load").
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
    // Precompressed siblings (x.js.gz, x.js.br) of every text asset; `atlas serve` sends the one the
    // browser accepts (server/internal/static_files.cpp). The originals stay for clients that
    // accept neither.
    compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|mjs|css|html|json|svg|txt|map)$/, threshold: 0 }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/healthz': { target: 'http://127.0.0.1:8080' },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Rolldown's successor of Rollup's manualChunks. The framework every page needs (Vue, its
        // router, vue-i18n) and the component library (above) get chunks of their own, so that the
        // app's code can change without busting their cache. The charts (components/SvgChart.vue,
        // charts/, d3) are left to the default splitting: they land in the chunks of the pages
        // that use them, and a page without charts loads no chart code.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /[\\/]node_modules[\\/](vue|@vue|vue-router|vue-i18n|@intlify)[\\/]/, priority: 10 },
            { name: 'ui', test: (id: string) => UI_LIBRARY.test(id) && !LAZY_UI.test(id), priority: 5 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
