import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { SESSION_ACTIVITY } from '@app/read-store/read-models/session.read-model';

const FLUSH_INTERVAL_MS = 10_000;
const MINUTE_MS = 60_000;

/**
 * A session's last-seen minute without a write per request, as ApiKeyUsage does for keys:
 * each authenticated request updates an in-memory minute, the latest minute per session is
 * written every few seconds and at shutdown, and a session list read on this instance merges
 * the minutes not written yet.
 */
@Injectable()
export class SessionActivity implements OnApplicationBootstrap, OnApplicationShutdown {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readStore.ensureCollection(SESSION_ACTIVITY);
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(sessionId: string, at: Date): void {
    const minute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
    if ((this.pending.get(sessionId) ?? 0) < minute) this.pending.set(sessionId, minute);
  }

  /** The later of the stored minute and one seen on this instance but not yet written. */
  lastSeenAt(sessionId: string, stored: string | null): string | null {
    const pending = this.pending.get(sessionId);
    if (pending === undefined || (stored !== null && Date.parse(stored) >= pending)) return stored;
    return new Date(pending).toISOString();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.readStore.commit(
        [...batch].map(([sessionId, minute]) => ({
          collection: SESSION_ACTIVITY.name,
          id: sessionId,
          doc: { id: sessionId, lastSeenAt: new Date(minute).toISOString() },
          position: BigInt(minute),
        })),
      );
    } catch (error) {
      for (const [sessionId, minute] of batch) this.record(sessionId, new Date(minute));
      throw error;
    }
  }
}
