/** ts-jest in ESM mode: Probot 14 is ESM-only, so the tests run as ES modules too. */
export default {
  // Loads tree-sitter's native binding once per worker (see the file).
  testEnvironment: '<rootDir>/test/support/tree-sitter-environment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
  // After the summary: which tests did not run, and why (the Redis tests on a machine without Redis).
  reporters: ['default', '<rootDir>/test/support/not-run-reporter.cjs'],
  globalTeardown: '<rootDir>/test/support/print-not-run.cjs',
};
