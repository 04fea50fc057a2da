import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { CONFIRMATION_PHRASE, DeletionPlanner } from '../delete-account/deletion-plan';
import { Answers, Operation } from '../../http/openapi';
import { DeletionPreviewDto } from '../account.responses';

@ApiTags('account deletion')
@Controller('me/deletion-preview')
@UseGuards(UserSessionGuard)
export class PreviewDeletionController {
  constructor(private readonly planner: DeletionPlanner) {}

  @Get()
  @Operation({
    id: 'previewDeletion',
    summary: 'Preview what deleting your account does',
    access: 'user',
    errors: [403],
  })
  @Answers(
    200,
    DeletionPreviewDto,
    'What deletion removes, what blocks it, and the phrase to type.',
  )
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
