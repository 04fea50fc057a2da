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

export class NoSuchSession extends DomainError {
  constructor() {
    super('NO_SUCH_SESSION', 'not_found', 'You have no open session with this id.');
  }
}
