import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { CreateOrganizationCommand } from './create-organization.command';
import { CreateOrganizationDto } from './create-organization.dto';
import { Answers, Operation } from '../../http/openapi';
import { OrganizationCreatedDto } from '../organizations.responses';

@ApiTags('organizations')
@Controller('orgs')
@UseGuards(UserSessionGuard)
export class CreateOrganizationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @Operation({
    id: 'createOrganization',
    summary: 'Create an organization',
    access: 'user',
    errors: [403, 503],
  })
  @Answers(201, OrganizationCreatedDto, 'Created; you are its owner.')
  @HttpCode(201)
  async create(
    @Body() body: CreateOrganizationDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const result = await this.commands.execute(
      new CreateOrganizationCommand(principal.userId, body.name, metadata),
    );
    this.consistency.recordWrite(principal.userId, result.position);
    return { organizationId: result.organizationId, name: body.name };
  }
}
