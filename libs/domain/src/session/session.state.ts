import type { SessionEvent } from './session.events';

export type OpenSession = {
  readonly status: 'open';
  readonly sessionId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly passwordVersion: number;
  readonly expiresAt: string;
};

export type SessionState =
  | { readonly status: 'none' }
  | OpenSession
  | { readonly status: 'ended'; readonly sessionId: string; readonly userId: string };

export const initialSessionState = (): SessionState => ({ status: 'none' });

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const { sessionId, userId, tokenHash, passwordVersion, expiresAt } = event.data;
      return { status: 'open', sessionId, userId, tokenHash, passwordVersion, expiresAt };
    }
    case 'SessionEnded':
      return { status: 'ended', sessionId: event.data.sessionId, userId: event.data.userId };
    default:
      return state;
  }
}
