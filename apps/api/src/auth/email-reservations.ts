import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  emailDecider,
  emailStream,
  EmailTaken,
  type EmailState,
} from '@app/domain';
import { AggregateStore, type LoadedAggregate } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { EmailSalts, type EmailReservationStream } from '@app/platform/personal-data/email-salts';
import { AccountDirectory } from './account-directory';

/** The salt's reservation belonged to a deleted account or was released: take a new salt. */
class SpentSalt extends Error {}

const ATTEMPTS = 5;

/**
 * Reserves an address for a new account in its salted stream (see EmailSalts). A stream whose
 * reservation was released or whose holder was deleted is never reused: its salt is retired
 * and a new one starts a new stream, so nothing written for the new account shares a stream
 * with the erased one, and the erasure cascade's retirement of the old salt cannot cut the new
 * holder off.
 */
@Injectable()
export class EmailReservations {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly accounts: AccountDirectory,
    private readonly salts: EmailSalts,
  ) {}

  async reserve(emailHash: string, userId: string, now: string, metadata: EventMetadata) {
    const legacy = await this.accounts.holderOf(emailStream(emailHash));
    if (legacy?.status === 'active') throw new EmailTaken();
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const reservation = await this.salts.reservationOf(emailHash, { create: true });
      if (!reservation) continue;
      try {
        if (await this.isSpent(await this.aggregates.load(reservation.stream, emailDecider))) {
          throw new SpentSalt();
        }
        await this.reserveIn(reservation, userId, now, metadata);
        return;
      } catch (error) {
        if (!(error instanceof SpentSalt)) throw error;
        await this.salts.retire(emailHash, reservation);
      }
    }
    throw new Error('could not reserve the address: its salt kept being retired');
  }

  private async reserveIn(
    reservation: EmailReservationStream,
    userId: string,
    now: string,
    metadata: EventMetadata,
  ) {
    await this.aggregates.handle(
      reservation.stream,
      emailDecider,
      async (state) => {
        const holder = state.status === 'reserved' ? await this.statusOf(state.userId) : 'missing';
        if (holder === 'deleted') throw new SpentSalt();
        const emailHash = reservation.streamHash;
        return { type: 'ReserveEmail' as const, data: { emailHash, userId, holder, now } };
      },
      // Ids of its own: sharing the request's with the account's first event would link them.
      { metadata: { ...unlinked(), actor: metadata.actor } },
    );
  }

  private async isSpent({ state, revision }: LoadedAggregate<EmailState>): Promise<boolean> {
    if (state.status === 'free') return revision !== null;
    return (await this.statusOf(state.userId)) === 'deleted';
  }

  private async statusOf(userId: string | null): Promise<'active' | 'deleted' | 'missing'> {
    if (userId === null) return 'deleted';
    const { state } = await this.aggregates.load(accountStream(userId), accountDecider);
    return state.status === 'none' ? 'missing' : state.status;
  }
}

function unlinked(): Pick<EventMetadata, 'correlationId' | 'causationId'> {
  const id = randomUUID();
  return { correlationId: id, causationId: id };
}
