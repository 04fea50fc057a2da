import { DomainError } from '../shared/domain-error';

export class ApiKeyNotFound extends DomainError {
  constructor() {
    super('API_KEY_NOT_FOUND', 'not_found', 'No such API key.');
  }
}

export class ApiKeyAlreadyIssued extends DomainError {
  constructor() {
    super('API_KEY_ALREADY_ISSUED', 'conflict', 'This key id is taken.');
  }
}

export class ApiKeyNotRollable extends DomainError {
  constructor(why: string) {
    super('API_KEY_NOT_ROLLABLE', 'conflict', `This key cannot be rolled: ${why}.`);
  }
}
