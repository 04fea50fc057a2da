import type { ApiKeyEvent, OrganizationEvent } from '@app/domain';
import {
  AUDIT_EVENTS,
  sortablePosition,
  type AuditEventDocument,
} from '@app/read-store/read-models/audit.read-model';
import type { ProjectedEvent, Projection } from '../projection';

const TYPES = new Set<(OrganizationEvent | ApiKeyEvent)['type']>([
  'OrganizationCreated',
  'MemberAdded',
  'MemberRoleChanged',
  'MemberRemoved',
  'MemberPermissionsGranted',
  'MemberGrantsCleared',
  'MemberDeparting',
  'MemberDepartureCancelled',
  'OrganizationFeaturesChanged',
  'MemberInvited',
  'InvitationWithdrawn',
  'InvitationDeclined',
  'InvitationAccepted',
  'ApiKeyIssued',
  'ApiKeyRevoked',
  'ApiKeyRolled',
]);

/**
 * The secret's HMAC is a credential, not history: auditors never see it. An invitee's email
 * (and its keyed hash) is personal data erased when the invitation closes: a read model
 * kept for good must not hold a copy; the invitation is known by its id and role.
 */
const WITHHELD_FIELDS = new Set(['secretHash', 'email', 'emailHash']);

/** An organization's history: its own stream and its keys' streams, in log order. */
export const auditEventsProjection: Projection<AuditEventDocument> = {
  collection: AUDIT_EVENTS,
  eventTypes: TYPES,
  documentIds: (event) => [event.id],
  evolve: (doc, event) => doc ?? toAuditEvent(event),
};

export function toAuditEvent(event: ProjectedEvent): AuditEventDocument {
  const data = Object.fromEntries(
    Object.entries(event.data).filter(([field]) => !WITHHELD_FIELDS.has(field)),
  );
  return {
    id: event.id,
    organizationId: String(event.data.organizationId),
    position: sortablePosition(event.position),
    stream: event.stream,
    type: event.type,
    occurredAt: event.recordedAt,
    actor: { ...event.metadata.actor },
    data,
  };
}
