import { deciderSpec } from '../shared/decider.spec-helper';
import { signInDecider } from './sign-in.decide';
import type { SignInEvent } from './sign-in.events';

const spec = deciderSpec(signInDecider);
const now = '2026-01-01T00:00:00.000Z';
const failed: SignInEvent = {
  type: 'LoginFailed',
  data: {
    userId: 'u1',
    reason: 'wrong_password',
    userAgent: 'curl/8',
    ipAddress: '10.0.0.1',
    failedAt: now,
  },
};
const record = {
  type: 'RecordFailedLogin',
  data: { userId: 'u1', userAgent: 'curl/8', ipAddress: '10.0.0.1', now },
} as const;

describe('sign-in decider', () => {
  it('given nothing, records a failed login', () => spec.given([]).when(record).then([failed]));
  it('given earlier failures, records each one again', () =>
    spec.given([failed, failed]).when(record).then([failed]));
  it('counts the failures', () =>
    expect([failed, failed].reduce(signInDecider.evolve, signInDecider.initialState())).toEqual({
      status: 'recorded',
      failures: 2,
    }));
});
