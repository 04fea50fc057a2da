import { Body, Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { InvalidInput } from '../../http/problem';
import { DeleteAccountCommand } from './delete-account.command';
import { DeleteAccountDto } from './delete-account.dto';
import { CONFIRMATION_PHRASE } from './deletion-plan';

@ApiTags('account deletion')
@ApiBearerAuth()
@Controller('me')
@UseGuards(UserSessionGuard)
export class DeleteAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted for good: sessions, keys, memberships and personal data go.',
  })
  @ApiBadRequestResponse({ description: 'The confirmation phrase does not match.' })
  @ApiForbiddenResponse({ description: 'Wrong password.' })
  @ApiTooManyRequestsResponse({
    description: '5 wrong passwords in 15 minutes, counted with PUT /me/password; see Retry-After.',
  })
  @ApiConflictResponse({
    description: 'You are the only owner of an organization others belong to.',
  })
  async delete(
    @Body() body: DeleteAccountDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    if (body.confirmation.trim().toLowerCase() !== CONFIRMATION_PHRASE) {
      throw new InvalidInput(
        [
          {
            field: 'confirmation',
            message: `Type "${CONFIRMATION_PHRASE}" to confirm`,
            rule: 'confirmation_phrase',
          },
        ],
        'The confirmation phrase does not match.',
      );
    }
    await this.commands.execute(
      new DeleteAccountCommand(principal.userId, body.password, metadata),
    );
  }
}
