import type { TwoFactorEvent } from './two-factor.events';

/**
 * Events of `account-{userId}`. Type strings are the api ↔ projector contract: never rename.
 * Personal fields (see account.personal-data.ts) are encrypted before they reach the log and
 * read back as null once the account's data key is destroyed.
 */
export type AccountRegistered = {
  readonly type: 'AccountRegistered';
  readonly data: {
    readonly userId: string;
    readonly email: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly passwordHash: string;
    readonly registeredAt: string;
  };
};

export type NameChanged = {
  readonly type: 'NameChanged';
  readonly data: {
    readonly userId: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly changedAt: string;
  };
};

export type PasswordChanged = {
  readonly type: 'PasswordChanged';
  readonly data: {
    readonly userId: string;
    readonly passwordHash: string;
    /** The session that made the change stays valid; every other one ends. */
    readonly keptSessionId: string;
    readonly changedAt: string;
  };
};

/**
 * Carries what the erasure cascade must undo, gathered when the deletion was decided, so
 * the cascade is driven by the log alone and can resume after a crash at any step.
 */
export type AccountDeleted = {
  readonly type: 'AccountDeleted';
  readonly data: {
    readonly userId: string;
    readonly deletedAt: string;
    /**
     * Keyed hash of the login email: its reservation stream is released. Personal data:
     * reads as null once the account's data key is destroyed.
     */
    readonly emailHash: string | null;
    readonly organizationIds: readonly string[];
    readonly apiKeyIds: readonly string[];
    readonly sessionIds: readonly string[];
  };
};

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The appearance preference; an account that never chose has `system`. */
export type ThemeChanged = {
  readonly type: 'ThemeChanged';
  readonly data: { readonly userId: string; readonly theme: Theme; readonly changedAt: string };
};

export type AccountEvent =
  | AccountRegistered
  | NameChanged
  | PasswordChanged
  | AccountDeleted
  | ThemeChanged
  | TwoFactorEvent;
