import createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { ProblemView } from './views';

/**
 * The only way the page talks to the server: the public REST API through openapi-fetch, typed
 * by `schema.d.ts` (generated from GET /docs-json at build time, see `npm run build:settings`).
 */
export type Paths = paths;

const TOKEN_KEY = 'settings.accessToken';
const SIGNED_OUT = 'settings:signed-out';

/** The session token lives in this tab only (sessionStorage): closing the tab forgets it. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  start(token: string) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  end() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
  /** Called when the server stops accepting the token (expired, ended elsewhere, deleted). */
  onExpired(listener: () => void): () => void {
    window.addEventListener(SIGNED_OUT, listener);
    return () => window.removeEventListener(SIGNED_OUT, listener);
  },
};

export const api = createClient<Paths>({ baseUrl: location.origin });

api.use({
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    const signedIn = request.headers.has('Authorization');
    if (
      response.status === 401 &&
      signedIn &&
      !new URL(request.url).pathname.startsWith('/auth/')
    ) {
      session.end();
      window.dispatchEvent(new Event(SIGNED_OUT));
    }
    return response;
  },
});

/** The body a 2xx answer of `P` `M` declares in the generated document; never if none. */
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends keyof Paths, M extends keyof Paths[P]> = Paths[P][M] extends {
  responses: infer R;
}
  ? R
  : never;
export type OkBody<P extends keyof Paths, M extends keyof Paths[P]> =
  | JsonOf<Responses<P, M>[200 & keyof Responses<P, M>]>
  | JsonOf<Responses<P, M>[201 & keyof Responses<P, M>]>;

/** The generated type where the document declares one, else the hand-written view. */
export type Typed<Generated, Fallback> = [Generated] extends [never]
  ? Fallback
  : unknown extends Generated
    ? Fallback
    : Generated;

export type Answer<T> =
  | { ok: true; status: number; data: T; etag: string | null }
  | { ok: false; status: number; problem: ProblemView };

/** Awaits an openapi-fetch call and folds it into ok/problem; a network failure is status 0. */
export async function send<T>(
  call: Promise<{ response: Response; data?: unknown; error?: unknown }>,
): Promise<Answer<T>> {
  try {
    const { response, data, error } = await call;
    if (response.ok) {
      return {
        ok: true,
        status: response.status,
        data: data as T,
        etag: response.headers.get('etag'),
      };
    }
    const problem =
      error && typeof error === 'object' ? (error as ProblemView) : { status: response.status };
    return { ok: false, status: response.status, problem };
  } catch {
    return {
      ok: false,
      status: 0,
      problem: { status: 0, title: 'Network error', detail: 'The server could not be reached.' },
    };
  }
}

/** The message to show for a failed call, next to a field if the problem names it. */
export function messageOf(problem: ProblemView): string {
  return problem.errors?.[0]?.message ?? problem.detail ?? problem.title ?? 'Something went wrong.';
}

export function fieldErrors(problem: ProblemView | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem?.errors ?? []) errors[error.field] ??= error.message;
  return errors;
}
