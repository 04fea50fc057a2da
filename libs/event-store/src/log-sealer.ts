import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  type Subscription,
  WrongExpectedRevisionError,
} from './event-store.port';
import { chain } from './integrity';
import { SEAL_EVENT, SEAL_STREAM, SealDraft } from './seal';

const READ_BATCH = 1_000;
const MAX_SEAL_NOW_ATTEMPTS = 10;

export interface LogSealerOptions {
  /** A seal is written once this many events are unsealed (default 1,000)… */
  readonly maxEvents?: number;
  /** …and at least this often while any are (default one minute). */
  readonly intervalMs?: number;
  /** Told about failures; the sealer retries on its next turn. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Writes the log's seals (see seal.ts) from one process: it follows the log from the last
 * seal's end and appends a seal every `maxEvents` events and at least every `intervalMs`. It
 * appends with the seal stream's expected revision, so a second sealer loses the race
 * instead of forking the seals, and then starts over from the seal that won.
 */
export class LogSealer {
  private readonly maxEvents: number;
  private readonly intervalMs: number;
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | undefined;
  private draft = new SealDraft(0n);
  private revision: ExpectedRevision = 'no_stream';
  private lastHash: string | null = null;
  private turn: Promise<void> = Promise.resolve();
  /** False between a lost race and the restart from the winning seal. */
  private following = false;
  /** Settles once the restart after the latest lost race is done. */
  private restarting: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly options: LogSealerOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? 1_000;
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  async start(): Promise<void> {
    await this.follow();
    this.timer = setInterval(() => void this.inTurn(() => this.seal()), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.restarting;
    await this.subscription?.close();
    this.subscription = null;
    await this.turn;
  }

  /**
   * Seals every event committed before the call (tests and shutdown use it); nothing if only
   * seals are new. The subscription may not have delivered them all yet, so this reads the
   * log up to its head itself; after a lost race it waits for the restart and seals whatever
   * the winning seal left.
   */
  async sealNow(): Promise<void> {
    for (let attempt = 0; attempt < MAX_SEAL_NOW_ATTEMPTS; attempt++) {
      await this.restarting;
      let done = false;
      await this.inTurn(async () => {
        if (!this.following) return;
        await this.coverUpToHead();
        await this.seal();
        done = this.following;
      });
      if (done) return;
    }
    throw new Error(`sealing lost the race to another sealer ${MAX_SEAL_NOW_ATTEMPTS} times`);
  }

  private async follow(): Promise<void> {
    const seals = await this.store.readStream(SEAL_STREAM);
    const last = seals.at(-1);
    this.revision = last ? last.revision : 'no_stream';
    this.lastHash = last ? String(last.metadata.hash) : null;
    const from = last ? BigInt(String(last.data.upTo)) : 0n;
    this.draft = new SealDraft(from);
    this.following = true;
    this.subscription = this.store.subscribe(from === 0n ? 'start' : { after: from }, {
      onEvents: (events) => this.inTurn(() => this.cover(events)),
    });
  }

  /** Covers what the log holds beyond the draft; the subscription skips it when it comes. */
  private async coverUpToHead(): Promise<void> {
    while (this.following) {
      const events = await this.store.readAll({ after: this.draft.upTo, limit: READ_BATCH });
      if (events.length === 0) return;
      await this.cover(events);
    }
  }

  private async cover(events: readonly RecordedEvent[]): Promise<void> {
    if (!this.following) return;
    for (const event of events) {
      if (event.position <= this.draft.upTo) continue;
      this.draft.add(event);
      if (this.draft.count >= this.maxEvents) await this.seal();
    }
  }

  private async seal(): Promise<void> {
    if (!this.following || this.draft.count === 0 || this.draft.onlySeals) return;
    const data = this.draft.seal(new Date().toISOString());
    const [event] = chain(
      [
        {
          id: randomUUID(),
          stream: SEAL_STREAM,
          revision: this.revision === 'no_stream' ? 0 : Number(this.revision) + 1,
          type: SEAL_EVENT,
          data: { ...data },
          metadata: {
            correlationId: randomUUID(),
            causationId: randomUUID(),
            actor: { type: 'system' as const, id: 'log-sealer' },
            occurredAt: data.sealedAt,
          },
        },
      ],
      this.lastHash,
    );
    if (!event) return;
    const { id, type } = event;
    const metadata = event.metadata as typeof event.metadata & { hash: string };
    try {
      const appended = await this.store.append(
        SEAL_STREAM,
        [{ id, type, data: event.data, metadata }],
        { expectedRevision: this.revision },
      );
      this.revision = appended.nextExpectedRevision;
      this.lastHash = metadata.hash;
      this.draft = new SealDraft(BigInt(data.upTo));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // Another sealer got there first: continue from its seal, once this turn is over.
      this.following = false;
      this.restarting = new Promise((resolve) =>
        setImmediate(() => void this.restart().finally(resolve)),
      );
    }
  }

  private async restart(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
    await this.inTurn(() => this.follow());
  }

  /** One thing at a time: covering events, sealing on the timer, sealing on demand. */
  private inTurn(work: () => Promise<void>): Promise<void> {
    const next = this.turn.then(work).catch((error: unknown) => this.options.onError?.(error));
    this.turn = next;
    return next;
  }
}
