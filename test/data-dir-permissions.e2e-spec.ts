import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpClient, registerAndLogin } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

/**
 * API.md: DATA_DIR is "created with mode 700, its files 600": it holds the secrets, and the
 * read models hold emails and names. SQLite's -wal and -shm files included.
 */
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'DATA_DIR permissions (read store: %s)',
  (readStore) => {
    const parent = mkdtempSync(join(tmpdir(), 'perms-'));
    const dataDir = join(parent, 'data');
    let service: TestService;

    beforeAll(async () => {
      // A directory the service creates itself: mkdtemp's own would be 700 already.
      service = await startTestService({ readStore, env: { DATA_DIR: dataDir } });
    });
    afterAll(async () => {
      await service.close();
      rmSync(parent, { recursive: true, force: true });
    });

    it('creates the directory 700 and every file in it 600, the WAL files too', async () => {
      const http = httpClient(service.baseUrl);
      const user = await registerAndLogin(http);
      await http.patch('/me', { firstName: 'Written' }, user.token);
      await http.post('/auth/login', { email: user.email, password: 'Wr0ng!Password' });

      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['events.sqlite', 'events.sqlite-wal']));
      expect(files.some((name) => name.endsWith('-shm'))).toBe(true);
      const modes = files.map(
        (name) => `${name} ${(statSync(join(dataDir, name)).mode & 0o777).toString(8)}`,
      );
      expect(modes).toEqual(files.map((name) => `${name} 600`));
    });
  },
);
