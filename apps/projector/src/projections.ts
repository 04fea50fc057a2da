import type { Doc } from '@app/read-store/read-store.port';
import { apiKeysProjection } from './api-keys/api-keys.projection';
import { auditEventsProjection } from './audit/audit-events.projection';
import { securityLogProjection } from './audit/security-log.projection';
import { invitationsProjection } from './organizations/invitations.projection';
import { membersProjection } from './organizations/members.projection';
import { organizationsProjection } from './organizations/organizations.projection';
import type { Projection } from './projection';
import { profileProjection } from './profile/profile.projection';
import { sessionsProjection } from './sessions/sessions.projection';

/**
 * Every read model the projector maintains, in the order each event visits them: members
 * read the profiles and organization names that the same batch may have just written.
 */
export const PROJECTIONS: readonly Projection<Doc, unknown>[] = [
  profileProjection,
  organizationsProjection,
  membersProjection,
  invitationsProjection,
  apiKeysProjection,
  sessionsProjection,
  auditEventsProjection,
  securityLogProjection,
] as readonly Projection<Doc, unknown>[];
