import { assertNever, type Decider } from '../shared/decider';
import type {
  AccountCommand,
  ChangeName,
  ChangePassword,
  DeleteAccount,
  RegisterAccount,
} from './account.commands';
import {
  AccountAlreadyExists,
  AccountNotFound,
  StaleProfileRevision,
  WrongCurrentPassword,
  WrongPassword,
} from './account.errors';
import type { AccountEvent } from './account.events';
import {
  evolveAccount,
  initialAccountState,
  type AccountState,
  type ActiveAccount,
} from './account.state';
import {
  changeTheme,
  confirmTwoFactor,
  disableTwoFactor,
  startTwoFactorSetup,
  verifySecondFactor,
} from './two-factor.decide';

function requireActive(state: AccountState): ActiveAccount {
  if (state.status !== 'active') throw new AccountNotFound();
  return state;
}

export function register(command: RegisterAccount, state: AccountState): AccountEvent[] {
  if (state.status !== 'none') throw new AccountAlreadyExists();
  const { now, ...account } = command.data;
  return [{ type: 'AccountRegistered', data: { ...account, registeredAt: now } }];
}

export function changeName(command: ChangeName, state: AccountState): AccountEvent[] {
  const account = requireActive(state);
  const expected = command.data.expectedProfileRevision;
  if (expected !== undefined && expected !== account.profileRevision)
    throw new StaleProfileRevision();
  const firstName = command.data.firstName ?? account.firstName ?? '';
  const lastName = command.data.lastName ?? account.lastName ?? '';
  if (firstName === account.firstName && lastName === account.lastName) return [];
  return [
    {
      type: 'NameChanged',
      data: { userId: account.userId, firstName, lastName, changedAt: command.data.now },
    },
  ];
}

export function changePassword(command: ChangePassword, state: AccountState): AccountEvent[] {
  const account = requireActive(state);
  if (!command.data.currentPasswordMatches) throw new WrongCurrentPassword();
  if (command.data.newPasswordIsCurrent) return [];
  return [
    {
      type: 'PasswordChanged',
      data: {
        userId: account.userId,
        passwordHash: command.data.newPasswordHash,
        keptSessionId: command.data.sessionId,
        changedAt: command.data.now,
      },
    },
  ];
}

export function deleteAccount(command: DeleteAccount, state: AccountState): AccountEvent[] {
  if (state.status === 'deleted') return [];
  const account = requireActive(state);
  const { passwordMatches, now, userId: _userId, ...undo } = command.data;
  if (!passwordMatches) throw new WrongPassword();
  return [{ type: 'AccountDeleted', data: { userId: account.userId, deletedAt: now, ...undo } }];
}

export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'RegisterAccount':
      return register(command, state);
    case 'ChangeName':
      return changeName(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'DeleteAccount':
      return deleteAccount(command, state);
    case 'ChangeTheme':
      return changeTheme(command, state);
    case 'StartTwoFactorSetup':
      return startTwoFactorSetup(command, state);
    case 'ConfirmTwoFactor':
      return confirmTwoFactor(command, state);
    case 'VerifySecondFactor':
      return verifySecondFactor(command, state);
    case 'DisableTwoFactor':
      return disableTwoFactor(command, state);
    default:
      return assertNever(command);
  }
}

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide: decideAccount,
};
