import { deciderSpec } from '../shared/decider.spec-helper';
import { accountDecider } from './account.decide';
import type { AccountEvent } from './account.events';
import { secondFactorLockedUntil } from './two-factor.state';

const spec = deciderSpec(accountDecider);
const userId = 'u1';
const now = '2026-01-02T00:00:00.000Z';
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
const setupStarted: AccountEvent = {
  type: 'TwoFactorSetupStarted',
  data: { userId, secret: 'SECRET', startedAt: now },
};
const enabled: AccountEvent = {
  type: 'TwoFactorEnabled',
  data: { userId, recoveryCodeHashes: 'r0 r1 r2', usedStep: 100, enabledAt: now },
};
const noMatch = { matchedStep: null, recoveryCodeIndex: null };
const verify = (match: { matchedStep: number | null; recoveryCodeIndex: number | null }) =>
  ({ type: 'VerifySecondFactor', data: { userId, now, ...match } }) as const;
const disable = (
  match: { matchedStep: number | null; recoveryCodeIndex: number | null },
  passwordMatches = true,
) => ({ type: 'DisableTwoFactor', data: { userId, now, passwordMatches, ...match } }) as const;

describe('account decider: two-factor authentication', () => {
  describe('StartTwoFactorSetup', () => {
    const start = (passwordMatches: boolean) =>
      ({
        type: 'StartTwoFactorSetup',
        data: { userId, passwordMatches, secret: 'SECRET', now },
      }) as const;
    it('given the password, records a pending secret', () =>
      spec.given([registered]).when(start(true)).then([setupStarted]));
    it('given a wrong password, refuses', () =>
      spec.given([registered]).when(start(false)).thenThrows('WRONG_PASSWORD'));
    it('given two-factor already on, refuses', () =>
      spec
        .given([registered, setupStarted, enabled])
        .when(start(true))
        .thenThrows('TWO_FACTOR_ALREADY_ENABLED'));
  });

  describe('ConfirmTwoFactor', () => {
    const confirm = (matchedStep: number | null) =>
      ({
        type: 'ConfirmTwoFactor',
        data: { userId, matchedStep, recoveryCodeHashes: ['r0', 'r1', 'r2'], now },
      }) as const;
    it('given a pending secret and a matching code, turns two-factor on', () =>
      spec.given([registered, setupStarted]).when(confirm(100)).then([enabled]));
    it('given a code that matches no step, refuses', () =>
      spec
        .given([registered, setupStarted])
        .when(confirm(null))
        .thenThrows('INVALID_TWO_FACTOR_CODE'));
    it('given no pending setup, refuses', () =>
      spec.given([registered]).when(confirm(100)).thenThrows('TWO_FACTOR_SETUP_NOT_STARTED'));
    it('given two-factor already on, refuses', () =>
      spec
        .given([registered, setupStarted, enabled])
        .when(confirm(101))
        .thenThrows('TWO_FACTOR_ALREADY_ENABLED'));
  });

  describe('VerifySecondFactor', () => {
    const on = [registered, setupStarted, enabled];
    it('given a code of a later step, spends it', () =>
      spec
        .given(on)
        .when(verify({ matchedStep: 101, recoveryCodeIndex: null }))
        .then([{ type: 'TwoFactorCodeUsed', data: { userId, step: 101, usedAt: now } }]));
    it('given the step already spent (replay), records a rejection', () =>
      spec
        .given([...on, { type: 'TwoFactorCodeUsed', data: { userId, step: 101, usedAt: now } }])
        .when(verify({ matchedStep: 101, recoveryCodeIndex: null }))
        .then([{ type: 'TwoFactorCodeRejected', data: { userId, rejectedAt: now } }]));
    it('given the confirming step, refuses it too', () =>
      spec
        .given(on)
        .when(verify({ matchedStep: 100, recoveryCodeIndex: null }))
        .then([{ type: 'TwoFactorCodeRejected', data: { userId, rejectedAt: now } }]));
    it('given an unused recovery code, spends it once', () =>
      spec
        .given(on)
        .when(verify({ matchedStep: null, recoveryCodeIndex: 1 }))
        .then([
          { type: 'RecoveryCodeUsed', data: { userId, codeIndex: 1, remaining: 2, usedAt: now } },
        ]));
    it('given a used recovery code, records a rejection', () =>
      spec
        .given([
          ...on,
          { type: 'RecoveryCodeUsed', data: { userId, codeIndex: 1, remaining: 2, usedAt: now } },
        ])
        .when(verify({ matchedStep: null, recoveryCodeIndex: 1 }))
        .then([{ type: 'TwoFactorCodeRejected', data: { userId, rejectedAt: now } }]));
    it('given a wrong code, records a rejection', () =>
      spec
        .given(on)
        .when(verify(noMatch))
        .then([{ type: 'TwoFactorCodeRejected', data: { userId, rejectedAt: now } }]));
    it('given two-factor off, refuses', () =>
      spec.given([registered]).when(verify(noMatch)).thenThrows('INVALID_TWO_FACTOR_CODE'));
  });

  describe('DisableTwoFactor', () => {
    const on = [registered, setupStarted, enabled];
    it('given the password and a code, spends the code and turns two-factor off', () =>
      spec
        .given(on)
        .when(disable({ matchedStep: 102, recoveryCodeIndex: null }))
        .then([
          { type: 'TwoFactorCodeUsed', data: { userId, step: 102, usedAt: now } },
          { type: 'TwoFactorDisabled', data: { userId, disabledAt: now } },
        ]));
    it('given a wrong password, refuses', () =>
      spec
        .given(on)
        .when(disable({ matchedStep: 102, recoveryCodeIndex: null }, false))
        .thenThrows('WRONG_PASSWORD'));
    it('given a wrong code, refuses', () =>
      spec.given(on).when(disable(noMatch)).thenThrows('INVALID_TWO_FACTOR_CODE'));
    it('given two-factor already off, records nothing', () =>
      spec.given([registered]).when(disable(noMatch)).thenNothingHappens());
  });

  describe('ChangeTheme', () => {
    const change = (theme: 'system' | 'light' | 'dark') =>
      ({ type: 'ChangeTheme', data: { userId, theme, now } }) as const;
    it('given another theme, records it', () =>
      spec
        .given([registered])
        .when(change('dark'))
        .then([{ type: 'ThemeChanged', data: { userId, theme: 'dark', changedAt: now } }]));
    it('given the default again, records nothing', () =>
      spec.given([registered]).when(change('system')).thenNothingHappens());
    it('given the same theme again, records nothing', () =>
      spec
        .given([
          registered,
          { type: 'ThemeChanged', data: { userId, theme: 'dark', changedAt: now } },
        ])
        .when(change('dark'))
        .thenNothingHappens());
    it('given no account, refuses', () =>
      spec.given([]).when(change('dark')).thenThrows('ACCOUNT_NOT_FOUND'));
  });

  describe('secondFactorLockedUntil', () => {
    const rejected = (at: string): AccountEvent => ({
      type: 'TwoFactorCodeRejected',
      data: { userId, rejectedAt: at },
    });
    const stateAfter = (events: AccountEvent[]) => {
      const state = events.reduce(accountDecider.evolve, accountDecider.initialState());
      if (state.status !== 'active') throw new Error('not active');
      return state.twoFactor;
    };
    const times = [1, 2, 3, 4, 5].map((minute) => `2026-01-02T00:0${minute}:00.000Z`);
    const on = [registered, setupStarted, enabled];
    it('locks after five rejections within the window, until the first leaves it', () =>
      expect(
        secondFactorLockedUntil(
          stateAfter([...on, ...times.map(rejected)]),
          '2026-01-02T00:06:00.000Z',
          5,
          15 * 60_000,
        ),
      ).toBe('2026-01-02T00:16:00.000Z'));
    it('does not lock after four', () =>
      expect(
        secondFactorLockedUntil(
          stateAfter([...on, ...times.slice(1).map(rejected)]),
          '2026-01-02T00:06:00.000Z',
          5,
          15 * 60_000,
        ),
      ).toBeNull());
    it('forgets rejections once a code is accepted', () =>
      expect(
        secondFactorLockedUntil(
          stateAfter([
            ...on,
            ...times.map(rejected),
            { type: 'TwoFactorCodeUsed', data: { userId, step: 200, usedAt: now } },
          ]),
          '2026-01-02T00:06:00.000Z',
          5,
          15 * 60_000,
        ),
      ).toBeNull());
  });
});
