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
};

/** The event field naming whose data key encrypts the personal fields. */
export const PERSONAL_DATA_SUBJECT_FIELD = 'userId';
