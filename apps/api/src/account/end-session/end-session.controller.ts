import { Controller, Delete, HttpCode, Param, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { EndSessionCommand } from './end-session.command';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('sessions')
@Controller('me/sessions/:sessionId')
@UseGuards(UserSessionGuard)
export class EndSessionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @Operation({
    id: 'endSession',
    summary: 'End one of your sessions',
    description: '404: you have no open session with this id.',
    access: 'user',
    errors: [403, 404, 503],
  })
  @ApiParam({ name: 'sessionId', description: 'From GET /me/sessions.' })
  @Answers(204, undefined, 'Ended: its token is refused from its next request.')
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
