import type { AccountEvent, Theme } from './account.events';
import { evolveTwoFactor, initialTwoFactor, type TwoFactorState } from './two-factor.state';

export type ActiveAccount = {
  readonly status: 'active';
  readonly userId: string;
  /** Null only when read back after erasure. */
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly passwordHash: string | null;
  /** Bumped by each password change; a session started under an older one has ended. */
  readonly passwordVersion: number;
  readonly keptSessionId: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
  /**
   * The profile's revision, `GET /me`'s ETag: 0 at registration, +1 per NameChanged. Only
   * what `PATCH /me` edits moves it: a password, theme or second-factor change does not.
   */
  readonly profileRevision: number;
  readonly theme: Theme;
  readonly twoFactor: TwoFactorState;
};

export type AccountState =
  | { readonly status: 'none' }
  | ActiveAccount
  | { readonly status: 'deleted'; readonly userId: string; readonly deletedAt: string };

export const initialAccountState = (): AccountState => ({ status: 'none' });

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountRegistered':
      return {
        status: 'active',
        userId: event.data.userId,
        email: event.data.email,
        firstName: event.data.firstName,
        lastName: event.data.lastName,
        passwordHash: event.data.passwordHash,
        passwordVersion: 0,
        keptSessionId: null,
        registeredAt: event.data.registeredAt,
        updatedAt: event.data.registeredAt,
        profileRevision: 0,
        theme: 'system',
        twoFactor: initialTwoFactor(),
      };
    case 'NameChanged':
      if (state.status !== 'active') return state;
      return {
        ...state,
        firstName: event.data.firstName,
        lastName: event.data.lastName,
        updatedAt: event.data.changedAt,
        profileRevision: state.profileRevision + 1,
      };
    case 'PasswordChanged':
      if (state.status !== 'active') return state;
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        passwordVersion: state.passwordVersion + 1,
        keptSessionId: event.data.keptSessionId,
        updatedAt: event.data.changedAt,
      };
    case 'AccountDeleted':
      return { status: 'deleted', userId: event.data.userId, deletedAt: event.data.deletedAt };
    case 'ThemeChanged':
      if (state.status !== 'active') return state;
      return { ...state, theme: event.data.theme };
    case 'TwoFactorSetupStarted':
    case 'TwoFactorEnabled':
    case 'TwoFactorCodeUsed':
    case 'RecoveryCodeUsed':
    case 'TwoFactorCodeRejected':
    case 'TwoFactorDisabled':
      if (state.status !== 'active') return state;
      return { ...state, twoFactor: evolveTwoFactor(state.twoFactor, event) };
    default:
      return state;
  }
}
