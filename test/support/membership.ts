import type { HttpAnswer, HttpClient } from './http-client';

/** Someone who can sign in: their email and session token. */
export interface Invitable {
  readonly email: string;
  readonly token: string;
}

/**
 * How anyone joins an organization: invited by a member holding members:write, then accepting.
 * Answers the accept (200) when both steps succeed, otherwise the failing invitation answer.
 */
export async function joinByInvitation(
  http: HttpClient,
  organizationId: string,
  person: Invitable,
  role: string,
  inviter: string | { headers: Record<string, string> },
): Promise<HttpAnswer> {
  const body = { email: person.email, role };
  const invited =
    typeof inviter === 'string'
      ? await http.post(`/orgs/${organizationId}/invitations`, body, inviter)
      : await http.call('POST', `/orgs/${organizationId}/invitations`, {
          body,
          headers: inviter.headers,
        });
  if (invited.status !== 201) return invited;
  return http.post(`/me/invitations/${invited.body.invitationId}/accept`, undefined, person.token);
}
