import { Controller, Delete, HttpCode, Param, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { EndSessionCommand } from './end-session.command';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('me/sessions/:sessionId')
@UseGuards(UserSessionGuard)
export class EndSessionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Ended: its token is refused from its next request.' })
  @ApiNotFoundResponse({ description: 'You have no open session with this id.' })
  async end(
    @Param('sessionId') sessionId: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position } = await this.commands.execute(
      new EndSessionCommand(principal.userId, sessionId, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
  }
}
