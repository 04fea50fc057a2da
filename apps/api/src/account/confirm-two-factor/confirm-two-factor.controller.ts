import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import { ConfirmTwoFactorCommand } from './confirm-two-factor.command';
import { ConfirmTwoFactorDto } from './confirm-two-factor.dto';
import { Answers, Operation } from '../../http/openapi';
import { RecoveryCodesDto } from '../account.responses';

@ApiTags('two-factor authentication')
@Controller('me/2fa/totp/confirm')
@UseGuards(UserSessionGuard)
export class ConfirmTwoFactorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Operation({
    id: 'confirmTwoFactor',
    summary: 'Turn two-factor authentication on with a first code',
    description:
      '403: the code does not match the pending secret. 409: no setup pending, or two-factor ' +
      'is already on.',
    access: 'user',
    errors: [403, 409, 503],
  })
  @Answers(
    200,
    RecoveryCodesDto,
    'Two-factor is on. `recoveryCodes`: ten single-use codes, shown this once.',
  )
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
