/** RFC 9457 problem details, the only error shape the API answers with. */
export interface ProblemFieldError {
  readonly field: string;
  readonly message: string;
  readonly rule: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly requestId?: string;
}

/**
 * The codes the HTTP layer itself answers with, one per kind of failure. Domain errors bring
 * their own codes (see `DOMAIN_PROBLEM_CODES`); both lists together are the `code` enum of
 * the OpenAPI `ProblemDetails` schema.
 */
export const HTTP_PROBLEM_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONCURRENT_WRITES: 409,
  STALE_REVISION: 412,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  UNAVAILABLE: 503,
} as const;

export type HttpProblemCode = keyof typeof HTTP_PROBLEM_CODES;

/**
 * Every `errors[].rule` id the API uses, snake_case. Password rule ids (`min_length`,
 * `uppercase`, ...) come from the password policy and are listed there.
 */
export const FIELD_RULES = [
  'required',
  'wrong_type',
  'too_short',
  'too_long',
  'out_of_range',
  'not_allowed',
  'unknown_field',
  'read_only',
  'email',
  'forbidden_characters',
  'confirmation_phrase',
  'etag',
  'max_depth',
  'invalid',
  'whole_seconds',
] as const;

export type FieldRule = (typeof FIELD_RULES)[number];

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

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

const PROBLEM_BASE = 'https://account-keys.dev/problems/';

/** Each code has its own type URI: `VALIDATION_FAILED` → `.../problems/validation-failed`. */
export const problemType = (code: string): string =>
  PROBLEM_BASE + code.toLowerCase().replace(/_/g, '-');

/** The `WWW-Authenticate` challenge of every 401: either credential is acceptable. */
export const WWW_AUTHENTICATE = 'Bearer realm="account-keys", ApiKey realm="account-keys"';

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: readonly ProblemFieldError[],
): ProblemDetails {
  const body: ProblemDetails = {
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
  return errors && errors.length > 0 ? { ...body, errors } : body;
}
