import type { EventStore, RecordedEvent } from '@app/event-store/event-store.port';
import { type ChainBreak, createChainVerifier } from '@app/event-store/integrity';
import {
  createSealVerifier,
  parseSealCheckpoint,
  type SealCheckpoint,
} from '@app/event-store/seal';
import { type AuditCommand, parseCommandArguments, UsageError } from './audit-command';
import type { Output } from './output';
import { readLogPages, UnreadableEventError } from './read-log';

export const VERIFY_USAGE = `npm run audit -- verify [--head POSITION:HASH]
Checks the integrity of the whole log: every stream's chain (each event's content against its
hash, each link to its predecessor, no event missing or out of order) and every seal (each one
covers all events of the log since the previous seal: their number, order, hashes and each
stream's last event). An event changed, inserted, reordered or deleted before the last seal
fails; after it, only each stream's own chain guards the events.
  --head POSITION:HASH   a seal printed by "audit head" and kept outside the deployment: the
                         log must still hold it, so a log cut short below it fails too
Prints one OK line and exits 0, or prints the first failure and exits 1.`;

export async function verifyIntegrity(
  { eventStore }: { readonly eventStore: EventStore },
  out: Output,
  options: { readonly head?: SealCheckpoint } = {},
): Promise<number> {
  const verifier = createChainVerifier();
  const seals = createSealVerifier();
  const { head } = options;
  let headSeen = false;
  const streams = new Set<string>();
  let events = 0;
  let last = 0n;
  try {
    for await (const page of readLogPages(eventStore)) {
      for (const event of page) {
        const found = checkEvent(verifier, event) ?? checkSeal(seals, event);
        if (found) {
          await out.write(`${describeBreak(found)}\n`);
          return 1;
        }
        if (head && event.position === head.position) {
          if (seals.lastSeal?.position !== head.position || seals.lastSeal.hash !== head.hash) {
            await out.write(
              `FAILED: position ${head.position} holds no seal with hash ${head.hash} (the log was rewritten)\n`,
            );
            return 1;
          }
          headSeen = true;
        }
        events += 1;
        streams.add(event.stream);
        last = event.position;
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableEventError)) throw error;
    await out.write(`FAILED: ${error.message}\n`);
    return 1;
  }
  if (head && !headSeen) {
    await out.write(
      `FAILED: the log ends at position ${last}, and holds no seal at position ${head.position} with hash ${head.hash} (cut short or rewritten)\n`,
    );
    return 1;
  }
  const sealed = seals.lastSeal
    ? `${seals.seals} seals cover positions up to ${seals.sealedUpTo}, the last at ${seals.lastSeal.position}`
    : 'no seal yet';
  await out.write(
    `OK: ${events} events in ${streams.size} streams verified (up to position ${last}); ${sealed}\n`,
  );
  return 0;
}

function checkSeal(seals: ReturnType<typeof createSealVerifier>, event: RecordedEvent) {
  let problem: string | null;
  try {
    problem = seals.next(event);
  } catch (error) {
    problem = `it cannot be checked (${String(error)})`;
  }
  if (problem === null) return null;
  const { id, stream, revision, position, type } = event;
  return { event: { id, stream, revision, position, type }, problem: `seal: ${problem}` };
}

/** Metadata that parses but has the wrong shape is a failure of that event, not a crash. */
function checkEvent(
  verifier: ReturnType<typeof createChainVerifier>,
  event: RecordedEvent,
): ChainBreak | null {
  try {
    return verifier.next(event);
  } catch (error) {
    const { id, stream, revision, position, type } = event;
    return {
      event: { id, stream, revision, position, type },
      problem: `it cannot be checked (${String(error)})`,
    };
  }
}

function describeBreak({ event, problem }: ChainBreak): string {
  return (
    `FAILED: stream ${event.stream} revision ${event.revision} ` +
    `(position ${event.position}, event ${event.id}, type ${event.type}): ${problem}`
  );
}

export const verifyCommand: AuditCommand = {
  usage: VERIFY_USAGE,
  parse(args) {
    const { positionals, values } = parseCommandArguments(args, { head: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const head = values.head === undefined ? undefined : parseSealCheckpoint(values.head);
    if (head === null)
      throw new UsageError('--head takes POSITION:HASH, as "audit head" prints it');
    return (storage, out) => verifyIntegrity(storage, out, { head });
  },
};
