import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { keyAccessOf, type KeyBinding } from './key-access';
import type { OrganizationCommand } from './organization.commands';
import { organizationDecider } from './organization.decide';
import type { OrganizationEvent } from './organization.events';
import {
  keepsAnActiveOwner,
  membershipOf,
  permissionsOf,
  type ActiveOrganization,
  type OrganizationState,
} from './organization.state';
import {
  FEATURE_PERMISSIONS,
  FEATURES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  type Feature,
  type Permission,
  type Role,
} from './permissions';

/**
 * Random histories of one organization: invitations, answers, role changes, grants,
 * removals, account deletions (departures), feature switches and keys issued along the way,
 * each command asked by a random member with the permissions they hold at that moment (as
 * the api does), refused ones changing nothing. After every step the invariants must hold.
 */
const USERS = ['u0', 'u1', 'u2', 'u3'] as const;
const organizationId = 'o1';
const emailHashOf = (user: string) => `hash-${user}`;

type Step =
  | { kind: 'invite'; by: number; who: number; role: Role }
  | { kind: 'accept' | 'decline'; who: number; pick: number }
  | { kind: 'withdraw'; by: number; pick: number }
  | { kind: 'role'; by: number; who: number; role: Role }
  | { kind: 'grant'; by: number; who: number; permissions: Permission[] }
  | { kind: 'remove'; by: number; who: number }
  | { kind: 'deleteAccount' | 'cancelDeletion' | 'accountGone'; who: number }
  | { kind: 'features'; by: number; disabled: Feature[] }
  | { kind: 'issueKey'; who: number; recordsMembership: boolean }
  | { kind: 'wait'; days: number };

const user = fc.nat({ max: USERS.length - 1 });
const role = fc.constantFrom(...ROLES);
/** Weighted so that people often join, hold keys, leave and come back. */
const often = <T>(arbitrary: fc.Arbitrary<T>, weight: number) => ({ arbitrary, weight });
const step: fc.Arbitrary<Step> = fc.oneof(
  often(fc.record({ kind: fc.constant('invite' as const), by: user, who: user, role }), 6),
  often(fc.record({ kind: fc.constant('accept' as const), who: user, pick: fc.nat() }), 6),
  often(fc.record({ kind: fc.constant('decline' as const), who: user, pick: fc.nat() }), 1),
  often(fc.record({ kind: fc.constant('withdraw' as const), by: user, pick: fc.nat() }), 1),
  often(fc.record({ kind: fc.constant('role' as const), by: user, who: user, role }), 3),
  often(
    fc.record({
      kind: fc.constant('grant' as const),
      by: user,
      who: user,
      permissions: fc.subarray([...PERMISSIONS]),
    }),
    2,
  ),
  often(fc.record({ kind: fc.constant('remove' as const), by: user, who: user }), 4),
  often(fc.record({ kind: fc.constant('deleteAccount' as const), who: user }), 1),
  often(fc.record({ kind: fc.constant('cancelDeletion' as const), who: user }), 2),
  often(fc.record({ kind: fc.constant('accountGone' as const), who: user }), 1),
  often(
    fc.record({
      kind: fc.constant('features' as const),
      by: user,
      disabled: fc.subarray([...FEATURES]),
    }),
    1,
  ),
  often(
    fc.record({
      kind: fc.constant('issueKey' as const),
      who: user,
      recordsMembership: fc.boolean(),
    }),
    3,
  ),
  often(fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 8 }) }), 1),
);

interface World {
  state: ActiveOrganization;
  clock: number;
  keys: (KeyBinding & { ownerId: string })[];
  /** Memberships that have ended, as `${userId}#${epoch}`: their keys must be dead for good. */
  ended: Set<string>;
}

const requesterOf = (state: OrganizationState, index: number) => {
  const userId = USERS[index] as string;
  const permissions = permissionsOf(state, userId);
  return permissions ? { userId, permissions } : null;
};

