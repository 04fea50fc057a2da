import { DomainError } from '../shared/domain-error';

export class OrganizationNotFound extends DomainError {
  constructor() {
    super('ORGANIZATION_NOT_FOUND', 'not_found', 'No such organization.');
  }
}

export class OrganizationAlreadyExists extends DomainError {
  constructor() {
    super('ORGANIZATION_ALREADY_EXISTS', 'conflict', 'This organization already exists.');
  }
}

export class AlreadyAMember extends DomainError {
  constructor() {
    super(
      'ALREADY_A_MEMBER',
      'conflict',
      'This person is already a member of the organization.',
      'email',
    );
  }
}

export class MemberNotFound extends DomainError {
  constructor() {
    super('MEMBER_NOT_FOUND', 'not_found', 'No such member in this organization.');
  }
}

export class LastOwner extends DomainError {
  constructor() {
    super(
      'LAST_OWNER',
      'conflict',
      'The last owner can be neither removed nor demoted; make someone else owner first.',
    );
  }
}

export class BeyondOwnPermissions extends DomainError {
  constructor() {
    super(
      'BEYOND_OWN_PERMISSIONS',
      'forbidden',
      'You cannot give, change or take away more access than you hold yourself.',
    );
  }
}

export class AlreadyInvited extends DomainError {
  constructor() {
    super(
      'ALREADY_INVITED',
      'conflict',
      'This email already has a pending invitation to the organization.',
      'email',
    );
  }
}

/** Also for an invitation addressed to someone else, expired, withdrawn, declined or used. */
export class InvitationNotFound extends DomainError {
  constructor() {
    super('INVITATION_NOT_FOUND', 'not_found', 'No such invitation.');
  }
}
