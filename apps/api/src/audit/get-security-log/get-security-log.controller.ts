import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { noStore, type HeaderReply } from '../../http/reply';
import { GetSecurityLogDto } from './get-security-log.dto';
import { GetSecurityLogQuery } from './get-security-log.query';
import { Answers, Operation } from '../../http/openapi';
import { SecurityLogDto } from '../audit.responses';

const DEFAULT_LIMIT = 50;

@ApiTags('audit')
@Controller('me/security-log')
@UseGuards(UserSessionGuard)
export class GetSecurityLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    id: 'getSecurityLog',
    summary: 'Read your security log',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(200, SecurityLogDto, 'Your latest security events, newest first.')
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
