import { EsdbEventStore } from './esdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

/** No EventStoreDB runs on development machines; set EVENTSTORE_URL to run the contract. */
const eventStoreUrl = process.env.EVENTSTORE_URL;

if (eventStoreUrl) {
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
