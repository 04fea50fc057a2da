import { Injectable } from '@nestjs/common';
import {
  effectivePermissions,
  membershipOf,
  organizationDecider,
  organizationStream,
  permissionsOf,
  type ActiveOrganization,
  type Permission,
  type Role,
} from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';

/** What a member may do in one organization, read from its stream at request time. */
export interface OrganizationAccess {
  readonly organization: ActiveOrganization;
  readonly userId: string;
  readonly role: Role;
  /** Effective: (role ∪ grants) minus disabled features. */
  readonly permissions: readonly Permission[];
  /** Role ∪ grants, before the feature switches. */
  readonly held: readonly Permission[];
}

@Injectable()
export class OrganizationAccessResolver {
  constructor(private readonly cache: LiveStreamCache) {}

  /** Null when the organization does not exist or the user is not a member: both look alike. */
  async resolve(organizationId: string, userId: string): Promise<OrganizationAccess | null> {
    const { state } = await this.cache.load(
      organizationStream(organizationId),
      organizationDecider,
    );
    const permissions = permissionsOf(state, userId);
    if (state.status !== 'active' || !permissions) return null;
    const member = membershipOf(state, userId);
    if (!member) return null;
    const held = effectivePermissions(member.role, member.granted, []);
    return { organization: state, userId, role: member.role, permissions, held };
  }
}
