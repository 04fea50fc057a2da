import { keyAccessOf, type KeyBinding } from './key-access';
import type { OrganizationEvent } from './organization.events';
import { evolveOrganization, initialOrganizationState } from './organization.state';

const organizationId = 'o1';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const created: OrganizationEvent = {
  type: 'OrganizationCreated',
  data: { organizationId, name: 'Acme', ownerId: 'owner', createdAt: at(0) },
};
const joined = (minute: number, invitationId = `i${minute}`): OrganizationEvent => ({
  type: 'InvitationAccepted',
  data: { organizationId, invitationId, userId: 'dev', role: 'developer', acceptedAt: at(minute) },
});
const removed = (minute: number): OrganizationEvent => ({
  type: 'MemberRemoved',
  data: { organizationId, userId: 'dev', reason: 'removed', removedAt: at(minute) },
});
const stateOf = (events: OrganizationEvent[]) =>
  events.reduce(evolveOrganization, initialOrganizationState());
const key = (membership: number | undefined, minute: number): KeyBinding => ({
  ownerId: 'dev',
  issuedAt: at(minute),
  ...(membership === undefined ? {} : { membership }),
});

describe('keyAccessOf: a key belongs to the membership it was issued in', () => {
  it('given the same membership, grants its owner’s permissions', () =>
    expect(keyAccessOf(stateOf([created, joined(1)]), key(2, 2))).toEqual({
      kind: 'granted',
      permissions: ['org:read', 'members:read', 'api_keys:read', 'api_keys:write'],
    }));
  it('given its owner removed, refuses', () =>
    expect(keyAccessOf(stateOf([created, joined(1), removed(3)]), key(2, 2)).kind).toBe('refused'));
  it('given its owner removed and invited back, still refuses (no resurrection)', () =>
    expect(
      keyAccessOf(
        stateOf([created, joined(1), removed(3), joined(4), removed(5), joined(6)]),
        key(2, 2),
      ).kind,
    ).toBe('refused'));
  it('given a key without a recorded membership, judges it by when it was issued', () => {
    const state = stateOf([created, joined(1), removed(3), joined(4)]);
    expect(keyAccessOf(state, key(undefined, 2)).kind).toBe('refused');
    expect(keyAccessOf(state, key(undefined, 5)).kind).toBe('granted');
  });
  it('given api_keys disabled, stops every key of the organization', () =>
    expect(
      keyAccessOf(
        stateOf([
          created,
          joined(1),
          {
            type: 'OrganizationFeaturesChanged',
            data: { organizationId, disabled: ['api_keys'], changedAt: at(2) },
          },
        ]),
        key(2, 2),
      ).kind,
    ).toBe('api_keys_disabled'));
  it('given no organization, refuses', () =>
    expect(keyAccessOf(initialOrganizationState(), key(1, 1)).kind).toBe('refused'));
});
