/** RFC 9457 problem details, the only error shape the API answers with. */
export interface ProblemFieldError {
  readonly field: string;
  readonly message: string;
  readonly rule?: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly code?: string;
  readonly requestId?: string;
}

/** Thrown by the HTTP layer for input that fails validation; mapped to a 400 problem. */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(
    readonly errors: readonly ProblemFieldError[],
    readonly detail = 'The request has invalid fields.',
  ) {
    super(detail);
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (slug: string): string => `https://account-keys.dev/problems/${slug}`;
