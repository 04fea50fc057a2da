import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { PROFILES, type ProfileDocument } from '@app/read-store/read-models/profile.read-model';

/**
 * A person as an audit page shows them: named while they exist and the caller may see them,
 * "erased" once their account is gone, and otherwise just their id.
 */
export type PersonView =
  | {
      readonly userId: string;
      readonly email: string;
      readonly firstName: string;
      readonly lastName: string;
    }
  | { readonly userId: string; readonly erased: true }
  | { readonly userId: string };

@Injectable()
export class PeopleDirectory {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** `visible`: whom the caller may see named (current members, to holders of members:read). */
  async describe(
    userIds: Iterable<string>,
    visible: ReadonlySet<string>,
  ): Promise<Record<string, PersonView>> {
    const people: Record<string, PersonView> = {};
    for (const userId of new Set(userIds)) {
      const profile = await this.readStore.get<ProfileDocument>(PROFILES.name, userId);
      if (!profile) people[userId] = { userId, erased: true };
      else if (!visible.has(userId)) people[userId] = { userId };
      else
        people[userId] = {
          userId,
          email: profile.email,
          firstName: profile.firstName,
          lastName: profile.lastName,
        };
    }
    return people;
  }
}
