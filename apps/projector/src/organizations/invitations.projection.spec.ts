import type { ProjectedEvent } from '../projection';
import { evolveInvitation } from './invitations.projection';

const event = (type: string, data: Record<string, unknown>): ProjectedEvent => ({
  id: 'e1',
  type,
  data,
  stream: 'organization-o1',
  revision: 1,
  position: 2n,
  recordedAt: 't',
  metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'user', id: 'owner' } },
});
const organization = { id: 'o1', organizationId: 'o1', name: 'Acme', createdAt: 't0' };
const invited = event('MemberInvited', {
  organizationId: 'o1',
  invitationId: 'o1.i1',
  email: 'grace@example.com',
  emailHash: 'h',
  role: 'viewer',
  invitedBy: 'owner',
  invitedAt: 't1',
  expiresAt: 't8',
});
const pending = evolveInvitation(null, invited, organization);

describe('invitations projection', () => {
  it('given an invitation, lists it pending with its organization’s name', () =>
    expect(pending).toEqual({
      id: 'o1.i1',
      organizationId: 'o1',
      organizationName: 'Acme',
      emailHash: 'h',
      email: 'grace@example.com',
      role: 'viewer',
      invitedBy: 'owner',
      createdAt: 't1',
      expiresAt: 't8',
    }));
  it('given the same event twice, gives the same document', () =>
    expect(evolveInvitation(pending, invited, organization)).toEqual(pending));
  it.each(['InvitationAccepted', 'InvitationDeclined', 'InvitationWithdrawn'])(
    'given %s, drops it',
    (type) =>
      expect(
        evolveInvitation(
          pending,
          event(type, { organizationId: 'o1', invitationId: 'o1.i1' }),
          null,
        ),
      ).toBeNull(),
  );
  it('given a replay after its data key was destroyed, keeps it without the address', () =>
    expect(
      evolveInvitation(null, event('MemberInvited', { ...invited.data, email: null }), organization)
        ?.email,
    ).toBeNull());
});
