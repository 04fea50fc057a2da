import { deciderSpec } from '../shared/decider.spec-helper';
import { isSessionValid, sessionDecider } from './session.decide';
import type { SessionEvent } from './session.events';

const spec = deciderSpec(sessionDecider);
const started: SessionEvent = {
  type: 'SessionStarted',
  data: {
    sessionId: 's1',
    userId: 'u1',
    tokenHash: 'th',
    passwordVersion: 0,
    startedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-02T00:00:00.000Z',
  },
};
const ended: SessionEvent = {
  type: 'SessionEnded',
  data: { sessionId: 's1', userId: 'u1', reason: 'logout', endedAt: '2026-01-01T01:00:00.000Z' },
};
const now = '2026-01-01T02:00:00.000Z';
const endSession = {
  type: 'EndSession',
  data: { sessionId: 's1', reason: 'logout', now },
} as const;
const { startedAt, ...startData } = started.data;

describe('session decider', () => {
  describe('StartSession', () => {
    const startSession = { type: 'StartSession', data: { ...startData, now: startedAt } } as const;
    it('given nothing, starts it', () => spec.given([]).when(startSession).then([started]));
    it('given a started session, refuses', () =>
      spec.given([started]).when(startSession).thenThrows('SESSION_ALREADY_STARTED'));
  });

  describe('EndSession', () => {
    it('given an open session, ends it', () =>
      spec
        .given([started])
        .when(endSession)
        .then([
          {
            type: 'SessionEnded',
            data: { sessionId: 's1', userId: 'u1', reason: 'logout', endedAt: now },
          },
        ]));
    it('given an ended session, records nothing', () =>
      spec.given([started, ended]).when(endSession).thenNothingHappens());
    it('given no session, refuses', () =>
      spec.given([]).when(endSession).thenThrows('SESSION_NOT_FOUND'));
    const endByUser = (requesterId: string) =>
      ({
        type: 'EndSession',
        data: { sessionId: 's1', requesterId, reason: 'ended_by_user', now },
      }) as const;
    it('given its owner ending it from the list, ends it', () =>
      spec
        .given([started])
        .when(endByUser('u1'))
        .then([
          {
            type: 'SessionEnded',
            data: { sessionId: 's1', userId: 'u1', reason: 'ended_by_user', endedAt: now },
          },
        ]));
    it('given someone else, answers that there is no such session', () =>
      spec.given([started]).when(endByUser('u2')).thenThrows('NO_SUCH_SESSION'));
    it('given an ended session, answers the owner that there is no such session', () =>
      spec.given([started, ended]).when(endByUser('u1')).thenThrows('NO_SUCH_SESSION'));
    it('given no session, answers that there is no such session', () =>
      spec.given([]).when(endByUser('u1')).thenThrows('NO_SUCH_SESSION'));
  });

  describe('StartSession with a client', () => {
    it('records the user agent and IP address it started from', () =>
      spec
        .given([])
        .when({
          type: 'StartSession',
          data: { ...startData, now: startedAt, userAgent: 'curl/8', ipAddress: '10.0.0.1' },
        })
        .then([
          {
            type: 'SessionStarted',
            data: { ...started.data, userAgent: 'curl/8', ipAddress: '10.0.0.1' },
          },
        ]));
  });

  describe('isSessionValid', () => {
    const open = sessionDecider.evolve(sessionDecider.initialState(), started);
    const unchanged = { passwordVersion: 0, keptSessionId: null };
    it('accepts an open, unexpired session under the same password', () =>
      expect(isSessionValid(open, unchanged, now)).toBe(true));
    it('rejects an expired session', () =>
      expect(isSessionValid(open, unchanged, '2026-01-02T00:00:00.000Z')).toBe(false));
    it('rejects an ended session', () =>
      expect(isSessionValid(sessionDecider.evolve(open, ended), unchanged, now)).toBe(false));
    it('rejects a session from before a password change made elsewhere', () =>
      expect(isSessionValid(open, { passwordVersion: 1, keptSessionId: 's2' }, now)).toBe(false));
    it('keeps the session that changed the password', () =>
      expect(isSessionValid(open, { passwordVersion: 1, keptSessionId: 's1' }, now)).toBe(true));
  });
});
