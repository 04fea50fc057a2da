import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { toDataURL } from 'qrcode';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import { StartTwoFactorSetupCommand } from './start-two-factor-setup.command';
import { StartTwoFactorSetupDto } from './start-two-factor-setup.dto';
import { Answers, Operation } from '../../http/openapi';
import { TwoFactorSetupDto } from '../account.responses';

@ApiTags('two-factor authentication')
@Controller('me/2fa/totp')
@UseGuards(UserSessionGuard)
export class StartTwoFactorSetupController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Operation({
    id: 'startTwoFactorSetup',
    summary: 'Start setting up two-factor authentication (TOTP)',
    description:
      '429 after 5 wrong passwords in 15 minutes (counted with PUT /me/password). 403: wrong password. 409: two-factor authentication is already on.',
    access: 'user',
    errors: [403, 409, 429, 503],
  })
  @Answers(
    200,
    TwoFactorSetupDto,
    'A pending TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s), its otpauth:// URL and a QR code ' +
      'of it as a PNG data URL. Confirm a code with POST /me/2fa/totp/confirm to turn it on.',
  )
  async start(
    @Body() body: StartTwoFactorSetupDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const { secret, otpauthUrl, position } = await this.commands.execute(
      new StartTwoFactorSetupCommand(principal.userId, body.password, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
    noStore(reply);
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl) };
  }
}
