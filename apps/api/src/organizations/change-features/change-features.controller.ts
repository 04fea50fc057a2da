import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { ChangeFeaturesCommand } from './change-features.command';
import { ChangeFeaturesDto } from './change-features.dto';

@ApiTags('organizations')
@Controller('orgs/:orgId/features')
export class ChangeFeaturesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Put()
  @OrgPermission('org:write')
  @ApiOkResponse({
    description:
      'The disabled features; their permissions are withdrawn from every member at once.',
  })
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
