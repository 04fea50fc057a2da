import type { CollectionDefinition } from '../read-store.port';

/**
 * Positions are stored zero-padded to 20 digits so that string order is log order in every
 * adapter (a commit position fits in 20 digits).
 */
export const sortablePosition = (position: bigint): string => position.toString().padStart(20, '0');

/** One document per event of an organization (its own stream and its keys), id = event id. */
export type AuditEventDocument = {
  readonly id: string;
  readonly organizationId: string;
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: Readonly<Record<string, unknown>>;
  readonly data: Readonly<Record<string, unknown>>;
};

export const AUDIT_EVENTS: CollectionDefinition = {
  name: 'audit_events_v1',
  indexes: [['organizationId', 'position']],
};

/** One document per security event of a user, id = event id; dropped with the account. */
export type SecurityLogDocument = {
  readonly id: string;
  readonly userId: string;
  readonly position: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly details: Readonly<Record<string, unknown>>;
};

export const SECURITY_LOG: CollectionDefinition = {
  name: 'security_log_v1',
  indexes: [['userId', 'position']],
};
