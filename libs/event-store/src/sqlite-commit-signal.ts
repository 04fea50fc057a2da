/**
 * Tells waiting subscriptions that new events may have been committed. Appends through this
 * store instance notify it directly; commits by other connections (other processes sharing
 * the file) show up as a change of `PRAGMA data_version`, polled while anyone subscribes.
 */
export class SqliteCommitSignal {
  private sequence = 0;
  private readonly waiters = new Set<() => void>();
  private watchers = 0;
  private pollTimer: NodeJS.Timeout | undefined;
  private lastDataVersion = 0;

  constructor(
    private readonly readDataVersion: () => number,
    private readonly pollIntervalMs: number,
  ) {}

  get commitSequence(): number {
    return this.sequence;
  }

  notify(): void {
    this.sequence += 1;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  waitForCommitAfter(sequence: number, signal: AbortSignal): Promise<void> {
    if (this.sequence !== sequence || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /**
   * Starts polling for the first watcher. The baseline version is taken here, before the
   * watcher's first read, so a commit landing between that read and the next poll is never
   * mistaken for one already seen.
   */
  startWatching(): void {
    this.watchers += 1;
    if (this.pollTimer !== undefined) return;
    this.lastDataVersion = this.readDataVersion();
    this.pollTimer = setInterval(() => this.pollDataVersion(), this.pollIntervalMs).unref();
  }

  stopWatching(): void {
    this.watchers = Math.max(0, this.watchers - 1);
    if (this.watchers === 0) this.stopPolling();
  }

  stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private pollDataVersion(): void {
    let dataVersion: number;
    try {
      dataVersion = this.readDataVersion();
    } catch {
      // Wake the subscriptions: their own read fails the same way and reports it.
      this.notify();
      return;
    }
    if (dataVersion === this.lastDataVersion) return;
    this.lastDataVersion = dataVersion;
    this.notify();
  }
}
