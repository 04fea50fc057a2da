import { Injectable } from '@nestjs/common';
import { DomainError, organizationDecider, organizationStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { MembershipSummary } from './deletion-plan';

export class SoleOwnerOfTeam extends DomainError {
  constructor(names: readonly string[]) {
    super(
      'SOLE_OWNER_OF_TEAM',
      'conflict',
      `You are the only owner of ${names.join(', ')}, which other people belong to. Make someone else owner first.`,
    );
  }
}

/**
 * Before an account is deleted, each of its organizations records that the member is leaving,
 * appended with the expected revision: the organization's decider refuses it when no other
 * active owner would remain for the members who stay. Owners deleting their accounts at the
 * same moment are thereby serialized by each organization's stream, and all but one of the
 * last owners get 409. A deletion that does not go through takes its announcements back.
 */
@Injectable()
export class Departures {
  constructor(private readonly aggregates: AggregateStore) {}

  /** Adds each organization marked to `marked`, so that a failure can cancel exactly those. */
  async announce(
    userId: string,
    organizations: readonly MembershipSummary[],
    marked: Set<string>,
    metadata: EventMetadata,
  ): Promise<void> {
    // One order for everyone: two owners of the same organizations meet at the first one.
    const ordered = [...organizations].sort((a, b) =>
      a.organizationId.localeCompare(b.organizationId),
    );
    for (const { organizationId, name } of ordered) {
      try {
        await this.run(organizationId, userId, 'MarkMemberDeparting', metadata);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'LAST_OWNER')
          throw new SoleOwnerOfTeam([name]);
        throw error;
      }
      marked.add(organizationId);
    }
  }

  async cancel(userId: string, marked: ReadonlySet<string>, metadata: EventMetadata) {
    for (const organizationId of marked)
      await this.run(organizationId, userId, 'CancelMemberDeparture', metadata);
  }

  private run(
    organizationId: string,
    userId: string,
    type: 'MarkMemberDeparting' | 'CancelMemberDeparture',
    metadata: EventMetadata,
  ) {
    const now = new Date().toISOString();
    return this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({ type, data: { organizationId, userId, now } }),
      { metadata },
    );
  }
}
