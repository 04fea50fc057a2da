import { deciderSpec } from '../shared/decider.spec-helper';
import { apiKeyDecider } from './api-key.decide';
import type { ApiKeyEvent } from './api-key.events';
import { isApiKeyUsable } from './api-key.state';

const spec = deciderSpec(apiKeyDecider);
const now = '2026-01-01T00:00:00.000Z';
const inOneHour = '2026-01-01T01:00:00.000Z';
const ids = { keyId: 'k1', organizationId: 'o1', ownerId: 'u1' };
const issued: ApiKeyEvent = {
  type: 'ApiKeyIssued',
  data: {
    ...ids,
    description: 'CI',
    secretHash: 'h',
    maskedKey: 'ak_…abcd',
    issuedAt: now,
    expiresAt: '2027-01-01T00:00:00.000Z',
  },
};
const rolled = (graceEndsAt: string): ApiKeyEvent => ({
  type: 'ApiKeyRolled',
  data: { ...ids, rolledTo: 'k2', graceEndsAt, rolledAt: now },
});
const rollCommand = (graceEndsAt: string, requesterId = 'u1', at = now) =>
  ({
    type: 'RollApiKey',
    data: { keyId: 'k1', requesterId, rolledTo: 'k2', graceEndsAt, now: at },
  }) as const;
const fold = (events: ApiKeyEvent[]) =>
  events.reduce(apiKeyDecider.evolve, apiKeyDecider.initialState());

describe('API key decider: roll', () => {
  it('given a grace period, keeps the key until it ends', () =>
    spec
      .given([issued])
      .when(rollCommand(inOneHour))
      .then([rolled(inOneHour)]));
  it('given no grace period, revokes the key at once with reason rolled', () =>
    spec
      .given([issued])
      .when(rollCommand(now))
      .then([
        rolled(now),
        {
          type: 'ApiKeyRevoked',
          data: { ...ids, reason: 'rolled', revokedAt: now },
        },
      ]));
  it('given someone else, answers not found', () =>
    spec.given([issued]).when(rollCommand(inOneHour, 'u2')).thenThrows('API_KEY_NOT_FOUND'));
  it('given a revoked key, answers not found', () =>
    spec
      .given([
        issued,
        { type: 'ApiKeyRevoked', data: { ...ids, reason: 'deleted', revokedAt: now } },
      ])
      .when(rollCommand(inOneHour))
      .thenThrows('API_KEY_NOT_FOUND'));
  it('given no key, answers not found', () =>
    spec.given([]).when(rollCommand(inOneHour)).thenThrows('API_KEY_NOT_FOUND'));
  it('given a key already rolled, refuses a second roll', () =>
    spec
      .given([issued, rolled(inOneHour)])
      .when(rollCommand(inOneHour))
      .thenThrows('API_KEY_NOT_ROLLABLE'));
  it('given an expired key, refuses', () =>
    spec
      .given([issued])
      .when(rollCommand('2027-06-01T00:00:00.000Z', 'u1', '2027-02-01T00:00:00.000Z'))
      .thenThrows('API_KEY_NOT_ROLLABLE'));

  describe('the rolled key', () => {
    it('works until the grace period ends, then not', () => {
      const state = fold([issued, rolled(inOneHour)]);
      expect(isApiKeyUsable(state, '2026-01-01T00:59:59.000Z')).toBe(true);
      expect(isApiKeyUsable(state, inOneHour)).toBe(false);
    });
    it('never outlives its own expiry, however long the grace', () =>
      expect(fold([issued, rolled('2027-06-01T00:00:00.000Z')])).toMatchObject({
        expiresAt: '2027-01-01T00:00:00.000Z',
      }));
  });
});
