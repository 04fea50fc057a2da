import {
  Controller,
  Get,
  NotFoundException,
  Req,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiKeyAuthGuard } from '../../auth/api-key-auth.guard';
import type { ApiKeyPrincipal } from '../../auth/api-key-verifier';
import { OrganizationAccessResolver } from '../../organizations/access/organization-access';

@ApiTags('integrations')
@ApiSecurity('api-key')
@Controller('integrations/whoami')
export class WhoamiController {
  constructor(private readonly access: OrganizationAccessResolver) {}

  /** What this key is and what it may do right now: its owner's current permissions. */
  @Get()
  @UseGuards(ApiKeyAuthGuard)
  @ApiOkResponse({
    schema: {
      example: { keyId: 'a1B2…', organizationId: '…', userId: '…', permissions: ['org:read'] },
    },
  })
  @ApiUnauthorizedResponse({ description: 'Missing, malformed, unknown, deleted or expired key.' })
  async whoami(@Req() request: Request & { user?: ApiKeyPrincipal }) {
    const principal = request.user;
    if (!principal) throw new UnauthorizedException();
    const access = await this.access.resolve(principal.organizationId, principal.userId);
    if (!access) throw new NotFoundException();
    const { keyId, organizationId, userId } = principal;
    return { keyId, organizationId, userId, permissions: access.permissions };
  }
}
