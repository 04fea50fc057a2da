import { Header } from '@nestjs/common';

/**
 * `Cache-Control: no-store` on an answer that carries a secret (a token, a key, recovery
 * codes). Every `/me*` answer gets it from the platform hook already.
 */
export const NoStore = () => Header('Cache-Control', 'no-store');
