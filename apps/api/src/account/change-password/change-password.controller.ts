import { Body, Controller, HttpCode, Put, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { assertPasswordAcceptable } from '../../http/password-rules';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordDto } from './change-password.dto';

@ApiTags('password')
@ApiBearerAuth()
@Controller('me/password')
@UseGuards(UserSessionGuard)
export class ChangePasswordController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Put()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Changed; every other session of yours has ended, this one stays.',
  })
  @ApiBadRequestResponse({
    description: 'One errors entry per failed rule, its id in errors[].rule.',
  })
  @ApiForbiddenResponse({ description: 'The current password is not correct.' })
  @ApiTooManyRequestsResponse({
    description:
      '5 wrong current passwords in 15 minutes, counted with DELETE /me; see Retry-After.',
  })
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
