import {
  organizationDecider,
  organizationStream,
  type OrganizationCommand,
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

/** Runs a command on the caller's organization on behalf of the calling member. */
export function runAsMember(
  aggregates: AggregateStore,
  access: OrganizationAccess,
  metadata: EventMetadata,
  build: (context: MemberCommandContext) => OrganizationCommand,
) {
  const { organizationId } = access.organization;
  const context: MemberCommandContext = {
    organizationId,
    requester: { userId: access.userId, permissions: access.permissions },
    now: new Date().toISOString(),
  };
  return aggregates.handle(
    organizationStream(organizationId),
    organizationDecider,
    () => build(context),
    {
      metadata,
    },
  );
}
