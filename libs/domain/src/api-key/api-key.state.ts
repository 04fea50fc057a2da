import type { ApiKeyEvent } from './api-key.events';

export type ActiveApiKey = {
  readonly status: 'active';
  readonly keyId: string;
  readonly organizationId: string;
  readonly ownerId: string;
  readonly secretHash: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** Set by a roll: the key that replaces this one (which then lives out its grace period). */
  readonly rolledTo?: string;
  readonly membership?: number;
};

export type ApiKeyState =
  | { readonly status: 'none' }
  | ActiveApiKey
  | {
      readonly status: 'revoked';
      readonly keyId: string;
      readonly organizationId: string;
      readonly ownerId: string;
    };

export const initialApiKeyState = (): ApiKeyState => ({ status: 'none' });

export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { keyId, organizationId, ownerId, secretHash, issuedAt, expiresAt, membership } =
        event.data;
      return {
        status: 'active',
        keyId,
        organizationId,
        ownerId,
        secretHash,
        issuedAt,
        expiresAt,
        ...(membership === undefined ? {} : { membership }),
      };
    }
    case 'ApiKeyRolled': {
      if (state.status !== 'active') return state;
      const { rolledTo, graceEndsAt } = event.data;
      const expiresAt =
        Date.parse(graceEndsAt) < Date.parse(state.expiresAt) ? graceEndsAt : state.expiresAt;
      return { ...state, expiresAt, rolledTo };
    }
    case 'ApiKeyRevoked': {
      const { keyId, organizationId, ownerId } = event.data;
      return { status: 'revoked', keyId, organizationId, ownerId };
    }
    default:
      return state;
  }
}

/** Whether the key still opens anything at `now` (its owner's membership is checked apart). */
export const isApiKeyUsable = (state: ApiKeyState, now: string): state is ActiveApiKey =>
  state.status === 'active' && Date.parse(state.expiresAt) > Date.parse(now);
