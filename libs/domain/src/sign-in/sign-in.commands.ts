export type RecordFailedLogin = {
  readonly type: 'RecordFailedLogin';
  readonly data: {
    readonly userId: string;
    readonly userAgent: string | null;
    readonly ipAddress: string | null;
    readonly now: string;
  };
};

export type SignInCommand = RecordFailedLogin;
