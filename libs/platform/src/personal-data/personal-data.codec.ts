import {
  AccountNotFound,
  KEY_CREATING_EVENTS,
  PERSONAL_DATA_SUBJECT_FIELD,
  PERSONAL_DATA_SUBJECT_FIELDS,
  PERSONAL_FIELDS,
} from '@app/domain';
import type { DecodeOptions, DomainEvent, EventCodec } from '@app/event-store/event-codec';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { DataKeyRing } from './data-key-ring';
import { decryptField, encryptField, isEncryptedField } from './field-cipher';
import { ReservationHolderCipher } from './reservation-holder.cipher';

/**
 * Encrypts the personal fields of an event with its subject's data key on the way into the
 * log, and decrypts them on the way out. Once the key is destroyed the fields read as null:
 * the history stays, the person is gone.
 */
export class PersonalDataCodec implements EventCodec {
  /** Who holds an email is sealed apart: see ReservationHolderCipher. */
  readonly reservations: ReservationHolderCipher;

  constructor(private readonly keys: DataKeyRing) {
    this.reservations = new ReservationHolderCipher(keys);
  }

  async encode(event: DomainEvent): Promise<DomainEvent> {
    if (this.reservations.handles(event.type)) return this.reservations.encode(event);
    const fields = PERSONAL_FIELDS[event.type];
    if (!fields) return event;
    const subject = subjectOf(event);
    // Only a registration creates a key: any later event of an erased account must not bring
    // a fresh one into being (a rename racing the deletion would otherwise do just that).
    const key = KEY_CREATING_EVENTS.has(event.type)
      ? await this.keys.getOrCreate(subject)
      : await this.keys.find(subject);
    if (!key) throw new AccountNotFound();
    const data: Record<string, unknown> = { ...event.data };
    for (const field of fields) {
      const value = data[field];
      if (typeof value === 'string') {
        data[field] = encryptField(key, context(subject, event.type, field), value);
      }
    }
    return { type: event.type, data };
  }

  async decode(event: RecordedEvent, options: DecodeOptions = {}): Promise<DomainEvent> {
    if (this.reservations.handles(event.type)) return this.reservations.decode(event);
    const fields = PERSONAL_FIELDS[event.type];
    if (!fields) return { type: event.type, data: event.data };
    const subject = subjectOf(event);
    const key = await this.keys.find(subject);
    const data: Record<string, unknown> = { ...event.data };
    for (const field of fields) {
      const value = data[field];
      if (options.omit?.has(field)) {
        delete data[field];
        continue;
      }
      if (!isEncryptedField(value)) continue;
      data[field] = key ? decryptField(key, context(subject, event.type, field), value) : null;
    }
    return { type: event.type, data };
  }
}

function subjectOf(event: DomainEvent): string {
  const field = PERSONAL_DATA_SUBJECT_FIELDS[event.type] ?? PERSONAL_DATA_SUBJECT_FIELD;
  const subject = event.data[field];
  if (typeof subject !== 'string') {
    throw new Error(`${event.type} carries personal data but no ${field}`);
  }
  return subject;
}

const context = (subject: string, type: string, field: string) => `${subject}|${type}|${field}`;
