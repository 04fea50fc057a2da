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
  /** Revision of `account-{userId}` this document reflects: the profile's ETag. */
  readonly revision: number;
};

export const PROFILES: CollectionDefinition = { name: 'profiles_v1', indexes: [] };
