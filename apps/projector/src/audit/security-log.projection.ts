import type {
  AccountEvent,
  ApiKeyEvent,
  OrganizationEvent,
  SessionEvent,
  SignInEvent,
} from '@app/domain';
import {
  SECURITY_LOG,
  sortablePosition,
  type SecurityLogDocument,
} from '@app/read-store/read-models/audit.read-model';
import type { ProjectedEvent, Projection } from '../projection';

type SecurityEvent = SessionEvent | AccountEvent | ApiKeyEvent | OrganizationEvent | SignInEvent;

/** Whose log an event belongs to, and what it shows there; null when it is not a security event. */
function entryOf(
  event: SecurityEvent,
): { userId: string; details: Record<string, unknown> } | null {
  switch (event.type) {
    case 'SessionStarted':
      return {
        userId: event.data.userId,
        details: {
          sessionId: event.data.sessionId,
          expiresAt: event.data.expiresAt,
          userAgent: event.data.userAgent ?? null,
          ipAddress: event.data.ipAddress ?? null,
        },
      };
    case 'SessionEnded':
      return {
        userId: event.data.userId,
        details: { sessionId: event.data.sessionId, reason: event.data.reason },
      };
    case 'PasswordChanged':
      return { userId: event.data.userId, details: { keptSessionId: event.data.keptSessionId } };
    case 'LoginFailed': {
      const { userId, reason, userAgent, ipAddress } = event.data;
      return { userId, details: { reason, userAgent, ipAddress } };
    }
    case 'TwoFactorEnabled':
    case 'TwoFactorDisabled':
    case 'TwoFactorCodeRejected':
      return { userId: event.data.userId, details: {} };
    case 'RecoveryCodeUsed':
      return { userId: event.data.userId, details: { remaining: event.data.remaining } };
    case 'ApiKeyIssued': {
      const { ownerId, keyId, organizationId, description, maskedKey, expiresAt } = event.data;
      return {
        userId: ownerId,
        details: { keyId, organizationId, description, maskedKey, expiresAt },
      };
    }
    case 'ApiKeyRevoked': {
      const { ownerId, keyId, organizationId, reason } = event.data;
      return { userId: ownerId, details: { keyId, organizationId, reason } };
    }
    case 'ApiKeyRolled': {
      const { ownerId, keyId, organizationId, rolledTo, graceEndsAt } = event.data;
      return { userId: ownerId, details: { keyId, organizationId, rolledTo, graceEndsAt } };
    }
    case 'MemberAdded':
    case 'MemberRoleChanged':
      return {
        userId: event.data.userId,
        details: { organizationId: event.data.organizationId, role: event.data.role },
      };
    case 'MemberRemoved':
      return {
        userId: event.data.userId,
        details: { organizationId: event.data.organizationId, reason: event.data.reason },
      };
    default:
      return null;
  }
}

const TYPES = new Set<SecurityEvent['type']>([
  'SessionStarted',
  'SessionEnded',
  'PasswordChanged',
  'LoginFailed',
  'TwoFactorEnabled',
  'TwoFactorDisabled',
  'TwoFactorCodeRejected',
  'RecoveryCodeUsed',
  'ApiKeyIssued',
  'ApiKeyRevoked',
  'ApiKeyRolled',
  'MemberAdded',
  'MemberRoleChanged',
  'MemberRemoved',
  'AccountDeleted',
]);

/** `GET /me/security-log`: a user's logins, password changes, keys and memberships. Goes with the account. */
export const securityLogProjection: Projection<SecurityLogDocument> = {
  collection: SECURITY_LOG,
  eventTypes: TYPES,
  documentIds: async (projected, lookup) => {
    const event = projected as unknown as SecurityEvent;
    if (event.type !== 'AccountDeleted') return [projected.id];
    return (
      await lookup.find<SecurityLogDocument>(SECURITY_LOG.name, { userId: event.data.userId })
    ).map((doc) => doc.id);
  },
  evolve: (doc, projected) => evolveSecurityLog(doc, projected),
};

export function evolveSecurityLog(
  doc: SecurityLogDocument | null,
  projected: ProjectedEvent,
): SecurityLogDocument | null {
  const event = projected as unknown as SecurityEvent;
  if (event.type === 'AccountDeleted') return null;
  const entry = doc ? null : entryOf(event);
  // The erasure cascade's own events follow AccountDeleted: the log is already gone with it.
  if (!entry || entry.details.reason === 'account_deleted') return doc;
  return {
    id: projected.id,
    userId: entry.userId,
    position: sortablePosition(projected.position),
    type: projected.type,
    occurredAt: projected.recordedAt,
    details: entry.details,
  };
}
