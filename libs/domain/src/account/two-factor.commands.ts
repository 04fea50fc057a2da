/**
 * Two-factor commands. TOTP arithmetic, HMACs and bcrypt are I/O or clock work done by the
 * caller; the commands carry their outcome as facts (which time step a code matched, which
 * recovery code it was), and the decider rules on replay, single use and state.
 */
export type StartTwoFactorSetup = {
  readonly type: 'StartTwoFactorSetup';
  readonly data: {
    readonly userId: string;
    readonly passwordMatches: boolean;
    readonly secret: string;
    readonly now: string;
  };
};

export type ConfirmTwoFactor = {
  readonly type: 'ConfirmTwoFactor';
  readonly data: {
    readonly userId: string;
    /** The time step the code matched under the pending secret, or null. */
    readonly matchedStep: number | null;
    readonly recoveryCodeHashes: readonly string[];
    readonly now: string;
  };
};

/** What a presented second-factor code turned out to be. */
export type SecondFactorMatch = {
  /** The TOTP time step it matched (one step either side of now), or null. */
  readonly matchedStep: number | null;
  /** The index of the recovery code it matched, or null. */
  readonly recoveryCodeIndex: number | null;
};

export type VerifySecondFactor = {
  readonly type: 'VerifySecondFactor';
  readonly data: SecondFactorMatch & { readonly userId: string; readonly now: string };
};

export type DisableTwoFactor = {
  readonly type: 'DisableTwoFactor';
  readonly data: SecondFactorMatch & {
    readonly userId: string;
    readonly passwordMatches: boolean;
    readonly now: string;
  };
};

export type TwoFactorCommand =
  StartTwoFactorSetup | ConfirmTwoFactor | VerifySecondFactor | DisableTwoFactor;
