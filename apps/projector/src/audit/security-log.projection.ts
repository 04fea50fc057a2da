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
  actor: ProjectedEvent['metadata']['actor'],
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
      // Revoked by someone else: the owner learns who.
      const by = reason === 'revoked_by_admin' ? { revokedBy: actorUserOf(actor) } : {};
      return { userId: ownerId, details: { keyId, organizationId, reason, ...by } };
    }
    case 'InvitationAccepted':
      return {
        userId: event.data.userId,
        details: {
          organizationId: event.data.organizationId,
          invitationId: event.data.invitationId,
          role: event.data.role,
        },
      };
    case 'InvitationDeclined':
      return {
        userId: event.data.userId,
        details: {
          organizationId: event.data.organizationId,
          invitationId: event.data.invitationId,
        },
      };
    case 'MemberGrantsCleared':
      return {
        userId: event.data.userId,
        details: {
          organizationId: event.data.organizationId,
          previous: event.data.previous,
          reason: event.data.reason,
        },
      };
    case 'OrganizationFeaturesChanged': {
      // In the log of whoever switched the features: a security decision they made.
      const userId = actorUserOf(actor);
      if (!userId) return null;
      const { organizationId, disabled } = event.data;
      return { userId, details: { organizationId, disabled } };
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

/** The person behind an actor: a user, or the owner of the API key that acted. */
function actorUserOf(actor: ProjectedEvent['metadata']['actor']): string | null {
  if (actor.type === 'user') return actor.id;
  if (actor.type === 'api_key') return actor.userId ?? null;
  return null;
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
  'InvitationAccepted',
  'InvitationDeclined',
  'MemberGrantsCleared',
  'OrganizationFeaturesChanged',
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
  const entry = doc ? null : entryOf(event, projected.metadata.actor);
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
