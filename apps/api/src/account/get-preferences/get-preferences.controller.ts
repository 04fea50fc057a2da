import { Controller, Get, NotFoundException, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { noStore, type HeaderReply } from '../../http/reply';
import { GetProfileQuery } from '../get-profile/get-profile.query';
import { Answers, Operation } from '../../http/openapi';
import { PreferencesDto } from '../account.responses';

@ApiTags('preferences')
@Controller('me/preferences')
@UseGuards(UserSessionGuard)
export class GetPreferencesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'getPreferences',
    summary: 'Read your preferences',
    access: 'user',
    errors: [403, 404, 503],
  })
  @Answers(200, PreferencesDto, '`theme`: `system` (the default), `light` or `dark`.')
  async get(
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const doc = await this.queries.execute(new GetProfileQuery(principal.userId));
    if (!doc) throw new NotFoundException();
    noStore(reply);
    return { theme: doc.theme ?? 'system' };
  }
}
