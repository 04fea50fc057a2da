import type { KeepAliveClient } from './http-client';

const PASSWORD = 'Str0ng!Passw0rd';

export interface IssuedKey {
  readonly id: string;
  /** The full key, as the 201 answer shows it once. */
  readonly key: string;
}

export interface KeyOwner {
  readonly userId: string;
  readonly token: string;
  readonly organizationId: string;
  readonly keys: readonly IssuedKey[];
}

/**
 * Over HTTP, as a person would: registers and logs in a user, creates an organization (the
 * user becomes its owner) and issues `keyCount` API keys in it, one request at a time.
 */
export async function createKeyOwner(client: KeepAliveClient, keyCount: number): Promise<KeyOwner> {
  const email = `keys.${Date.now()}.${process.hrtime.bigint()}@example.com`;
  const registered = bodyOf(
    await client.send('POST', '/auth/register', {
      email,
      password: PASSWORD,
      firstName: 'Bench',
      lastName: 'Owner',
    }),
    201,
    'register',
  );
  const login = bodyOf(
    await client.send('POST', '/auth/login', { email, password: PASSWORD }),
    200,
    'login',
  );
  const token = login.accessToken as string;
  const organization = bodyOf(
    await client.send('POST', '/orgs', { name: 'Bench Inc' }, token),
    201,
    'create organization',
  );
  const organizationId = organization.organizationId as string;
  const keys: IssuedKey[] = [];
  for (let index = 0; index < keyCount; index++) {
    const created = bodyOf(
      await client.send(
        'POST',
        `/orgs/${organizationId}/api-keys`,
        { description: `bench ${index}` },
        token,
      ),
      201,
      'create API key',
    );
    keys.push({ id: created.id as string, key: created.key as string });
  }
  return { userId: registered.userId as string, token, organizationId, keys };
}

function bodyOf(answer: { status: number; body: any }, status: number, what: string): any {
  if (answer.status !== status)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
