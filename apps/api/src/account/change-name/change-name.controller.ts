import { Body, Controller, Patch, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { IfMatch, toETag } from '../../http/if-match';
import { InvalidInput } from '../../http/problem';
import { profileFromState } from '../profile.view';
import { ChangeNameCommand } from './change-name.command';
import { ChangeNameDto } from './change-name.dto';
import { Answers, ETAG_HEADER, Operation } from '../../http/openapi';
import { ProfileDto } from '../account.responses';

@ApiTags('profile')
@Controller('me')
@UseGuards(UserSessionGuard)
export class ChangeNameController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Patch()
  @Operation({
    id: 'changeName',
    summary: 'Change your names',
    access: 'user',
    errors: [403, 412, 503],
  })
  @Answers(200, ProfileDto, 'The updated profile and its new ETag.', ETAG_HEADER)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of GET /me; 412 if stale.',
    schema: { type: 'string', pattern: '^\\s*(\\*|(W/)?"[0-9]{1,15}")?\\s*$' },
  })
  async changeName(
    @Body() body: ChangeNameDto,
    @IfMatch() expectedProfileRevision: number | undefined,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    if (body.firstName === undefined && body.lastName === undefined) {
      throw new InvalidInput(
        [
          {
            field: 'firstName',
            message: 'firstName is required when lastName is not sent',
            rule: 'required',
          },
          {
            field: 'lastName',
            message: 'lastName is required when firstName is not sent',
            rule: 'required',
          },
        ],
        'Send firstName, lastName or both.',
      );
    }
    const names = { firstName: body.firstName, lastName: body.lastName };
    const result = await this.commands.execute(
      new ChangeNameCommand(principal.userId, names, expectedProfileRevision, metadata),
    );
    this.consistency.recordWrite(principal.userId, result.position);
    response.header('ETag', toETag(result.profileRevision));
    return profileFromState(result.account);
  }
}
