import type { EventStore, ReadAllOptions } from '@app/event-store/event-store.port';
import type { Progress } from '@app/platform/progress/progress';

/**
 * The same event store, reporting to `progress` how far reads of the whole log have gone:
 * every audit command reads the log through `readAll`, page by page. The total is the head
 * as it stood at the first read, extrapolated from positions (see the projector's estimate).
 */
export function withReadProgress(
  store: EventStore,
  progress: Progress,
): { readonly eventStore: EventStore; eventsRead(): number } {
  let head: bigint | null = null;
  let read = 0;
  const readAll = async (options: ReadAllOptions) => {
    head ??= await store.headPosition();
    const page = await store.readAll(options);
    const last = page.at(-1);
    if (last) {
      read += page.length;
      const from = options.after ?? 0n;
      const perPosition = page.length / Math.max(1, Number(last.position - from));
      const left = Math.max(0, Math.round(Number(head - last.position) * perPosition));
      progress.update(read, read + left);
    }
    return page;
  };
  const eventStore = new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'readAll' ? readAll : (Reflect.get(target, property, receiver) as unknown),
  });
  return { eventStore, eventsRead: () => read };
}
