import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  UseGuards,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@app/domain';
import { accessOf, ORG_REQUIREMENT, OrgAccessGuard, type OrgRequirement } from './org-access.guard';

/**
 * Requires a permission in the `:orgId` organization; `usersOnly` refuses API keys;
 * `despiteDisabledFeatures` judges role ∪ grants without the feature switches.
 */
export function OrgPermission(
  permission: Permission,
  options: { usersOnly?: boolean; despiteDisabledFeatures?: boolean } = {},
) {
  const requirement: OrgRequirement = {
    permission,
    usersOnly: options.usersOnly ?? false,
    despiteDisabledFeatures: options.despiteDisabledFeatures ?? false,
  };
  return applyDecorators(
    SetMetadata(ORG_REQUIREMENT, requirement),
    UseGuards(OrgAccessGuard),
    ApiParam({ name: 'orgId', description: 'The organization, from POST /orgs or GET /orgs.' }),
    ApiForbiddenResponse({
      description: `A member without ${permission}.`,
    }),
    ApiNotFoundResponse({ description: 'No such organization, or you are not a member of it.' }),
  );
}

/** The caller's membership in the organization of the route, as the guard resolved it. */
export const CurrentAccess = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  accessOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
