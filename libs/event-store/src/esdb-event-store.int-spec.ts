import { EsdbEventStore } from './esdb-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { refuseStoreWithApplicationEvents } from './testing/throwaway-store';

/**
 * No EventStoreDB runs on development machines. With EVENTSTORE_URL set (`npm run test:esdb`,
 * README), the contract runs against that server, and only if it holds nothing but test
 * events: the compose profile `contract-test` starts a throwaway in-memory one on port 2114.
 */
const eventStoreUrl = process.env.EVENTSTORE_URL;

if (eventStoreUrl) {
  beforeAll(async () => {
    const store = new EsdbEventStore(eventStoreUrl);
    try {
      await refuseStoreWithApplicationEvents(store);
    } finally {
      await store.close();
    }
  });

  describeEventStoreContract('EsdbEventStore', async () => {
    const store = new EsdbEventStore(eventStoreUrl);
    return {
      store,
      createAnother: async () => new EsdbEventStore(eventStoreUrl),
      cleanup: () => store.close(),
    };
  });
} else {
  describe('EsdbEventStore without EVENTSTORE_URL', () => {
    it('given a connection string to no server, when constructing and closing, then nothing connects', async () => {
      const store = new EsdbEventStore('esdb://127.0.0.1:1?tls=false');

      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
