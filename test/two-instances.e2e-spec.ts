import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { readStoreEnv } from './support/read-store-under-test';
import {
  API_MAIN,
  freePort,
  PROJECTOR_MAIN,
  startProcess,
  waitForHealth,
  type ServiceProcess,
} from './support/service-processes';

/**
 * `npm run start:api` twice and the projector, on one DATA_DIR, as separate processes. A key
 * deleted through one instance is refused by the other; afterwards no secret of the whole
 * run appears in any process's output or in any data file.
 */
describe('two api instances on one DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'two-instances-'));
  const processes: ServiceProcess[] = [];
  let a: HttpClient;
  let b: HttpClient;
  const secrets: string[] = [];

  beforeAll(async () => {
    const env = {
      DATA_DIR: dataDir,
      BCRYPT_COST: '4',
      LOG_LEVEL: 'debug',
      ...readStoreEnv('two_instances'),
    };
    const [portA, portB] = [await freePort(), await freePort()];
    processes.push(startProcess(API_MAIN, { ...env, PORT: String(portA) }));
    processes.push(startProcess(API_MAIN, { ...env, PORT: String(portB) }));
    processes.push(startProcess(PROJECTOR_MAIN, env));
    await waitForHealth(`http://127.0.0.1:${portA}`);
    await waitForHealth(`http://127.0.0.1:${portB}`);
    a = httpClient(`http://127.0.0.1:${portA}`);
    b = httpClient(`http://127.0.0.1:${portB}`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses on instance B a key deleted through instance A, promptly', async () => {
    const owner = await registerAndLogin(a, { password: 'Own3r!Secret' });
    secrets.push(owner.password, owner.token);
    const orgId = (await a.post('/orgs', { name: 'Acme' }, owner.token)).body.organizationId;
    const created = await a.post(`/orgs/${orgId}/api-keys`, { description: 'CI' }, owner.token);
    const { key, id } = created.body;
    secrets.push(key, key.slice(3 + 16, -6));
    expect((await b.get('/integrations/whoami', undefined, { 'x-api-key': key })).status).toBe(200);

    expect((await a.delete(`/orgs/${orgId}/api-keys/${id}`, owner.token)).status).toBe(204);
    const deleted = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - deleted < 2000) {
      status = (await b.get('/integrations/whoami', undefined, { 'x-api-key': key })).status;
    }
    expect(status).toBe(401);
    // Wide of the 50 ms aim on purpose: CI shares two cores; `npm run bench` measures p50/p99.
    expect(Date.now() - deleted).toBeLessThan(500);
  });

  it('ends on instance B the sessions that a password change on A ended', async () => {
    const person = await registerAndLogin(a, { password: 'Pers0n!Secret' });
    const other = (await b.post('/auth/login', { email: person.email, password: person.password }))
      .body.accessToken;
    secrets.push(person.password, person.token, other, 'N3w!Secret-Value');
    expect((await b.get('/me', other)).status).toBe(200);
    const changed = await a.put(
      '/me/password',
      {
        currentPassword: person.password,
        newPassword: 'N3w!Secret-Value',
        confirmPassword: 'N3w!Secret-Value',
      },
      person.token,
    );
    expect(changed.status).toBe(204);
    let status = 200;
    for (const started = Date.now(); status === 200 && Date.now() - started < 2000;) {
      status = (await b.get('/me', other)).status;
    }
    expect(status).toBe(401);
  });

  it('leaves no password, token or key in any log line or data file', async () => {
    await Promise.all(processes.map((process) => process.stop()));
    const output = processes.map((process) => process.output()).join('\n');
    expect(output.length).toBeGreaterThan(0);
    const files = readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name)));
    for (const secret of secrets) {
      expect(output.includes(secret)).toBe(false);
      for (const file of files) expect(file.includes(Buffer.from(secret))).toBe(false);
    }
  });
});
