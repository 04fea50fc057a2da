import { assertNever, type Decider } from '../shared/decider';
import type { EmailCommand, ReleaseEmail, ReserveEmail } from './email.commands';
import { EmailTaken } from './email.errors';
import type { EmailEvent } from './email.events';
import { evolveEmail, initialEmailState, type EmailState } from './email.state';

/** How long a reservation may wait for its account before another registration may take it. */
export const ABANDONED_RESERVATION_MS = 60_000;

function isReclaimable(state: EmailState & { status: 'reserved' }, command: ReserveEmail): boolean {
  const { holder, now } = command.data;
  if (holder === 'deleted') return true;
  return (
    holder === 'missing' &&
    Date.parse(now) - Date.parse(state.reservedAt) > ABANDONED_RESERVATION_MS
  );
}

export function reserve(command: ReserveEmail, state: EmailState): EmailEvent[] {
  const { emailHash, userId, now } = command.data;
  const reserved: EmailEvent = {
    type: 'EmailReserved',
    data: { emailHash, userId, reservedAt: now },
  };
  if (state.status === 'free') return [reserved];
  if (state.userId === userId) return [];
  if (!isReclaimable(state, command)) throw new EmailTaken();
  return [
    { type: 'EmailReleased', data: { emailHash, userId: state.userId, releasedAt: now } },
    reserved,
  ];
}

export function release(command: ReleaseEmail, state: EmailState): EmailEvent[] {
  const { emailHash, userId, now } = command.data;
  if (state.status !== 'reserved' || state.userId !== userId) return [];
  return [{ type: 'EmailReleased', data: { emailHash, userId, releasedAt: now } }];
}

export function decideEmail(command: EmailCommand, state: EmailState): EmailEvent[] {
  switch (command.type) {
    case 'ReserveEmail':
      return reserve(command, state);
    case 'ReleaseEmail':
      return release(command, state);
    default:
      return assertNever(command);
  }
}

export const emailDecider: Decider<EmailState, EmailCommand, EmailEvent> = {
  initialState: initialEmailState,
  evolve: evolveEmail,
  decide: decideEmail,
};
