import { assertNever, type Decider } from '../shared/decider';
import type { EndSession, SessionCommand, StartSession } from './session.commands';
import { NoSuchSession, SessionAlreadyStarted, SessionNotFound } from './session.errors';
import type { SessionEvent } from './session.events';
import { evolveSession, initialSessionState, type SessionState } from './session.state';

export function start(command: StartSession, state: SessionState): SessionEvent[] {
  if (state.status !== 'none') throw new SessionAlreadyStarted();
  const { now, ...session } = command.data;
  return [{ type: 'SessionStarted', data: { ...session, startedAt: now } }];
}

export function end(command: EndSession, state: SessionState): SessionEvent[] {
  const { requesterId } = command.data;
  // Someone else's session, or one already ended, is not in the requester's list.
  if (requesterId !== undefined && (state.status !== 'open' || state.userId !== requesterId))
    throw new NoSuchSession();
  if (state.status === 'none') throw new SessionNotFound();
  if (state.status === 'ended') return [];
  const { sessionId, reason, now } = command.data;
  return [
    { type: 'SessionEnded', data: { sessionId, userId: state.userId, reason, endedAt: now } },
  ];
}

export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  switch (command.type) {
    case 'StartSession':
      return start(command, state);
    case 'EndSession':
      return end(command, state);
    default:
      return assertNever(command);
  }
}

export const sessionDecider: Decider<SessionState, SessionCommand, SessionEvent> = {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
};

/** Whether a session still authenticates, given the account's current password version. */
export function isSessionValid(
  session: SessionState,
  account: { readonly passwordVersion: number; readonly keptSessionId: string | null },
  now: string,
): session is Extract<SessionState, { status: 'open' }> {
  if (session.status !== 'open') return false;
  if (Date.parse(session.expiresAt) <= Date.parse(now)) return false;
  if (session.passwordVersion === account.passwordVersion) return true;
  return account.keptSessionId === session.sessionId;
}
