import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { ChangeFeaturesCommand } from './change-features.command';
import { ChangeFeaturesDto } from './change-features.dto';
import { Answers, Operation } from '../../http/openapi';
import { FeaturesDto } from '../organizations.responses';

@ApiTags('organizations')
@Controller('orgs/:orgId/features')
export class ChangeFeaturesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Put()
  @Operation({
    id: 'changeFeatures',
    summary: 'Disable or enable organization features',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(200, FeaturesDto, 'The disabled features; their permissions are withdrawn at once.')
  @OrgPermission('org:write')
  async change(
    @Body() body: ChangeFeaturesDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const { organizationId } = access.organization;
    const result = await this.commands.execute(
      new ChangeFeaturesCommand(access, body.disabled, metadata),
    );
    this.consistency.recordWrite(access.userId, result.position);
    return { organizationId, disabled: result.disabled };
  }
}
