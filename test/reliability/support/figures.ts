import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster } from './cluster';
import { closeConnections, type Traffic } from './recording-client';

/** Where each suite leaves its figures; report-reporter.js sums them into one table. */
export const REPORT_DIR = join(__dirname, '..', 'report');

/** The figures the issue asks for, per suite. `details` is free-form, printed as JSON. */
export interface Figures {
  /** HTTP requests sent to the service, every kind included. */
  requests: number;
  /** SIGKILLs delivered to a running process. */
  faults: number;
  /** Generated hostile or schema-driven requests. */
  fuzzCases: number;
  /** Acknowledged writes missing from the log or the read models, or overwritten unseen. */
  lostUpdates: number;
  /** Answers with a 5xx status. */
  serverErrors: number;
  /** Secrets found in a log line, a data file or an error body. */
  leaks: number;
  /** Requests whose connection failed because their instance was killed or down. */
  connectionErrors: number;
  details: Record<string, unknown>;
}

export function emptyFigures(): Figures {
  return {
    requests: 0,
    faults: 0,
    fuzzCases: 0,
    lostUpdates: 0,
    serverErrors: 0,
    leaks: 0,
    connectionErrors: 0,
    details: {},
  };
}

/** Written from afterAll, so a suite that fails still reports what it measured. */
export function writeFigures(suite: string, figures: Figures): void {
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(
    join(REPORT_DIR, `${suite}.json`),
    JSON.stringify({ suite, ...figures }, null, 2) + '\n',
  );
}

/**
 * A suite's teardown: stops its cluster, closes the client connections, and writes its figures
 * (the traffic it sent, the faults it injected, and `details` of its own on top).
 */
export async function finishSuite(
  suite: string,
  run: { cluster: Cluster | undefined; traffic: Traffic; figures: Figures },
  details: Record<string, unknown> = {},
): Promise<void> {
  const { cluster, traffic, figures } = run;
  await cluster?.stop();
  cluster?.remove();
  closeConnections();
  figures.requests = traffic.requests;
  figures.faults = cluster?.faults ?? 0;
  figures.serverErrors = traffic.serverErrors.length;
  figures.connectionErrors = traffic.connectionErrors;
  figures.details = {
    ...figures.details,
    statuses: traffic.statuses,
    serverErrorSamples: traffic.serverErrors.slice(0, 5),
    ...details,
  };
  writeFigures(suite, figures);
}
