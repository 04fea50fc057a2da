import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ReadStore } from '@app/read-store/read-store.port';

const FLUSH_INTERVAL_MS = 10_000;
const MINUTE_MS = 60_000;

type Collection = Parameters<ReadStore['ensureCollection']>[0];

/**
 * "Last used" / "last seen" without a write per request: each use only updates an in-memory
 * minute, the latest minute per id is written every few seconds and at shutdown (guarded by
 * the minute, so instances never move it back), and a read on this instance merges the
 * minutes not written yet, so a read causes no write.
 */
export abstract class MinuteActivity implements OnApplicationBootstrap, OnApplicationShutdown {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  protected constructor(
    private readonly readStore: ReadStore,
    private readonly collection: Collection,
    /** The document field that holds the minute, e.g. `lastUsedAt`. */
    private readonly field: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readStore.ensureCollection(this.collection);
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(id: string, at: Date): void {
    const minute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
    if ((this.pending.get(id) ?? 0) < minute) this.pending.set(id, minute);
  }

  /** The later of the stored minute and one recorded on this instance but not yet written. */
  protected latest(id: string, stored: string | null): string | null {
    const pending = this.pending.get(id);
    if (pending === undefined || (stored !== null && Date.parse(stored) >= pending)) return stored;
    return new Date(pending).toISOString();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.readStore.commit(
        [...batch].map(([id, minute]) => ({
          collection: this.collection.name,
          id,
          doc: { id, [this.field]: new Date(minute).toISOString() },
          position: BigInt(minute),
        })),
      );
    } catch (error) {
      // Put the batch back for the next flush; newer minutes recorded meanwhile win.
      for (const [id, minute] of batch) this.record(id, new Date(minute));
      throw error;
    }
  }
}
