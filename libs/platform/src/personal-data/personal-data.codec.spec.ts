import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { DataKeyStore } from '../data-keys/data-key-store.port';
import { DataKeyRing } from './data-key-ring';
import { PersonalDataCodec } from './personal-data.codec';

/** A key store backed by a Map: the codec under test only needs get/create/destroy. */
class MapKeyStore implements DataKeyStore {
  readonly keys = new Map<string, string>();
  async create(subject: string, wrapped: string) {
    if (!this.keys.has(subject)) this.keys.set(subject, wrapped);
    return this.keys.get(subject) as string;
  }
  async get(subject: string) {
    return this.keys.get(subject) ?? null;
  }
  async destroy(subject: string) {
    this.keys.delete(subject);
  }
  async close() {}
}

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: 'e1',
  stream: 's',
  revision: 0,
  position: 1n,
  type,
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'system', id: 'test' } },
  recordedAt: new Date(0).toISOString(),
});

describe('PersonalDataCodec', () => {
  const event = {
    type: 'AccountRegistered',
    data: { userId: 'u1', email: 'ada@example.com', firstName: 'Ada', lastName: 'L', passwordHash: 'h', registeredAt: 't' },
  };
  const setup = () => {
    const store = new MapKeyStore();
    const ring = new DataKeyRing(store, randomBytes(32));
    return { store, ring, codec: new PersonalDataCodec(ring) };
  };

  it('given an event with personal fields, stores none of them in clear', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    const text = JSON.stringify(encoded);
    expect(text).not.toContain('ada@example.com');
    expect(text).not.toContain('Ada');
    expect(encoded.data.userId).toBe('u1');
    expect(encoded.data.registeredAt).toBe('t');
  });

  it('given the key exists, decodes to the original', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    expect((await codec.decode(recorded(encoded.type, { ...encoded.data }))).data).toEqual(event.data);
  });

  it('given the key was destroyed, reads the personal fields as null and keeps the rest', async () => {
    const { codec, ring } = setup();
    const encoded = await codec.encode(event);
    await ring.destroy('u1');
    const decoded = await codec.decode(recorded(encoded.type, { ...encoded.data }));
    expect(decoded.data).toMatchObject({ userId: 'u1', email: null, firstName: null, registeredAt: 't' });
  });

  it('given a ciphertext moved to another field, refuses to decrypt it', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    const swapped = { ...encoded.data, firstName: encoded.data.email };
    await expect(codec.decode(recorded(encoded.type, swapped))).rejects.toThrow();
  });

  it('given an event without personal fields, passes it through', async () => {
    const { codec } = setup();
    const plain = { type: 'SessionEnded', data: { sessionId: 's', userId: 'u1' } };
    expect(await codec.encode(plain)).toBe(plain);
  });
});
