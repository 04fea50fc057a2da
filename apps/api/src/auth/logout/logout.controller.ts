import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../principal';
import { UserSessionGuard } from '../user-session.guard';
import { LogoutCommand } from './logout.command';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('auth')
@Controller('auth/logout')
@UseGuards(UserSessionGuard)
export class LogoutController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @Operation({ id: 'logout', summary: 'Log out: end this session', access: 'user', errors: [403] })
  @Answers(204, undefined, 'The token is rejected from now on.')
  @HttpCode(204)
  async logout(
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position } = await this.commands.execute(
      new LogoutCommand(principal.sessionId, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
  }
}
