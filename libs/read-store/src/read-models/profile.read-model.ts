import type { CollectionDefinition } from '../read-store.port';

/** `GET /me`: one document per living account, id = userId. */
export type ProfileDocument = {
  readonly id: string;
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Absent in documents written before two-factor existed: false. */
  readonly twoFactorEnabled?: boolean;
  /** Absent until first changed: `system`. */
  readonly theme?: 'system' | 'light' | 'dark';
  /** Revision of `account-{userId}` this document reflects: the profile's ETag. */
  readonly revision: number;
};

export const PROFILES: CollectionDefinition = { name: 'profiles_v1', indexes: [] };
