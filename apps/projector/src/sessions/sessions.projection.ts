import type { AccountDeleted, SessionEvent } from '@app/domain';
import { SESSIONS, type SessionDocument } from '@app/read-store/read-models/session.read-model';
import type { ProjectedEvent, Projection } from '../projection';

type SessionsEvent = SessionEvent | AccountDeleted;

/** Open sessions per user, for the erasure cascade. */
export const sessionsProjection: Projection<SessionDocument> = {
  collection: SESSIONS,
  eventTypes: new Set<SessionsEvent['type']>(['SessionStarted', 'SessionEnded', 'AccountDeleted']),
  documentIds: async (projected, lookup) => {
    const event = projected as unknown as SessionsEvent;
    if (event.type !== 'AccountDeleted') return [event.data.sessionId];
    return (await lookup.find<SessionDocument>(SESSIONS.name, { userId: event.data.userId })).map(
      (doc) => doc.id,
    );
  },
  evolve: (doc, projected) => evolveSession(doc, projected),
};

export function evolveSession(
  doc: SessionDocument | null,
  projected: ProjectedEvent,
): SessionDocument | null {
  const event = projected as unknown as SessionsEvent;
  switch (event.type) {
    case 'SessionStarted': {
      const { sessionId, userId, startedAt, expiresAt } = event.data;
      return { id: sessionId, userId, startedAt, expiresAt };
    }
    case 'SessionEnded':
    case 'AccountDeleted':
      return null;
    default:
      return doc;
  }
}
