/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The app is served by `atlas serve --web web/dist` at the site root; the API is at /api/v1 on the
// same origin. In development, /api goes to a local `atlas serve` (or `npm run mock`) on port 8080.
export default defineConfig({
  base: '/',
  plugins: [vue()],
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
        // Rolldown's successor of Rollup's manualChunks: keep the two big libraries in chunks of
        // their own so that the app's code can change without busting their cache.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/, priority: 20 },
            { name: 'element-plus', test: /[\\/]node_modules[\\/](element-plus|@element-plus)[\\/]/, priority: 20 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
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
