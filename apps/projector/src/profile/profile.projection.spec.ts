import type { ProfileDocument } from '@app/read-store/read-models/profile.read-model';
import type { ProjectedEvent } from '../projection';
import { evolveProfile, profileProjection } from './profile.projection';

let position = 0n;
const event = (type: string, revision: number, data: Record<string, unknown>): ProjectedEvent => ({
  id: 'e1',
  type,
  data,
  stream: 'account-u1',
  revision,
  position: ++position,
  recordedAt: '2026-01-01T00:00:00.000Z',
  metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'system', id: 't' } },
});
const registered = event('AccountRegistered', 0, {
  userId: 'u1',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'L',
  passwordHash: 'h',
  registeredAt: 't0',
});
const renamed = event('NameChanged', 1, {
  userId: 'u1',
  firstName: 'Augusta',
  lastName: 'L',
  changedAt: 't1',
});
const passwordChanged = event('PasswordChanged', 2, {
  userId: 'u1',
  passwordHash: 'h2',
  keptSessionId: 's',
  changedAt: 't2',
});
const deleted = event('AccountDeleted', 3, { userId: 'u1', deletedAt: 't3' });
const project = (events: ProjectedEvent[]) =>
  events.reduce<ProfileDocument | null>((doc, next) => evolveProfile(doc, next), null);

describe('profile projection', () => {
  it('given a registration, creates the profile at profile revision 0', () =>
    expect(project([registered])).toEqual({
      id: 'u1',
      userId: 'u1',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'L',
      createdAt: 't0',
      updatedAt: 't0',
      profileRevision: 0,
      revision: 0,
    }));
  it('given a rename, changes the names and moves the profile revision', () =>
    expect(project([registered, renamed])).toMatchObject({
      firstName: 'Augusta',
      updatedAt: 't1',
      profileRevision: 1,
      revision: 1,
    }));
  it('given a password change, moves the update time but not the profile revision', () =>
    expect(project([registered, renamed, passwordChanged])).toMatchObject({
      firstName: 'Augusta',
      profileRevision: 1,
      revision: 2,
      updatedAt: 't2',
    }));
  it('given a deletion, removes the profile', () =>
    expect(project([registered, renamed, deleted])).toBeNull());
  it('given erased personal fields (replay after deletion), creates nothing', () =>
    expect(
      project([
        event('AccountRegistered', 0, { ...registered.data, email: null, firstName: null }),
      ]),
    ).toBeNull());
  it('never stores the password hash', () =>
    expect(JSON.stringify(project([registered, passwordChanged]))).not.toContain('h2'));
  it('given two-factor turned on and a login with a code, shows it and keeps the profile revision', () =>
    expect(
      project([
        registered,
        event('TwoFactorSetupStarted', 1, { userId: 'u1', secret: 'S', startedAt: 't1' }),
        event('TwoFactorEnabled', 2, {
          userId: 'u1',
          recoveryCodeHashes: 'r0 r1',
          usedStep: 1,
          enabledAt: 't2',
        }),
        event('TwoFactorCodeUsed', 3, { userId: 'u1', step: 2, usedAt: 't3' }),
      ]),
    ).toMatchObject({ twoFactorEnabled: true, profileRevision: 0, updatedAt: 't0' }));
  it('given two-factor turned off, shows it off', () =>
    expect(
      project([
        registered,
        event('TwoFactorEnabled', 1, { userId: 'u1', recoveryCodeHashes: 'r', usedStep: 1 }),
        event('TwoFactorDisabled', 2, { userId: 'u1', disabledAt: 't2' }),
      ]),
    ).toMatchObject({ twoFactorEnabled: false, profileRevision: 0 }));
  it('never stores a TOTP secret or recovery-code hash', () =>
    expect(
      JSON.stringify(
        project([
          registered,
          event('TwoFactorSetupStarted', 1, { userId: 'u1', secret: 'SECRETXYZ', startedAt: 't' }),
          event('TwoFactorEnabled', 2, {
            userId: 'u1',
            recoveryCodeHashes: 'HASHXYZ',
            usedStep: 1,
          }),
        ]),
      ),
    ).not.toMatch(/SECRETXYZ|HASHXYZ/));
  it('given a theme, keeps it', () =>
    expect(
      project([
        registered,
        event('ThemeChanged', 1, { userId: 'u1', theme: 'dark', changedAt: 't1' }),
      ]),
    ).toMatchObject({ theme: 'dark', profileRevision: 0 }));
  it('given a rename after a password change and a theme, counts only the renames', () =>
    expect(
      project([
        registered,
        passwordChanged,
        event('ThemeChanged', 3, { userId: 'u1', theme: 'dark', changedAt: 't3' }),
        event('NameChanged', 4, { userId: 'u1', firstName: 'A', lastName: 'B', changedAt: 't4' }),
      ]),
    ).toMatchObject({ firstName: 'A', profileRevision: 1, revision: 4 }));
  it('given the same rename delivered twice (a replayed suffix), counts it once', () =>
    expect(project([registered, renamed, renamed, passwordChanged, renamed])).toEqual(
      project([registered, renamed, passwordChanged]),
    ));
  it('subscribes to no event that leaves the profile as it was', () =>
    expect([...profileProjection.eventTypes].sort()).toEqual(
      [
        'AccountDeleted',
        'AccountRegistered',
        'NameChanged',
        'PasswordChanged',
        'ThemeChanged',
        'TwoFactorDisabled',
        'TwoFactorEnabled',
      ].sort(),
    ));
});
