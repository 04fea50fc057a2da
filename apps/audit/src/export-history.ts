import { occurredAtOf } from '@app/event-store/integrity';
import type { EventCodec } from '@app/event-store/event-codec';
import type { EventStore, RecordedEvent } from '@app/event-store/event-store.port';
import {
  type AuditCommand,
  parseCommandArguments,
  parsePosition,
  UsageError,
} from './audit-command';
import type { Output } from './output';
import { readLogPages } from './read-log';

export const REDACTED = '[redacted]';

export const EXPORT_USAGE = `npm run audit -- export [--after POSITION]
Prints the event history as NDJSON on stdout, oldest first, one event per line:
  {position, stream, revision, type, occurredAt, actor, correlationId, causationId, data}
Personal fields are decrypted while the account exists and null once it was erased.
Credentials (passwordHash, secretHash, tokenHash, a TOTP secret, recoveryCodeHashes) and
email hashes (emailHash, the name of email-* streams) are printed as "${REDACTED}"; an
email hash that was personal data of an erased account prints null.
  --after POSITION   only the events after that position (e.g. the last one of an earlier export)`;

/**
 * Credential hashes, and the keyed hash of an email: with the pepper, a guessed address could
 * be confirmed against it, even for an erased account. Printed as "[redacted]" wherever the
 * event holds one; a personal field among them that was erased with its key prints null.
 */
const REDACTED_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'secretHash',
  'tokenHash',
  'emailHash',
  // two-factor: the TOTP secret itself and the recovery codes' HMACs
  'secret',
  'recoveryCodeHashes',
]);

/**
 * The credentials are never even decrypted. An email hash is: it may be a personal field
 * (AccountDeleted's, sealed in the event's envelope and shredded with the account), and only
 * decoding tells a live one, to redact, from an erased one, which reads as null.
 */
const NEVER_DECODED: ReadonlySet<string> = new Set(
  [...REDACTED_FIELDS].filter((field) => field !== 'emailHash'),
);

/** `email-<hmac>` streams are named by that same hash. */
const exportedStreamName = (stream: string): string =>
  stream.startsWith('email-') ? `email-${REDACTED}` : stream;

export interface ExportedEvent {
  readonly position: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: unknown;
  readonly correlationId: unknown;
  readonly causationId: unknown;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ExportDependencies {
  readonly eventStore: EventStore;
  readonly codec: EventCodec;
}

export async function exportHistory(
  { eventStore, codec }: ExportDependencies,
  options: { readonly after?: bigint },
  out: Output,
): Promise<number> {
  for await (const page of readLogPages(eventStore, { after: options.after })) {
    const lines: string[] = [];
    for (const event of page) lines.push(JSON.stringify(await toExportedEvent(event, codec)));
    await out.write(`${lines.join('\n')}\n`);
  }
  return 0;
}

export async function toExportedEvent(
  recorded: RecordedEvent,
  codec: EventCodec,
): Promise<ExportedEvent> {
  let data: Readonly<Record<string, unknown>>;
  try {
    ({ data } = await codec.decode(recorded, { omit: NEVER_DECODED }));
  } catch (error) {
    const where = `${recorded.stream} revision ${recorded.revision} (position ${recorded.position})`;
    throw new Error(`cannot decode ${where}: ${String(error)}`, { cause: error });
  }
  const { metadata } = recorded;
  return {
    position: String(recorded.position),
    stream: exportedStreamName(recorded.stream),
    revision: recorded.revision,
    type: recorded.type,
    occurredAt: occurredAtOf(recorded),
    actor: metadata.actor ?? null,
    correlationId: metadata.correlationId ?? null,
    causationId: metadata.causationId ?? null,
    data: redactCredentials(recorded.data, data),
  };
}

/**
 * The codec left the credentials out: mark where the stored event had one. A redacted field
 * that was decoded (an email hash) is marked too, unless its key was destroyed (null).
 */
function redactCredentials(
  stored: Readonly<Record<string, unknown>>,
  decoded: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const redacted: Record<string, unknown> = { ...decoded };
  for (const field of REDACTED_FIELDS) {
    if (field in decoded) redacted[field] = decoded[field] === null ? null : REDACTED;
    else if (field in stored) redacted[field] = REDACTED;
  }
  return redacted;
}

export const exportCommand: AuditCommand = {
  usage: EXPORT_USAGE,
  parse(args) {
    const { values, positionals } = parseCommandArguments(args, { after: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const after = values.after === undefined ? undefined : parsePosition(values.after, '--after');
    return (storage, out) => exportHistory(storage, { after }, out);
  },
};
