import { checkPassword, PASSWORD_RULES } from './password-policy';

const unmet = (password: string, confirmation?: string) =>
  checkPassword(password, confirmation)
    .rules.filter((rule) => !rule.met)
    .map((rule) => rule.id);

describe('password policy', () => {
  it('lists the seed rules first, in the order the page shows them', () => {
    expect(PASSWORD_RULES.map((rule) => rule.id).slice(0, 5)).toEqual([
      'min_length',
      'uppercase',
      'lowercase',
      'number',
      'special',
    ]);
  });

  it.each([
    ['', ['min_length', 'uppercase', 'lowercase', 'number', 'special']],
    ['short', ['min_length', 'uppercase', 'number', 'special']],
    ['alllowercase', ['uppercase', 'number', 'special']],
    ['ALLUPPERCASE1!', ['lowercase']],
    ['NoDigitsHere!', ['number']],
    ['NoSpecial123', ['special']],
    ['Has space 123', []],
    ['Str0ng!Passw0rd', []],
    ['Ünïcödé9ß!', []],
  ])('given %j, then the unmet rules are %j', (password, expected) => {
    expect(unmet(password)).toEqual(expected);
  });

  it('counts characters, not bytes, for the minimum length', () => {
    expect(unmet('Äb1!Äb1')).toContain('min_length');
    expect(unmet('Äb1!Äb1!')).not.toContain('min_length');
  });

  it('refuses a password past bcrypt 72-byte limit rather than truncating it', () => {
    expect(unmet(`Aa1!${'x'.repeat(68)}`)).toEqual([]);
    expect(unmet(`Aa1!${'x'.repeat(69)}`)).toEqual(['max_bytes']);
    expect(unmet(`Aa1!${'é'.repeat(35)}`)).toEqual(['max_bytes']);
  });

  it('refuses common passwords whatever their case', () => {
    expect(unmet('Password1!')).toEqual(['not_common']);
    expect(unmet('P@ssw0rd')).toEqual(['not_common']);
  });

  it('adds the match rule only when a confirmation is given', () => {
    expect(checkPassword('Str0ng!Passw0rd').rules.map((r) => r.id)).not.toContain('match');
    expect(checkPassword('Str0ng!Passw0rd', 'Str0ng!Passw0rd')).toMatchObject({ valid: true });
    const mismatch = checkPassword('Str0ng!Passw0rd', 'Str0ng!Passw0rX');
    expect(mismatch.valid).toBe(false);
    expect(mismatch.rules.at(-1)).toEqual({ id: 'match', label: 'Passwords match', met: false });
  });
});
