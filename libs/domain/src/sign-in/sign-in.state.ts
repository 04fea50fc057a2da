import type { SignInEvent } from './sign-in.events';

export type SignInState = { readonly status: 'recorded'; readonly failures: number };

export const initialSignInState = (): SignInState => ({ status: 'recorded', failures: 0 });

export function evolveSignIn(state: SignInState, event: SignInEvent): SignInState {
  switch (event.type) {
    case 'LoginFailed':
      return { ...state, failures: state.failures + 1 };
    default:
      return state;
  }
}
