import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { RequestMetadata } from '../../auth/principal';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import type { OrganizationAccess } from '../access/organization-access';
import { CurrentAccess, OrgPermission } from '../access/org-permission.decorator';
import { AddMemberCommand } from './add-member.command';
import { AddMemberDto } from './add-member.dto';
import { Answers, Operation } from '../../http/openapi';
import { AddedMemberDto } from '../organizations.responses';

@ApiTags('members')
@Controller('orgs/:orgId/members')
export class AddMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @Operation({
    id: 'addMember',
    summary: 'Add a member',
    access: 'userOrApiKey',
    errors: [409, 503],
  })
  @Answers(201, AddedMemberDto, 'Added.')
  @HttpCode(201)
  @OrgPermission('members:write')
  async add(
    @Body() body: AddMemberDto,
    @CurrentAccess() access: OrganizationAccess,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(
      new AddMemberCommand(access, body.email, body.role, metadata),
    );
    this.consistency.recordWrite(access.userId, result.position);
    return { userId: result.userId, email: result.email, role: body.role };
  }
}
