import { deciderSpec } from '../shared/decider.spec-helper';
import { accountDecider } from './account.decide';
import type { AccountEvent } from './account.events';
import type { ActiveAccount } from './account.state';

const spec = deciderSpec(accountDecider);
const userId = 'u1';
const now = '2026-01-03T00:00:00.000Z';
const registered: AccountEvent = {
  type: 'AccountRegistered',
  data: {
    userId,
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    passwordHash: 'hash-0',
    registeredAt: '2026-01-01T00:00:00.000Z',
  },
};
const renamed = (firstName: string): AccountEvent => ({
  type: 'NameChanged',
  data: { userId, firstName, lastName: 'Lovelace', changedAt: now },
});
const passwordChanged: AccountEvent = {
  type: 'PasswordChanged',
  data: { userId, passwordHash: 'hash-1', keptSessionId: 's1', changedAt: now },
};
/** Everything two-factor and preferences record: none of it is edited through PATCH /me. */
const notProfileEdits: AccountEvent[] = [
  { type: 'ThemeChanged', data: { userId, theme: 'dark', changedAt: now } },
  { type: 'TwoFactorSetupStarted', data: { userId, secret: 'S', startedAt: now } },
  {
    type: 'TwoFactorEnabled',
    data: { userId, recoveryCodeHashes: 'r', usedStep: 1, enabledAt: now },
  },
  { type: 'TwoFactorCodeUsed', data: { userId, step: 2, usedAt: now } },
  { type: 'TwoFactorCodeRejected', data: { userId, rejectedAt: now } },
  { type: 'RecoveryCodeUsed', data: { userId, codeIndex: 0, remaining: 0, usedAt: now } },
  { type: 'TwoFactorDisabled', data: { userId, disabledAt: now } },
];
const profileRevisionAfter = (events: AccountEvent[]) =>
  (events.reduce(accountDecider.evolve, accountDecider.initialState()) as ActiveAccount)
    .profileRevision;
const rename = (firstName: string, expectedProfileRevision?: number) =>
  ({ type: 'ChangeName', data: { userId, firstName, expectedProfileRevision, now } }) as const;

describe('the profile revision (the ETag of GET /me)', () => {
  describe('fold', () => {
    it('given a registration, is 0', () => expect(profileRevisionAfter([registered])).toBe(0));
    it('given two renames, is 2', () =>
      expect(profileRevisionAfter([registered, renamed('A'), renamed('B')])).toBe(2));
    it('given a password change, does not move', () =>
      expect(profileRevisionAfter([registered, renamed('A'), passwordChanged])).toBe(1));
    it('given a theme, two-factor on, logins with codes, a wrong code, two-factor off: does not move', () =>
      expect(profileRevisionAfter([registered, ...notProfileEdits])).toBe(0));
  });

  describe('ChangeName with If-Match', () => {
    it('given the current profile revision, records the rename', () =>
      spec
        .given([registered, renamed('A')])
        .when(rename('B', 1))
        .then([
          {
            type: 'NameChanged',
            data: { userId, firstName: 'B', lastName: 'Lovelace', changedAt: now },
          },
        ]));
    it('given a password change since the read, still records the rename', () =>
      spec
        .given([registered, passwordChanged])
        .when(rename('B', 0))
        .then([renamed('B')]));
    it('given two-factor, logins and a theme since the read, still records the rename', () =>
      spec
        .given([registered, ...notProfileEdits])
        .when(rename('B', 0))
        .then([renamed('B')]));
    it('given a rename since the read (another tab), refuses as stale', () =>
      spec
        .given([registered, renamed('A')])
        .when(rename('B', 0))
        .thenThrows('STALE_REVISION'));
    it('given a revision not reached yet, refuses as stale', () =>
      spec.given([registered]).when(rename('B', 1)).thenThrows('STALE_REVISION'));
    it('given a stale revision and the names already current, still refuses', () =>
      spec
        .given([registered, renamed('A')])
        .when(rename('A', 0))
        .thenThrows('STALE_REVISION'));
    it('given no If-Match, records the rename whatever the revision', () =>
      spec
        .given([registered, renamed('A'), renamed('B')])
        .when(rename('C'))
        .then([renamed('C')]));
  });
});
