/** One jest run, three levels told apart by file name (STYLE.md). */
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
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'] },
  ],
  reporters: ['default', '<rootDir>/test/totals-reporter.js'],
  testTimeout: 30000,
  // Some suite leaves a handle open in jest's own process after every test has passed (the
  // SQLite files of an in-process service stay open); until it is found, never let CI hang.
  forceExit: true,
};
