import { Body, Controller, Patch, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
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

@ApiTags('profile')
@ApiBearerAuth()
@Controller('me')
@UseGuards(UserSessionGuard)
export class ChangeNameController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Patch()
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of GET /me; 412 if stale.',
  })
  @ApiOkResponse({
    description: 'The updated profile, with its new ETag. The same names again record nothing.',
  })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale: someone changed the profile.' })
  async changeName(
    @Body() body: ChangeNameDto,
    @IfMatch() expectedRevision: number | undefined,
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
      new ChangeNameCommand(principal.userId, names, expectedRevision, metadata),
    );
    this.consistency.recordWrite(principal.userId, result.position);
    response.header('ETag', toETag(result.revision));
    return profileFromState(result.account);
  }
}
