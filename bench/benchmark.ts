/** One measured number. `ok: false` marks a broken invariant (e.g. an error answer) and fails the run. */
export interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly details: string;
  readonly ok?: boolean;
  /** The figure the product aims for, and whether this run met it (a miss does not fail the run). */
  readonly aim?: Aim;
}

export interface Aim {
  readonly text: string;
  readonly met: boolean;
}

/** At least `min` (throughputs). */
export const atLeast = (value: number, min: number, unit: string): Aim => ({
  text: `>= ${min.toLocaleString('en-US')} ${unit}`,
  met: value >= min,
});

/** Below `max` (latencies). */
export const below = (value: number, max: number, unit: string): Aim => ({
  text: `< ${max.toLocaleString('en-US')} ${unit}`,
  met: value < max,
});

export interface BenchOptions {
  /** `--large`: also the largest sizes (10^6 events, 10^5 keys); minutes, never run by CI. */
  readonly large: boolean;
}

/** A benchmark sets up its own temp storage, measures, cleans up, and returns its metrics. */
export interface Benchmark {
  readonly name: string;
  run(options: BenchOptions): Promise<Metric[]>;
}
