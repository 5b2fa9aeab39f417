import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// Tests import workspace packages from source, so no build is needed to run them.
const alias = {
  '@yiyang/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@yiyang/solver': fileURLToPath(new URL('./packages/solver/src/index.ts', import.meta.url)),
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['packages/*/src/**/*.int.test.ts', 'packages/*/test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'node',
          testTimeout: 30000,
          hookTimeout: 120000,
          globalSetup: ['packages/server/test/global-setup.ts'],
        },
      },
    ],
  },
})
