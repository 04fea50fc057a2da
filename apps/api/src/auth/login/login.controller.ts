import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RefuseApiKeysGuard } from '../refuse-api-keys.guard';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { CurrentClient, type ClientInfo } from '../client-info';
import { RequestMetadata } from '../principal';
import { LoginCommand } from './login.command';
import { LoginDto } from './login.dto';
import { NoStore } from '../../http/no-store';
import { Answers, Operation } from '../../http/openapi';
import { LoginResultDto, MfaChallengeDto } from '../auth.responses';

@ApiTags('auth')
@Controller('auth/login')
@UseGuards(RefuseApiKeysGuard)
export class LoginController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @Operation({
    id: 'login',
    summary: 'Log in: start a session',
    access: 'public',
    errors: [401, 403, 429],
  })
  @Answers(
    200,
    [LoginResultDto, MfaChallengeDto],
    'A session token; or, with two-factor on, `mfaRequired` and an mfaToken for ' +
      'POST /auth/login/mfa. Never cached.',
  )
  @HttpCode(200)
  @NoStore()
  async login(
    @Body() body: LoginDto,
    @RequestMetadata() metadata: EventMetadata,
    @CurrentClient() client: ClientInfo,
  ) {
    const result = await this.commands.execute(
      new LoginCommand(body.email, body.password, metadata, client),
    );
    if (result.mfaRequired) {
      const { mfaToken, expiresAt } = result;
      return { mfaRequired: true, mfaToken, expiresAt };
    }
    this.consistency.recordWrite(result.userId, result.position);
    return { accessToken: result.accessToken, tokenType: 'Bearer', expiresAt: result.expiresAt };
  }
}
