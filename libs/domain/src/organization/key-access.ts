import { membershipOf, permissionsOf, type OrganizationState } from './organization.state';
import type { Permission } from './permissions';

/** What a key needs to say about itself for its organization to judge it. */
export interface KeyBinding {
  readonly ownerId: string;
  /** The membership epoch it was issued in; absent on keys issued before keys recorded it. */
  readonly membership?: number;
  readonly issuedAt: string;
}

export type KeyAccess =
  | { readonly kind: 'refused' }
  | { readonly kind: 'api_keys_disabled' }
  | { readonly kind: 'granted'; readonly permissions: Permission[] };

/**
 * Whether a key acts in its organization now, decided on the organization's state alone (no
 * cascade needs to have run): its owner must be a member, in the very membership the key was
 * issued in. A key without a recorded membership belongs to the membership that was current
 * when it was issued, so one issued before its owner's latest join is refused. With the
 * `api_keys` feature disabled every key is stopped; otherwise it acts with its owner's
 * effective permissions.
 */
export function keyAccessOf(organization: OrganizationState, key: KeyBinding): KeyAccess {
  if (organization.status !== 'active') return { kind: 'refused' };
  const member = membershipOf(organization, key.ownerId);
  if (!member) return { kind: 'refused' };
  const sameMembership =
    key.membership !== undefined
      ? key.membership === member.epoch
      : Date.parse(key.issuedAt) >= Date.parse(member.joinedAt);
  if (!sameMembership) return { kind: 'refused' };
  if (organization.disabledFeatures.includes('api_keys')) return { kind: 'api_keys_disabled' };
  return { kind: 'granted', permissions: permissionsOf(organization, key.ownerId) ?? [] };
}
