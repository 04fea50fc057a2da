import type { Doc, DocChange, ReadStore, Scalar } from '@app/read-store/read-store.port';
import type { DocumentLookup } from './projection';

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
const queryKeyOf = (collection: string, where: Readonly<Record<string, Scalar>>) =>
  `${collection}\u0000${JSON.stringify(where)}`;

/**
 * One batch of projected events: documents are read once, evolved in memory, and written
 * together with the checkpoint, so a batch costs one round of writes however many events
 * it holds. Nothing but this batch writes the read models while it runs, so what the store
 * answered once (a document, or the documents matching a filter) is remembered for the rest
 * of the batch; the batch's own pending writes always take precedence over it.
 */
export class UnitOfWork implements DocumentLookup {
  private readonly pending = new Map<string, DocChange>();
  /** Pending changes per collection, for `find` to scan only its own collection. */
  private readonly pendingByCollection = new Map<string, Map<string, DocChange>>();
  private readonly stored = new Map<string, Doc | null>();
  private readonly storedMatches = new Map<string, readonly Doc[]>();

  constructor(private readonly store: ReadStore) {}

  async get<D extends Doc>(collection: string, id: string): Promise<D | null> {
    const key = keyOf(collection, id);
    const change = this.pending.get(key);
    if (change) return change.doc as D | null;
    if (this.stored.has(key)) return this.stored.get(key) as D | null;
    const doc = await this.store.get<D>(collection, id);
    this.stored.set(key, doc);
    return doc;
  }

  async find<D extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
  ): Promise<D[]> {
    const matches = (doc: Doc) =>
      Object.entries(where).every(([field, value]) => (doc[field] ?? null) === value);
    const queryKey = queryKeyOf(collection, where);
    let stored = this.storedMatches.get(queryKey);
    if (!stored) {
      stored = await this.store.find<D>(collection, where);
      this.storedMatches.set(queryKey, stored);
    }
    const pending = this.pendingByCollection.get(collection);
    if (!pending) return [...stored] as D[];
    const unchanged = stored.filter((doc) => !pending.has(doc.id));
    const staged: Doc[] = [];
    for (const change of pending.values())
      if (change.doc && matches(change.doc)) staged.push(change.doc);
    return [...unchanged, ...staged] as D[];
  }

  set(collection: string, id: string, doc: Doc | null, position: bigint): void {
    const change = { collection, id, doc, position };
    this.pending.set(keyOf(collection, id), change);
    let inCollection = this.pendingByCollection.get(collection);
    if (!inCollection) {
      inCollection = new Map();
      this.pendingByCollection.set(collection, inCollection);
    }
    inCollection.set(id, change);
  }

  changes(): DocChange[] {
    return [...this.pending.values()];
  }
}
