/** A tiny fetch wrapper: every call returns status, headers and parsed JSON body. */
export interface HttpAnswer<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export function httpClient(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      rawBody?: string;
    } = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return {
    baseUrl,
    call,
    get: <T = any>(path: string, token?: string, headers?: Record<string, string>) =>
      call<T>('GET', path, { token, headers }),
    post: <T = any>(path: string, body?: unknown, token?: string) =>
      call<T>('POST', path, { body, token }),
    patch: <T = any>(
      path: string,
      body: unknown,
      token?: string,
      headers?: Record<string, string>,
    ) => call<T>('PATCH', path, { body, token, headers }),
    put: <T = any>(path: string, body: unknown, token?: string) =>
      call<T>('PUT', path, { body, token }),
    delete: <T = any>(path: string, token?: string, body?: unknown) =>
      call<T>('DELETE', path, { body, token }),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

let counter = 0;
/** A unique, valid sign-up for each call. */
export function newUser(
  overrides: Partial<{ email: string; password: string; firstName: string; lastName: string }> = {},
) {
  counter += 1;
  return {
    email: `user${counter}.${Date.now()}@example.com`,
    password: 'Str0ng!Passw0rd',
    firstName: 'Ada',
    lastName: 'Lovelace',
    ...overrides,
  };
}

/** Registers and logs in; returns the token and the sign-up data. */
export async function registerAndLogin(
  http: HttpClient,
  overrides: Parameters<typeof newUser>[0] = {},
) {
  const user = newUser(overrides);
  const registered = await http.post('/auth/register', user);
  if (registered.status !== 201)
    throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const login = await http.post('/auth/login', { email: user.email, password: user.password });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    ...user,
    userId: registered.body.userId as string,
    token: login.body.accessToken as string,
  };
}
