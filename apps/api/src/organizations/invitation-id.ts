/**
 * An invitation id names its organization, so that `POST /me/invitations/:id/accept` finds
 * the stream to decide on without a read model (the invitee may answer before the projector
 * has seen the invitation). Clients treat it as opaque.
 */
export const invitationIdFor = (organizationId: string, unique: string): string =>
  `${organizationId}.${unique}`;

export function organizationOfInvitation(invitationId: string): string | null {
  const dot = invitationId.lastIndexOf('.');
  return dot > 0 ? invitationId.slice(0, dot) : null;
}
