import type { EventStore, RecordedEvent } from '@app/event-store/event-store.port';
import { type ChainBreak, createChainVerifier } from '@app/event-store/integrity';
import { type AuditCommand, parseCommandArguments, UsageError } from './audit-command';
import type { Output } from './output';
import { readLogPages, UnreadableEventError } from './read-log';

export const VERIFY_USAGE = `npm run audit -- verify
Checks the integrity chain of every stream over the whole log: each event's content against
its hash, each link to its predecessor, and that no event is missing or out of order.
Prints one OK line and exits 0, or prints the first failing event and exits 1.`;

export async function verifyIntegrity(
  { eventStore }: { readonly eventStore: EventStore },
  out: Output,
): Promise<number> {
  const verifier = createChainVerifier();
  const streams = new Set<string>();
  let events = 0;
  let last = 0n;
  try {
    for await (const page of readLogPages(eventStore)) {
      for (const event of page) {
        const found = checkEvent(verifier, event);
        if (found) {
          await out.write(`${describeBreak(found)}\n`);
          return 1;
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
  await out.write(
    `OK: ${events} events in ${streams.size} streams verified (up to position ${last})\n`,
  );
  return 0;
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
    const { positionals } = parseCommandArguments(args, {});
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return (storage, out) => verifyIntegrity(storage, out);
  },
};
