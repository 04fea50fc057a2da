import { UnauthorizedException } from '@nestjs/common';

/** A 401 with code UNAUTHENTICATED; the filter adds `WWW-Authenticate`. */
export const unauthenticated = (message = 'A valid credential is required.') =>
  new UnauthorizedException({ message, code: 'UNAUTHENTICATED' });

export const unauthenticatedKey = () =>
  unauthenticated(
    'Send a valid X-API-Key: this one is missing, malformed, unknown, revoked or expired.',
  );

export const PEOPLE_ONLY =
  'This endpoint needs a person’s session (Authorization: Bearer <accessToken>); API keys are not accepted here.';
