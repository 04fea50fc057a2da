import { checkPassword } from '@app/domain';
import { InvalidInput } from './problem';

/** 400 with one `errors` entry per failed rule, each naming the rule in `rule`. */
export function assertPasswordAcceptable(
  field: string,
  password: string,
  confirmation?: string,
): void {
  const failed = checkPassword(password, confirmation).rules.filter((rule) => !rule.met);
  if (failed.length === 0) return;
  throw new InvalidInput(
    failed.map((rule) => ({
      field: rule.id === 'match' ? 'confirmPassword' : field,
      message: rule.label,
      rule: rule.id,
    })),
    'The password does not meet every rule.',
  );
}
