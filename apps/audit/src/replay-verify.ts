import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventCodec } from '@app/event-store/event-codec';
import type { EventStore } from '@app/event-store/event-store.port';
import type { ReadStore } from '@app/read-store/read-store.port';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { Projector } from '../../projector/src/projector';
import { PROJECTIONS } from '../../projector/src/projections';
import { type AuditCommand, parseCommandArguments, UsageError } from './audit-command';
import type { Output } from './output';
import { describeDifference, diffCollection, type DocumentDifference } from './read-model-diff';
import { readLogPages } from './read-log';

const WAIT_TIMEOUT_MS = 30_000;
const POLL_MS = 100;
/** The live projector may move while its collections are read: compare again, a few times. */
const COMPARE_ATTEMPTS = 5;
const MAX_PRINTED_DIFFERENCES = 200;

export const REPLAY_USAGE = `npm run audit -- replay --verify [--wait]
Rebuilds every read model from position 0 into scratch storage (a temporary SQLite file) with
the projector's own projections, up to the live projector's checkpoint, and compares each
collection with the live one. Prints each differing document (collection, id, which side is
missing or which fields differ; never a value) and exits 1, or prints a summary and exits 0.
  --verify   required: compare after the rebuild (the live read models are never written)
  --wait     if the live projector is behind the head of the log, wait up to 30 s for it
             (without it, a lagging projector is reported and the command exits 1)`;

export interface ReplayDependencies {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly codec: EventCodec;
}

export interface ReplayOptions {
  readonly wait: boolean;
  readonly waitTimeoutMs?: number;
}

export async function replayAndVerify(
  deps: ReplayDependencies,
  options: ReplayOptions,
  out: Output,
): Promise<number> {
  const head = await deps.eventStore.headPosition();
  const reached = await liveCheckpointReaching(deps.readStore, head, options);
  if (reached < head) {
    await out.write(`${describeLag(head, reached, options)}\n`);
    return 1;
  }
  if (head === 0n) {
    await out.write('OK: the log is empty; there is no read model to compare\n');
    return 0;
  }
  const scratchDir = mkdtempSync(join(tmpdir(), 'audit-replay-'));
  const scratch = new SqliteReadStore(join(scratchDir, 'read-models.sqlite'));
  try {
    return await rebuildAndCompare(deps, scratch, reached, out);
  } finally {
    await scratch.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

async function rebuildAndCompare(
  deps: ReplayDependencies,
  scratch: ReadStore,
  checkpoint: bigint,
  out: Output,
): Promise<number> {
  const projector = new Projector(deps.eventStore, scratch, deps.codec, PROJECTIONS);
  await projector.prepare();
  let rebuiltTo = 0n;
  let target = checkpoint;
  for (let attempt = 1; ; attempt++) {
    for await (const page of readLogPages(deps.eventStore, { after: rebuiltTo, until: target }))
      await projector.apply(page);
    rebuiltTo = target;
    const differences = await compareCollections(deps.readStore, scratch);
    const now = (await deps.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
    if (now === target) return report(differences, target, out);
    if (now < target || attempt === COMPARE_ATTEMPTS) {
      await out.write(
        `FAILED: the live projector moved from position ${target} to ${now} during the ` +
          'comparison (a rebuild or live writes); stop the writers and retry\n',
      );
      return 1;
    }
    target = now;
  }
}

async function compareCollections(
  live: ReadStore,
  scratch: ReadStore,
): Promise<{ differences: DocumentDifference[]; documents: number }> {
  const differences: DocumentDifference[] = [];
  let documents = 0;
  for (const { collection } of PROJECTIONS) {
    const rebuilt = await scratch.all(collection.name);
    documents += rebuilt.length;
    differences.push(...diffCollection(collection.name, await live.all(collection.name), rebuilt));
  }
  return { differences, documents };
}

async function report(
  { differences, documents }: { differences: DocumentDifference[]; documents: number },
  position: bigint,
  out: Output,
): Promise<number> {
  const where = `from position 0 to ${position}`;
  if (differences.length === 0) {
    await out.write(
      `OK: ${PROJECTIONS.length} read models (${documents} documents) match a rebuild ${where}\n`,
    );
    return 0;
  }
  const printed = differences.slice(0, MAX_PRINTED_DIFFERENCES).map(describeDifference);
  if (differences.length > printed.length)
    printed.push(`... and ${differences.length - printed.length} more`);
  printed.push(`FAILED: ${differences.length} documents differ from a rebuild ${where}`);
  await out.write(`${printed.join('\n')}\n`);
  return 1;
}

/** The live checkpoint, after waiting (when asked) until it reaches `head`. */
async function liveCheckpointReaching(
  readStore: ReadStore,
  head: bigint,
  options: ReplayOptions,
): Promise<bigint> {
  const deadline = Date.now() + (options.waitTimeoutMs ?? WAIT_TIMEOUT_MS);
  for (;;) {
    const checkpoint = (await readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
    if (checkpoint >= head || !options.wait || Date.now() >= deadline) return checkpoint;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function describeLag(head: bigint, reached: bigint, options: ReplayOptions): string {
  const seconds = (options.waitTimeoutMs ?? WAIT_TIMEOUT_MS) / 1000;
  return options.wait
    ? `FAILED: the live projector did not reach the head of the log (position ${head}) ` +
        `within ${seconds} s; it is at ${reached}`
    : `FAILED: the live projector is behind: its checkpoint is at position ${reached}, ` +
        `the head of the log at ${head}. Start it and retry, or pass --wait.`;
}

export const replayCommand: AuditCommand = {
  usage: REPLAY_USAGE,
  parse(args) {
    const { values, positionals } = parseCommandArguments(args, {
      verify: { type: 'boolean' },
      wait: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    // Replaying without comparing has no audit value and rebuilding live is the projector's job.
    if (!values.verify) throw new UsageError('replay needs --verify');
    return (storage, out) => replayAndVerify(storage, { wait: values.wait === true }, out);
  },
};
