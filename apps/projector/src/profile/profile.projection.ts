import type { AccountEvent } from '@app/domain';
import { PROFILES, type ProfileDocument } from '@app/read-store/read-models/profile.read-model';
import type { ProjectedEvent, Projection } from '../projection';

/**
 * `GET /me`. The ETag is the profile revision, counted as the account state counts it
 * (`profileRevision`: 0 at registration, +1 per NameChanged), so only a rename moves it;
 * the events that merely show (two-factor on/off, the update time) leave it where it is.
 */
export const profileProjection: Projection<ProfileDocument> = {
  collection: PROFILES,
  eventTypes: new Set<AccountEvent['type']>([
    'AccountRegistered',
    'NameChanged',
    'PasswordChanged',
    'AccountDeleted',
    'ThemeChanged',
    'TwoFactorEnabled',
    'TwoFactorDisabled',
  ]),
  documentIds: (event) => [String(event.data.userId)],
  evolve: (doc, projected) => evolveProfile(doc, projected),
};

export function evolveProfile(
  doc: ProfileDocument | null,
  projected: ProjectedEvent,
): ProfileDocument | null {
  // Delivery is at least once: an event this document already reflects is not counted again.
  if (doc && projected.revision <= doc.revision) return doc;
  const next = applyToProfile(doc, projected);
  return next && { ...next, revision: projected.revision };
}

function applyToProfile(
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
        profileRevision: 0,
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
        profileRevision: doc.profileRevision + 1,
      };
    case 'PasswordChanged':
      return doc && { ...doc, updatedAt: event.data.changedAt };
    case 'AccountDeleted':
      return null;
    case 'ThemeChanged':
      return doc && { ...doc, theme: event.data.theme };
    case 'TwoFactorEnabled':
    case 'TwoFactorDisabled':
      // Shown on the profile but not editable there: a pending rename is not made stale.
      return doc && { ...doc, twoFactorEnabled: event.type === 'TwoFactorEnabled' };
    default:
      return doc;
  }
}
