/** Milliseconds since `start` (a `performance.now()` reading). */
export const elapsedMs = (start: number): number => performance.now() - start;

export const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export const sortedCopy = (values: readonly number[]): number[] =>
  [...values].sort((a, b) => a - b);

export const round = (value: number, decimals = 2): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Microseconds since `start` (a `process.hrtime.bigint()` reading). */
export const elapsedUs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1000;
