/**
 * Session tokens are opaque to clients: `st_<sessionId>.<secret>`. The id lets the server
 * find the session's stream; only an HMAC of the secret is ever stored.
 */
const FORMAT =
  /^st_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export const formatSessionToken = (sessionId: string, secret: string): string =>
  `st_${sessionId}.${secret}`;

export function parseSessionToken(token: string): { sessionId: string; secret: string } | null {
  const match = FORMAT.exec(token);
  return match?.[1] && match[2] ? { sessionId: match[1], secret: match[2] } : null;
}

export const SESSION_TOKEN_PURPOSE = 'session';
export const EMAIL_PURPOSE = 'email';
export const API_KEY_PURPOSE = 'api_key';
