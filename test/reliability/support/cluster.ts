import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import { loadConfig, type AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { PROJECTOR_CHECKPOINT, REACTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import {
  API_MAIN,
  freePort,
  PROJECTOR_MAIN,
  startProcess,
  waitForHealth,
  type ServiceProcess,
} from '../../support/service-processes';

interface ApiInstance {
  readonly port: number;
  process: ServiceProcess;
}

/**
 * The built service as real processes on one DATA_DIR: `apis` api instances and the
 * projector, as `npm run start:api` and `npm run start:projector` run them. Any of them can
 * be SIGKILLed and restarted (an api on its own port). The test process opens the same
 * SQLite files to read the log and the checkpoints, as an auditor on the host would.
 */
export class Cluster {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'reliability-'));
  readonly config: AppConfig;
  /** Every process ever started, killed ones included: their output is scanned for secrets. */
  private readonly started: ServiceProcess[] = [];
  private readonly apis: ApiInstance[] = [];
  private projector: ServiceProcess | null = null;
  private openedStorage: Storage | null = null;
  private decoder: PersonalDataCodec | null = null;
  faults = 0;

  private constructor(private readonly env: Record<string, string>) {
    this.config = loadConfig({ DATA_DIR: this.dataDir, ...env });
  }

  static async start(apis: number, env: Record<string, string> = {}): Promise<Cluster> {
    const cluster = new Cluster({ BCRYPT_COST: '4', LOG_LEVEL: 'debug', ...env });
    for (let i = 0; i < apis; i++) {
      const port = await freePort();
      cluster.apis.push({ port, process: cluster.spawn(API_MAIN, { PORT: String(port) }) });
    }
    cluster.projector = cluster.spawn(PROJECTOR_MAIN, {});
    await Promise.all(cluster.apis.map((api) => waitForHealth(cluster.urlOf(api))));
    return cluster;
  }

  baseUrl(index: number): string {
    const api = this.apis[index];
    if (!api) throw new Error(`no api instance ${index}`);
    return this.urlOf(api);
  }

  isApiUp(index: number): boolean {
    const child = this.apis[index]?.process.child;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  async killApi(index: number): Promise<void> {
    const api = this.apis[index];
    if (!api) throw new Error(`no api instance ${index}`);
    await this.kill(api.process);
  }

  async restartApi(index: number): Promise<void> {
    const api = this.apis[index];
    if (!api) throw new Error(`no api instance ${index}`);
    api.process = this.spawn(API_MAIN, { PORT: String(api.port) });
    await waitForHealth(this.urlOf(api));
  }

  async killProjector(): Promise<void> {
    if (this.projector) await this.kill(this.projector);
  }

  restartProjector(): void {
    this.projector = this.spawn(PROJECTOR_MAIN, {});
  }

  async stopProjector(): Promise<void> {
    await this.projector?.stop();
  }

  /** The storage of DATA_DIR, opened in the test process. */
  async storage(): Promise<Storage> {
    this.openedStorage ??= await openStorage(this.config);
    return this.openedStorage;
  }

  /** Decrypts personal fields of recorded events, as the projector does. */
  async codec(): Promise<PersonalDataCodec> {
    const storage = await this.storage();
    this.decoder ??= new PersonalDataCodec(
      new DataKeyRing(storage.dataKeys, loadSecrets(this.config).masterKey),
    );
    return this.decoder;
  }

  async head(): Promise<bigint> {
    return (await this.storage()).eventStore.headPosition();
  }

  /**
   * Waits until the projector and the reactor have both passed the head of the log: nothing
   * is in flight any more (a reaction's own events move the head and are waited for too).
   */
  async settle(timeoutMs = 30_000): Promise<bigint> {
    const { eventStore, readStore } = await this.storage();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const head = await eventStore.headPosition();
      const projected = (await readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
      const reacted = (await readStore.getCheckpoint(REACTOR_CHECKPOINT)) ?? 0n;
      if (projected === head && reacted === head && (await eventStore.headPosition()) === head)
        return head;
      if (Date.now() > deadline)
        throw new Error(
          `log not settled: head ${head}, projector ${projected}, reactor ${reacted}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The whole log, in position order. */
  async allEvents(): Promise<RecordedEvent[]> {
    const { eventStore } = await this.storage();
    const events: RecordedEvent[] = [];
    for (;;) {
      const page = await eventStore.readAll({ after: events.at(-1)?.position, limit: 1000 });
      if (page.length === 0) return events;
      events.push(...page);
    }
  }

  /** The events after `position`, up to and including `upTo`. */
  async eventsBetween(position: bigint, upTo: bigint): Promise<RecordedEvent[]> {
    const { eventStore } = await this.storage();
    const page = await eventStore.readAll({ after: position, limit: 1000 });
    return page.filter((event) => event.position <= upTo);
  }

  async streamEvents(stream: string): Promise<RecordedEvent[]> {
    return (await this.storage()).eventStore.readStream(stream);
  }

  /** Everything every process printed, stdout and stderr, one string per process. */
  outputs(): string[] {
    return this.started.map((process) => process.output());
  }

  async stop(): Promise<void> {
    await Promise.all(this.started.map((process) => process.stop()));
    await this.openedStorage?.close();
    this.openedStorage = null;
  }

  remove(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private spawn(main: string, env: Record<string, string>): ServiceProcess {
    const process = startProcess(main, { DATA_DIR: this.dataDir, ...this.env, ...env });
    this.started.push(process);
    return process;
  }

  private async kill(process: ServiceProcess): Promise<void> {
    const { child } = process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.faults += 1;
  }

  private urlOf(api: ApiInstance): string {
    return `http://127.0.0.1:${api.port}`;
  }
}
