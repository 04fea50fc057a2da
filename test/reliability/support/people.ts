import { randomUUID } from 'node:crypto';
import type { RecordingClient } from './recording-client';
import { uniquePassword, type SecretBook } from './secret-book';

export interface Person {
  readonly email: string;
  readonly password: string;
  readonly userId: string;
  token: string;
}

/** Signs a new person up with a unique email and password, logs them in, books the secrets. */
export async function signUp(
  http: RecordingClient,
  book: SecretBook,
  firstName = 'Rel',
): Promise<Person> {
  const email = `rel.${randomUUID()}@example.com`;
  const password = uniquePassword();
  book.password(password);
  const registered = await http.post('/auth/register', {
    email,
    password,
    firstName,
    lastName: 'Iability',
  });
  if (registered.status !== 201)
    throw new Error(`register: ${registered.status} ${registered.text}`);
  const token = await logIn(http, book, email, password);
  return { email, password, userId: registered.body.userId, token };
}

export async function logIn(
  http: RecordingClient,
  book: SecretBook,
  email: string,
  password: string,
): Promise<string> {
  const login = await http.post('/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
  book.sessionToken(login.body.accessToken);
  return login.body.accessToken;
}

export async function createOrganization(
  http: RecordingClient,
  owner: Person,
  name: string,
): Promise<string> {
  const created = await http.post('/orgs', { name }, owner.token);
  if (created.status !== 201) throw new Error(`create org: ${created.status} ${created.text}`);
  return created.body.organizationId;
}

export async function addMember(
  http: RecordingClient,
  organizationId: string,
  owner: Person,
  member: Person,
  role: string,
): Promise<void> {
  const invited = await http.post(
    `/orgs/${organizationId}/invitations`,
    { email: member.email, role },
    owner.token,
  );
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${invited.text}`);
  const accepted = await http.post(
    `/me/invitations/${invited.body.invitationId}/accept`,
    undefined,
    member.token,
  );
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
}

export async function createKey(
  http: RecordingClient,
  book: SecretBook,
  organizationId: string,
  person: Person,
  description = 'reliability',
): Promise<{ id: string; key: string }> {
  const created = await http.post(
    `/orgs/${organizationId}/api-keys`,
    { description },
    person.token,
  );
  if (created.status !== 201) throw new Error(`create key: ${created.status} ${created.text}`);
  book.apiKey(created.body.key);
  return { id: created.body.id, key: created.body.key };
}
