import type { RecordedEvent } from './event-store.port';

/** A domain event as deciders see it: plaintext, no metadata. */
export interface DomainEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface DecodeOptions {
  readonly omit?: ReadonlySet<string>;
}

/** Turns domain events into what is stored and back (e.g. encrypting personal fields). */
export interface EventCodec {
  encode(event: DomainEvent): Promise<DomainEvent>;
  /** `omit` names fields the caller will not read: they are dropped instead of decoded. */
  decode(event: RecordedEvent, options?: DecodeOptions): Promise<DomainEvent>;
}

export const EVENT_CODEC = Symbol('EVENT_CODEC');
