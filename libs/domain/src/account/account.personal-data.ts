/**
 * Which event fields are personal data, encrypted with the subject's data key. Integrity
 * and ids stay in clear so the log remains navigable after erasure.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AccountRegistered: ['email', 'firstName', 'lastName', 'passwordHash'],
  NameChanged: ['firstName', 'lastName'],
  PasswordChanged: ['passwordHash'],
  TwoFactorSetupStarted: ['secret'],
  TwoFactorEnabled: ['recoveryCodeHashes'],
  /** Stored on the session's stream, under its user's data key. */
  SessionStarted: ['userAgent', 'ipAddress'],
  LoginFailed: ['userAgent', 'ipAddress'],
  /** An invitee's address: their own data, under a key of the invitation's own. */
  MemberInvited: ['email'],
  // Shredded with the account: nothing left may lead from the former account to its address.
  AccountDeleted: ['emailHash'],
};

/** The event field naming whose data key encrypts the personal fields. */
export const PERSONAL_DATA_SUBJECT_FIELD = 'userId';

/**
 * Events whose personal data belongs to another subject than a user: an invitation's email
 * is encrypted under a key named after the invitation, destroyed once it is closed.
 */
export const PERSONAL_DATA_SUBJECT_FIELDS: Readonly<Record<string, string>> = {
  MemberInvited: 'invitationId',
};

/** The events that bring a subject's data key into being (any later one only finds it). */
export const KEY_CREATING_EVENTS: ReadonlySet<string> = new Set([
  'AccountRegistered',
  'MemberInvited',
]);
