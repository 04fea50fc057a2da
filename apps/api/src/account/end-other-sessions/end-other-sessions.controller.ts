import { Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { EndOtherSessionsCommand } from './end-other-sessions.command';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('me/sessions')
@UseGuards(UserSessionGuard)
export class EndOtherSessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every session of yours except this one has ended.' })
  async endOthers(
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position } = await this.commands.execute(
      new EndOtherSessionsCommand(principal, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
  }
}
