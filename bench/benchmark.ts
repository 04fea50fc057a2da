/** One measured number. `ok: false` marks a broken invariant (e.g. an error answer) and fails the run. */
export interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly details: string;
  readonly ok?: boolean;
}

/** A benchmark sets up its own temp storage, measures, cleans up, and returns its metrics. */
export interface Benchmark {
  readonly name: string;
  run(): Promise<Metric[]>;
}
