import { registerAndLogin, type HttpClient } from './support/http-client';
import type { ReadStoreKind } from './support/test-service';
import { startTwoInstances, type TwoInstances } from './support/two-instances';
import { readStoreUnderTest } from './support/read-store-under-test';

const WRONG = 'Wr0ng!Guess-';

/**
 * API.md: 429 (with Retry-After) after 5 wrong current passwords in 15 minutes, PUT
 * /me/password and DELETE /me counted together, and after repeated failed logins for one
 * email; both limits hold for all api instances together, not per instance. Two api
 * processes share one DATA_DIR (and one read store), and the guesses alternate between them.
 */
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'attempt limits shared by every instance (read store: %s)',
  (readStore) => {
    let service: TwoInstances;
    let a: HttpClient;
    let b: HttpClient;

    beforeAll(async () => {
      service = await startTwoInstances(readStore);
      ({ a, b } = service);
    }, 60_000);

    afterAll(async () => {
      await service?.stop();
    });

    it('answers 429 to the sixth current-password guess, over both routes and both instances, right password or not', async () => {
      const person = await registerAndLogin(a);
      const other = (
        await b.post('/auth/login', { email: person.email, password: person.password })
      ).body.accessToken as string;
      const guesses = [
        () => a.put('/me/password', changeTo(`${WRONG}1`), person.token),
        () => b.delete('/me', other, { confirmation: 'delete my account', password: `${WRONG}2` }),
        () => b.put('/me/password', changeTo(`${WRONG}3`), other),
        () =>
          a.delete('/me', person.token, {
            confirmation: 'delete my account',
            password: `${WRONG}4`,
          }),
        () => b.put('/me/password', changeTo(`${WRONG}5`), other),
      ];
      for (const guess of guesses) expect((await guess()).status).toBe(403);

      const rightOnA = await a.put(
        '/me/password',
        {
          currentPassword: person.password,
          newPassword: 'N3w!Secret-Value',
          confirmPassword: 'N3w!Secret-Value',
        },
        person.token,
      );
      const rightOnB = await b.delete('/me', other, {
        confirmation: 'delete my account',
        password: person.password,
      });

      for (const refused of [rightOnA, rightOnB]) {
        expect(refused.status).toBe(429);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      }
      // Nothing changed: the account is there and the old password still signs in.
      expect((await a.get('/me', person.token)).status).not.toBe(401);
      expect(
        (await b.post('/auth/login', { email: person.email, password: person.password })).status,
      ).toBe(200);
    });

    it('forgets the guesses of a user once the right current password is given', async () => {
      const person = await registerAndLogin(a);
      for (let guess = 0; guess < 4; guess++) {
        const on = guess % 2 ? b : a;
        expect(
          (await on.put('/me/password', changeTo(`${WRONG}${guess}`), person.token)).status,
        ).toBe(403);
      }
      const changed = await b.put(
        '/me/password',
        {
          currentPassword: person.password,
          newPassword: 'N3w!Secret-Value',
          confirmPassword: 'N3w!Secret-Value',
        },
        person.token,
      );
      expect(changed.status).toBe(204);
      for (let guess = 0; guess < 5; guess++) {
        expect(
          (await a.put('/me/password', changeTo(`${WRONG}${guess}`), person.token)).status,
        ).toBe(403);
      }
    });

    it('answers 429 to the sixth login for one email, the failures spread over both instances', async () => {
      const person = await registerAndLogin(a);
      for (let guess = 0; guess < 5; guess++) {
        const on = guess % 2 ? b : a;
        const answer = await on.post('/auth/login', {
          email: person.email,
          password: `${WRONG}${guess}`,
        });
        expect(answer.status).toBe(401);
      }
      for (const on of [a, b]) {
        const refused = await on.post('/auth/login', {
          email: person.email,
          password: person.password,
        });
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    });
  },
);

function changeTo(currentPassword: string) {
  return { currentPassword, newPassword: 'An0ther!Secret', confirmPassword: 'An0ther!Secret' };
}
