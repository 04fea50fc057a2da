import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { noStore, type HeaderReply } from '../../http/reply';
import { ListSessionsQuery } from './list-sessions.query';
import { Answers, Operation } from '../../http/openapi';
import { SessionListDto } from '../account.responses';

@ApiTags('sessions')
@Controller('me/sessions')
@UseGuards(UserSessionGuard)
export class ListSessionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'listSessions',
    summary: 'List your open sessions',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(
    200,
    SessionListDto,
    'Your open sessions, newest first: `current` marks the one making this request; ' +
      '`lastSeenAt` has minute precision.',
  )
  async list(
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    noStore(reply);
    return {
      items: await this.queries.execute(
        new ListSessionsQuery(principal.userId, principal.sessionId),
      ),
    };
  }
}
