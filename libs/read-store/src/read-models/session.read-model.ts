import type { CollectionDefinition } from '../read-store.port';

/** Open sessions, id = sessionId: what an account deletion must end. No token, no hash. */
export type SessionDocument = {
  readonly id: string;
  readonly userId: string;
  readonly startedAt: string;
  readonly expiresAt: string;
};

export const SESSIONS: CollectionDefinition = { name: 'sessions_v1', indexes: [['userId']] };
