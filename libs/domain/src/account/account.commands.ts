import type { Theme } from './account.events';
import type { TwoFactorCommand } from './two-factor.commands';

export type RegisterAccount = {
  readonly type: 'RegisterAccount';
  readonly data: {
    readonly userId: string;
    /** Already normalised: trimmed and lower-cased. */
    readonly email: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly passwordHash: string;
    readonly now: string;
  };
};

export type ChangeName = {
  readonly type: 'ChangeName';
  readonly data: {
    readonly userId: string;
    readonly firstName?: string;
    readonly lastName?: string;
    /** From `If-Match`: the profile revision the client read; refused if it moved since. */
    readonly expectedProfileRevision?: number;
    readonly now: string;
  };
};

export type ChangePassword = {
  readonly type: 'ChangePassword';
  readonly data: {
    readonly userId: string;
    /** Checked against the stored hash by the caller (bcrypt is I/O, the domain is pure). */
    readonly currentPasswordMatches: boolean;
    readonly newPasswordIsCurrent: boolean;
    readonly newPasswordHash: string;
    readonly sessionId: string;
    readonly now: string;
  };
};

export type DeleteAccount = {
  readonly type: 'DeleteAccount';
  readonly data: {
    readonly userId: string;
    /** Checked against the stored hash by the caller, like ChangePassword. */
    readonly passwordMatches: boolean;
    readonly emailHash: string;
    readonly organizationIds: readonly string[];
    readonly apiKeyIds: readonly string[];
    readonly sessionIds: readonly string[];
    readonly now: string;
  };
};

export type ChangeTheme = {
  readonly type: 'ChangeTheme';
  readonly data: { readonly userId: string; readonly theme: Theme; readonly now: string };
};

export type AccountCommand =
  RegisterAccount | ChangeName | ChangePassword | DeleteAccount | ChangeTheme | TwoFactorCommand;
