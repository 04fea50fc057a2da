import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { AccountDirectory } from '../../auth/account-directory';
import { runAsMember } from '../access/run-as-member';
import { AddMemberCommand } from './add-member.command';

class NoAccountWithEmail extends DomainError {
  constructor() {
    super('NO_ACCOUNT_WITH_EMAIL', 'not_found', 'No account has this email.', 'email');
  }
}

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly accounts: AccountDirectory,
  ) {}

  async execute({ access, email, role, metadata }: AddMemberCommand) {
    const account = await this.accounts.findByEmail(email);
    if (account?.status !== 'active') throw new NoAccountWithEmail();
    const result = await runAsMember(
      this.aggregates,
      access,
      'members:write',
      metadata,
      (context) => ({
        type: 'AddMember',
        data: { ...context, userId: account.userId, role },
      }),
    );
    return { userId: account.userId, email: account.email ?? email, position: result.position };
  }
}
