import { Injectable } from '@nestjs/common';
import {
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
  readonly permissions: readonly Permission[];
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
    const role = membershipOf(state, userId)?.role;
    return role ? { organization: state, userId, role, permissions } : null;
  }
}
