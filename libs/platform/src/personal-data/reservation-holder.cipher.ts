import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@app/event-store/event-codec';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { DataKeyRing } from './data-key-ring';
import { decryptField, encryptField, isEncryptedField } from './field-cipher';

const RESERVED = 'EmailReserved';
const RELEASED = 'EmailReleased';
const KEY_PREFIX = 'email-reservation:';

/**
 * Seals who holds an email. `email-{hmac(email)}` is found from the address alone (that is
 * its purpose), so its events must not name the account in clear: each reservation stores
 * the holder's user id encrypted with a data key of its own, filed under a random reference
 * that names neither the address nor the account. Erasure destroys that key, after which
 * nothing in the log, the key store or the read models leads from the address to the former
 * account or back. A release records no holder at all. Events written before this stored
 * `userId` in clear and still read as they are.
 */
export class ReservationHolderCipher {
  constructor(private readonly keys: DataKeyRing) {}

  handles(type: string): boolean {
    return type === RESERVED || type === RELEASED;
  }

  async encode(event: DomainEvent): Promise<DomainEvent> {
    const { userId, ...data } = event.data;
    if (event.type !== RESERVED) return { type: event.type, data };
    const holderRef = randomUUID();
    const key = await this.keys.getOrCreate(KEY_PREFIX + holderRef);
    const holder = encryptField(key, context(holderRef), String(userId));
    return { type: event.type, data: { ...data, holderRef, holder } };
  }

  async decode(event: RecordedEvent): Promise<DomainEvent> {
    const data = { ...event.data };
    if (typeof data.userId !== 'string') data.userId = await this.holderOf(event);
    return { type: event.type, data };
  }

  /** Destroys the keys of the reservations `userId` held among a stream's stored events. */
  async forgetHolder(events: readonly RecordedEvent[], userId: string): Promise<void> {
    for (const event of events) {
      const { holderRef } = event.data;
      if (event.type !== RESERVED || typeof holderRef !== 'string') continue;
      if ((await this.holderOf(event)) === userId) await this.keys.destroy(KEY_PREFIX + holderRef);
    }
  }

  /** Who made the stream's latest reservation: undefined if nobody, null once erased. */
  async lastHolder(events: readonly RecordedEvent[]): Promise<string | null | undefined> {
    const last = events.filter((event) => event.type === RESERVED).at(-1);
    return last ? this.holderOf(last) : undefined;
  }

  /** The holder's user id, or null for a release or once the reservation's key is destroyed. */
  private async holderOf(event: RecordedEvent): Promise<string | null> {
    const { userId, holderRef, holder } = event.data;
    if (typeof userId === 'string') return userId;
    if (typeof holderRef !== 'string' || !isEncryptedField(holder)) return null;
    const key = await this.keys.findToOpen(KEY_PREFIX + holderRef);
    return key ? decryptField(key, context(holderRef), holder) : null;
  }
}

const context = (holderRef: string) => `${KEY_PREFIX}${holderRef}|${RESERVED}|userId`;
