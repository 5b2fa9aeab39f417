import { defineConfig } from 'vitest/config'

// e2e specs drive Debian chromium against `npm start`; files run one after another so
// servers and browsers do not compete for the two cores.
export default defineConfig({
  test: {
    include: ['*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 360_000,
    fileParallelism: false,
  },
})
