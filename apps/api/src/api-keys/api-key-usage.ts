import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { API_KEY_USAGE } from '@app/read-store/read-models/api-key.read-model';

const FLUSH_INTERVAL_MS = 10_000;
const MINUTE_MS = 60_000;

/**
 * Last-used times without an event per request: each use only updates an in-memory minute,
 * the latest minute per key is written every few seconds and at shutdown, and a key table
 * read on this instance merges the minutes not written yet.
 */
@Injectable()
export class ApiKeyUsage implements OnApplicationBootstrap, OnApplicationShutdown {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readStore.ensureCollection(API_KEY_USAGE);
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(keyId: string, at: Date): void {
    const minute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
    if ((this.pending.get(keyId) ?? 0) < minute) this.pending.set(keyId, minute);
  }

  /** The later of the stored time and a use on this instance not yet written: no write on a read. */
  lastUsedAt(keyId: string, stored: string | null): string | null {
    const pending = this.pending.get(keyId);
    if (pending === undefined || (stored !== null && Date.parse(stored) >= pending)) return stored;
    return new Date(pending).toISOString();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.readStore.commit(
        [...batch].map(([keyId, minute]) => ({
          collection: API_KEY_USAGE.name,
          id: keyId,
          doc: { id: keyId, lastUsedAt: new Date(minute).toISOString() },
          position: BigInt(minute),
        })),
      );
    } catch (error) {
      // Put the batch back for the next flush; newer minutes recorded meanwhile win.
      for (const [keyId, minute] of batch) this.record(keyId, new Date(minute));
      throw error;
    }
  }
}