/** The command a step stands for, or null when the api would refuse it before the decider. */
function commandOf(world: World, s: Step, now: string): OrganizationCommand | null {
  const { state } = world;
  const base = { organizationId, now };
  const need = (by: number, permission: Permission) => {
    const requester = requesterOf(state, by);
    return requester?.permissions.includes(permission) ? requester : null;
  };
  const invitationIds = Object.keys(state.invitations).sort();
  const picked = (pick: number) =>
    invitationIds[pick % Math.max(invitationIds.length, 1)] ?? 'none';
  switch (s.kind) {
    case 'invite': {
      const requester = need(s.by, 'members:write');
      const who = USERS[s.who] as string;
      if (!requester) return null;
      const invitationId = `inv-${world.clock}`;
      const data = {
        ...base,
        invitationId,
        email: `${who}@example.com`,
        emailHash: emailHashOf(who),
      };
      return {
        type: 'InviteMember',
        data: { ...data, role: s.role, inviteeUserId: who, requester },
      };
    }
    case 'accept':
    case 'decline': {
      const who = USERS[s.who] as string;
      const type = s.kind === 'accept' ? 'AcceptInvitation' : 'DeclineInvitation';
      // mostly one addressed to them (as from GET /me/invitations), sometimes anyone's
      const theirs = invitationIds.filter(
        (id) => state.invitations[id]?.emailHash === emailHashOf(who),
      );
      const invitationId =
        theirs.length > 0 && s.pick % 4 !== 0
          ? (theirs[s.pick % theirs.length] as string)
          : picked(s.pick);
      return { type, data: { ...base, invitationId, userId: who, emailHash: emailHashOf(who) } };
    }
    case 'withdraw': {
      const requester = need(s.by, 'members:write');
      return requester
        ? { type: 'WithdrawInvitation', data: { ...base, invitationId: picked(s.pick), requester } }
        : null;
    }
    case 'role': {
      const requester = need(s.by, 'members:write');
      const userId = USERS[s.who] as string;
      return requester
        ? { type: 'ChangeMemberRole', data: { ...base, userId, role: s.role, requester } }
        : null;
    }
    case 'grant': {
      const requester = need(s.by, 'members:write');
      const userId = USERS[s.who] as string;
      const { permissions } = s;
      return requester
        ? { type: 'GrantMemberPermissions', data: { ...base, userId, permissions, requester } }
        : null;
    }
    case 'remove': {
      const requester = need(s.by, 'members:write');
      const userId = USERS[s.who] as string;
      return requester
        ? { type: 'RemoveMember', data: { ...base, userId, reason: 'removed', requester } }
        : null;
    }
    case 'deleteAccount':
      return { type: 'MarkMemberDeparting', data: { ...base, userId: USERS[s.who] as string } };
    case 'cancelDeletion':
      return { type: 'CancelMemberDeparture', data: { ...base, userId: USERS[s.who] as string } };
    case 'accountGone': {
      // the erasure cascade, once the account is deleted: only departing members get here
      const userId = USERS[s.who] as string;
      if (!membershipOf(state, userId)?.departing) return null;
      return {
        type: 'RemoveMember',
        data: { ...base, userId, reason: 'account_deleted', requester: null },
      };
    }
    case 'features': {
      const requester = need(s.by, 'org:write');
      return requester
        ? { type: 'ChangeOrganizationFeatures', data: { ...base, disabled: s.disabled } }
        : null;
    }
    default:
      return null;
  }
}

function apply(world: World, s: Step): readonly OrganizationEvent[] {
  world.clock += 1 + (s.kind === 'wait' ? s.days * 24 * 3600 * 1000 : 0);
  const now = new Date(world.clock).toISOString();
  if (s.kind === 'issueKey') {
    const ownerId = USERS[s.who] as string;
    const member = membershipOf(world.state, ownerId);
    // the api issues keys to members holding api_keys:write only
    if (member && permissionsOf(world.state, ownerId)?.includes('api_keys:write')) {
      world.keys.push({
        ownerId,
        issuedAt: now,
        ...(s.recordsMembership ? { membership: member.epoch } : {}),
        epochAtIssue: member.epoch,
      } as KeyBinding & { epochAtIssue: number });
    }
    return [];
  }
  const command = commandOf(world, s, now);
  if (!command) return [];
  let events: readonly OrganizationEvent[];
  try {
    events = organizationDecider.decide(command, world.state);
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
  for (const event of events) {
    if (event.type === 'MemberRemoved') {
      const epoch = membershipOf(world.state, event.data.userId)?.epoch;
      world.ended.add(`${event.data.userId}#${epoch}`);
    }
    world.state = organizationDecider.evolve(world.state, event) as ActiveOrganization;
  }
  return events;
}

function checkInvariants(world: World, events: readonly OrganizationEvent[]) {
  const { state } = world;
  // 1. an organization with members who stay has an owner who stays
  expect(keepsAnActiveOwner(state)).toBe(true);
  for (const [userId, member] of Object.entries(state.members)) {
    // 3. effective permissions never exceed (role ∪ grants) minus disabled features
    const ceiling = new Set<Permission>([...ROLE_PERMISSIONS[member.role], ...member.granted]);
    for (const feature of state.disabledFeatures)
      for (const permission of FEATURE_PERMISSIONS[feature]) ceiling.delete(permission);
    for (const permission of permissionsOf(state, userId) ?? [])
      expect(ceiling.has(permission)).toBe(true);
  }
  // a role change leaves no grants behind
  for (const event of events) {
    if (event.type === 'MemberRoleChanged')
      expect(membershipOf(state, event.data.userId)?.granted ?? []).toEqual([]);
  }
  // 2. no key issued in an earlier membership is usable
  for (const key of world.keys as (KeyBinding & { epochAtIssue: number })[]) {
    const access = keyAccessOf(state, key);
    const issuedIn = `${key.ownerId}#${key.epochAtIssue}`;
    if (world.ended.has(issuedIn)) expect(access.kind).toBe('refused');
    if (access.kind === 'granted') {
      expect(membershipOf(state, key.ownerId)?.epoch).toBe(key.epochAtIssue);
      expect(state.disabledFeatures).not.toContain('api_keys');
      expect(access.permissions).toEqual(permissionsOf(state, key.ownerId));
    }
  }
}

describe('organization decider: invariants over random histories (fast-check)', () => {
  it('keeps an active owner, never revives a key, never exceeds role ∪ grants − disabled', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 100, size: 'max' }), (steps) => {
        const created: OrganizationEvent = {
          type: 'OrganizationCreated',
          data: {
            organizationId,
            name: 'Acme',
            ownerId: 'u0',
            createdAt: new Date(0).toISOString(),
          },
        };
        const world: World = {
          state: organizationDecider.evolve(
            organizationDecider.initialState(),
            created,
          ) as ActiveOrganization,
          clock: 0,
          keys: [],
          ended: new Set(),
        };
        for (const s of steps) checkInvariants(world, apply(world, s));
      }),
      { numRuns: 300 },
    );
  });
});
