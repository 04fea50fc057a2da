import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { GetSecurityLogQuery } from './get-security-log.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('me/security-log')
@UseGuards(UserSessionGuard)
export class GetSecurityLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ description: 'Your latest 200 security events, newest first.' })
  async get(@CurrentPrincipal() principal: UserPrincipal) {
    const entries = await this.queries.execute(new GetSecurityLogQuery(principal.userId));
    return {
      items: entries.map(({ type, occurredAt, details }) => ({ type, occurredAt, details })),
    };
  }
}
