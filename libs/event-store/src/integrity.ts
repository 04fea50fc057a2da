import { createHash } from 'node:crypto';
import type { EventMetadata, RecordedEvent } from './event-store.port';

/**
 * Tamper evidence. Each event's metadata carries `previousHash` (its predecessor's hash in
 * the same stream, null for the first) and `hash` (its own, over everything stored but that
 * field). Both are computed over what is stored, personal fields as ciphertext, so erasing a
 * data key never breaks the chain, while changing, removing or reordering an event does.
 */
export interface IntegrityFields {
  readonly previousHash: string | null;
  readonly hash: string;
}

export interface HashableEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
}

/** JSON with object keys sorted, so a store that reorders keys cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(event: HashableEvent): string {
  const { hash: _own, ...metadata } = event.metadata;
  const { id, stream, revision, type, data } = event;
  return createHash('sha256')
    .update(canonicalJson({ id, stream, revision, type, data, metadata }))
    .digest('hex');
}

/** Adds the chain fields to events about to be appended after `previousHash`. */
export function chain<E extends HashableEvent>(
  events: readonly E[],
  previousHash: string | null,
): E[] {
  const chained: E[] = [];
  let previous = previousHash;
  for (const event of events) {
    const withPrevious = { ...event, metadata: { ...event.metadata, previousHash: previous } };
    const hash = hashEvent(withPrevious);
    chained.push({ ...withPrevious, metadata: { ...withPrevious.metadata, hash } });
    previous = hash;
  }
  return chained;
}

export interface ChainBreak {
  readonly event: Pick<RecordedEvent, 'id' | 'stream' | 'revision' | 'position' | 'type'>;
  readonly problem: string;
}

/**
 * Follows every stream's chain through events given in log order; `next` takes one event
 * and returns the first break it reveals, or null. State is kept per stream.
 */
export function createChainVerifier(): { next(event: RecordedEvent): ChainBreak | null } {
  const lastOf = new Map<string, { revision: number; hash: string }>();
  return {
    next(event) {
      const fail = (problem: string): ChainBreak => ({
        event: {
          id: event.id,
          stream: event.stream,
          revision: event.revision,
          position: event.position,
          type: event.type,
        },
        problem,
      });
      const previous = lastOf.get(event.stream);
      const expectedRevision = previous ? previous.revision + 1 : 0;
      if (event.revision !== expectedRevision) {
        return fail(
          `revision ${event.revision} where ${expectedRevision} was expected (an event is missing or out of order)`,
        );
      }
      const stored = event.metadata.hash;
      if (typeof stored !== 'string' || stored !== hashEvent(event))
        return fail('its content does not match its hash');
      if ((event.metadata.previousHash ?? null) !== (previous?.hash ?? null)) {
        return fail('its predecessor in the stream is not the event it was appended after');
      }
      lastOf.set(event.stream, { revision: event.revision, hash: stored });
      return null;
    },
  };
}

/**
 * When an event happened, as the writer stamped it into the hashed metadata: an edit of the
 * store's own timestamp column cannot move an event in time for auditors. Events written
 * before the stamp existed fall back to the store's time.
 */
export function occurredAtOf(event: Pick<RecordedEvent, 'metadata' | 'recordedAt'>): string {
  return typeof event.metadata.occurredAt === 'string'
    ? event.metadata.occurredAt
    : event.recordedAt;
}
