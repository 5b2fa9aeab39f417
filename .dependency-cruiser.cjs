/**
 * Import cycles, type-only imports included (a type cycle still couples two files), and the
 * layering that eslint's no-restricted-imports cannot see across packages.
 * Run: npm run lint:deps
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: '不允许循环依赖（包括仅类型的引用）。', from: {}, to: { circular: true } },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core 不依赖服务端和网页。',
      from: { path: '^packages/core/src' },
      to: { path: '^packages/(server|web|solver)/' },
    },
    {
      name: 'platform-below-modules',
      severity: 'error',
      comment: 'platform/ 不依赖业务模块。',
      from: { path: '^packages/server/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/server/src/modules/' },
    },
    {
      name: 'web-uses-contract-types-only',
      severity: 'error',
      comment: '网页端只以类型引用服务端。',
      from: { path: '^packages/web/src' },
      to: { path: '^packages/server/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|drizzle)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
}
