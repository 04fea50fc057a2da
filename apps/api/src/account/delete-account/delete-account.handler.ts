import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { AccountDirectory } from '../../auth/account-directory';
import { CurrentPasswordThrottle } from '../../auth/current-password-throttle';
import { PasswordHasher } from '../../auth/password-hasher';
import { DeleteAccountCommand } from './delete-account.command';
import { DeletionPlanner } from './deletion-plan';
import { Departures, SoleOwnerOfTeam } from './departures';

/**
 * Records AccountDeleted with everything the erasure cascade must undo, after each of the
 * account's organizations has accepted its departure (see Departures). From that event on the
 * account's credentials are refused; the projector's reactor runs the cascade.
 */
@CommandHandler(DeleteAccountCommand)
export class DeleteAccountHandler implements ICommandHandler<DeleteAccountCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly planner: DeletionPlanner,
    private readonly passwords: PasswordHasher,
    private readonly accounts: AccountDirectory,
    private readonly departures: Departures,
    private readonly throttle: CurrentPasswordThrottle,
  ) {}

  /** 429 after too many wrong passwords (shared with PUT /me/password). */
  async execute(command: DeleteAccountCommand) {
    return this.throttle.guard(command.userId, (matched) => this.deleteAccount(command, matched));
  }

  private async deleteAccount(
    { userId, password, metadata }: DeleteAccountCommand,
    matched: () => void,
  ) {
    const now = new Date().toISOString();
    const marked = new Set<string>();
    try {
      const result = await this.aggregates.handle(
        accountStream(userId),
        accountDecider,
        async (state) => {
          const active = state.status === 'active' ? state : null;
          const passwordMatches = await this.passwords.verify(
            password,
            active?.passwordHash ?? null,
          );
          if (passwordMatches) matched();
          // Planned after the (slow) password check and again on every retry: what the
          // cascade must undo is read as late as possible.
          const plan = await this.planner.plan(userId, { upToDate: true });
          if (passwordMatches && active) {
            const blocking = plan.blockingOrganizations.map((organization) => organization.name);
            if (blocking.length > 0) throw new SoleOwnerOfTeam(blocking);
            await this.departures.announce(userId, plan.organizations, marked, metadata);
          }
          return {
            type: 'DeleteAccount' as const,
            data: {
              userId,
              passwordMatches,
              emailHash: this.accounts.emailHashOf(active?.email ?? ''),
              organizationIds: plan.organizations.map(
                (organization) => organization.organizationId,
              ),
              apiKeyIds: plan.apiKeyIds,
              sessionIds: plan.sessionIds,
              now,
            },
          };
        },
        { metadata },
      );
      return { position: result.position };
    } catch (error) {
      await this.departures.cancel(userId, marked, metadata);
      throw error;
    }
  }
}
