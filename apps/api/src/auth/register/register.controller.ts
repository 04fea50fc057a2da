import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RefuseApiKeysGuard } from '../refuse-api-keys.guard';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { assertPasswordAcceptable } from '../../http/password-rules';
import { RequestMetadata } from '../principal';
import { RegisterCommand } from './register.command';
import { RegisterDto } from './register.dto';
import { Answers, Operation } from '../../http/openapi';
import { RegisteredDto } from '../auth.responses';

@ApiTags('auth')
@Controller('auth/register')
@UseGuards(RefuseApiKeysGuard)
export class RegisterController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Operation({ id: 'register', summary: 'Create an account', access: 'public', errors: [403, 409] })
  @Answers(201, RegisteredDto, 'The account exists; log in to get a token.')
  @HttpCode(201)
  async register(@Body() body: RegisterDto, @RequestMetadata() metadata: EventMetadata) {
    assertPasswordAcceptable('password', body.password);
    const { userId } = await this.commands.execute(
      new RegisterCommand(body.email, body.password, body.firstName, body.lastName, metadata),
    );
    return { userId };
  }
}
