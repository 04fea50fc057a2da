import type {
  LoginView,
  PreferencesView,
  RecoveryCodesView,
  CreatedKeyView,
  SessionsView,
  TotpSetupView,
} from './views';

/**
 * Operations that API.md promises and the served document does not list yet (issue 14 builds
 * them). client.ts adds them only where the generated `paths` lack them, so each one becomes
 * the generated type as soon as the document has it. The page treats their 404 as "not
 * available on this server yet".
 */
type Json<T> = { content: { 'application/json': T } };
type Op<Body, Answer, Path = never> = {
  parameters: { query?: never; header?: never; cookie?: never } & ([Path] extends [never]
    ? { path?: never }
    : { path: Path });
  responses: { 200: { headers: Record<string, unknown> } & Json<Answer> };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: Json<Body> });
type NoMethods = {
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
type Item<Methods> = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
} & Omit<NoMethods, keyof Methods> &
  Methods;

export interface FuturePaths {
  '/auth/login/mfa': Item<{ post: Op<{ mfaToken: string; code: string }, LoginView> }>;
  '/me/preferences': Item<{
    get: Op<never, PreferencesView>;
    put: Op<PreferencesView, PreferencesView>;
  }>;
  '/me/sessions': Item<{ get: Op<never, SessionsView>; delete: Op<never, never> }>;
  '/me/sessions/{sessionId}': Item<{ delete: Op<never, never, { sessionId: string }> }>;
  '/me/2fa/totp': Item<{ post: Op<{ password: string }, TotpSetupView> }>;
  '/me/2fa/totp/confirm': Item<{ post: Op<{ code: string }, RecoveryCodesView> }>;
  '/me/2fa': Item<{ delete: Op<{ password: string; code: string }, never> }>;
  '/orgs/{orgId}/api-keys/{keyId}/roll': Item<{
    post: Op<{ gracePeriodHours: number }, CreatedKeyView, { orgId: string; keyId: string }>;
  }>;
}
