import type { CollectionDefinition } from '../read-store.port';

/**
 * Open sessions, id = sessionId: the user's session list, and what an account deletion must
 * end. No token, no hash. User agent and IP address are personal data: they go with the account.
 */
export type SessionDocument = {
  readonly id: string;
  readonly userId: string;
  readonly startedAt: string;
  readonly expiresAt: string;
  /** Absent in documents written before sessions recorded them. */
  readonly userAgent?: string | null;
  readonly ipAddress?: string | null;
};

export const SESSIONS: CollectionDefinition = { name: 'sessions_v1', indexes: [['userId']] };

/**
 * When each session was last seen, to the minute. Written by the api instances like the keys'
 * last-used minutes (a request is not an event); the minute doubles as the position guard.
 */
export type SessionActivityDocument = { readonly id: string; readonly lastSeenAt: string };

export const SESSION_ACTIVITY: CollectionDefinition = { name: 'session_activity_v1', indexes: [] };
