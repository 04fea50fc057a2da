/**
 * Two-factor events of `account-{userId}`. The TOTP secret and the recovery-code hashes are
 * personal fields (see account.personal-data.ts): encrypted with the account's data key, so
 * erasure shreds them with the rest of the person.
 */
export type TwoFactorSetupStarted = {
  readonly type: 'TwoFactorSetupStarted';
  readonly data: {
    readonly userId: string;
    /** Base32 TOTP secret, pending until a code from it is confirmed. */
    readonly secret: string;
    readonly startedAt: string;
  };
};

export type TwoFactorEnabled = {
  readonly type: 'TwoFactorEnabled';
  readonly data: {
    readonly userId: string;
    /** HMACs of the ten recovery codes, space-separated (one string, so it can be encrypted). */
    readonly recoveryCodeHashes: string;
    /** The time step of the confirming code: it cannot be used again. */
    readonly usedStep: number;
    readonly enabledAt: string;
  };
};

/** A TOTP code was accepted: its time step and every earlier one are spent. */
export type TwoFactorCodeUsed = {
  readonly type: 'TwoFactorCodeUsed';
  readonly data: { readonly userId: string; readonly step: number; readonly usedAt: string };
};

export type RecoveryCodeUsed = {
  readonly type: 'RecoveryCodeUsed';
  readonly data: {
    readonly userId: string;
    readonly codeIndex: number;
    readonly remaining: number;
    readonly usedAt: string;
  };
};

/** A wrong or replayed second-factor code at login: counted for throttling, shown in the log. */
export type TwoFactorCodeRejected = {
  readonly type: 'TwoFactorCodeRejected';
  readonly data: { readonly userId: string; readonly rejectedAt: string };
};

export type TwoFactorDisabled = {
  readonly type: 'TwoFactorDisabled';
  readonly data: { readonly userId: string; readonly disabledAt: string };
};

export type TwoFactorEvent =
  | TwoFactorSetupStarted
  | TwoFactorEnabled
  | TwoFactorCodeUsed
  | RecoveryCodeUsed
  | TwoFactorCodeRejected
  | TwoFactorDisabled;
