import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { GetSecurityLogQuery } from './get-security-log.query';
import { Answers, Operation } from '../../http/openapi';
import { SecurityLogDto } from '../audit.responses';

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
  async get(@CurrentPrincipal() principal: UserPrincipal) {
    const entries = await this.queries.execute(new GetSecurityLogQuery(principal.userId));
    return {
      items: entries.map(({ type, occurredAt, details }) => ({ type, occurredAt, details })),
    };
  }
}
