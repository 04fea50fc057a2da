import { mkdtempSync, rmSync } from 'node:fs';
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

/** One sample's value from Prometheus text, e.g. `metric('x_total', 'outcome="valid"')`. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text
    .split('\n')
    .find((each) => each.startsWith(labels ? `${name}{` : `${name} `) && each.includes(labels));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/**
 * `GET /metrics` on the api and on the projector, as separate processes (`npm run start:api`
 * and `npm run start:projector`), in the Prometheus text format operators scrape.
 */
describe('metrics of the api and the projector', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'metrics-'));
  const processes: ServiceProcess[] = [];
  let http: HttpClient;
  let apiUrl: string;
  let projectorUrl: string;

  beforeAll(async () => {
    const env = {
      DATA_DIR: dataDir,
      BCRYPT_COST: '4',
      LOG_LEVEL: 'warn',
      ...readStoreEnv('metrics'),
    };
    const [apiPort, projectorPort] = [await freePort(), await freePort()];
    processes.push(startProcess(API_MAIN, { ...env, PORT: String(apiPort) }));
    processes.push(startProcess(PROJECTOR_MAIN, { ...env, PROJECTOR_PORT: String(projectorPort) }));
    apiUrl = `http://127.0.0.1:${apiPort}`;
    projectorUrl = `http://127.0.0.1:${projectorPort}`;
    await waitForHealth(apiUrl);
    await waitForHealth(projectorUrl);
    http = httpClient(apiUrl);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async (baseUrl: string) => {
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('counts key verifications by outcome, cache lookups and requests by route on the api', async () => {
    const owner = await registerAndLogin(http);
    const orgId = (await http.post('/orgs', { name: 'Acme' }, owner.token)).body.organizationId;
    const { key } = (await http.post(`/orgs/${orgId}/api-keys`, { description: 'm' }, owner.token))
      .body;
    const whoami = (apiKey: string) =>
      http.get('/integrations/whoami', undefined, { 'x-api-key': apiKey });
    expect((await whoami(key)).status).toBe(200);
    expect((await whoami(key)).status).toBe(200);
    expect((await whoami('ak_not-a-key')).status).toBe(401);

    const text = await scrape(apiUrl);

    expect(sample(text, 'api_key_verifications_total', 'outcome="valid"')).toBe(2);
    expect(sample(text, 'api_key_verifications_total', 'outcome="malformed"')).toBe(1);
    expect(sample(text, 'http_requests_total', 'route="/integrations/whoami",status="200"')).toBe(
      2,
    );
    expect(
      sample(
        text,
        'http_request_duration_seconds_count',
        'route="/integrations/whoami",status="401"',
      ),
    ).toBe(1);
    // the latency histogram: cumulative buckets, +Inf equal to the count, a positive sum
    const whoami200 = 'route="/integrations/whoami",status="200"';
    const buckets = text
      .split('\n')
      .filter((line) => line.startsWith('http_request_duration_seconds_bucket{'))
      .filter((line) => line.includes(whoami200))
      .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
    expect(buckets).toHaveLength(13);
    expect(buckets).toEqual([...buckets].sort((x, y) => x - y));
    expect(sample(text, 'http_request_duration_seconds_bucket', `${whoami200},le="+Inf"`)).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', whoami200)).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_sum', whoami200)).toBeGreaterThan(0);
    expect(sample(text, 'credential_cache_lookups_total', 'result="hit"')).toBeGreaterThan(0);
    expect(
      sample(text, 'event_subscription_state', 'subscription="credential_cache",state="live"'),
    ).toBe(1);
    expect(sample(text, 'projector_lag_events')).toBeGreaterThanOrEqual(0);
    // no secret, and no raw path with an id, becomes a label
    expect(text).not.toContain(key);
    expect(text).not.toContain(orgId);
  });

  it('shows on the projector its subscription, position and a lag of zero once it has caught up', async () => {
    const owner = await registerAndLogin(http);
    expect((await http.get('/me', owner.token)).status).toBe(200); // projected

    const health = await (await fetch(`${projectorUrl}/health`)).json();
    const text = await scrape(projectorUrl);

    expect(health).toMatchObject({ status: 'ok', subscription: 'live' });
    expect(sample(text, 'event_subscription_state', 'subscription="projector",state="live"')).toBe(
      1,
    );
    expect(sample(text, 'projector_checkpoint_position')).toBeGreaterThan(0);
    expect(sample(text, 'event_store_head_position')).toBeGreaterThanOrEqual(
      sample(text, 'projector_checkpoint_position') as number,
    );
    expect(sample(text, 'projector_lag_events')).toBe(0);
  });
});
