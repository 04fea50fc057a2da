import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite-event-store';
import { anEvent, someEvents, uniqueStream } from './test-events';
import { refuseStoreWithApplicationEvents } from './throwaway-store';

describe('the event store contract refuses an application store', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'throwaway-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given an empty store or one holding only test events, then it may run', async () => {
    await expect(refuseStoreWithApplicationEvents(store)).resolves.toBeUndefined();
    await store.append(uniqueStream('t'), someEvents(3), { expectedRevision: 'no_stream' });

    await expect(refuseStoreWithApplicationEvents(store)).resolves.toBeUndefined();
  });

  it('given an application event behind many test events, then it refuses and says where to run', async () => {
    for (let i = 0; i < 3; i++)
      await store.append(uniqueStream('t'), someEvents(400), { expectedRevision: 'no_stream' });
    const app = anEvent('NameChanged');
    await store.append(
      'account-1',
      [{ ...app, metadata: { ...app.metadata, actor: { type: 'user', id: 'u1' } } }],
      { expectedRevision: 'no_stream' },
    );

    await expect(refuseStoreWithApplicationEvents(store)).rejects.toThrow(
      /Refusing.*NameChanged in account-1.*eventstore-test/,
    );
  });
});
