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
  };
};

export type EndSession = {
  readonly type: 'EndSession';
  readonly data: {
    readonly sessionId: string;
    readonly reason: SessionEndReason;
    readonly now: string;
  };
};

export type SessionCommand = StartSession | EndSession;
