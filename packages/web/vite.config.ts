import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// `@yiyang/core` is consumed from source so the web app never waits for a core build.
const coreSrc = fileURLToPath(new URL('../core/src/index.ts', import.meta.url))

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@yiyang/core': coreSrc } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
})
