import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { noStore, type HeaderReply } from '../../http/reply';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { RollApiKeyCommand } from './roll-api-key.command';
import { RollApiKeyDto } from './roll-api-key.dto';
import { Answers, Operation } from '../../http/openapi';
import { RolledApiKeyDto } from '../api-keys.responses';

@ApiTags('api keys')
@Controller('orgs/:orgId/api-keys/:keyId/roll')
export class RollApiKeyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @OrgPermission('api_keys:write', { usersOnly: true })
  @Operation({
    id: 'rollApiKey',
    summary: 'Roll an API key: a new key, the old one ends after a grace period',
    description:
      'Your own key only (404 otherwise). 409: the key has expired or was already rolled. ' +
      '`gracePeriodHours` must come to a whole number of seconds (rule `whole_seconds`).',
    access: 'user',
    errors: [403, 404, 409, 503],
  })
  @ApiParam({ name: 'keyId', description: 'From GET /orgs/{orgId}/api-keys.' })
  @Answers(
    201,
    RolledApiKeyDto,
    'The replacement key, shown this once, plus `rolledFrom`. The old key works until the ' +
      'grace period ends (0: revoked at once); both are in the table meanwhile.',
  )
  async roll(
    @Param('keyId') keyId: string,
    @Body() body: RollApiKeyDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const { organizationId } = access.organization;
    const { position, ...issued } = await this.commands.execute(
      new RollApiKeyCommand(organizationId, access.userId, keyId, body.gracePeriodHours, metadata),
    );
    this.consistency.recordWrite(access.userId, position);
    noStore(reply);
    return { ...issued, status: 'active' as const };
  }
}
