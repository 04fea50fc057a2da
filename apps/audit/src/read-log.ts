import type { EventStore, RecordedEvent } from '@app/event-store/event-store.port';

const PAGE_SIZE = 500;

/** A stored event that can no longer be read back, e.g. its JSON does not parse. */
export class UnreadableEventError extends Error {
  override readonly name = 'UnreadableEventError';
  constructor(
    readonly after: bigint,
    cause: unknown,
  ) {
    super(
      `unreadable event after position ${after}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

export interface ReadLogOptions {
  /** Exclusive start; default the beginning of the log. */
  readonly after?: bigint;
  /** Inclusive end; default the head. */
  readonly until?: bigint;
  readonly pageSize?: number;
}

/** The log in position order, a page at a time. */
export async function* readLogPages(
  eventStore: EventStore,
  options: ReadLogOptions = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const { until, pageSize = PAGE_SIZE } = options;
  let after = options.after ?? 0n;
  for (;;) {
    if (until !== undefined && after >= until) return;
    const page = await readPage(eventStore, after, pageSize);
    const wanted = until === undefined ? page : page.filter((event) => event.position <= until);
    if (wanted.length > 0) yield wanted;
    const last = page.at(-1);
    if (!last || wanted.length < page.length) return;
    after = last.position;
  }
}

/**
 * One bad row fails the whole page: the page is then re-read one event at a time, and the
 * readable events before the bad one are returned, so the next call names exactly where
 * the log stops being readable.
 */
async function readPage(
  eventStore: EventStore,
  after: bigint,
  limit: number,
): Promise<RecordedEvent[]> {
  try {
    return await eventStore.readAll({ after, limit });
  } catch (pageError) {
    const readable: RecordedEvent[] = [];
    let cursor = after;
    while (readable.length < limit) {
      let single: RecordedEvent[];
      try {
        single = await eventStore.readAll({ after: cursor, limit: 1 });
      } catch (error) {
        if (readable.length > 0) return readable;
        throw new UnreadableEventError(cursor, error);
      }
      const [event] = single;
      if (!event) break;
      readable.push(event);
      cursor = event.position;
    }
    // The page failed but every event read alone: not a bad row, so surface the real error.
    if (readable.length === 0) throw pageError;
    return readable;
  }
}
