import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { PROFILES, type ProfileDocument } from '@app/read-store/read-models/profile.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { GetProfileQuery } from './get-profile.query';

@QueryHandler(GetProfileQuery)
export class GetProfileHandler implements IQueryHandler<GetProfileQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ userId }: GetProfileQuery) {
    await this.consistency.awaitOwnWrites(userId);
    return this.readStore.get<ProfileDocument>(PROFILES.name, userId);
  }
}
