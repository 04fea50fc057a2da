/** Where progress goes: stderr in production, anything with `write` in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  /** What is being done, e.g. `rebuild` or `audit export`. */
  readonly label: string;
  readonly stream: ProgressStream;
  /** `--progress`: report even when the stream is not a terminal, from the first update. */
  readonly force?: boolean;
  /** Quiet for runs shorter than this; default 2 s. */
  readonly delayMs?: number;
  /** At most one report per interval; default 1 s. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export const PROGRESS_FLAG = '--progress';

const DEFAULT_DELAY_MS = 2_000;
const DEFAULT_INTERVAL_MS = 1_000;

/**
 * Reports a long run's progress (events done, rate, time left) on a terminal. It stays
 * silent when the stream is not a terminal (a pipe, a log file) unless forced, and for runs
 * shorter than a few seconds. On a terminal each report overwrites the previous line.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private lastReportAt: number | null = null;

  constructor(private readonly options: ProgressOptions) {
    this.enabled = options.force === true || options.stream.isTTY === true;
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
    this.delayMs = options.force ? 0 : (options.delayMs ?? DEFAULT_DELAY_MS);
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  }

  /** `total` is the best estimate of the whole (it may grow while the run follows a live log). */
  update(done: number, total: number): void {
    if (!this.enabled) return;
    const at = this.now();
    if (at - this.startedAt < this.delayMs) return;
    if (this.lastReportAt !== null && at - this.lastReportAt < this.intervalMs) return;
    this.lastReportAt = at;
    this.write(describe(this.options.label, done, Math.max(done, total), at - this.startedAt));
  }

  /** Ends the line of a run that reported anything, with its final count. */
  finish(done: number): void {
    if (!this.enabled || this.lastReportAt === null) return;
    const ms = this.now() - this.startedAt;
    this.write(`${this.options.label}: ${count(done)} events in ${seconds(ms)}, ${rate(done, ms)}`);
    if (this.options.stream.isTTY) this.options.stream.write('\n');
  }

  private write(line: string): void {
    if (this.options.stream.isTTY) this.options.stream.write(`\r\u001b[K${line}`);
    else this.options.stream.write(`${line}\n`);
  }
}

function describe(label: string, done: number, total: number, ms: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const perMs = done / Math.max(ms, 1);
  const left = perMs > 0 ? seconds((total - done) / perMs) : 'unknown';
  return (
    `${label}: ${count(done)} of ${count(total)} events (${percent}%), ` +
    `${rate(done, ms)}, ${left} left`
  );
}

const count = (n: number) => n.toLocaleString('en-US');
const rate = (done: number, ms: number) =>
  `${count(Math.round((done / Math.max(ms, 1)) * 1000))} events/s`;
const seconds = (ms: number) =>
  ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.ceil(ms / 1000)} s`;
