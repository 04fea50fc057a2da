import { createHash } from 'node:crypto';
import type { RecordedEvent } from './event-store.port';

/**
 * Seals make the whole log tamper-evident, not just each stream. A seal is an event of the
 * stream `log-seals` that covers every event (of every stream, earlier seals included) with a
 * position after the previous seal's `upTo` and up to its own `upTo`: it records how many
 * there are, a digest over their positions and hashes in position order, and each touched
 * stream's last revision and hash. A global chain would need a global lock on EventStoreDB;
 * a seal only needs one writer, which loses nothing by being late. Seals chain like any stream.
 */
export const SEAL_STREAM = 'log-seals';
export const SEAL_EVENT = 'LogSealed';

export interface SealData {
  /** Exclusive: the previous seal's `upTo`, '0' for the first. Positions as decimal strings. */
  readonly from: string;
  readonly upTo: string;
  readonly count: number;
  readonly digest: string;
  /** Stream → [last revision, its hash] within the covered range. */
  readonly heads: Readonly<Record<string, readonly [number, string]>>;
  readonly sealedAt: string;
}

/** Accumulates covered events in position order. */
export class SealDraft {
  private readonly digest = createHash('sha256');
  private readonly heads: Record<string, [number, string]> = {};
  private counted = 0;
  private last: bigint;

  constructor(readonly from: bigint) {
    this.last = from;
  }

  get count(): number {
    return this.counted;
  }

  get upTo(): bigint {
    return this.last;
  }

  /** Only the writer's own last seal is new since `from`: nothing worth sealing. */
  get onlySeals(): boolean {
    return Object.keys(this.heads).every((stream) => stream === SEAL_STREAM);
  }

  add(event: RecordedEvent): void {
    const hash = String(event.metadata.hash);
    this.digest.update(`${event.position}:${event.stream}:${event.revision}:${hash}\n`);
    this.heads[event.stream] = [event.revision, hash];
    this.counted += 1;
    this.last = event.position;
  }

  /** The seal's data so far; the draft can go on. */
  seal(sealedAt: string): SealData {
    return {
      from: String(this.from),
      upTo: String(this.last),
      count: this.counted,
      digest: this.digest.copy().digest('hex'),
      heads: { ...this.heads },
      sealedAt,
    };
  }
}

export const isSeal = (event: Pick<RecordedEvent, 'stream' | 'type'>): boolean =>
  event.stream === SEAL_STREAM && event.type === SEAL_EVENT;

/**
 * What is wrong with the covered events, compared with the seal that claims them; null when
 * they match. Names a stream where it can: a missing last event, an unknown stream.
 */
export function compareWithSeal(actual: SealData, sealed: SealData): string | null {
  if (actual.from !== sealed.from) {
    return `it starts after position ${sealed.from}, but the previous seal ends at ${actual.from} (a seal is missing or out of order)`;
  }
  const range = `positions ${BigInt(sealed.from) + 1n}..${sealed.upTo}`;
  for (const [stream, [revision]] of Object.entries(actual.heads)) {
    if (!sealed.heads[stream]) {
      return `stream ${stream} (revision ${revision}) has events in ${range} that the seal does not know (inserted)`;
    }
  }
  for (const [stream, [revision, hash]] of Object.entries(sealed.heads)) {
    const found = actual.heads[stream];
    if (!found) {
      return `stream ${stream} has no event left in ${range}, where the seal recorded revision ${revision} (deleted)`;
    }
    if (found[0] !== revision || found[1] !== hash) {
      return `stream ${stream} ends at revision ${found[0]} in ${range}, where the seal recorded revision ${revision} with another hash (an event was deleted, inserted or changed)`;
    }
  }
  if (actual.count !== sealed.count) {
    return `${actual.count} events in ${range}, where the seal counted ${sealed.count} (deleted or inserted)`;
  }
  if (actual.digest !== sealed.digest) {
    return `the events in ${range} do not match the seal's digest (changed, moved or reordered)`;
  }
  return null;
}

/** Reads a seal event's data, or throws naming what is malformed. */
export function sealDataOf(event: RecordedEvent): SealData {
  const data = event.data as Partial<SealData>;
  const ok =
    typeof data.from === 'string' &&
    typeof data.upTo === 'string' &&
    typeof data.count === 'number' &&
    typeof data.digest === 'string' &&
    typeof data.heads === 'object' &&
    data.heads !== null;
  if (!ok) throw new Error('malformed seal');
  return data as SealData;
}

export interface SealCheckpoint {
  readonly position: bigint;
  readonly hash: string;
}

/**
 * Checks events given in log order against the seals among them. `next` returns what is
 * wrong at a seal, or null; `lastSeal` is the last seal that matched.
 */
export function createSealVerifier() {
  let previousUpTo = 0n;
  let pending: RecordedEvent[] = [];
  let lastSeal: SealCheckpoint | null = null;
  let seals = 0;
  return {
    next(event: RecordedEvent): string | null {
      if (isSeal(event)) {
        const sealed = sealDataOf(event);
        const upTo = BigInt(sealed.upTo);
        if (upTo >= event.position)
          return `it claims events up to position ${upTo}, at or after itself`;
        const draft = new SealDraft(previousUpTo);
        for (const covered of pending) if (covered.position <= upTo) draft.add(covered);
        const problem = compareWithSeal(draft.seal(sealed.sealedAt), sealed);
        if (problem) return problem;
        pending = pending.filter((later) => later.position > upTo);
        previousUpTo = upTo;
        lastSeal = { position: event.position, hash: String(event.metadata.hash) };
        seals += 1;
      }
      pending.push(event);
      return null;
    },
    get lastSeal(): SealCheckpoint | null {
      return lastSeal;
    },
    get sealedUpTo(): bigint {
      return previousUpTo;
    },
    get seals(): number {
      return seals;
    },
  };
}

/** `POSITION:HASH`, as `audit head` prints it and `verify --head` reads it. */
export function parseSealCheckpoint(text: string): SealCheckpoint | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { position: BigInt(match[1] as string), hash: match[2] as string } : null;
}
