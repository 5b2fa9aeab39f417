// One lint for the whole repository: typescript-eslint's recommended rules plus the module
// boundaries of docs/development.md. Import cycles are checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** A module reaches another module only through its index.ts. */
const moduleBoundary = {
  patterns: [
    {
      // '../elders/elders.repo.js' or '../../modules/elders/x.js' from another module; '../elders/index.js' is fine.
      regex: '^(\\.\\./|\\.\\./\\.\\./modules/)(?!\\.\\.)[^/]+/(?!index\\.js$)',
      message: '跨模块只能通过对方的 index.ts 引用（docs/development.md）。',
    },
  ],
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'e2e/artifacts/**', 'packages/server/drizzle/**', '**/*.d.ts', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Chinese text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
    },
  },
  {
    files: ['packages/server/src/modules/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', moduleBoundary] },
  },
  {
    // The platform is below the modules: it never imports them.
    files: ['packages/server/src/platform/**/*.ts'],
    ignores: ['packages/server/src/platform/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)modules/', message: 'platform/ 不能依赖业务模块。' }] }] },
  },
  {
    // core is pure domain logic: nothing of ours but itself, no I/O.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@yiyang/server', '@yiyang/web', 'node:fs', 'node:net', 'node:http'], message: 'core 只含纯领域逻辑。' }] },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The web sees the server only as types (the contract), never its code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@yiyang/server', '@yiyang/server/*', '**/server/src/**'],
              allowTypeImports: true,
              message: '网页端只能以 import type 引用服务端契约类型。',
            },
          ],
        },
      ],
    },
  },
)
