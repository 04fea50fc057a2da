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

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const round = (value: number, decimals = 2): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Microseconds since `start` (a `process.hrtime.bigint()` reading). */
export const elapsedUs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1000;
