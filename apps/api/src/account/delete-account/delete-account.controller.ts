import { Body, Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { CurrentPrincipal, RequestMetadata, type UserPrincipal } from '../../auth/principal';
import { UserSessionGuard } from '../../auth/user-session.guard';
import { InvalidInput } from '../../http/problem';
import { DeleteAccountCommand } from './delete-account.command';
import { DeleteAccountDto } from './delete-account.dto';
import { CONFIRMATION_PHRASE } from './deletion-plan';
import { Answers, Operation } from '../../http/openapi';

@ApiTags('account deletion')
@Controller('me')
@UseGuards(UserSessionGuard)
export class DeleteAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @Operation({
    id: 'deleteAccount',
    summary: 'Delete your account',
    access: 'user',
    errors: [403, 409, 429],
  })
  @Answers(204, undefined, 'Deleted: tokens and keys rejected, personal data erased.')
  @HttpCode(204)
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
