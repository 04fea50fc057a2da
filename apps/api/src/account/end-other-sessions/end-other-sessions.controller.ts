import { Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { EndOtherSessionsCommand } from './end-other-sessions.command';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('sessions')
@Controller('me/sessions')
@UseGuards(UserSessionGuard)
export class EndOtherSessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @Operation({
    id: 'endOtherSessions',
    summary: 'End every other session of yours',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(204, undefined, 'Every session of yours except this one has ended.')
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
