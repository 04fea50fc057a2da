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
import {
  decryptField,
  encryptField,
  envelopeFieldNames,
  isEncryptedField,
  isSealedEnvelope,
  openFields,
  sealFields,
} from './field-cipher';
import { ReservationHolderCipher } from './reservation-holder.cipher';

/** Where an event's envelope of personal fields is stored, in place of those fields. */
export const PERSONAL_ENVELOPE_FIELD = 'pii';

/**
 * Credentials are sealed one by one, outside the envelope: readers that never need them
 * (the projector, audit exports) skip them without ever decrypting them.
 */
const SEALED_ALONE: ReadonlySet<string> = new Set(['passwordHash', 'secret', 'recoveryCodeHashes']);

/**
 * Encrypts the personal fields of an event with its subject's data key on the way into the
 * log, and decrypts them on the way out. Once the key is destroyed the fields read as null:
 * the history stays, the person is gone.
 *
 * Stored format: the personal fields of an event are sealed together in one AES-GCM envelope
 * (`pii2.`, one cipher per event), except credentials, which keep a cipher each (`pii1.`).
 * Events written before the envelope hold every field as its own `pii1.` value, and still
 * decode.
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
    if (PERSONAL_ENVELOPE_FIELD in event.data)
      throw new Error(`${event.type} has a field named ${PERSONAL_ENVELOPE_FIELD}`);
    const together: Record<string, string> = {};
    for (const field of fields) {
      const value = event.data[field];
      if (typeof value === 'string' && !SEALED_ALONE.has(field)) together[field] = value;
    }
    const data: Record<string, unknown> = {};
    let envelopePlaced = false;
    for (const [field, value] of Object.entries(event.data)) {
      if (field in together) {
        // The envelope takes the place of the first field it holds, so decoding restores
        // the original order of the fields.
        if (!envelopePlaced)
          data[PERSONAL_ENVELOPE_FIELD] = sealFields(key, context(subject, event.type), together);
        envelopePlaced = true;
      } else if (typeof value === 'string' && fields.includes(field)) {
        data[field] = encryptField(key, fieldContext(subject, event.type, field), value);
      } else {
        data[field] = value;
      }
    }
    return { type: event.type, data };
  }

  async decode(event: RecordedEvent, options: DecodeOptions = {}): Promise<DomainEvent> {
    if (this.reservations.handles(event.type)) return this.reservations.decode(event);
    const fields = PERSONAL_FIELDS[event.type];
    if (!fields) return { type: event.type, data: event.data };
    const subject = subjectOf(event);
    const omit = options.omit;
    let key: Buffer | null | undefined;
    const keyOf = async () =>
      key === undefined ? (key = await this.keys.findToOpen(subject)) : key;
    const data: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(event.data)) {
      if (field === PERSONAL_ENVELOPE_FIELD && isSealedEnvelope(value)) {
        const names = envelopeFieldNames(value).filter((name) => !omit?.has(name));
        if (names.length === 0) continue;
        const found = await keyOf();
        const opened = found ? openFields(found, context(subject, event.type), value) : null;
        for (const name of names) data[name] = opened ? (opened[name] ?? null) : null;
        continue;
      }
      if (omit?.has(field) && fields.includes(field)) continue;
      if (!isEncryptedField(value) || !fields.includes(field)) {
        data[field] = value;
        continue;
      }
      const found = await keyOf();
      data[field] = found
        ? decryptField(found, fieldContext(subject, event.type, field), value)
        : null;
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

/** Starts apart from a field's context, so a single-field envelope can never pass for a field. */
const context = (subject: string, type: string) => `pii2|${subject}|${type}`;
const fieldContext = (subject: string, type: string, field: string) =>
  `${subject}|${type}|${field}`;
