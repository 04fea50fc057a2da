import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';

const MAX_TRACKED_CALLERS = 10_000;

/**
 * Read-your-writes on this instance: remembers the position of each caller's last write and
 * makes that caller's next read wait, bounded, until the projector's checkpoint has passed it.
 */
@Injectable()
export class ReadYourWrites {
  private readonly lastWrite = new Map<string, bigint>();

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  recordWrite(callerId: string, position: bigint | null): void {
    if (position === null) return;
    const known = this.lastWrite.get(callerId);
    if (known === undefined || position > known) this.lastWrite.set(callerId, position);
    if (this.lastWrite.size > MAX_TRACKED_CALLERS) void this.forgetCaughtUp();
  }

  async awaitOwnWrites(callerId: string): Promise<void> {
    const target = this.lastWrite.get(callerId);
    if (target === undefined) return;
    await this.awaitProjection(target);
    if (this.lastWrite.get(callerId) === target) this.lastWrite.delete(callerId);
  }

  /** Waits, bounded, until the projector's checkpoint has reached `position`. */
  async awaitProjection(position: bigint): Promise<void> {
    const deadline = Date.now() + this.config.readYourWritesTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
      const checkpoint = (await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
      if (checkpoint >= position) return;
      if (Date.now() > deadline) {
        throw new ServiceUnavailableException(
          'The read model is still catching up; retry shortly.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private async forgetCaughtUp(): Promise<void> {
    const checkpoint = (await this.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
    for (const [caller, position] of this.lastWrite) {
      if (position <= checkpoint) this.lastWrite.delete(caller);
    }
  }
}
