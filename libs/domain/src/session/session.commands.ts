import type { SessionEndReason } from './session.events';

export type StartSession = {
  readonly type: 'StartSession';
  readonly data: {
    readonly sessionId: string;
    readonly userId: string;
    readonly tokenHash: string;
    readonly passwordVersion: number;
    readonly now: string;
    readonly expiresAt: string;
    readonly userAgent?: string | null;
    readonly ipAddress?: string | null;
  };
};

export type EndSession = {
  readonly type: 'EndSession';
  readonly data: {
    readonly sessionId: string;
    readonly reason: SessionEndReason;
    /** A person ending a session from the list must own it; absent for logout and cascades. */
    readonly requesterId?: string;
    readonly now: string;
  };
};

export type SessionCommand = StartSession | EndSession;
