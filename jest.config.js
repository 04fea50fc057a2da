/**
 * One jest run, three levels told apart by file name (STYLE.md). The e2e files run twice:
 * `e2e` on the SQLite read store, `e2e-mongo` on MongoDB (FerretDB from global setup); see
 * test/support/read-store-under-test.ts. `--selectProjects e2e-mongo` runs the second alone.
 */
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest'], '/content-disposition/.+\\.js$': ['@swc/jest'] },
  // @fastify/static (Swagger UI's assets on Fastify) requires an ESM-only content-disposition.
  transformIgnorePatterns: ['^(?!.*/content-disposition/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/(domain|event-store|read-store|platform)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|event-store|read-store|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};
const E2E = '<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts';
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: [E2E] },
    {
      ...shared,
      displayName: 'e2e-mongo',
      testMatch: [E2E],
      setupFiles: ['<rootDir>/test/support/e2e-mongo-pass.js'],
    },
  ],
  reporters: ['default', '<rootDir>/test/totals-reporter.js'],
  // jest's default on two cores is one worker; the e2e suites mostly wait on spawned
  // processes and FerretDB, so two cut CI's wall time by about a third (~5 to ~3.5 min).
  maxWorkers: 2,
  testTimeout: 30000,
  // Some suite leaves a handle open in jest's own process after every test has passed (the
  // SQLite files of an in-process service stay open); until it is found, never let CI hang.
  forceExit: true,
};
