/**
 * A broken business rule. `code` is stable (clients and the problem+json mapping rely on it);
 * `kind` says which HTTP family it belongs to without the domain knowing about HTTP.
 */
export type DomainErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'precondition_failed';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
