import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import { CurrentClient, type ClientInfo } from '../client-info';
import { RequestMetadata } from '../principal';
import { RefuseApiKeysGuard } from '../refuse-api-keys.guard';
import { LoginWithSecondFactorCommand } from './login-with-second-factor.command';
import { LoginWithSecondFactorDto } from './login-with-second-factor.dto';

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
  @ApiOkResponse({
    description: 'The session starts: the same answer as POST /auth/login without two-factor.',
  })
  @ApiUnauthorizedResponse({
    description: 'A wrong or already used code, or an expired or invalid mfaToken.',
  })
  @ApiTooManyRequestsResponse({ description: 'Five wrong codes; see Retry-After.' })
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
