import { occurredAtOf } from '@app/event-store/integrity';
import {
  type ActiveOrganization,
  accountDecider,
  accountStream,
  type ApiKeyIssued,
  apiKeyDecider,
  apiKeyStream,
  isApiKeyUsable,
  keyAccessOf,
  type MemberInvited,
  openInvitations,
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
they were then; null once the account is erased), pending invitations (role, inviter, and the
invitee's email while the invitation's data key exists), API keys and disabled features as
they stood at TIMESTAMP (ISO-8601, e.g. 2025-01-31T12:00:00Z), from the events recorded up to
then. A key revoked by then (deleted, revoked by an administrator, its owner removed or
erased), or issued in a membership that had ended, is listed as "revoked"; a key the
organization's disabled api_keys feature stopped is listed as "disabled".`;

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
    invitations: await invitationsAsOf(deps, organization, asOf),
    apiKeys: await apiKeysAsOf(deps, organization, asOf),
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

/** Invitations open at that time; the email reads null once the invitation's key is gone. */
async function invitationsAsOf(
  deps: AsOfDependencies,
  organization: ActiveOrganization,
  asOf: string,
) {
  const open = openInvitations(organization, asOf);
  if (open.length === 0) return [];
  const emails = new Map<string, string | null>();
  for (const recorded of await deps.eventStore.readStream(
    organizationStream(organization.organizationId),
  )) {
    if (recorded.type !== 'MemberInvited') continue;
    const { data } = (await deps.codec.decode(recorded)) as MemberInvited;
    emails.set(data.invitationId, typeof data.email === 'string' ? data.email : null);
  }
  return open.map(({ invitationId, role, invitedBy, invitedAt: createdAt, expiresAt }) => ({
    invitationId,
    email: emails.get(invitationId) ?? null,
    role,
    invitedBy,
    createdAt,
    expiresAt,
  }));
}

/** Every key issued in the organization by then, revoked ones included. */
async function apiKeysAsOf(deps: AsOfDependencies, organization: ActiveOrganization, asOf: string) {
  const apiKeys = [];
  for (const issued of await keysIssuedTo(deps.eventStore, organization.organizationId)) {
    const key = await foldUntil(deps, apiKeyStream(issued.keyId), apiKeyDecider, asOf);
    if (key.status === 'none') continue; // issued after asOf
    const access = key.status === 'active' ? keyAccessOf(organization, key).kind : 'refused';
    const status =
      key.status === 'revoked' || access === 'refused'
        ? 'revoked'
        : !isApiKeyUsable(key, asOf)
          ? 'expired'
          : access === 'api_keys_disabled'
            ? 'disabled'
            : 'active';
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
