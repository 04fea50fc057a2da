import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { Projector } from './projector';
import { listenForProjectorHttp } from './projector-http';
import { PROJECTIONS } from './projections';

describe("the projector's health endpoint (compose health check)", () => {
  let dir: string;
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  let projector: Projector;
  let server: Server;
  let baseUrl: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-http-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    readStore = new SqliteReadStore(join(dir, 'read-models.sqlite'));
    projector = new Projector(events, readStore, new PersonalDataCodec({} as never), PROJECTIONS);
    server = await listenForProjectorHttp(projector, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterEach(async () => {
    server.close();
    await projector.stop();
    await events.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a projector that is not following the log, then it answers 503', async () => {
    const response = await fetch(`${baseUrl}/health`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      subscription: 'down',
      position: null,
    });
  });

  it('given a live projector, then it answers 200, and /metrics answers the Prometheus text', async () => {
    await projector.start();
    for (const deadline = Date.now() + 5000; projector.currentStatus !== 'live';) {
      if (Date.now() > deadline) throw new Error(`still ${projector.currentStatus}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const health = await fetch(`${baseUrl}/health`);
    const metrics = await fetch(`${baseUrl}/metrics`);

    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', subscription: 'live' });
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain(
      'event_subscription_state{subscription="projector",state="live"} 1',
    );
  });

  it('answers 404 to anything else', async () => {
    expect((await fetch(`${baseUrl}/`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/health`, { method: 'POST' })).status).toBe(404);
  });
});
