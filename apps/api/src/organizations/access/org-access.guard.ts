import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@app/domain';
import { attachPrincipal } from '../../auth/principal';
import { RequestAuthenticator } from '../../auth/request-authenticator';
import { PEOPLE_ONLY, unauthenticated } from '../../auth/unauthenticated';
import { OrganizationAccessResolver, type OrganizationAccess } from './organization-access';

export interface OrgRequirement {
  readonly permission: Permission;
  /** People only: API keys get 403 here (they cannot mint or delete keys). */
  readonly usersOnly: boolean;
  /**
   * Judged on role ∪ grants, whatever features are disabled: what a member may still do with
   * the keys they hold while the organization has switched API keys off (list, delete).
   */
  readonly despiteDisabledFeatures: boolean;
}

export const ORG_REQUIREMENT = Symbol('orgRequirement');
/** A request property the platform declares up front (see http/http-platform.ts). */
const ACCESS = 'organizationAccess';

/**
 * The one authorization mechanism of every organization endpoint, for people and API keys
 * alike: 401 without a valid credential, 404 when the caller is not a member (or the key
 * belongs to another organization: never a hint that it exists), 403 when the member's
 * effective permissions, computed now from the organization's stream, lack the one required.
 */
@Injectable()
export class OrgAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    private readonly access: OrganizationAccessResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.get<OrgRequirement>(ORG_REQUIREMENT, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticator.authenticate(context);
    if (!principal) throw unauthenticated();
    if (requirement.usersOnly && principal.kind !== 'user') throw unauthenticated(PEOPLE_ONLY);
    attachPrincipal(request, principal);
    const organizationId = String((request.params as Record<string, unknown>).orgId);
    if (principal.kind === 'api_key' && principal.organizationId !== organizationId)
      throw new NotFoundException();
    const access = await this.access.resolve(organizationId, principal.userId);
    if (!access) throw new NotFoundException();
    const held = requirement.despiteDisabledFeatures ? access.held : access.permissions;
    if (!held.includes(requirement.permission)) {
      throw new ForbiddenException(
        `This needs the ${requirement.permission} permission in this organization.`,
      );
    }
    (request as unknown as Record<string, OrganizationAccess>)[ACCESS] = access;
    return true;
  }
}

export const accessOf = (request: FastifyRequest): OrganizationAccess => {
  const access = (request as unknown as Record<string, OrganizationAccess | null | undefined>)[
    ACCESS
  ];
  if (!access) throw new Error('organization access read on a route without OrgAccessGuard');
  return access;
};
