import { DomainError } from '../shared/domain-error';

export class AccountAlreadyExists extends DomainError {
  constructor() {
    super('ACCOUNT_ALREADY_EXISTS', 'conflict', 'This account already exists.');
  }
}

export class AccountNotFound extends DomainError {
  constructor() {
    super('ACCOUNT_NOT_FOUND', 'unauthenticated', 'The account does not exist.');
  }
}

export class WrongCurrentPassword extends DomainError {
  constructor() {
    super(
      'WRONG_CURRENT_PASSWORD',
      'forbidden',
      'The current password is not correct.',
      'currentPassword',
    );
  }
}

export class WrongPassword extends DomainError {
  constructor() {
    super('WRONG_PASSWORD', 'forbidden', 'The password is not correct.', 'password');
  }
}

export class TwoFactorAlreadyEnabled extends DomainError {
  constructor() {
    super('TWO_FACTOR_ALREADY_ENABLED', 'conflict', 'Two-factor authentication is already on.');
  }
}

export class TwoFactorSetupNotStarted extends DomainError {
  constructor() {
    super(
      'TWO_FACTOR_SETUP_NOT_STARTED',
      'conflict',
      'Start the setup with POST /me/2fa/totp first.',
    );
  }
}

export class InvalidTwoFactorCode extends DomainError {
  constructor() {
    super(
      'INVALID_TWO_FACTOR_CODE',
      'forbidden',
      'The code is wrong, expired or already used.',
      'code',
    );
  }
}

/** `If-Match` named a profile revision that a rename has since replaced (HTTP 412). */
export class StaleProfileRevision extends DomainError {
  constructor() {
    super(
      'STALE_REVISION',
      'precondition_failed',
      'The resource changed since you read it; read it again.',
    );
  }
}
