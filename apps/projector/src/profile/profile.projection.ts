import type { AccountEvent } from '@app/domain';
import { PROFILES, type ProfileDocument } from '@app/read-store/read-models/profile.read-model';
import type { ProjectedEvent, Projection } from '../projection';

/** `GET /me`. Every account event moves the revision, because the ETag is the stream revision. */
export const profileProjection: Projection<ProfileDocument> = {
  collection: PROFILES,
  eventTypes: new Set<AccountEvent['type']>([
    'AccountRegistered',
    'NameChanged',
    'PasswordChanged',
    'AccountDeleted',
    'ThemeChanged',
    'TwoFactorSetupStarted',
    'TwoFactorEnabled',
    'TwoFactorCodeUsed',
    'RecoveryCodeUsed',
    'TwoFactorCodeRejected',
    'TwoFactorDisabled',
  ]),
  documentIds: (event) => [String(event.data.userId)],
  evolve: (doc, projected) => evolveProfile(doc, projected),
};

export function evolveProfile(
  doc: ProfileDocument | null,
  projected: ProjectedEvent,
): ProfileDocument | null {
  const event = projected as unknown as AccountEvent;
  switch (event.type) {
    case 'AccountRegistered': {
      const { userId, email, firstName, lastName, registeredAt } = event.data;
      if (email === null) return null; // erased: the account was deleted later in the log
      return {
        id: userId,
        userId,
        email,
        firstName,
        lastName,
        createdAt: registeredAt,
        updatedAt: registeredAt,
        revision: projected.revision,
      };
    }
    case 'NameChanged':
      if (!doc || event.data.firstName === null) return doc;
      return {
        ...doc,
        firstName: event.data.firstName,
        lastName: event.data.lastName,
        updatedAt: event.data.changedAt,
        revision: projected.revision,
      };
    case 'PasswordChanged':
      return doc && { ...doc, updatedAt: event.data.changedAt, revision: projected.revision };
    case 'AccountDeleted':
      return null;
    case 'ThemeChanged':
      return doc && { ...doc, theme: event.data.theme, revision: projected.revision };
    case 'TwoFactorEnabled':
    case 'TwoFactorDisabled':
      return (
        doc && {
          ...doc,
          twoFactorEnabled: event.type === 'TwoFactorEnabled',
          revision: projected.revision,
        }
      );
    case 'TwoFactorSetupStarted':
    case 'TwoFactorCodeUsed':
    case 'RecoveryCodeUsed':
    case 'TwoFactorCodeRejected':
      // Not shown on the profile, but the ETag is the stream's revision.
      return doc && { ...doc, revision: projected.revision };
    default:
      return doc;
  }
}
