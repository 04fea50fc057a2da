// Setup file of the `e2e-mongo` jest project: every e2e suite in it runs on the MongoDB read
// store (FerretDB from test/global-setup.ts). See test/support/read-store-under-test.ts.
process.env.E2E_READ_STORE = 'mongo';
