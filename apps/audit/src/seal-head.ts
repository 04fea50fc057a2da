import type { EventStore } from '@app/event-store/event-store.port';
import { SEAL_STREAM } from '@app/event-store/seal';
import { type AuditCommand, parseCommandArguments, UsageError } from './audit-command';
import type { Output } from './output';

export const HEAD_USAGE = `npm run audit -- head
Prints POSITION:HASH of the log's latest seal, to be kept outside the deployment; a later
"audit -- verify --head POSITION:HASH" then also fails if the log was cut short below it.
Exits 1 while the log has no seal yet.`;

export async function printSealHead(
  { eventStore }: { readonly eventStore: EventStore },
  out: Output,
): Promise<number> {
  const last = (await eventStore.readStream(SEAL_STREAM)).at(-1);
  if (!last) {
    await out.write('no seal yet: the projector writes one every minute or 1,000 events\n');
    return 1;
  }
  await out.write(`${last.position}:${String(last.metadata.hash)}\n`);
  return 0;
}

export const headCommand: AuditCommand = {
  usage: HEAD_USAGE,
  parse(args) {
    const { positionals } = parseCommandArguments(args, {});
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return (storage, out) => printSealHead(storage, out);
  },
};
