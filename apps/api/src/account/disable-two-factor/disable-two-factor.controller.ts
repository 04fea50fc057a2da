import { Body, Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { DisableTwoFactorCommand } from './disable-two-factor.command';
import { DisableTwoFactorDto } from './disable-two-factor.dto';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('two-factor authentication')
@Controller('me/2fa')
@UseGuards(UserSessionGuard)
export class DisableTwoFactorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Delete()
  @HttpCode(204)
  @Operation({
    id: 'disableTwoFactor',
    summary: 'Turn two-factor authentication off',
    description:
      '403: wrong password, or a wrong or used code. 429 after 5 wrong passwords in 15 minutes.',
    access: 'user',
    errors: [403, 429, 503],
  })
  @Answers(204, undefined, 'Two-factor is off (already off: nothing changes).')
  async disable(
    @Body() body: DisableTwoFactorDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { position } = await this.commands.execute(
      new DisableTwoFactorCommand(principal.userId, body.password, body.code, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
  }
}
