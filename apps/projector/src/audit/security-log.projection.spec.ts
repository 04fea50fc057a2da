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
