/**
 * The seed's five composition rules, in the order the settings page shows them, plus two
 * of ours after them: bcrypt reads only 72 bytes, so longer passwords are refused instead
 * of silently truncated, and a short blocklist stops the passwords that pass the
 * composition rules but top every breach list.
 */
export type PasswordRuleId =
  | 'min_length'
  | 'uppercase'
  | 'lowercase'
  | 'number'
  | 'special'
  | 'max_bytes'
  | 'not_common'
  | 'match';

export interface PasswordRule {
  readonly id: PasswordRuleId;
  readonly label: string;
}

export interface PasswordRuleResult extends PasswordRule {
  readonly met: boolean;
}

export interface PasswordCheck {
  readonly valid: boolean;
  readonly rules: readonly PasswordRuleResult[];
}

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt ignores every byte after the 72nd. */
export const MAX_PASSWORD_BYTES = 72;

const COMMON_PASSWORDS = new Set(
  [
    'password1!',
    'password123!',
    'p@ssw0rd',
    'p@ssword1',
    'passw0rd!',
    'qwerty123!',
    'welcome1!',
    'welcome123!',
    'admin123!',
    'letmein1!',
    'changeme1!',
    'iloveyou1!',
    'abc12345!',
    'summer2024!',
    'winter2024!',
    'spring2024!',
    'autumn2024!',
    'summer2025!',
    'winter2025!',
    'summer2026!',
    'winter2026!',
    'football1!',
    'baseball1!',
    'monkey123!',
    'dragon123!',
    'sunshine1!',
    'princess1!',
    'trustno1!',
    'master123!',
    'qwerty1!',
    'password!1',
    'password1@',
    'password1#',
    'p@ssw0rd1',
    'p@ssw0rd!',
    'passw0rd1!',
  ].map((password) => password.toLowerCase()),
);

interface RuleDefinition extends PasswordRule {
  readonly test: (password: string) => boolean;
}

const RULES: readonly RuleDefinition[] = [
  {
    id: 'min_length',
    label: `At least ${MIN_PASSWORD_LENGTH} characters`,
    test: (password) => [...password].length >= MIN_PASSWORD_LENGTH,
  },
  { id: 'uppercase', label: 'A capital letter', test: (password) => /\p{Lu}/u.test(password) },
  { id: 'lowercase', label: 'A lowercase letter', test: (password) => /\p{Ll}/u.test(password) },
  { id: 'number', label: 'A number', test: (password) => /\p{Nd}/u.test(password) },
  {
    id: 'special',
    label: 'A special character',
    test: (password) => /[^\p{L}\p{Nd}]/u.test(password),
  },
  {
    id: 'max_bytes',
    label: `At most ${MAX_PASSWORD_BYTES} bytes`,
    test: (password) => Buffer.byteLength(password, 'utf8') <= MAX_PASSWORD_BYTES,
  },
  {
    id: 'not_common',
    label: 'Not a commonly used password',
    test: (password) => !COMMON_PASSWORDS.has(password.toLowerCase()),
  },
];

const MATCH_RULE: PasswordRule = { id: 'match', label: 'Passwords match' };

export const PASSWORD_RULES: readonly PasswordRule[] = RULES.map(({ id, label }) => ({
  id,
  label,
}));

/** Evaluates every rule; `match` is included only when a confirmation is given. */
export function checkPassword(password: string, confirmation?: string): PasswordCheck {
  const rules: PasswordRuleResult[] = RULES.map(({ id, label, test }) => ({
    id,
    label,
    met: test(password),
  }));
  if (confirmation !== undefined) {
    rules.push({ ...MATCH_RULE, met: password === confirmation });
  }
  return { valid: rules.every((rule) => rule.met), rules };
}
