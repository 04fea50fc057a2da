import type { MemberDocument } from '@app/read-store/read-models/organization.read-model';
import type { ProfileDocument } from '@app/read-store/read-models/profile.read-model';
import type { ProjectedEvent } from '../projection';
import { evolveMember, type MemberFacts } from './members.projection';

const event = (type: string, data: Record<string, unknown>): ProjectedEvent => ({
  id: 'e1',
  type,
  data,
  stream: 'organization-o1',
  revision: 0,
  position: 1n,
  recordedAt: 't',
  metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'system', id: 't' } },
});
const profile: ProfileDocument = {
  id: 'u1',
  userId: 'u1',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'L',
  createdAt: 't',
  updatedAt: 't',
  profileRevision: 0,
  revision: 0,
};
const facts: MemberFacts = {
  profile,
  organization: { id: 'o1', organizationId: 'o1', name: 'Acme', createdAt: 't' },
};
const none: MemberFacts = { profile: null, organization: null };
const added = event('MemberAdded', {
  organizationId: 'o1',
  userId: 'u1',
  role: 'developer',
  addedAt: 't1',
});
const member = evolveMember(null, added, facts) as MemberDocument;

describe('members projection', () => {
  it('given a member added, joins their profile and the organization name', () =>
    expect(member).toEqual({
      id: 'o1:u1',
      organizationId: 'o1',
      organizationName: 'Acme',
      userId: 'u1',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'L',
      role: 'developer',
      grants: [],
      joinedAt: 't1',
    }));
  it('given an invitation accepted, joins the invitee with its role', () =>
    expect(
      evolveMember(
        null,
        event('InvitationAccepted', {
          organizationId: 'o1',
          invitationId: 'o1.i1',
          userId: 'u1',
          role: 'viewer',
          acceptedAt: 't2',
        }),
        facts,
      ),
    ).toMatchObject({ userId: 'u1', role: 'viewer', grants: [], joinedAt: 't2' }));
  it('given grants, shows them, and a clearing empties them', () => {
    const granted = evolveMember(
      member,
      event('MemberPermissionsGranted', {
        organizationId: 'o1',
        userId: 'u1',
        permissions: ['audit:read'],
      }),
      none,
    );
    expect(granted).toEqual({ ...member, grants: ['audit:read'] });
    expect(
      evolveMember(
        granted,
        event('MemberGrantsCleared', { organizationId: 'o1', userId: 'u1', previous: [] }),
        none,
      ),
    ).toEqual({ ...member, grants: [] });
  });
  it('given an organization created, makes its creator the owner', () =>
    expect(
      evolveMember(
        null,
        event('OrganizationCreated', {
          organizationId: 'o1',
          name: 'Acme',
          ownerId: 'u1',
          createdAt: 't0',
        }),
        facts,
      ),
    ).toMatchObject({ role: 'owner', organizationName: 'Acme', joinedAt: 't0' }));
  it('given a role change, changes only the role', () =>
    expect(
      evolveMember(
        member,
        event('MemberRoleChanged', { organizationId: 'o1', userId: 'u1', role: 'viewer' }),
        none,
      ),
    ).toEqual({
      ...member,
      role: 'viewer',
    }));
  it('given a rename, follows it', () =>
    expect(
      evolveMember(
        member,
        event('NameChanged', { userId: 'u1', firstName: 'Augusta', lastName: 'K' }),
        none,
      ),
    ).toMatchObject({
      firstName: 'Augusta',
      lastName: 'K',
    }));
  it('given a removal or an account deletion, drops the membership', () => {
    expect(
      evolveMember(member, event('MemberRemoved', { organizationId: 'o1', userId: 'u1' }), none),
    ).toBeNull();
    expect(evolveMember(member, event('AccountDeleted', { userId: 'u1' }), none)).toBeNull();
  });
  it('given a member whose account is erased (replay), creates nothing', () =>
    expect(evolveMember(null, added, none)).toBeNull());
});
