/** Who may import whom, checked by `npm run lint`; the root README (分层规则) explains each rule. */

/** The ledger's TypeORM entities: only the ledger itself reads and writes its tables. */
const LEDGER_ENTITIES = '^apps/server/src/ledger/.+[.]entity[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-contract',
      comment:
        'libs/domain is plain rules that also run in the mini-program: it may import libs/contract and ' +
        'itself, nothing else (no node: modules, no Nest, TypeORM or Taro). Its tests may use test tools.',
      severity: 'error',
      from: { path: '^libs/domain/src/', pathNot: '[.]spec[.]ts$' },
      to: { pathNot: ['^libs/domain/src/', '^libs/contract/src/'] },
    },
    {
      name: 'contract-imports-nothing-of-ours',
      comment:
        'libs/contract is the shared contract at the bottom of every layer: it imports no other part of this repository.',
      severity: 'error',
      from: { path: '^libs/contract/(src|scripts)/' },
      to: {
        pathNot: '^libs/contract/',
        path: ['^(apps|libs|config|tests)/'],
      },
    },
    {
      name: 'contract-runs-anywhere',
      comment:
        'libs/contract (outside its tests) imports no package and no node: module: the mini-program uses it.',
      severity: 'error',
      from: { path: '^libs/contract/src/', pathNot: '[.]spec[.]ts$' },
      to: { pathNot: '^libs/contract/src/' },
    },
    {
      name: 'api-client-imports-only-contract',
      comment:
        'libs/api-client is the typed HTTP client the mini-program and the tests share: it imports ' +
        'libs/contract and itself, no package and no node: module (the transport is passed in).',
      severity: 'error',
      from: { path: '^libs/api-client/src/', pathNot: '[.]spec[.]ts$' },
      to: { pathNot: ['^libs/api-client/src/', '^libs/contract/src/'] },
    },
    {
      name: 'miniprogram-not-to-server',
      comment: 'The mini-program talks to the server over HTTP only (through libs/api-client).',
      severity: 'error',
      from: { path: '^apps/miniprogram/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'server-not-to-miniprogram',
      comment: 'The server never imports the mini-program.',
      severity: 'error',
      from: { path: '^apps/server/' },
      to: { path: '^apps/miniprogram/' },
    },
    {
      name: 'ledger-entities-only-in-ledger',
      comment:
        'Only apps/server/src/ledger/ touches the ledger’s entities; other features read through ' +
        'LedgerReadsService and write through LedgerService. database/entities.ts registers them with the data source.',
      severity: 'error',
      from: { pathNot: ['^apps/server/src/ledger/', '^apps/server/src/database/entities[.]ts$'] },
      to: { path: LEDGER_ENTITIES },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles, type-only imports included: move what both sides need to a file of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import resolves, so that no rule above is passed by an import the tool cannot follow; ' +
        'build output (dist/) may not be there yet when lint runs.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '(^|/)dist/' },
    },
  ],
  options: {
    // Not scanned, but still seen as the end of an import (which `exclude` would hide from the rules).
    doNotFollow: { path: ['(^|/)node_modules/', '(^|/)dist/'] },
    // A second run reads unchanged files from the cache (its key includes this file and every source's content).
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    // Type-only imports count: a cycle or a forbidden import through types is still one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
