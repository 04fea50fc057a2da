/**
 * Which event fields are personal data, encrypted with the subject's data key. Integrity
 * and ids stay in clear so the log remains navigable after erasure.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AccountRegistered: ['email', 'firstName', 'lastName', 'passwordHash'],
  NameChanged: ['firstName', 'lastName'],
  PasswordChanged: ['passwordHash'],
  // Shredded with the account: nothing left may lead from the former account to its address.
  AccountDeleted: ['emailHash'],
};

/** The event field naming whose data key encrypts the personal fields. */
export const PERSONAL_DATA_SUBJECT_FIELD = 'userId';
