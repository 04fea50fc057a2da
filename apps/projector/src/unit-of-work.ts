import type { Doc, DocChange, ReadStore, Scalar } from '@app/read-store/read-store.port';
import type { DocumentLookup } from './projection';

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * One batch of projected events: documents are read once, evolved in memory, and written
 * together with the checkpoint, so a batch costs one round of writes however many events
 * it holds.
 */
export class UnitOfWork implements DocumentLookup {
  private readonly pending = new Map<string, DocChange>();

  constructor(private readonly store: ReadStore) {}

  async get<D extends Doc>(collection: string, id: string): Promise<D | null> {
    const change = this.pending.get(keyOf(collection, id));
    if (change) return change.doc as D | null;
    return this.store.get<D>(collection, id);
  }

  async find<D extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
  ): Promise<D[]> {
    const matches = (doc: Doc) =>
      Object.entries(where).every(([field, value]) => (doc[field] ?? null) === value);
    const stored = (await this.store.find<D>(collection, where)).filter(
      (doc) => !this.pending.has(keyOf(collection, doc.id)),
    );
    const staged = [...this.pending.values()]
      .filter((change) => change.collection === collection && change.doc && matches(change.doc))
      .map((change) => change.doc as D);
    return [...stored, ...staged];
  }

  set(collection: string, id: string, doc: Doc | null, position: bigint): void {
    this.pending.set(keyOf(collection, id), { collection, id, doc, position });
  }

  changes(): DocChange[] {
    return [...this.pending.values()];
  }
}
