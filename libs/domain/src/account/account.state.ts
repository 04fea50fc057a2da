import type { AccountEvent } from './account.events';

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
      };
    case 'NameChanged':
      if (state.status !== 'active') return state;
      return {
        ...state,
        firstName: event.data.firstName,
        lastName: event.data.lastName,
        updatedAt: event.data.changedAt,
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
    default:
      return state;
  }
}
