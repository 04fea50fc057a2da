import { Inject, Injectable } from '@nestjs/common';
import {
  membershipOf,
  organizationDecider,
  organizationStream,
  DomainError,
  type OrganizationState,
  type Role,
} from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { API_KEYS, type ApiKeyDocument } from '@app/read-store/read-models/api-key.read-model';
import { MEMBERS, type MemberDocument } from '@app/read-store/read-models/organization.read-model';
import { SESSIONS, type SessionDocument } from '@app/read-store/read-models/session.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';

export interface MembershipSummary {
  readonly organizationId: string;
  readonly name: string;
  readonly role: Role;
}

/** What deleting an account would take with it, and what stands in its way. */
export interface DeletionPlan {
  readonly organizations: readonly MembershipSummary[];
  /** Organizations the user solely owns while others belong to them: deletion waits for a new owner. */
  readonly blockingOrganizations: readonly MembershipSummary[];
  readonly apiKeyIds: readonly string[];
  readonly sessionIds: readonly string[];
}

export const CONFIRMATION_PHRASE = 'delete my account';

/** The organization's own rule (see Departures): would it let this member leave now? */
function mayDepart(state: OrganizationState, userId: string): boolean {
  if (state.status !== 'active') return true;
  const command = {
    type: 'MarkMemberDeparting' as const,
    data: { organizationId: state.organizationId, userId, now: new Date().toISOString() },
  };
  try {
    organizationDecider.decide(command, state);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'LAST_OWNER') return false;
    throw error;
  }
}

/**
 * Memberships, keys and sessions come from the read models (after the caller's own writes);
 * whether an organization blocks the deletion comes from its stream, the source of truth.
 */
@Injectable()
export class DeletionPlanner {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
    private readonly cache: LiveStreamCache,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  /**
   * `upToDate` waits for the projector to reach the head of the log, not only the caller's
   * own writes: a deletion must see memberships made a moment ago on any instance.
   */
  async plan(userId: string, options: { upToDate?: boolean } = {}): Promise<DeletionPlan> {
    if (options.upToDate)
      await this.consistency.awaitProjection(await this.eventStore.headPosition());
    else await this.consistency.awaitOwnWrites(userId);
    const [memberships, keys, sessions] = await Promise.all([
      this.readStore.find<MemberDocument>(
        MEMBERS.name,
        { userId },
        { sort: [['organizationName', 'asc']] },
      ),
      this.readStore.find<ApiKeyDocument>(API_KEYS.name, { ownerId: userId }),
      this.readStore.find<SessionDocument>(SESSIONS.name, { userId }),
    ]);
    const organizations: MembershipSummary[] = [];
    const blockingOrganizations: MembershipSummary[] = [];
    for (const membership of memberships) {
      const { state } = await this.cache.load(
        organizationStream(membership.organizationId),
        organizationDecider,
      );
      const role = membershipOf(state, userId)?.role;
      if (state.status !== 'active' || !role) continue;
      const summary = { organizationId: state.organizationId, name: state.name, role };
      organizations.push(summary);
      if (!mayDepart(state, userId)) blockingOrganizations.push(summary);
    }
    return {
      organizations,
      blockingOrganizations,
      apiKeyIds: keys.map((key) => key.id),
      sessionIds: sessions.map((session) => session.id),
    };
  }
}
