/**
 * `npm run test:esdb`: the EventStoreDB adapter's suites alone, for a machine with Docker
 * and no Go. Unlike the root config it has no global setup, so FerretDB is neither built nor
 * started. With EVENTSTORE_URL unset the contract is not run (see esdb-event-store.int-spec.ts).
 */
const { resolve } = require('node:path');
const root = require('../../jest.config.js');

const [shared] = root.projects;

module.exports = {
  rootDir: resolve(__dirname, '../..'),
  transform: shared.transform,
  moduleFileExtensions: shared.moduleFileExtensions,
  moduleNameMapper: shared.moduleNameMapper,
  testEnvironment: shared.testEnvironment,
  testMatch: ['<rootDir>/libs/event-store/src/esdb-*.{spec,int-spec}.ts'],
  testTimeout: 60_000,
  verbose: true,
};
