import { assertNever, type Decider } from '../shared/decider';
import type { ApiKeyCommand, IssueApiKey, RevokeApiKey } from './api-key.commands';
import { ApiKeyAlreadyIssued, ApiKeyNotFound } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import { expiryOf } from './api-key.format';
import { roll } from './api-key.roll';
import { evolveApiKey, initialApiKeyState, type ApiKeyState } from './api-key.state';

export function issue(command: IssueApiKey, state: ApiKeyState): ApiKeyEvent[] {
  if (state.status !== 'none') throw new ApiKeyAlreadyIssued();
  const { now, ...key } = command.data;
  return [{ type: 'ApiKeyIssued', data: { ...key, issuedAt: now, expiresAt: expiryOf(now) } }];
}

export function revoke(command: RevokeApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const { keyId, requesterId, requesterManagesMembers, now } = command.data;
  const byOther = requesterId !== null && state.status !== 'none' && requesterId !== state.ownerId;
  // Someone else's key looks exactly like a missing one, unless they manage the members.
  if (state.status === 'none' || (byOther && !requesterManagesMembers)) throw new ApiKeyNotFound();
  if (state.status === 'revoked') {
    if (requesterId !== null) throw new ApiKeyNotFound(); // deleted keys leave the table
    return [];
  }
  const { organizationId, ownerId } = state;
  const reason = byOther ? 'revoked_by_admin' : command.data.reason;
  return [
    { type: 'ApiKeyRevoked', data: { keyId, organizationId, ownerId, reason, revokedAt: now } },
  ];
}

export function decideApiKey(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey':
      return issue(command, state);
    case 'RevokeApiKey':
      return revoke(command, state);
    case 'RollApiKey':
      return roll(command, state);
    default:
      return assertNever(command);
  }
}

export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = {
  initialState: initialApiKeyState,
  evolve: evolveApiKey,
  decide: decideApiKey,
};
