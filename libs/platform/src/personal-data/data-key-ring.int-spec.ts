import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDataKeyStore } from '../data-keys/sqlite-data-key-store';
import { DataKeyRing } from './data-key-ring';

describe('DataKeyRing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'key-ring-'));
  const file = join(dir, 'keys.sqlite');
  const masterKey = randomBytes(32);
  const stores = [new SqliteDataKeyStore(file), new SqliteDataKeyStore(file)];
  // Two processes sharing one key store.
  const here = new DataKeyRing(stores[0] as SqliteDataKeyStore, masterKey);
  const elsewhere = new DataKeyRing(stores[1] as SqliteDataKeyStore, masterKey);
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a key destroyed elsewhere, findToOpen answers null and remembers it; find keeps asking the store', async () => {
    const key = await elsewhere.getOrCreate('u1');
    expect(await here.findToOpen('u1')).toEqual(key);
    here.forget('u1');
    await elsewhere.destroy('u1');
    expect(await here.findToOpen('u2')).toBeNull();
    expect(await here.findToOpen('u1')).toBeNull();
    // A key under the same subject again (never done by the codec: only a registration,
    // under a fresh id, creates one) shows that the absence was remembered, not asked again.
    const again = await elsewhere.getOrCreate('u1');
    expect(await here.findToOpen('u1')).toBeNull();
    expect(await here.find('u1')).toEqual(again);
  });
});
