import { occurredAtOf } from '@app/event-store/integrity';
import type { EventCodec } from '@app/event-store/event-codec';
import type { EventMetadata, RecordedEvent } from '@app/event-store/event-store.port';
import type { CollectionDefinition, Doc, Scalar } from '@app/read-store/read-store.port';

/** An event as projections see it: decrypted data plus where it sits in the log. */
export interface ProjectedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly stream: string;
  readonly revision: number;
  readonly position: bigint;
  /** When it happened: the writer's stamp in the hashed metadata (see `occurredAtOf`). */
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
}

/** Reads that see the batch's own pending writes first. */
export interface DocumentLookup {
  get<D extends Doc>(collection: string, id: string): Promise<D | null>;
  find<D extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>): Promise<D[]>;
}

/**
 * A read model: which documents an event touches, and a pure `evolve` from the previous
 * document to the next (null = absent). Facts from other read models (a member's name from
 * the profiles) are fetched by `enrich` beforehand, so `evolve` stays pure. The runner
 * supplies idempotency and batching.
 */
export interface Projection<D extends Doc = Doc, Facts = undefined> {
  readonly collection: CollectionDefinition;
  readonly eventTypes: ReadonlySet<string>;
  documentIds(event: ProjectedEvent, lookup: DocumentLookup): string[] | Promise<string[]>;
  enrich?(event: ProjectedEvent, lookup: DocumentLookup): Promise<Facts>;
  evolve(doc: D | null, event: ProjectedEvent, facts: Facts): D | null;
}

/** No read model or reaction reads a credential (password hash, TOTP secret, recovery codes): never decrypted here. */
const UNREAD_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'secret',
  'recoveryCodeHashes',
]);

export async function toProjectedEvent(
  codec: EventCodec,
  recorded: RecordedEvent,
): Promise<ProjectedEvent> {
  const { type, data } = await codec.decode(recorded, { omit: UNREAD_FIELDS });
  const { id, stream, revision, position, metadata } = recorded;
  return {
    id,
    type,
    data,
    stream,
    revision,
    position,
    recordedAt: occurredAtOf(recorded),
    metadata,
  };
}
