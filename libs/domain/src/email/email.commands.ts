export type ReserveEmail = {
  readonly type: 'ReserveEmail';
  readonly data: {
    readonly emailHash: string;
    readonly userId: string;
    /**
     * Whether the current holder's account exists. A registration that crashed between
     * reserving the address and creating the account leaves a holder that never existed.
     */
    readonly holderExists: boolean;
    readonly now: string;
  };
};

export type ReleaseEmail = {
  readonly type: 'ReleaseEmail';
  readonly data: { readonly emailHash: string; readonly userId: string; readonly now: string };
};

export type EmailCommand = ReserveEmail | ReleaseEmail;
