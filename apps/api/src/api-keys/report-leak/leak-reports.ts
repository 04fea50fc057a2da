import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReportLeakCommand } from './report-leak.command';

/**
 * Reports are handled after the answer, one after another: the 202 leaves before any lookup,
 * so neither its content nor its timing says whether the key was real.
 */
@Injectable()
export class LeakReports implements OnApplicationShutdown {
  private readonly logger = new Logger('leak-reports');
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly commands: CommandBus) {}

  submit(key: string, metadata: EventMetadata): void {
    this.queue = this.queue.then(() =>
      this.commands.execute(new ReportLeakCommand(key, metadata)).catch((error: unknown) => {
        // Never the key: only that a report could not be handled.
        this.logger.error({
          message: 'leak report failed',
          error: error instanceof Error ? error.name : 'unknown',
        });
      }),
    );
  }

  /** Finishes the reports already answered before storage closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue;
  }
}
