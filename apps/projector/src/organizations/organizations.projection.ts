import type { OrganizationEvent } from '@app/domain';
import {
  ORGANIZATIONS,
  type OrganizationDocument,
} from '@app/read-store/read-models/organization.read-model';
import type { Projection } from '../projection';

/** Organization names, for the member documents and `GET /orgs`. */
export const organizationsProjection: Projection<OrganizationDocument> = {
  collection: ORGANIZATIONS,
  eventTypes: new Set<OrganizationEvent['type']>(['OrganizationCreated']),
  documentIds: (event) => [String(event.data.organizationId)],
  evolve: (doc, event) => {
    const { organizationId, name, createdAt } = (
      event as unknown as Extract<OrganizationEvent, { type: 'OrganizationCreated' }>
    ).data;
    return doc ?? { id: organizationId, organizationId, name, createdAt };
  },
};
