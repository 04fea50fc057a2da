export interface CatchUpReports {
  readonly live: () => void;
  readonly catchingUp: () => void;
}

/**
 * Decides when an EventStoreDB subscription is live. Servers from 23.10 say so (`caughtUp`,
 * `fellBehind`); older ones do not, so passing the head position read at subscribe time
 * counts as well. The server's word arrives while earlier events may still sit in the
 * stream buffer, so live is reported only once those have been handed to the handler.
 */
export class EsdbCatchUpTracker {
  private eventsBufferedBeforeCaughtUp: number | undefined;
  private live = false;
  /** The head read at subscribe time; dropped once the server reports for itself. */
  private headAtStart: bigint | undefined;

  constructor(
    headAtStart: bigint,
    private readonly reports: CatchUpReports,
  ) {
    this.headAtStart = headAtStart;
  }

  /** The server reached the head; `bufferedEvents` precede that moment and are not yet read. */
  serverCaughtUp(bufferedEvents: number, waitingForEvents: boolean): void {
    this.eventsBufferedBeforeCaughtUp ??= bufferedEvents;
    if (waitingForEvents && this.eventsBufferedBeforeCaughtUp === 0) this.reportLive();
  }

  /** Only servers that also say `caughtUp` say this, so from now on only their word counts. */
  serverFellBehind(): void {
    this.headAtStart = undefined;
    this.eventsBufferedBeforeCaughtUp = undefined;
    if (!this.live) return;
    this.live = false;
    this.reports.catchingUp();
  }

  /** A filter checkpoint: the server has scanned up to `position`, system events included. */
  serverScannedTo(position: bigint, bufferedEvents: number, waitingForEvents: boolean): void {
    if (this.hasPassedHeadAtStart(position)) this.serverCaughtUp(bufferedEvents, waitingForEvents);
  }

  eventRead(): void {
    if (this.eventsBufferedBeforeCaughtUp !== undefined && this.eventsBufferedBeforeCaughtUp > 0) {
      this.eventsBufferedBeforeCaughtUp -= 1;
    }
  }

  /** Called after each delivery, and once before the first, with the last handled position. */
  handledUpTo(position: bigint): void {
    if (this.hasPassedHeadAtStart(position) || this.eventsBufferedBeforeCaughtUp === 0) {
      this.reportLive();
    }
  }

  private hasPassedHeadAtStart(position: bigint): boolean {
    return this.headAtStart !== undefined && position >= this.headAtStart;
  }

  private reportLive(): void {
    if (this.live) return;
    this.live = true;
    this.reports.live();
  }
}
