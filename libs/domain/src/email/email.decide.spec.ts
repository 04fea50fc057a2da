import { deciderSpec } from '../shared/decider.spec-helper';
import { emailDecider } from './email.decide';
import type { EmailEvent } from './email.events';

const spec = deciderSpec(emailDecider);
const emailHash = 'h';
const reservedAt = '2026-01-01T00:00:00.000Z';
const reservedByA: EmailEvent = {
  type: 'EmailReserved',
  data: { emailHash, userId: 'a', reservedAt },
};
const releasedByA: EmailEvent = {
  type: 'EmailReleased',
  data: { emailHash, userId: 'a', releasedAt: '2026-01-03T00:00:00.000Z' },
};
const reserve = (
  userId: string,
  now: string,
  holder: 'active' | 'deleted' | 'missing' = 'active',
) => ({ type: 'ReserveEmail', data: { emailHash, userId, holder, now } }) as const;
const soon = '2026-01-01T00:00:30.000Z';
const later = '2026-01-01T00:05:00.000Z';

describe('email decider', () => {
  describe('ReserveEmail', () => {
    it('given a free address, reserves it', () =>
      spec
        .given([])
        .when(reserve('b', soon))
        .then([{ type: 'EmailReserved', data: { emailHash, userId: 'b', reservedAt: soon } }]));
    it('given an address held by a live account, refuses', () =>
      spec.given([reservedByA]).when(reserve('b', later)).thenThrows('EMAIL_TAKEN'));
    it('given a fresh reservation whose account is still being created, refuses', () =>
      spec
        .given([reservedByA])
        .when(reserve('b', soon, 'missing'))
        .thenThrows('EMAIL_TAKEN'));
    it('given a reservation abandoned by a crashed registration, takes it over', () =>
      spec
        .given([reservedByA])
        .when(reserve('b', later, 'missing'))
        .then([
          { type: 'EmailReleased', data: { emailHash, userId: 'a', releasedAt: later } },
          { type: 'EmailReserved', data: { emailHash, userId: 'b', reservedAt: later } },
        ]));
    it('given a holder whose account was deleted, takes it over at once', () =>
      spec
        .given([reservedByA])
        .when(reserve('b', soon, 'deleted'))
        .then([
          { type: 'EmailReleased', data: { emailHash, userId: 'a', releasedAt: soon } },
          { type: 'EmailReserved', data: { emailHash, userId: 'b', reservedAt: soon } },
        ]));
    it('given a holder that was erased (read as null), a registration told so takes it over', () =>
      spec
        .given([{ type: 'EmailReserved', data: { emailHash, userId: null, reservedAt } }])
        .when(reserve('b', soon, 'deleted'))
        .then([
          { type: 'EmailReleased', data: { emailHash, userId: null, releasedAt: soon } },
          { type: 'EmailReserved', data: { emailHash, userId: 'b', reservedAt: soon } },
        ]));

    it('given the same holder again, records nothing', () =>
      spec.given([reservedByA]).when(reserve('a', later)).thenNothingHappens());
    it('given a released address, reserves it for a new account', () =>
      spec
        .given([reservedByA, releasedByA])
        .when(reserve('b', later))
        .then([{ type: 'EmailReserved', data: { emailHash, userId: 'b', reservedAt: later } }]));
  });

  describe('ReleaseEmail', () => {
    const release = (userId: string) =>
      ({ type: 'ReleaseEmail', data: { emailHash, userId, now: later } }) as const;
    it('given the holder, releases it', () =>
      spec
        .given([reservedByA])
        .when(release('a'))
        .then([{ type: 'EmailReleased', data: { emailHash, userId: 'a', releasedAt: later } }]));
    it('given someone else, records nothing', () =>
      spec.given([reservedByA]).when(release('b')).thenNothingHappens());
    it('given a free address, records nothing', () =>
      spec.given([]).when(release('a')).thenNothingHappens());
  });
});
