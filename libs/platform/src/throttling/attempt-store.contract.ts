import type { AttemptStore } from './attempt-store.port';

/**
 * The behaviour every attempt store adapter must show, run against each of them by its
 * `*.int-spec.ts`. `create` gives a fresh, empty store; `cleanup` closes and removes it.
 */
export interface AttemptStoreUnderTest {
  readonly store: AttemptStore;
  /** A second connection to the same store, as another api instance would open. */
  readonly other: AttemptStore;
  readonly cleanup: () => Promise<void>;
}

const WINDOW = 15 * 60_000;
const T0 = 1_800_000_000_000;

export function describeAttemptStoreContract(
  name: string,
  create: () => Promise<AttemptStoreUnderTest>,
): void {
  describe(`${name} attempt store (contract)`, () => {
    let store: AttemptStore;
    let other: AttemptStore;
    let cleanup: () => Promise<void>;
    const admit = (on: AttemptStore, subject: string, at: number) =>
      on.admit(subject, at, at - WINDOW, 5);

    beforeEach(async () => {
      ({ store, other, cleanup } = await create());
    });

    afterEach(async () => {
      await cleanup();
    });

    it('admits five attempts in the window and refuses the sixth, saying when the oldest leaves', async () => {
      for (let i = 0; i < 5; i++)
        expect(await admit(store, 's', T0 + i)).toEqual({ admitted: true });

      expect(await admit(store, 's', T0 + 10)).toEqual({ admitted: false, oldestAt: T0 });
    });

    it('counts attempts from every connection together', async () => {
      for (let i = 0; i < 5; i++) await admit(i % 2 ? store : other, 's', T0 + i);

      expect((await admit(other, 's', T0 + 10)).admitted).toBe(false);
      expect((await admit(store, 's', T0 + 10)).admitted).toBe(false);
    });

    it('does not count a refused attempt', async () => {
      for (let i = 0; i < 5; i++) await admit(store, 's', T0 + i);
      await admit(store, 's', T0 + 100);

      expect((await admit(store, 's', T0 + WINDOW + 1)).admitted).toBe(true);
    });

    it('admits again once the oldest attempt has left the window', async () => {
      for (let i = 0; i < 5; i++) await admit(store, 's', T0 + i * 1000);

      expect((await admit(store, 's', T0 + WINDOW - 1)).admitted).toBe(false);
      expect((await admit(store, 's', T0 + WINDOW + 1)).admitted).toBe(true);
    });

    it('keeps subjects apart and forgets a cleared one', async () => {
      for (let i = 0; i < 5; i++) await admit(store, 'a', T0 + i);
      expect((await admit(store, 'b', T0 + 5)).admitted).toBe(true);

      await other.clear('a');

      expect((await admit(store, 'a', T0 + 6)).admitted).toBe(true);
    });

    it("never lets one limit's shorter window forget another subject's attempts", async () => {
      const HOUR = 60 * 60_000;
      for (let i = 0; i < 5; i++) await store.admit('long', T0 + i, T0 + i - HOUR, 5);
      // a limit with a 15-minute window, 20 minutes later, on another subject
      await admit(other, 'short', T0 + 20 * 60_000);

      expect(
        (await store.admit('long', T0 + 30 * 60_000, T0 + 30 * 60_000 - HOUR, 5)).admitted,
      ).toBe(false);
    });

    it('admits no more than the limit when attempts race on two connections', async () => {
      const racing = Array.from({ length: 20 }, (_, i) => admit(i % 2 ? store : other, 'r', T0));
      const admitted = (await Promise.all(racing)).filter((answer) => answer.admitted).length;

      expect(admitted).toBeLessThanOrEqual(5);
      const total = admitted + Number((await admit(store, 'r', T0 + 1)).admitted);
      expect(total).toBeLessThanOrEqual(5);
    });
  });
}
