import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import { CurrentClient, type ClientInfo } from '../client-info';
import { RequestMetadata } from '../principal';
import { RefuseApiKeysGuard } from '../refuse-api-keys.guard';
import { LoginWithSecondFactorCommand } from './login-with-second-factor.command';
import { LoginWithSecondFactorDto } from './login-with-second-factor.dto';
import { Answers, Operation } from '../../http/openapi';
import { LoginResultDto } from '../auth.responses';

@ApiTags('auth')
@Controller('auth/login/mfa')
@UseGuards(RefuseApiKeysGuard)
export class LoginWithSecondFactorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Operation({
    id: 'loginWithSecondFactor',
    summary: 'Log in, second step: a TOTP or recovery code',
    description:
      '401 for a wrong or already used code, or an expired or invalid mfaToken; 429 after ' +
      'five wrong codes (see Retry-After).',
    access: 'public',
    errors: [401, 403, 429],
  })
  @Answers(200, LoginResultDto, 'The session starts: the answer of POST /auth/login without 2FA.')
  async loginWithSecondFactor(
    @Body() body: LoginWithSecondFactorDto,
    @CurrentClient() client: ClientInfo,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const session = await this.commands.execute(
      new LoginWithSecondFactorCommand(body.mfaToken, body.code, client, metadata),
    );
    this.consistency.recordWrite(session.userId, session.position);
    noStore(reply);
    return { accessToken: session.accessToken, tokenType: 'Bearer', expiresAt: session.expiresAt };
  }
}
