import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyOnlyGuard } from '../../auth/api-key-only.guard';
import type { ApiKeyPrincipal } from '../../auth/api-key-verifier';
import { CurrentPrincipal } from '../../auth/principal';

@ApiTags('integrations')
@ApiSecurity('api-key')
@Controller('integrations/whoami')
export class WhoamiController {
  /** What this key is and what it may do right now: its owner's permissions, computed for this request. */
  @Get()
  @UseGuards(ApiKeyOnlyGuard)
  @ApiOkResponse({
    schema: {
      example: { keyId: 'a1B2…', organizationId: '…', userId: '…', permissions: ['org:read'] },
    },
  })
  @ApiUnauthorizedResponse({ description: 'Missing, malformed, unknown, deleted or expired key.' })
  whoami(@CurrentPrincipal() principal: ApiKeyPrincipal) {
    const { keyId, organizationId, userId, permissions } = principal;
    return { keyId, organizationId, userId, permissions };
  }
}
