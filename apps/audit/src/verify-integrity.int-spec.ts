import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventToAppend } from '@app/event-store/event-store.port';
import { chain } from '@app/event-store/integrity';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import type { Output } from './output';
import { verifyIntegrity } from './verify-integrity';

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: { type: 'system', id: 'test' },
} as const;

/** Events as the command loop appends them: chained onto their predecessor in the stream. */
function chained(stream: string, count: number): EventToAppend[] {
  const events = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    stream,
    revision: index,
    type: 'SomethingHappened',
    data: { index },
    metadata,
  }));
  return chain(events, null).map(({ id, type, data, metadata: withHashes }) => ({
    id,
    type,
    data,
    metadata: withHashes,
  }));
}

function collected(): Output & { text: () => string } {
  let text = '';
  return {
    write: async (chunk) => {
      text += chunk;
    },
    text: () => text,
  };
}

describe('audit verify against a real SQLite log', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    file = join(directory, 'events.sqlite');
    store = new SqliteEventStore(file);
    await store.append('a-1', chained('a-1', 3), { expectedRevision: 'no_stream' });
    await store.append('b-1', chained('b-1', 2), { expectedRevision: 'no_stream' });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const rewrite = (sql: string, ...params: unknown[]) => {
    const db = new Database(file);
    db.prepare(sql).run(...params);
    db.close();
  };

  it('given an untouched log, prints one OK line and exits 0', async () => {
    const out = collected();
    expect(await verifyIntegrity({ eventStore: store }, out)).toBe(0);
    expect(out.text()).toBe('OK: 5 events in 2 streams verified (up to position 5); no seal yet\n');
  });

  it('given an event whose data was edited, names it and exits 1', async () => {
    rewrite(`UPDATE events SET data = '{"index":7}' WHERE position = 2`);
    const out = collected();
    expect(await verifyIntegrity({ eventStore: store }, out)).toBe(1);
    expect(out.text()).toMatch(
      /^FAILED: stream a-1 revision 1 \(position 2, event [0-9a-f-]+, type SomethingHappened\): its content does not match its hash\n$/,
    );
  });

  it('given a deleted event, names the one after the gap', async () => {
    rewrite('DELETE FROM events WHERE position = 1');
    const out = collected();
    expect(await verifyIntegrity({ eventStore: store }, out)).toBe(1);
    expect(out.text()).toContain('stream a-1 revision 1 (position 2');
    expect(out.text()).toContain('missing or out of order');
  });

  it('given a row that no longer parses, reports where instead of crashing', async () => {
    rewrite(`UPDATE events SET data = '{"index":' WHERE position = 4`);
    const out = collected();
    expect(await verifyIntegrity({ eventStore: store }, out)).toBe(1);
    expect(out.text()).toMatch(/^FAILED: unreadable event after position 3: /);
  });

  it('given metadata that parses but has no chain fields, fails that event', async () => {
    rewrite(`UPDATE events SET metadata = 'null' WHERE position = 5`);
    const out = collected();
    expect(await verifyIntegrity({ eventStore: store }, out)).toBe(1);
    expect(out.text()).toContain('stream b-1 revision 1 (position 5');
  });
});
