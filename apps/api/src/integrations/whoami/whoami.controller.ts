import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyOnlyGuard } from '../../auth/api-key-only.guard';
import type { ApiKeyPrincipal } from '../../auth/api-key-verifier';
import { CurrentPrincipal } from '../../auth/principal';
import { Answers, Operation } from '../../http/openapi';
import { WhoamiDto } from '../../api-keys/api-keys.responses';

@ApiTags('integrations')
@Controller('integrations/whoami')
export class WhoamiController {
  /** What this key is and what it may do right now: its owner's permissions, computed for this request. */
  @Get()
  @Operation({
    id: 'whoami',
    summary: 'What this API key is and may do',
    access: 'apiKey',
    errors: [403],
  })
  @Answers(200, WhoamiDto, 'The key, its organization, owner and current permissions.')
  @UseGuards(ApiKeyOnlyGuard)
  whoami(@CurrentPrincipal() principal: ApiKeyPrincipal) {
    const { keyId, organizationId, userId, permissions } = principal;
    return { keyId, organizationId, userId, permissions };
  }
}
