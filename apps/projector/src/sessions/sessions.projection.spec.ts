import type { SessionDocument } from '@app/read-store/read-models/session.read-model';
import type { ProjectedEvent } from '../projection';
import { evolveSession } from './sessions.projection';

let position = 0n;
const event = (type: string, data: Record<string, unknown>): ProjectedEvent => ({
  id: `e${position}`,
  type,
  data,
  stream: 'session-s1',
  revision: 0,
  position: ++position,
  recordedAt: '2026-01-01T00:00:00.000Z',
  metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'system', id: 't' } },
});
const started = (sessionId: string, extra: Record<string, unknown> = {}) =>
  event('SessionStarted', {
    sessionId,
    userId: 'u1',
    tokenHash: 'th',
    passwordVersion: 0,
    startedAt: 't0',
    expiresAt: 't9',
    ...extra,
  });
const project = (doc: SessionDocument | null, events: ProjectedEvent[]) =>
  events.reduce<SessionDocument | null>((current, next) => evolveSession(current, next), doc);

describe('sessions projection', () => {
  it('given a start, lists the session with its client and never its token hash', () => {
    const doc = project(null, [started('s1', { userAgent: 'curl/8', ipAddress: '10.0.0.1' })]);
    expect(doc).toEqual({
      id: 's1',
      userId: 'u1',
      startedAt: 't0',
      expiresAt: 't9',
      userAgent: 'curl/8',
      ipAddress: '10.0.0.1',
    });
    expect(JSON.stringify(doc)).not.toContain('th');
  });
  it('given an older start without a client, shows null for both', () =>
    expect(project(null, [started('s1')])).toMatchObject({ userAgent: null, ipAddress: null }));
  it('given an end, drops it', () =>
    expect(
      project(null, [
        started('s1'),
        event('SessionEnded', { sessionId: 's1', userId: 'u1', reason: 'ended_by_user' }),
      ]),
    ).toBeNull());
  it('given a password change made by another session, drops it', () =>
    expect(
      project(null, [
        started('s1'),
        event('PasswordChanged', { userId: 'u1', keptSessionId: 's2', changedAt: 't1' }),
      ]),
    ).toBeNull());
  it('given a password change made by this session, keeps it', () =>
    expect(
      project(null, [
        started('s1'),
        event('PasswordChanged', { userId: 'u1', keptSessionId: 's1', changedAt: 't1' }),
      ]),
    ).toMatchObject({ id: 's1' }));
  it('given the same start twice, gives the same document', () => {
    const once = project(null, [started('s1')]);
    expect(project(once, [started('s1')])).toEqual(once);
  });
});
