import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { CONFIRMATION_PHRASE, DeletionPlanner } from '../delete-account/deletion-plan';

@ApiTags('account deletion')
@ApiBearerAuth()
@Controller('me/deletion-preview')
@UseGuards(UserSessionGuard)
export class PreviewDeletionController {
  constructor(private readonly planner: DeletionPlanner) {}

  @Get()
  @ApiOkResponse({ description: 'What deletion removes, what blocks it, and the phrase to type.' })
  async preview(@CurrentPrincipal() principal: UserPrincipal) {
    const plan = await this.planner.plan(principal.userId);
    return {
      confirmationPhrase: CONFIRMATION_PHRASE,
      consequences: {
        apiKeys: plan.apiKeyIds.length,
        organizations: plan.organizations,
        blockingOrganizations: plan.blockingOrganizations,
      },
    };
  }
}
