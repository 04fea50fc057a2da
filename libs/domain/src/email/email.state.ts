import type { EmailEvent } from './email.events';

export type EmailState =
  | { readonly status: 'free' }
  | {
      readonly status: 'reserved';
      /** null: the holder was erased, so the address is free to take over. */
      readonly userId: string | null;
      readonly reservedAt: string;
    };

export const initialEmailState = (): EmailState => ({ status: 'free' });

export function evolveEmail(state: EmailState, event: EmailEvent): EmailState {
  switch (event.type) {
    case 'EmailReserved':
      return { status: 'reserved', userId: event.data.userId, reservedAt: event.data.reservedAt };
    case 'EmailReleased':
      return { status: 'free' };
    default:
      return state;
  }
}
