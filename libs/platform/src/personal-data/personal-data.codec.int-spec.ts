import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDataKeyStore } from '../data-keys/sqlite-data-key-store';
import { DataKeyRing } from './data-key-ring';
import { encryptField } from './field-cipher';
import { PersonalDataCodec } from './personal-data.codec';

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
    data: {
      userId: 'u1',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'L',
      passwordHash: 'h',
      registeredAt: 't',
    },
  };
  const dir = mkdtempSync(join(tmpdir(), 'codec-'));
  const stores: SqliteDataKeyStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const setup = () => {
    const store = new SqliteDataKeyStore(join(dir, `keys-${stores.length}.sqlite`));
    stores.push(store);
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
    expect((await codec.decode(recorded(encoded.type, { ...encoded.data }))).data).toEqual(
      event.data,
    );
  });

  it('given the key was destroyed, reads the personal fields as null and keeps the rest', async () => {
    const { codec, ring } = setup();
    const encoded = await codec.encode(event);
    await ring.destroy('u1');
    const decoded = await codec.decode(recorded(encoded.type, { ...encoded.data }));
    expect(decoded.data).toEqual({
      userId: 'u1',
      email: null,
      firstName: null,
      lastName: null,
      passwordHash: null,
      registeredAt: 't',
    });
  });

  it('given an event, seals its personal fields in one envelope and the password hash alone', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    expect(Object.keys(encoded.data)).toEqual(['userId', 'pii', 'passwordHash', 'registeredAt']);
    expect(encoded.data.pii).toMatch(/^pii2\.email,firstName,lastName\./);
    expect(encoded.data.passwordHash).toMatch(/^pii1\./);
    const decoded = await codec.decode(recorded(encoded.type, { ...encoded.data }));
    expect(Object.keys(decoded.data)).toEqual(Object.keys(event.data));
  });

  it('given an envelope moved to another account or event type, refuses to open it', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    const other = await codec.encode({ ...event, data: { ...event.data, userId: 'u2' } });
    const moved = { ...other.data, pii: encoded.data.pii };
    await expect(codec.decode(recorded(encoded.type, moved))).rejects.toThrow();
    const asRename = { userId: 'u1', pii: encoded.data.pii, changedAt: 't' };
    await expect(codec.decode(recorded('NameChanged', asRename))).rejects.toThrow();
  });

  it('given an envelope whose list of fields was altered, refuses to open it', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    const altered = String(encoded.data.pii).replace('email,firstName,', 'firstName,email,');
    await expect(
      codec.decode(recorded(encoded.type, { ...encoded.data, pii: altered })),
    ).rejects.toThrow();
  });

  it('given fields the caller omits, drops them without decrypting them', async () => {
    const { codec } = setup();
    const encoded = await codec.encode(event);
    const corrupt = { ...encoded.data, passwordHash: 'pii1.AAAA' };
    const decoded = await codec.decode(recorded(encoded.type, corrupt), {
      omit: new Set(['passwordHash']),
    });
    expect(decoded.data).toEqual({ ...event.data, passwordHash: undefined });
    expect('passwordHash' in decoded.data).toBe(false);
  });

  describe('events written one cipher per field (before the envelope)', () => {
    const legacy = (key: Buffer) => ({
      userId: 'u1',
      email: encryptField(key, 'u1|AccountRegistered|email', 'ada@example.com'),
      firstName: encryptField(key, 'u1|AccountRegistered|firstName', 'Ada'),
      lastName: encryptField(key, 'u1|AccountRegistered|lastName', 'L'),
      passwordHash: encryptField(key, 'u1|AccountRegistered|passwordHash', 'h'),
      registeredAt: 't',
    });

    it('given the key exists, decode to the original', async () => {
      const { codec, ring } = setup();
      const key = await ring.getOrCreate('u1');
      const decoded = await codec.decode(recorded('AccountRegistered', legacy(key)));
      expect(decoded.data).toEqual(event.data);
    });

    it('given the key was destroyed, read the personal fields as null', async () => {
      const { codec, ring } = setup();
      const stored = legacy(await ring.getOrCreate('u1'));
      await ring.destroy('u1');
      const decoded = await codec.decode(recorded('AccountRegistered', stored));
      expect(decoded.data).toEqual({
        userId: 'u1',
        email: null,
        firstName: null,
        lastName: null,
        passwordHash: null,
        registeredAt: 't',
      });
    });

    it('given a ciphertext moved to another field, refuse to decrypt it', async () => {
      const { codec, ring } = setup();
      const stored = legacy(await ring.getOrCreate('u1'));
      const swapped = { ...stored, firstName: stored.email };
      await expect(codec.decode(recorded('AccountRegistered', swapped))).rejects.toThrow();
    });
  });

  it('given an erased account, refuses to encrypt anything new for it and creates no key', async () => {
    const { codec, ring, store } = setup();
    await codec.encode(event);
    await ring.destroy('u1');
    const rename = {
      type: 'NameChanged',
      data: { userId: 'u1', firstName: 'X', lastName: 'Y', changedAt: 't' },
    };
    await expect(codec.encode(rename)).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    expect(await store.get('u1')).toBeNull();
  });

  it('given an event without personal fields, passes it through', async () => {
    const { codec } = setup();
    const plain = { type: 'SessionEnded', data: { sessionId: 's', userId: 'u1' } };
    expect(await codec.encode(plain)).toBe(plain);
  });

  describe('email reservations', () => {
    const reserved = {
      type: 'EmailReserved',
      data: { emailHash: 'eh', userId: 'u-holder', reservedAt: 't' },
    };

    it('given a reservation, keeps its holder out of the stored event and reads it back', async () => {
      const { codec } = setup();
      const encoded = await codec.encode(reserved);
      expect(JSON.stringify(encoded)).not.toContain('u-holder');
      expect(encoded.data.emailHash).toBe('eh');
      const decoded = await codec.decode(recorded(encoded.type, { ...encoded.data }));
      expect(decoded.data.userId).toBe('u-holder');
    });

    it('given its holder is forgotten, reads the holder as null, and another holder stays', async () => {
      const { codec } = setup();
      const mine = recorded('EmailReserved', { ...(await codec.encode(reserved)).data });
      const theirs = recorded('EmailReserved', {
        ...(await codec.encode({ ...reserved, data: { ...reserved.data, userId: 'u-next' } })).data,
      });
      await codec.reservations.forgetHolder([mine, theirs], 'u-holder');
      expect((await codec.decode(mine)).data.userId).toBeNull();
      expect((await codec.decode(theirs)).data.userId).toBe('u-next');
    });

    it('given a release, stores no holder at all', async () => {
      const { codec } = setup();
      const encoded = await codec.encode({
        type: 'EmailReleased',
        data: { emailHash: 'eh', userId: 'u-holder', releasedAt: 't' },
      });
      expect(JSON.stringify(encoded)).not.toContain('u-holder');
      expect((await codec.decode(recorded(encoded.type, { ...encoded.data }))).data.userId).toBe(
        null,
      );
    });

    it('given events written before holders were sealed, reads their clear user ids as they are', async () => {
      const { codec } = setup();
      const old = recorded('EmailReserved', { emailHash: 'eh', userId: 'u-old', reservedAt: 't' });
      const oldRelease = recorded('EmailReleased', {
        emailHash: 'eh',
        userId: 'u-old',
        releasedAt: 't',
      });
      expect((await codec.decode(old)).data).toEqual(old.data);
      expect((await codec.decode(oldRelease)).data).toEqual(oldRelease.data);
    });
  });
});
