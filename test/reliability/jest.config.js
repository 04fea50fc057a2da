/**
 * `npm run test:reliability`: the reliability suites alone (test/reliability/README.md).
 * Their files end in `.reliability-spec.ts`, which the root config's globs never match, so
 * `npm test` does not run them twice. Transform and module names are the root config's own.
 */
const { resolve } = require('node:path');
const root = require('../../jest.config.js');

const [shared] = root.projects;

module.exports = {
  rootDir: resolve(__dirname, '../..'),
  transform: shared.transform,
  transformIgnorePatterns: shared.transformIgnorePatterns,
  moduleFileExtensions: shared.moduleFileExtensions,
  moduleNameMapper: shared.moduleNameMapper,
  testEnvironment: shared.testEnvironment,
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  // One suite at a time: they start real processes, kill them and time them on two cores.
  maxWorkers: 1,
  testTimeout: 120_000,
  // every test's name in the log: a failing one reads as the finding it is
  verbose: true,
  reporters: [
    'default',
    '<rootDir>/test/reliability/report-reporter.js',
    '<rootDir>/test/totals-reporter.js',
  ],
};
