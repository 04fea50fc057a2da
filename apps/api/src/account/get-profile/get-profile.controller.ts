import { Controller, Get, NotFoundException, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { toETag } from '../../http/if-match';
import { profileFromDocument } from '../profile.view';
import { GetProfileQuery } from './get-profile.query';
import { Answers, ETAG_HEADER, Operation } from '../../http/openapi';
import { ProfileDto } from '../account.responses';

@ApiTags('profile')
@Controller('me')
@UseGuards(UserSessionGuard)
export class GetProfileController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'getProfile',
    summary: 'Read your profile',
    access: 'user',
    errors: [403, 404, 503],
  })
  @Answers(200, ProfileDto, 'Your profile; the ETag header guards PATCH /me.', ETAG_HEADER)
  async getProfile(
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const doc = await this.queries.execute(new GetProfileQuery(principal.userId));
    if (!doc) throw new NotFoundException();
    response.header('ETag', toETag(doc.profileRevision));
    return profileFromDocument(doc);
  }
}
