import { DomainError } from '../shared/domain-error';

export class EmailTaken extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', 'conflict', 'An account with this email already exists.', 'email');
  }
}
