/**
 * Events of `signin-{userId}`: failed logins to an existing account, for its owner's security
 * log. Apart from the account stream so that a stranger's guesses never move the profile's
 * revision or race the owner's own writes. Client fields are personal data, encrypted.
 */
export type LoginFailed = {
  readonly type: 'LoginFailed';
  readonly data: {
    readonly userId: string;
    readonly reason: 'wrong_password';
    readonly userAgent: string | null;
    readonly ipAddress: string | null;
    readonly failedAt: string;
  };
};

export type SignInEvent = LoginFailed;
