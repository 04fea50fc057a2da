'use strict';
/**
 * A separate process appending to a shared SQLite event store, for the multi-process test.
 * Usage: node append-worker.js <file> <workerName> <appendCount> <sharedStream> <startAtMs>
 *
 * Child processes cannot load TypeScript, so `.ts` files are compiled on require with
 * @swc/core, the compiler jest already uses; this runs the real adapter, not a copy of it.
 */
const { transformFileSync } = require('@swc/core');
const { randomUUID } = require('node:crypto');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformFileSync(filename, {
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const { SqliteEventStore } = require('../sqlite-event-store.ts');
const { WrongExpectedRevisionError } = require('../event-store.port.ts');

const [file, workerName, appendCountText, sharedStream, startAtText] = process.argv.slice(2);

function anEvent(type, data) {
  const metadata = {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { type: 'system', id: workerName },
  };
  return { id: randomUUID(), type, data, metadata };
}

/** Optimistic concurrency as a command handler does it: read, append, retry on conflict. */
async function appendToSharedStream(store, index) {
  for (;;) {
    const stream = await store.readStream(sharedStream);
    const last = stream[stream.length - 1];
    const expectedRevision = last === undefined ? 'no_stream' : last.revision;
    try {
      return await store.append(sharedStream, [anEvent('SharedAppended', { workerName, index })], {
        expectedRevision,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}

async function main() {
  const store = new SqliteEventStore(file);
  const ownStream = `worker-${workerName}`;
  // Start together so the appends really overlap.
  while (Date.now() < Number(startAtText)) await new Promise((resolve) => setTimeout(resolve, 1));
  for (let index = 0; index < Number(appendCountText); index += 1) {
    const ownEvents = [anEvent('OwnAppended', { index }), anEvent('OwnAppended', { index })];
    const expectedRevision = index === 0 ? 'no_stream' : index * 2 - 1;
    await store.append(ownStream, ownEvents, { expectedRevision });
    await store.append(`loose-${workerName}`, [anEvent('LooseAppended', { index })], {
      expectedRevision: 'any',
    });
    await appendToSharedStream(store, index);
  }
  await store.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
