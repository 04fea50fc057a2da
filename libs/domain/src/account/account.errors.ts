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
