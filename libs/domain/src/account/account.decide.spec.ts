import { deciderSpec } from '../shared/decider.spec-helper';
import { accountDecider } from './account.decide';
import type { AccountEvent } from './account.events';

const spec = deciderSpec(accountDecider);
const userId = 'u1';
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
const undo = { emailHash: 'eh', organizationIds: ['o1'], apiKeyIds: ['k1'], sessionIds: ['s1'] };
const deleted: AccountEvent = {
  type: 'AccountDeleted',
  data: { userId, deletedAt: '2026-02-01T00:00:00.000Z', ...undo },
};
const now = '2026-01-02T00:00:00.000Z';

describe('account decider', () => {
  describe('RegisterAccount', () => {
    const register = {
      type: 'RegisterAccount',
      data: { ...registered.data, now: registered.data.registeredAt },
    } as const;
    const { registeredAt: _ignored, ...withoutTime } = registered.data;
    void _ignored;

    it('given no account, registers it', () =>
      spec
        .given([])
        .when({ type: 'RegisterAccount', data: { ...withoutTime, now } })
        .then([{ type: 'AccountRegistered', data: { ...withoutTime, registeredAt: now } }]));
    it('given an existing account, refuses', () =>
      spec.given([registered]).when(register).thenThrows('ACCOUNT_ALREADY_EXISTS'));
    it('given a deleted account, refuses to reuse its id', () =>
      spec.given([registered, deleted]).when(register).thenThrows('ACCOUNT_ALREADY_EXISTS'));
  });

  describe('ChangeName', () => {
    it('given an account, records the new names', () =>
      spec
        .given([registered])
        .when({ type: 'ChangeName', data: { userId, firstName: 'Augusta', now } })
        .then([
          {
            type: 'NameChanged',
            data: { userId, firstName: 'Augusta', lastName: 'Lovelace', changedAt: now },
          },
        ]));
    it('given the same names again, records nothing', () =>
      spec
        .given([registered])
        .when({ type: 'ChangeName', data: { userId, firstName: 'Ada', lastName: 'Lovelace', now } })
        .thenNothingHappens());
    it('given a name that was already changed to this value, records nothing', () =>
      spec
        .given([
          registered,
          {
            type: 'NameChanged',
            data: { userId, firstName: 'Augusta', lastName: 'Lovelace', changedAt: now },
          },
        ])
        .when({ type: 'ChangeName', data: { userId, firstName: 'Augusta', now } })
        .thenNothingHappens());
    it('given no account, refuses', () =>
      spec
        .given([])
        .when({ type: 'ChangeName', data: { userId, firstName: 'X', now } })
        .thenThrows('ACCOUNT_NOT_FOUND'));
    it('given a deleted account, refuses', () =>
      spec
        .given([registered, deleted])
        .when({ type: 'ChangeName', data: { userId, firstName: 'X', now } })
        .thenThrows('ACCOUNT_NOT_FOUND'));
  });

  describe('ChangePassword', () => {
    const change = (overrides: {
      currentPasswordMatches?: boolean;
      newPasswordIsCurrent?: boolean;
    }) =>
      ({
        type: 'ChangePassword',
        data: {
          userId,
          currentPasswordMatches: true,
          newPasswordIsCurrent: false,
          newPasswordHash: 'hash-1',
          sessionId: 's1',
          now,
          ...overrides,
        },
      }) as const;

    it('given the right current password, records the change and keeps the session', () =>
      spec
        .given([registered])
        .when(change({}))
        .then([
          {
            type: 'PasswordChanged',
            data: { userId, passwordHash: 'hash-1', keptSessionId: 's1', changedAt: now },
          },
        ]));
    it('given a wrong current password, refuses', () =>
      spec
        .given([registered])
        .when(change({ currentPasswordMatches: false }))
        .thenThrows('WRONG_CURRENT_PASSWORD'));
    it('given the current password as the new one, records nothing', () =>
      spec
        .given([registered])
        .when(change({ newPasswordIsCurrent: true }))
        .thenNothingHappens());
    it('given a deleted account, refuses', () =>
      spec.given([registered, deleted]).when(change({})).thenThrows('ACCOUNT_NOT_FOUND'));
  });

  describe('DeleteAccount', () => {
    const remove = {
      type: 'DeleteAccount',
      data: { userId, passwordMatches: true, ...undo, now },
    } as const;
    it('given an account and its password, deletes it with what the cascade must undo', () =>
      spec
        .given([registered])
        .when(remove)
        .then([{ type: 'AccountDeleted', data: { userId, deletedAt: now, ...undo } }]));
    it('given a wrong password, refuses', () =>
      spec
        .given([registered])
        .when({ ...remove, data: { ...remove.data, passwordMatches: false } })
        .thenThrows('WRONG_PASSWORD'));
    it('given a deleted account, records nothing', () =>
      spec.given([registered, deleted]).when(remove).thenNothingHappens());
    it('given no account, refuses', () =>
      spec.given([]).when(remove).thenThrows('ACCOUNT_NOT_FOUND'));
  });

  describe('evolve', () => {
    it('bumps the password version on each change', () => {
      const state = [
        registered,
        {
          type: 'PasswordChanged',
          data: { userId, passwordHash: 'h1', keptSessionId: 's1', changedAt: now },
        } as const,
      ].reduce(accountDecider.evolve, accountDecider.initialState());
      expect(state).toMatchObject({ status: 'active', passwordVersion: 1, keptSessionId: 's1' });
    });
  });
});
