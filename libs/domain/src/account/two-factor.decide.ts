import type { ChangeTheme } from './account.commands';
import {
  AccountNotFound,
  InvalidTwoFactorCode,
  TwoFactorAlreadyEnabled,
  TwoFactorSetupNotStarted,
  WrongPassword,
} from './account.errors';
import type { AccountEvent } from './account.events';
import type { AccountState, ActiveAccount } from './account.state';
import type {
  ConfirmTwoFactor,
  DisableTwoFactor,
  SecondFactorMatch,
  StartTwoFactorSetup,
  VerifySecondFactor,
} from './two-factor.commands';
import type { TwoFactorState } from './two-factor.state';

function requireActive(state: AccountState): ActiveAccount {
  if (state.status !== 'active') throw new AccountNotFound();
  return state;
}

export function changeTheme(command: ChangeTheme, state: AccountState): AccountEvent[] {
  const account = requireActive(state);
  const { userId, theme, now } = command.data;
  if (account.theme === theme) return [];
  return [{ type: 'ThemeChanged', data: { userId, theme, changedAt: now } }];
}

export function startTwoFactorSetup(
  command: StartTwoFactorSetup,
  state: AccountState,
): AccountEvent[] {
  const account = requireActive(state);
  if (!command.data.passwordMatches) throw new WrongPassword();
  if (account.twoFactor.enabled) throw new TwoFactorAlreadyEnabled();
  const { userId, secret, now } = command.data;
  return [{ type: 'TwoFactorSetupStarted', data: { userId, secret, startedAt: now } }];
}

export function confirmTwoFactor(command: ConfirmTwoFactor, state: AccountState): AccountEvent[] {
  const account = requireActive(state);
  if (account.twoFactor.enabled) throw new TwoFactorAlreadyEnabled();
  if (account.twoFactor.pendingSecret === null) throw new TwoFactorSetupNotStarted();
  const { userId, matchedStep, recoveryCodeHashes, now } = command.data;
  if (matchedStep === null) throw new InvalidTwoFactorCode();
  return [
    {
      type: 'TwoFactorEnabled',
      data: {
        userId,
        recoveryCodeHashes: recoveryCodeHashes.join(' '),
        usedStep: matchedStep,
        enabledAt: now,
      },
    },
  ];
}

/** The event that spends a presented code, or null when it is wrong, replayed or already used. */
function spend(
  twoFactor: TwoFactorState,
  match: SecondFactorMatch,
  userId: string,
  now: string,
): AccountEvent | null {
  if (match.matchedStep !== null && match.matchedStep > twoFactor.lastUsedStep)
    return { type: 'TwoFactorCodeUsed', data: { userId, step: match.matchedStep, usedAt: now } };
  const index = match.recoveryCodeIndex;
  if (index !== null && typeof twoFactor.recoveryCodeHashes[index] === 'string') {
    const remaining = twoFactor.recoveryCodeHashes.filter((hash) => hash !== null).length - 1;
    return { type: 'RecoveryCodeUsed', data: { userId, codeIndex: index, remaining, usedAt: now } };
  }
  return null;
}

/**
 * The second step of a login. A wrong or replayed code is recorded too (the throttle counts
 * it on every instance): the caller refuses the login when it sees TwoFactorCodeRejected.
 */
export function verifySecondFactor(
  command: VerifySecondFactor,
  state: AccountState,
): AccountEvent[] {
  const account = requireActive(state);
  const { userId, now } = command.data;
  if (!account.twoFactor.enabled) throw new InvalidTwoFactorCode();
  const spent = spend(account.twoFactor, command.data, userId, now);
  return [spent ?? { type: 'TwoFactorCodeRejected', data: { userId, rejectedAt: now } }];
}

export function disableTwoFactor(command: DisableTwoFactor, state: AccountState): AccountEvent[] {
  const account = requireActive(state);
  const { userId, passwordMatches, now } = command.data;
  if (!passwordMatches) throw new WrongPassword();
  if (!account.twoFactor.enabled) return [];
  const spent = spend(account.twoFactor, command.data, userId, now);
  if (!spent) throw new InvalidTwoFactorCode();
  return [spent, { type: 'TwoFactorDisabled', data: { userId, disabledAt: now } }];
}
