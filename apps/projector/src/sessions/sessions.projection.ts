import type { AccountDeleted, PasswordChanged, SessionEvent } from '@app/domain';
import { SESSIONS, type SessionDocument } from '@app/read-store/read-models/session.read-model';
import type { ProjectedEvent, Projection } from '../projection';

type SessionsEvent = SessionEvent | AccountDeleted | PasswordChanged;

/**
 * Open sessions per user: the session list and the erasure cascade. A password change ends
 * every other session of the user without an event per session, so it drops them here too.
 */
export const sessionsProjection: Projection<SessionDocument> = {
  collection: SESSIONS,
  eventTypes: new Set<SessionsEvent['type']>([
    'SessionStarted',
    'SessionEnded',
    'AccountDeleted',
    'PasswordChanged',
  ]),
  documentIds: async (projected, lookup) => {
    const event = projected as unknown as SessionsEvent;
    if (event.type === 'SessionStarted' || event.type === 'SessionEnded')
      return [event.data.sessionId];
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
      const client = {
        userAgent: event.data.userAgent ?? null,
        ipAddress: event.data.ipAddress ?? null,
      };
      return { id: sessionId, userId, startedAt, expiresAt, ...client };
    }
    case 'SessionEnded':
    case 'AccountDeleted':
      return null;
    case 'PasswordChanged':
      return doc && doc.id !== event.data.keptSessionId ? null : doc;
    default:
      return doc;
  }
}
