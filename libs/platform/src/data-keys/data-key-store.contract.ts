import { randomBytes } from 'node:crypto';
import type { DataKeyStore } from './data-key-store.port';

/**
 * The behaviour every data key store adapter must show, run against each of them by its
 * `*.int-spec.ts`. `create` gives a fresh, empty store; `cleanup` closes and removes it.
 */

export interface DataKeyStoreUnderTest {
  readonly store: DataKeyStore;
  readonly cleanup: () => Promise<void>;
}

/** Looks like what DataKeyRing stores: base64 of iv + sealed key + tag. */
export function aWrappedKey(): string {
  return randomBytes(60).toString('base64');
}

export function describeDataKeyStoreContract(
  name: string,
  create: () => Promise<DataKeyStoreUnderTest>,
): void {
  describe(`${name} data key store (contract)`, () => {
    let store: DataKeyStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await create());
    });

    afterEach(async () => {
      await cleanup();
    });

    it('returns the key it stored for a new subject', async () => {
      const key = aWrappedKey();

      expect(await store.create('account-1', key)).toBe(key);
      expect(await store.get('account-1')).toBe(key);
    });

    it('keeps the first key when a subject is created again', async () => {
      const first = aWrappedKey();
      await store.create('account-1', first);

      expect(await store.create('account-1', aWrappedKey())).toBe(first);
      expect(await store.get('account-1')).toBe(first);
    });

    it('agrees on one key when registrations race', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.create('account-1', aWrappedKey())),
      );

      expect(new Set(results).size).toBe(1);
      expect(await store.get('account-1')).toBe(results[0]);
    });

    it('returns null for a subject without a key', async () => {
      expect(await store.get('nobody')).toBeNull();
    });

    it('keeps subjects apart', async () => {
      const one = aWrappedKey();
      const two = aWrappedKey();
      await store.create('account-1', one);
      await store.create('account-2', two);

      expect(await store.get('account-1')).toBe(one);
      expect(await store.get('account-2')).toBe(two);
    });

    it('forgets a destroyed key and only that one', async () => {
      const kept = aWrappedKey();
      await store.create('account-1', aWrappedKey());
      await store.create('account-2', kept);

      await store.destroy('account-1');

      expect(await store.get('account-1')).toBeNull();
      expect(await store.get('account-2')).toBe(kept);
    });

    it('destroys idempotently, also a key that never existed', async () => {
      await store.create('account-1', aWrappedKey());

      await store.destroy('account-1');
      await store.destroy('account-1');
      await store.destroy('nobody');

      expect(await store.get('account-1')).toBeNull();
    });

    it('stores a new key for a subject whose key was destroyed', async () => {
      await store.create('account-1', aWrappedKey());
      await store.destroy('account-1');
      const fresh = aWrappedKey();

      expect(await store.create('account-1', fresh)).toBe(fresh);
    });

    it('destroys a key only while it is unchanged', async () => {
      const first = aWrappedKey();
      await store.create('salt-1', first);
      await store.destroy('salt-1');
      const second = aWrappedKey();
      await store.create('salt-1', second);

      expect(await store.destroyIfUnchanged('salt-1', first)).toBe(false);
      expect(await store.get('salt-1')).toBe(second);
      expect(await store.destroyIfUnchanged('salt-1', second)).toBe(true);
      expect(await store.get('salt-1')).toBeNull();
    });
  });
}
