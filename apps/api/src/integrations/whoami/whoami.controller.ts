import { Controller, Get, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiKeyAuthGuard } from '../../auth/api-key-auth.guard';
import type { ApiKeyPrincipal } from '../../auth/api-key-verifier';

@ApiTags('integrations')
@ApiSecurity('api-key')
@Controller('integrations/whoami')
export class WhoamiController {
  /** What this key is and what it may do right now: its owner's permissions, computed for this request. */
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
    const { keyId, organizationId, userId, permissions } = principal;
    return { keyId, organizationId, userId, permissions };
  }
}
