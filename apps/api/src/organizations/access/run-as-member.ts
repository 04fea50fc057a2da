import {
  DomainError,
  organizationDecider,
  OrganizationNotFound,
  organizationStream,
  permissionsOf,
  type OrganizationCommand,
  type Permission,
  type Requester,
} from '@app/domain';
import type { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from './organization-access';

export interface MemberCommandContext {
  readonly organizationId: string;
  /** The caller, with the permissions the domain checks they do not exceed. */
  readonly requester: Requester;
  readonly now: string;
}

class PermissionRequired extends DomainError {
  constructor(permission: Permission) {
    super(
      'PERMISSION_REQUIRED',
      'forbidden',
      `This needs the ${permission} permission in this organization.`,
    );
  }
}

/**
 * Runs a command on the caller's organization on behalf of the calling member. The caller's
 * authority is read again from the very state the command is decided on (and on every retry),
 * so a member removed or demoted a moment ago cannot act on what the guard saw before.
 */
export function runAsMember(
  aggregates: AggregateStore,
  access: OrganizationAccess,
  required: Permission,
  metadata: EventMetadata,
  build: (context: MemberCommandContext) => OrganizationCommand,
) {
  const { organizationId } = access.organization;
  const now = new Date().toISOString();
  return aggregates.handle(
    organizationStream(organizationId),
    organizationDecider,
    (state) => {
      const permissions = permissionsOf(state, access.userId);
      if (!permissions) throw new OrganizationNotFound();
      if (!permissions.includes(required)) throw new PermissionRequired(required);
      return build({ organizationId, requester: { userId: access.userId, permissions }, now });
    },
    { metadata },
  );
}
