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
  /**
   * The profile's revision, its ETag: the account state's `profileRevision` (0 at
   * registration, +1 per NameChanged), not the stream's revision. v1 held the stream's.
   */
  readonly profileRevision: number;
  /**
   * Revision of `account-{userId}` of the last event applied: an event at or below it is a
   * replay and changes nothing, so the count above is never taken twice.
   */
  readonly revision: number;
};

/** v2: the ETag moved from `revision` to `profileRevision` (rebuild the projector once). */
export const PROFILES: CollectionDefinition = { name: 'profiles_v2', indexes: [] };
