import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import {
  SESSION_ACTIVITY,
  SESSIONS,
  type SessionActivityDocument,
  type SessionDocument,
} from '@app/read-store/read-models/session.read-model';
import { SessionActivity } from '../../auth/session-activity';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { ListSessionsQuery, type SessionRow } from './list-sessions.query';

const toMinute = (at: string): string =>
  new Date(Math.floor(Date.parse(at) / 60_000) * 60_000).toISOString();

/** The caller's open, unexpired sessions, newest first; last seen to the minute. */
@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
    private readonly activity: SessionActivity,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async execute({ userId, currentSessionId }: ListSessionsQuery): Promise<SessionRow[]> {
    // Up to the head of the log, not only the caller's writes: a login a moment ago on
    // another instance belongs in a list people read to spot intruders.
    await this.consistency.awaitProjection(await this.eventStore.headPosition());
    const sessions = await this.readStore.find<SessionDocument>(
      SESSIONS.name,
      { userId },
      { sort: [['startedAt', 'desc']] },
    );
    const now = Date.now();
    const open = sessions.filter((session) => Date.parse(session.expiresAt) > now);
    return Promise.all(open.map((session) => this.row(session, currentSessionId)));
  }

  private async row(session: SessionDocument, currentSessionId: string): Promise<SessionRow> {
    const stored = await this.readStore.get<SessionActivityDocument>(
      SESSION_ACTIVITY.name,
      session.id,
    );
    const seen = this.activity.lastSeenAt(session.id, stored?.lastSeenAt ?? null);
    const createdAt = session.startedAt;
    return {
      sessionId: session.id,
      createdAt,
      lastSeenAt: seen !== null && seen > createdAt ? seen : toMinute(createdAt),
      expiresAt: session.expiresAt,
      userAgent: session.userAgent ?? null,
      ipAddress: session.ipAddress ?? null,
      current: session.id === currentSessionId,
    };
  }
}
