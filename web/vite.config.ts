/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { compression } from 'vite-plugin-compression2'

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
        // Rolldown's successor of Rollup's manualChunks. Only the framework every page needs (Vue,
        // its router, vue-i18n) gets a chunk of its own, so that the app's code can change without
        // busting its cache. Element Plus components and the charts (components/SvgChart.vue, charts/,
        // d3) are left to the default splitting: each lands in the chunks of the pages that use it,
        // and a page without charts loads no chart code.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](vue|@vue|vue-router|vue-i18n|@intlify)[\\/]/, priority: 10 }],
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
