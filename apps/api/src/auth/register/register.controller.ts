import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RefuseApiKeysGuard } from '../refuse-api-keys.guard';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { assertPasswordAcceptable } from '../../http/password-rules';
import { RequestMetadata } from '../principal';
import { RegisterCommand } from './register.command';
import { RegisterDto } from './register.dto';

@ApiTags('auth')
@Controller('auth/register')
@UseGuards(RefuseApiKeysGuard)
export class RegisterController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'The account exists; log in to get a token.',
    schema: { example: { userId: 'a3f…' } },
  })
  @ApiConflictResponse({ description: 'An account with this email exists.' })
  async register(@Body() body: RegisterDto, @RequestMetadata() metadata: EventMetadata) {
    assertPasswordAcceptable('password', body.password);
    const { userId } = await this.commands.execute(
      new RegisterCommand(body.email, body.password, body.firstName, body.lastName, metadata),
    );
    return { userId };
  }
}
