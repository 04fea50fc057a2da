/** Events of `session-{sessionId}`. The token itself never enters an event, only its HMAC. */
export type SessionStarted = {
  readonly type: 'SessionStarted';
  readonly data: {
    readonly sessionId: string;
    readonly userId: string;
    readonly tokenHash: string;
    /** The account's password version at login; a later password change ends the session. */
    readonly passwordVersion: number;
    readonly startedAt: string;
    readonly expiresAt: string;
    /** Personal data, encrypted with the user's data key; absent from older events. */
    readonly userAgent?: string | null;
    readonly ipAddress?: string | null;
  };
};

/** `ended_by_user`: ended from the session list (one, or all the others). */
export type SessionEndReason = 'logout' | 'password_changed' | 'account_deleted' | 'ended_by_user';

export type SessionEnded = {
  readonly type: 'SessionEnded';
  readonly data: {
    readonly sessionId: string;
    readonly userId: string;
    readonly reason: SessionEndReason;
    readonly endedAt: string;
  };
};

export type SessionEvent = SessionStarted | SessionEnded;
