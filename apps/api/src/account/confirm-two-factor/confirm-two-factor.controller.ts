import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import { ConfirmTwoFactorCommand } from './confirm-two-factor.command';
import { ConfirmTwoFactorDto } from './confirm-two-factor.dto';

@ApiTags('two-factor authentication')
@ApiBearerAuth()
@Controller('me/2fa/totp/confirm')
@UseGuards(UserSessionGuard)
export class ConfirmTwoFactorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Two-factor is on. `recoveryCodes`: ten single-use codes, shown this once.',
  })
  @ApiForbiddenResponse({ description: 'The code does not match the pending secret.' })
  @ApiConflictResponse({ description: 'No setup pending, or two-factor is already on.' })
  async confirm(
    @Body() body: ConfirmTwoFactorDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const { recoveryCodes, position } = await this.commands.execute(
      new ConfirmTwoFactorCommand(principal.userId, body.code, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
    noStore(reply);
    return { recoveryCodes };
  }
}
