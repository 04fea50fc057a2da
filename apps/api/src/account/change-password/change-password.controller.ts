import { Body, Controller, HttpCode, Put, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { assertPasswordAcceptable } from '../../http/password-rules';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordDto } from './change-password.dto';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('password')
@Controller('me/password')
@UseGuards(UserSessionGuard)
export class ChangePasswordController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Put()
  @Operation({
    id: 'changePassword',
    summary: 'Change your password',
    access: 'user',
    errors: [403, 429],
  })
  @Answers(204, undefined, 'Changed; every other session ends.')
  @HttpCode(204)
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    assertPasswordAcceptable('newPassword', body.newPassword, body.confirmPassword);
    const { position } = await this.commands.execute(
      new ChangePasswordCommand(principal, body.currentPassword, body.newPassword, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
  }
}
