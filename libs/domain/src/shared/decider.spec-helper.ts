import { DomainError } from './domain-error';
import type { Decider, Message } from './decider';

/**
 * given(events).when(command).then(expected events) for any decider, after Emmett's
 * DeciderSpecification: the whole test is data, no mocks.
 */
export function deciderSpec<S, C extends Message, E extends Message>(decider: Decider<S, C, E>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C) {
          const run = () =>
            decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenNothingHappens() {
              expect(run()).toEqual([]);
            },
            thenThrows(code: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
