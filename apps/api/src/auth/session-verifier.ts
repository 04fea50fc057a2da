import { Injectable } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  isSessionValid,
  sessionDecider,
  sessionStream,
} from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { parseSessionToken, SESSION_TOKEN_PURPOSE } from '@app/platform/credentials/session-token';
import type { UserPrincipal } from './principal';
import { SessionActivity } from './session-activity';

/**
 * Verifies a bearer token against its own streams, the source of truth, never the read
 * model: the session must be open, unexpired, started under the account's current password
 * (or be the session that changed it), and the account must still exist.
 */
@Injectable()
export class SessionVerifier {
  constructor(
    private readonly cache: LiveStreamCache,
    private readonly hasher: SecretHasher,
    private readonly activity: SessionActivity,
  ) {}

  async verify(token: string): Promise<UserPrincipal | null> {
    const parsed = parseSessionToken(token);
    if (!parsed) return null;
    const session = await this.cache.load(sessionStream(parsed.sessionId), sessionDecider);
    const state = session.state;
    if (state.status !== 'open') return null;
    if (!this.hasher.matches(SESSION_TOKEN_PURPOSE, parsed.secret, state.tokenHash)) return null;
    const account = await this.cache.load(accountStream(state.userId), accountDecider);
    if (account.state.status !== 'active') return null;
    const now = new Date();
    if (!isSessionValid(state, account.state, now.toISOString())) return null;
    this.activity.record(state.sessionId, now);
    return { kind: 'user', userId: state.userId, sessionId: state.sessionId };
  }
}
