import { occurredAtOf } from '@app/event-store/integrity';
import {
  type ActiveOrganization,
  accountDecider,
  accountStream,
  type ApiKeyIssued,
  apiKeyDecider,
  apiKeyStream,
  isApiKeyUsable,
  organizationDecider,
  organizationStream,
} from '@app/domain';
import type { Folder } from '@app/event-store/aggregate-store';
import type { DomainEvent, EventCodec } from '@app/event-store/event-codec';
import type { EventStore } from '@app/event-store/event-store.port';
import { type AuditCommand, parseCommandArguments, UsageError } from './audit-command';
import type { Output } from './output';
import { readLogPages } from './read-log';

export const AS_OF_USAGE = `npm run audit -- as-of TIMESTAMP --org ORG_ID
Prints, as JSON, the organization's name, members (role, extra grants, and email and names as
they were then; null once the account is erased), API keys and disabled features as they
stood at TIMESTAMP (ISO-8601, e.g. 2025-01-31T12:00:00Z), from the events recorded up to
then. A key revoked (deleted, its owner removed or erased) by then is listed as "revoked".`;

export interface AsOfDependencies {
  readonly eventStore: EventStore;
  readonly codec: EventCodec;
}

export interface AsOfOptions {
  /** ISO-8601 timestamp; events recorded at or before it count. */
  readonly asOf: string;
  readonly organizationId: string;
}

export async function showOrganizationAsOf(
  deps: AsOfDependencies,
  { asOf, organizationId }: AsOfOptions,
  out: Output,
): Promise<number> {
  const stream = organizationStream(organizationId);
  const organization = await foldUntil(deps, stream, organizationDecider, asOf);
  if (organization.status !== 'active') {
    await out.write(`organization ${organizationId} did not exist at ${asOf}\n`);
    return 1;
  }
  const view = {
    organizationId,
    asOf,
    name: organization.name,
    members: await membersAsOf(deps, organization, asOf),
    apiKeys: await apiKeysAsOf(deps, organizationId, asOf),
    disabledFeatures: organization.disabledFeatures,
  };
  await out.write(`${JSON.stringify(view, null, 2)}\n`);
  return 0;
}

/** Each member with the email and names their account had then (null once erased). */
async function membersAsOf(deps: AsOfDependencies, organization: ActiveOrganization, asOf: string) {
  const members = [];
  for (const [userId, { role, granted }] of Object.entries(organization.members)) {
    const account = await foldUntil(deps, accountStream(userId), accountDecider, asOf);
    const person = account.status === 'active' ? account : null;
    const [email, firstName, lastName] = [person?.email, person?.firstName, person?.lastName];
    members.push({
      userId,
      role,
      granted,
      email: email ?? null,
      firstName: firstName ?? null,
      lastName: lastName ?? null,
    });
  }
  return members;
}

/** Every key issued in the organization by then, revoked ones included. */
async function apiKeysAsOf(deps: AsOfDependencies, organizationId: string, asOf: string) {
  const apiKeys = [];
  for (const issued of await keysIssuedTo(deps.eventStore, organizationId)) {
    const key = await foldUntil(deps, apiKeyStream(issued.keyId), apiKeyDecider, asOf);
    if (key.status === 'none') continue; // issued after asOf
    const status =
      key.status === 'revoked' ? 'revoked' : isApiKeyUsable(key, asOf) ? 'active' : 'expired';
    const { keyId: id, ownerId, description, maskedKey, issuedAt: createdAt } = issued;
    // A roll shortens the old key's life to its grace period.
    const expiresAt = key.status === 'active' ? key.expiresAt : issued.expiresAt;
    apiKeys.push({ id, ownerId, description, maskedKey, status, createdAt, expiresAt });
  }
  return apiKeys;
}

/** The view shows no credential: a password hash is never decrypted here. */
const UNREAD_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'secret',
  'recoveryCodeHashes',
]);

/**
 * Folds the prefix of a stream recorded at or before `asOf`. A prefix, not a filter: a
 * state is only meaningful as the result of every event before it.
 */
async function foldUntil<S, E extends DomainEvent>(
  { eventStore, codec }: AsOfDependencies,
  stream: string,
  decider: Folder<S, E>,
  asOf: string,
): Promise<S> {
  const cutoff = Date.parse(asOf);
  let state = decider.initialState();
  for (const recorded of await eventStore.readStream(stream)) {
    if (Date.parse(occurredAtOf(recorded)) > cutoff) break;
    state = decider.evolve(state, (await codec.decode(recorded, { omit: UNREAD_FIELDS })) as E);
  }
  return state;
}

/** Key streams are per key: the organization's are found by scanning the log for issuances. */
async function keysIssuedTo(
  eventStore: EventStore,
  organizationId: string,
): Promise<ApiKeyIssued['data'][]> {
  const issued: ApiKeyIssued['data'][] = [];
  for await (const page of readLogPages(eventStore)) {
    for (const event of page) {
      if (event.type === 'ApiKeyIssued' && event.data.organizationId === organizationId)
        issued.push(event.data as ApiKeyIssued['data']);
    }
  }
  return issued;
}

export const asOfCommand: AuditCommand = {
  usage: AS_OF_USAGE,
  parse(args) {
    const { values, positionals } = parseCommandArguments(args, { org: { type: 'string' } });
    const [timestamp, extra] = positionals;
    if (timestamp === undefined) throw new UsageError('as-of needs a TIMESTAMP');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    if (!values.org) throw new UsageError('as-of needs --org ORG_ID');
    const asOf = normalizeTimestamp(timestamp);
    const organizationId = values.org;
    return (storage, out) => showOrganizationAsOf(storage, { asOf, organizationId }, out);
  },
};

/** A date, or a date and time with its zone: a time without one would be read as local. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function normalizeTimestamp(raw: string): string {
  const parsed = Date.parse(raw);
  if (!ISO_TIMESTAMP.test(raw) || Number.isNaN(parsed))
    throw new UsageError(`TIMESTAMP must be ISO-8601, e.g. 2025-01-31T12:00:00Z (got "${raw}")`);
  return new Date(parsed).toISOString();
}
