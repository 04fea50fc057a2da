import { assertNever, type Decider } from '../shared/decider';
import type { RecordFailedLogin, SignInCommand } from './sign-in.commands';
import type { SignInEvent } from './sign-in.events';
import { evolveSignIn, initialSignInState, type SignInState } from './sign-in.state';

/** Every failure is a fact worth showing: nothing is refused or merged here. */
export function recordFailedLogin(command: RecordFailedLogin): SignInEvent[] {
  const { userId, userAgent, ipAddress, now } = command.data;
  return [
    {
      type: 'LoginFailed',
      data: { userId, reason: 'wrong_password', userAgent, ipAddress, failedAt: now },
    },
  ];
}

export function decideSignIn(command: SignInCommand, _state: SignInState): SignInEvent[] {
  switch (command.type) {
    case 'RecordFailedLogin':
      return recordFailedLogin(command);
    default:
      return assertNever(command.type);
  }
}

export const signInDecider: Decider<SignInState, SignInCommand, SignInEvent> = {
  initialState: initialSignInState,
  evolve: evolveSignIn,
  decide: decideSignIn,
};
