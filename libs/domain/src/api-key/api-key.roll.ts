import type { RollApiKey } from './api-key.commands';
import { ApiKeyNotFound, ApiKeyNotRollable } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import { isApiKeyUsable, type ApiKeyState } from './api-key.state';

/**
 * Rolls a key: its replacement is issued apart (through the one issuing path), and this key
 * lives on until the grace period ends, or is revoked at once when there is none. Only its
 * owner rolls it; an expired key or one already rolled cannot be.
 */
export function roll(command: RollApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const { keyId, requesterId, rolledTo, graceEndsAt, now } = command.data;
  if (state.status !== 'active' || state.ownerId !== requesterId) throw new ApiKeyNotFound();
  if (!isApiKeyUsable(state, now)) throw new ApiKeyNotRollable('it has expired');
  if (state.rolledTo !== undefined) throw new ApiKeyNotRollable('it was already rolled');
  const { organizationId, ownerId } = state;
  const rolled: ApiKeyEvent = {
    type: 'ApiKeyRolled',
    data: { keyId, organizationId, ownerId, rolledTo, graceEndsAt, rolledAt: now },
  };
  if (Date.parse(graceEndsAt) > Date.parse(now)) return [rolled];
  return [
    rolled,
    {
      type: 'ApiKeyRevoked',
      data: { keyId, organizationId, ownerId, reason: 'rolled', revokedAt: now },
    },
  ];
}
