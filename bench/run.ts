import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { apiKeyVerification } from './api-key-verification.bench';
import type { Benchmark, Metric } from './benchmark';
import { credentialFreshnessCheck } from './credential-freshness-check.bench';
import { crossInstanceRevocation } from './cross-instance-revocation.bench';
import { eventStoreAppend } from './event-store-append.bench';
import { httpNameChanges } from './http-name-changes.bench';
import { httpSurface } from './http-surface.bench';
import { machineInfo } from './machine';
import { projectorReplay } from './projector-replay.bench';
import { formatMachine, formatTable, writeResults } from './report';
import { BENCH_BCRYPT_COST } from './support/bench-config';
import { elapsedMs, round } from './support/stats';

/** Every benchmark, in the order they run. Add new ones here. */
const BENCHMARKS: readonly Benchmark[] = [
  httpSurface,
  httpNameChanges,
  eventStoreAppend,
  projectorReplay,
  apiKeyVerification,
  credentialFreshnessCheck,
  crossInstanceRevocation,
];

const SETTINGS = {
  profile: 'embedded: SQLite event store, read store and data keys',
  dataDir: 'a fresh temp directory per benchmark, removed afterwards',
  BCRYPT_COST: String(BENCH_BCRYPT_COST),
};

const RESULTS_FILE = join(__dirname, '..', '..', 'bench', 'results.json');

/**
 * `npm run bench` runs them all and writes bench/results.json; `node dist/bench/run.js NAME…`
 * runs only the benchmarks whose name contains one of the arguments and writes no file.
 * `--large` (`npm run bench -- --large`) adds the largest sizes of the scaling figures.
 */
async function main(): Promise<void> {
  Logger.overrideLogger(false);
  const args = process.argv.slice(2);
  const options = { large: args.includes('--large') };
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const selected = filters.length
    ? BENCHMARKS.filter((benchmark) => filters.some((filter) => benchmark.name.includes(filter)))
    : BENCHMARKS;
  if (selected.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}`);
  const machine = machineInfo();
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(formatMachine(machine));
  out(
    `profile: ${SETTINGS.profile}; BCRYPT_COST=${SETTINGS.BCRYPT_COST}` +
      `${options.large ? '; --large sizes included' : ''}\n`,
  );

  const metrics: Metric[] = [];
  for (const benchmark of selected) {
    const started = performance.now();
    process.stdout.write(`running ${benchmark.name} ... `);
    metrics.push(...(await benchmark.run(options)));
    out(`${round(elapsedMs(started) / 1000, 1)} s`);
  }

  out(`\n${formatTable(metrics)}\n`);
  if (filters.length === 0) {
    writeResults(RESULTS_FILE, machine, SETTINGS, metrics);
    out(`written: ${RESULTS_FILE}`);
  }
  const failed = metrics.filter((metric) => metric.ok === false);
  if (failed.length > 0) {
    out(`FAILED: ${failed.map((metric) => metric.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
