import type { EventStore } from '../event-store.port';
import { CONTRACT_ACTOR_ID } from './test-events';

const PAGE = 500;

/**
 * The contract suite appends thousands of test events, which no store can ever forget, and
 * which break `audit verify` on an application's log for good. So it runs only on a store
 * that holds nothing but its own events: the compose profile's in-memory `eventstore-test`.
 */
export async function refuseStoreWithApplicationEvents(store: EventStore): Promise<void> {
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    const foreign = page.find((event) => event.metadata?.actor?.id !== CONTRACT_ACTOR_ID);
    if (foreign) {
      throw new Error(
        'Refusing to run the event store contract: this store holds events it did not write ' +
          `(${foreign.type} in ${foreign.stream} at ${foreign.position}). Test events cannot ` +
          'be removed from a log, so use a throwaway store: ' +
          '`docker compose --profile contract-test up -d eventstore-test` and ' +
          "`EVENTSTORE_URL='esdb://localhost:2114?tls=false' npm run test:esdb` (README).",
      );
    }
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return;
    after = last.position;
  }
}
