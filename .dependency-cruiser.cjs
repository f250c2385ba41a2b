/** Import directions of STYLE.md: core is pure; adapters depend on core; only apps wire adapters. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'packages/core imports no npm package and no node: module, only its own files.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { pathNot: '^packages/core/src' },
    },
    {
      name: 'contracts-only-zod-and-core',
      comment: 'packages/contracts holds API schemas: zod and core types only.',
      severity: 'error',
      from: { path: '^packages/contracts/src' },
      to: { pathNot: ['^packages/contracts/src', '^packages/core/src', 'node_modules/zod'] },
    },
    {
      name: 'adapters-do-not-import-apps',
      comment: 'Packages never depend on apps or tools; apps wire packages together.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: ['^apps/', '^tools/', '^bench/'] },
    },
    {
      name: 'adapters-do-not-import-each-other',
      comment: 'An adapter package depends on core (and contracts), not on a sibling adapter.',
      severity: 'error',
      from: { path: '^packages/(db|ai|channels/[^/]+)/src' },
      to: { path: '^packages/(db|ai|channels/[^/]+)/src', pathNot: '^packages/$1/src' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.test\\.ts$', 'dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    combinedDependencies: true,
  },
};
