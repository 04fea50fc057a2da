import { DomainError } from '../shared/domain-error';

export class SessionAlreadyStarted extends DomainError {
  constructor() {
    super('SESSION_ALREADY_STARTED', 'conflict', 'This session already exists.');
  }
}

export class SessionNotFound extends DomainError {
  constructor() {
    super('SESSION_NOT_FOUND', 'unauthenticated', 'The session does not exist.');
  }
}
