import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RefuseApiKeysGuard } from '../refuse-api-keys.guard';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { RequestMetadata } from '../principal';
import { LoginCommand } from './login.command';
import { LoginDto } from './login.dto';
import { NoStore } from '../../http/no-store';

@ApiTags('auth')
@Controller('auth/login')
@UseGuards(RefuseApiKeysGuard)
export class LoginController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @NoStore()
  @ApiOkResponse({
    schema: {
      example: { accessToken: 'st_…', tokenType: 'Bearer', expiresAt: '2026-01-01T12:00:00.000Z' },
    },
  })
  @ApiUnauthorizedResponse({
    description: 'Unknown email or wrong password: the same answer for both.',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins for this email; see Retry-After.',
  })
  async login(@Body() body: LoginDto, @RequestMetadata() metadata: EventMetadata) {
    const result = await this.commands.execute(
      new LoginCommand(body.email, body.password, metadata),
    );
    this.consistency.recordWrite(result.userId, result.position);
    return { accessToken: result.accessToken, tokenType: 'Bearer', expiresAt: result.expiresAt };
  }
}
