import type { TwoFactorEvent } from './two-factor.events';

/** The account's second factor. Secrets read back as null once the account is erased. */
export type TwoFactorState = {
  readonly enabled: boolean;
  readonly secret: string | null;
  readonly pendingSecret: string | null;
  /** One entry per recovery code; null once used. */
  readonly recoveryCodeHashes: readonly (string | null)[];
  /** The latest TOTP time step accepted: this one and every earlier one are refused. */
  readonly lastUsedStep: number;
  /** When wrong codes were presented at login since the last accepted one. */
  readonly recentRejections: readonly string[];
};

export const initialTwoFactor = (): TwoFactorState => ({
  enabled: false,
  secret: null,
  pendingSecret: null,
  recoveryCodeHashes: [],
  lastUsedStep: -1,
  recentRejections: [],
});

/** Kept short: only the latest few rejections matter to the throttle. */
const REJECTIONS_KEPT = 20;

export function evolveTwoFactor(state: TwoFactorState, event: TwoFactorEvent): TwoFactorState {
  switch (event.type) {
    case 'TwoFactorSetupStarted':
      return { ...state, pendingSecret: event.data.secret };
    case 'TwoFactorEnabled':
      return {
        enabled: true,
        secret: state.pendingSecret,
        pendingSecret: null,
        recoveryCodeHashes: (event.data.recoveryCodeHashes as string | null)?.split(' ') ?? [],
        lastUsedStep: Math.max(state.lastUsedStep, event.data.usedStep),
        recentRejections: [],
      };
    case 'TwoFactorCodeUsed':
      return {
        ...state,
        lastUsedStep: Math.max(state.lastUsedStep, event.data.step),
        recentRejections: [],
      };
    case 'RecoveryCodeUsed':
      return {
        ...state,
        recoveryCodeHashes: state.recoveryCodeHashes.map((hash, index) =>
          index === event.data.codeIndex ? null : hash,
        ),
        recentRejections: [],
      };
    case 'TwoFactorCodeRejected':
      return {
        ...state,
        recentRejections: [...state.recentRejections, event.data.rejectedAt].slice(
          -REJECTIONS_KEPT,
        ),
      };
    case 'TwoFactorDisabled':
      return { ...initialTwoFactor(), lastUsedStep: state.lastUsedStep };
    default:
      return state;
  }
}

/**
 * Until when login codes are refused after `limit` wrong ones within `windowMs`, or null.
 * Pure: the clock and the limits arrive as arguments.
 */
export function secondFactorLockedUntil(
  state: TwoFactorState,
  now: string,
  limit: number,
  windowMs: number,
): string | null {
  const since = Date.parse(now) - windowMs;
  const recent = state.recentRejections.filter((at) => Date.parse(at) > since);
  if (recent.length < limit) return null;
  const oldestCounted = recent[recent.length - limit] ?? now;
  return new Date(Date.parse(oldestCounted) + windowMs).toISOString();
}
