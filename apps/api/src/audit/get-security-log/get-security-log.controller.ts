import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { noStore, type HeaderReply } from '../../http/reply';
import { GetSecurityLogDto } from './get-security-log.dto';
import { GetSecurityLogQuery } from './get-security-log.query';

const DEFAULT_LIMIT = 50;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('me/security-log')
@UseGuards(UserSessionGuard)
export class GetSecurityLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({
    description:
      'Your security events, newest first: logins and failed logins, sessions ended (with ' +
      'their reason), password and two-factor changes, recovery codes used, keys issued, ' +
      'rolled and revoked, memberships. Pass `next` as `before` for older entries (null at the end).',
  })
  async get(
    @Query() query: GetSecurityLogDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const before = query.before === undefined ? null : BigInt(query.before);
    const entries = await this.queries.execute(
      new GetSecurityLogQuery(principal.userId, before, limit),
    );
    const last = entries.at(-1);
    noStore(reply);
    return {
      items: entries.map(({ type, occurredAt, details }) => ({ type, occurredAt, details })),
      next: entries.length === limit && last ? BigInt(last.position).toString() : null,
    };
  }
}
