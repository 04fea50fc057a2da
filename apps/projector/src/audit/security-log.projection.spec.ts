import type { ProjectedEvent } from '../projection';
import { evolveSecurityLog } from './security-log.projection';

const event = (
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
        event('ApiKeyRevoked', {
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
        event('InvitationAccepted', {
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
        event('MemberGrantsCleared', {
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
    expect(evolveSecurityLog(null, event('OrganizationFeaturesChanged', data))).toMatchObject({
      userId: 'owner',
      details: { organizationId: 'o1', disabled: ['api_keys'] },
    });
    expect(
      evolveSecurityLog(
        null,
        event('OrganizationFeaturesChanged', data, { type: 'api_key', id: 'k', userId: 'admin' }),
      ),
    ).toMatchObject({ userId: 'admin' });
    expect(
      evolveSecurityLog(
        null,
        event('OrganizationFeaturesChanged', data, { type: 'system', id: 'x' }),
      ),
    ).toBeNull();
  });
});
