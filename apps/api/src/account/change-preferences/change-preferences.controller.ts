import { Body, Controller, Put, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import { ChangePreferencesCommand } from './change-preferences.command';
import { ChangePreferencesDto } from './change-preferences.dto';
import { Answers, Operation } from '../../http/openapi';
import { PreferencesDto } from '../account.responses';

@ApiTags('preferences')
@Controller('me/preferences')
@UseGuards(UserSessionGuard)
export class ChangePreferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Put()
  @Operation({
    id: 'changePreferences',
    summary: 'Change your preferences',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(200, PreferencesDto, 'The preferences as stored; the same theme again records nothing.')
  async change(
    @Body() body: ChangePreferencesDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const { theme, position } = await this.commands.execute(
      new ChangePreferencesCommand(principal.userId, body.theme, metadata),
    );
    this.consistency.recordWrite(principal.userId, position);
    noStore(reply);
    return { theme };
  }
}
