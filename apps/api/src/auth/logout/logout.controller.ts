import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../principal';
import { UserSessionGuard } from '../user-session.guard';
import { LogoutCommand } from './logout.command';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/logout')
@UseGuards(UserSessionGuard)
export class LogoutController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is rejected from now on.' })
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
