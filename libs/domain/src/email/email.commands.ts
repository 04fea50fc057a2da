export type ReserveEmail = {
  readonly type: 'ReserveEmail';
  readonly data: {
    readonly emailHash: string;
    readonly userId: string;
    /**
     * The current holder's account: `deleted` frees the address at once (the erasure cascade
     * may not have released it yet); `missing` is a registration that crashed between
     * reserving the address and creating the account.
     */
    readonly holder: 'active' | 'deleted' | 'missing';
    readonly now: string;
  };
};

export type ReleaseEmail = {
  readonly type: 'ReleaseEmail';
  readonly data: { readonly emailHash: string; readonly userId: string; readonly now: string };
};

export type EmailCommand = ReserveEmail | ReleaseEmail;
