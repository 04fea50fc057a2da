import type { ProjectedEvent } from '../projection';

/**
 * A process step driven by the log: reacts to an event by sending commands. Reactions run
 * at least once, so each must be idempotent (the deciders make a repeated revocation a no-op).
 */
export interface Reaction {
  readonly name: string;
  readonly eventTypes: ReadonlySet<string>;
  react(event: ProjectedEvent): Promise<void>;
}
