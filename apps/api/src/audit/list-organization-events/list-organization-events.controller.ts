import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { AuditEventDocument } from '@app/read-store/read-models/audit.read-model';
import type { OrganizationAccess } from '../../organizations/access/organization-access';
import { CurrentAccess, OrgPermission } from '../../organizations/access/org-permission.decorator';
import { PeopleDirectory } from '../people';
import { ListOrganizationEventsDto } from './list-organization-events.dto';
import { ListOrganizationEventsQuery } from './list-organization-events.query';
import { Answers, Operation } from '../../http/openapi';
import { AuditPageDto, PersonDto } from '../audit.responses';

const DEFAULT_LIMIT = 100;

/** People an event names: its actor and the members or key owners it is about. */
const peopleOf = (item: AuditEventDocument): string[] =>
  [
    item.actor.userId ?? (item.actor.type === 'user' ? item.actor.id : undefined),
    item.data.userId,
    item.data.ownerId,
  ].filter((id): id is string => typeof id === 'string');

/** Names are shown to those who may read the member list, and only of current members. */
const namedFor = (access: OrganizationAccess): ReadonlySet<string> =>
  access.permissions.includes('members:read')
    ? new Set(Object.keys(access.organization.members))
    : new Set();

@ApiTags('audit')
@ApiExtraModels(PersonDto)
@Controller('orgs/:orgId/audit/events')
export class ListOrganizationEventsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly people: PeopleDirectory,
  ) {}

  @Get()
  @Operation({
    id: 'listOrganizationEvents',
    summary: 'Page through an organization’s audit events',
    access: 'userOrApiKey',
    errors: [503],
  })
  @Answers(
    200,
    AuditPageDto,
    'The organization’s events, oldest first; pass next as after for the following page.',
  )
  @OrgPermission('audit:read')
  async list(
    @Query() query: ListOrganizationEventsDto,
    @CurrentAccess() access: OrganizationAccess,
  ) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.after === undefined ? null : BigInt(query.after);
    const documents = await this.queries.execute(
      new ListOrganizationEventsQuery(
        access.organization.organizationId,
        access.userId,
        after,
        limit,
      ),
    );
    const items = documents.map(({ position, stream, type, occurredAt, actor, data }) => ({
      position: BigInt(position).toString(),
      stream,
      type,
      occurredAt,
      actor,
      data,
    }));
    return {
      items,
      next: documents.length === limit ? (items.at(-1)?.position ?? null) : null,
      people: await this.people.describe(documents.flatMap(peopleOf), namedFor(access)),
    };
  }
}
