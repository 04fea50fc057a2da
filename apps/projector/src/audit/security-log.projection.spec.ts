import type { ProjectedEvent } from '../projection';
import { evolveSecurityLog } from './security-log.projection';

let position = 0n;
const event = (type: string, data: Record<string, unknown>): ProjectedEvent => ({
  id: `e${++position}`,
  type,
  data,
  stream: 'x',
  revision: 0,
  position,
  recordedAt: '2026-01-01T00:00:00.000Z',
  metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'system', id: 't' } },
});

describe('security log projection', () => {
  it.each([
    [
      'LoginFailed',
      { userId: 'u1', reason: 'wrong_password', userAgent: 'ua', ipAddress: 'ip', failedAt: 't' },
      { reason: 'wrong_password', userAgent: 'ua', ipAddress: 'ip' },
    ],
    ['TwoFactorEnabled', { userId: 'u1', recoveryCodeHashes: 'SECRET', usedStep: 1 }, {}],
    ['TwoFactorDisabled', { userId: 'u1', disabledAt: 't' }, {}],
    ['TwoFactorCodeRejected', { userId: 'u1', rejectedAt: 't' }, {}],
    [
      'RecoveryCodeUsed',
      { userId: 'u1', codeIndex: 2, remaining: 7, usedAt: 't' },
      { remaining: 7 },
    ],
    [
      'SessionEnded',
      { sessionId: 's1', userId: 'u1', reason: 'ended_by_user', endedAt: 't' },
      { sessionId: 's1', reason: 'ended_by_user' },
    ],
    [
      'ApiKeyRolled',
      { keyId: 'k1', organizationId: 'o1', ownerId: 'u1', rolledTo: 'k2', graceEndsAt: 'g' },
      { keyId: 'k1', organizationId: 'o1', rolledTo: 'k2', graceEndsAt: 'g' },
    ],
    [
      'ApiKeyRevoked',
      { keyId: 'k1', organizationId: 'o1', ownerId: 'u1', reason: 'leaked', revokedAt: 't' },
      { keyId: 'k1', organizationId: 'o1', reason: 'leaked' },
    ],
  ])('given %s, shows an entry with only its details', (type, data, details) => {
    const doc = evolveSecurityLog(null, event(type, data));
    expect(doc).toMatchObject({ userId: 'u1', type, details });
    expect(doc?.details).toEqual(details);
    expect(JSON.stringify(doc)).not.toContain('SECRET');
  });

  it('given the same event twice, keeps the first entry', () => {
    const once = event('TwoFactorDisabled', { userId: 'u1', disabledAt: 't' });
    const doc = evolveSecurityLog(null, once);
    expect(evolveSecurityLog(doc, once)).toBe(doc);
  });

  it('shows no entry for a setup that was only started', () =>
    expect(
      evolveSecurityLog(null, event('TwoFactorSetupStarted', { userId: 'u1', secret: 'S' })),
    ).toBeNull());
});

const eventBy = (
  type: string,
  data: Record<string, unknown>,
  actor: ProjectedEvent['metadata']['actor'] = { type: 'user', id: 'owner' },
): ProjectedEvent => ({
  id: 'e1',
  type,
  data,
  stream: 's',
  revision: 0,
  position: 7n,
  recordedAt: 't',
  metadata: { correlationId: 'c', causationId: 'c', actor },
});

describe('security log projection: organization safety events', () => {
  it('given a key revoked by an administrator, tells its owner who did it', () =>
    expect(
      evolveSecurityLog(
        null,
        eventBy('ApiKeyRevoked', {
          keyId: 'k1',
          organizationId: 'o1',
          ownerId: 'dev',
          reason: 'revoked_by_admin',
          revokedAt: 't',
        }),
      ),
    ).toMatchObject({
      userId: 'dev',
      type: 'ApiKeyRevoked',
      details: {
        keyId: 'k1',
        organizationId: 'o1',
        reason: 'revoked_by_admin',
        revokedBy: 'owner',
      },
    }));
  it('given an accepted invitation, logs it for the invitee', () =>
    expect(
      evolveSecurityLog(
        null,
        eventBy('InvitationAccepted', {
          organizationId: 'o1',
          invitationId: 'o1.i1',
          userId: 'grace',
          role: 'viewer',
          acceptedAt: 't',
        }),
      ),
    ).toMatchObject({ userId: 'grace', details: { organizationId: 'o1', role: 'viewer' } }));
  it('given grants cleared by a role change, logs it for the member', () =>
    expect(
      evolveSecurityLog(
        null,
        eventBy('MemberGrantsCleared', {
          organizationId: 'o1',
          userId: 'dev',
          previous: ['members:write'],
          reason: 'role_changed',
          clearedAt: 't',
        }),
      ),
    ).toMatchObject({ userId: 'dev', details: { previous: ['members:write'] } }));
  it('given a feature switch, logs it for whoever switched, also through their key', () => {
    const data = { organizationId: 'o1', disabled: ['api_keys'], changedAt: 't' };
    expect(evolveSecurityLog(null, eventBy('OrganizationFeaturesChanged', data))).toMatchObject({
      userId: 'owner',
      details: { organizationId: 'o1', disabled: ['api_keys'] },
    });
    expect(
      evolveSecurityLog(
        null,
        eventBy('OrganizationFeaturesChanged', data, { type: 'api_key', id: 'k', userId: 'admin' }),
      ),
    ).toMatchObject({ userId: 'admin' });
    expect(
      evolveSecurityLog(
        null,
        eventBy('OrganizationFeaturesChanged', data, { type: 'system', id: 'x' }),
      ),
    ).toBeNull();
  });
});
