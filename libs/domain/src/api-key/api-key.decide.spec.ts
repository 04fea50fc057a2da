import { deciderSpec } from '../shared/decider.spec-helper';
import { apiKeyDecider } from './api-key.decide';
import type { ApiKeyEvent } from './api-key.events';
import { isApiKeyUsable } from './api-key.state';

const spec = deciderSpec(apiKeyDecider);
const now = '2026-01-01T00:00:00.000Z';
const key = {
  keyId: 'k1',
  organizationId: 'o1',
  ownerId: 'u1',
  description: 'CI',
  secretHash: 'h',
  maskedKey: 'ak_…abcd',
};
const issued: ApiKeyEvent = {
  type: 'ApiKeyIssued',
  data: { ...key, issuedAt: now, expiresAt: '2027-01-01T00:00:00.000Z' },
};
const revokedEvent = (
  reason: 'deleted' | 'member_removed' | 'revoked_by_admin',
  at = now,
): ApiKeyEvent => ({
  type: 'ApiKeyRevoked',
  data: { keyId: 'k1', organizationId: 'o1', ownerId: 'u1', reason, revokedAt: at },
});
const revoke = (requesterId: string | null, reason: 'deleted' | 'member_removed' = 'deleted') =>
  ({ type: 'RevokeApiKey', data: { keyId: 'k1', requesterId, reason, now } }) as const;

describe('API key decider', () => {
  describe('IssueApiKey', () => {
    const command = { type: 'IssueApiKey', data: { ...key, now } } as const;
    it('given nothing, issues it valid for one year', () =>
      spec.given([]).when(command).then([issued]));
    it('given an issued key, refuses to reuse the id', () =>
      spec.given([issued]).when(command).thenThrows('API_KEY_ALREADY_ISSUED'));
  });

  describe('RevokeApiKey', () => {
    it('given its owner, revokes it', () =>
      spec
        .given([issued])
        .when(revoke('u1'))
        .then([revokedEvent('deleted')]));
    it('given someone else, answers not found', () =>
      spec.given([issued]).when(revoke('u2')).thenThrows('API_KEY_NOT_FOUND'));
    it('given someone else who manages the members, revokes it as an administrator', () =>
      spec
        .given([issued])
        .when({
          type: 'RevokeApiKey',
          data: {
            keyId: 'k1',
            requesterId: 'u2',
            requesterManagesMembers: true,
            reason: 'deleted',
            now,
          },
        })
        .then([revokedEvent('revoked_by_admin')]));
    it('given a deleted key, answers not found to a person', () =>
      spec
        .given([issued, revokedEvent('deleted')])
        .when(revoke('u1'))
        .thenThrows('API_KEY_NOT_FOUND'));
    it('given a revoked key, records nothing for a cascade', () =>
      spec
        .given([issued, revokedEvent('deleted')])
        .when(revoke(null, 'member_removed'))
        .thenNothingHappens());
    it('given a cascade, revokes with its reason', () =>
      spec
        .given([issued])
        .when(revoke(null, 'member_removed'))
        .then([revokedEvent('member_removed')]));
    it('given no key, answers not found', () =>
      spec.given([]).when(revoke('u1')).thenThrows('API_KEY_NOT_FOUND'));
  });

  describe('isApiKeyUsable', () => {
    const state = (events: ApiKeyEvent[]) =>
      events.reduce(apiKeyDecider.evolve, apiKeyDecider.initialState());
    it('accepts an active key before its expiry', () =>
      expect(isApiKeyUsable(state([issued]), '2026-12-31T23:59:59.000Z')).toBe(true));
    it('refuses it from its expiry on', () =>
      expect(isApiKeyUsable(state([issued]), '2027-01-01T00:00:00.000Z')).toBe(false));
    it('refuses a revoked key', () =>
      expect(isApiKeyUsable(state([issued, revokedEvent('deleted')]), now)).toBe(false));
  });
});
