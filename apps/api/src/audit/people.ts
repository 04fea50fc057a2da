import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { PROFILES, type ProfileDocument } from '@app/read-store/read-models/profile.read-model';

/** A person as an audit trail shows them: who they are while they exist, "erased" after. */
export type PersonView =
  | {
      readonly userId: string;
      readonly email: string;
      readonly firstName: string;
      readonly lastName: string;
    }
  | { readonly userId: string; readonly erased: true };

@Injectable()
export class PeopleDirectory {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async describe(userIds: Iterable<string>): Promise<Record<string, PersonView>> {
    const people: Record<string, PersonView> = {};
    for (const userId of new Set(userIds)) {
      const profile = await this.readStore.get<ProfileDocument>(PROFILES.name, userId);
      people[userId] = profile
        ? { userId, email: profile.email, firstName: profile.firstName, lastName: profile.lastName }
        : { userId, erased: true };
    }
    return people;
  }
}
