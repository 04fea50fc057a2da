import { checkPassword } from '@app/domain';
import { InvalidInput } from './problem';

/** What is wrong, for a failed password rule: the policy's labels say what is wanted. */
function failureMessage(id: string, label: string, field: string, confirmField: string): string {
  const wanted = label.charAt(0).toLowerCase() + label.slice(1);
  switch (id) {
    case 'match':
      return `${confirmField} does not match ${field}`;
    case 'min_length':
    case 'max_bytes':
      return `${field} must be ${wanted}`;
    case 'not_common':
      return `${field} is a commonly used password`;
    case 'uppercase':
    case 'lowercase':
    case 'number':
    case 'special':
      return `${field} must contain ${wanted}`;
    default:
      return `${field} breaks the rule: ${label}`;
  }
}

/** 400 with one `errors` entry per failed rule, each naming the rule in `rule`. */
export function assertPasswordAcceptable(
  field: string,
  password: string,
  confirmation?: string,
  confirmField = 'confirmPassword',
): void {
  const failed = checkPassword(password, confirmation).rules.filter((rule) => !rule.met);
  if (failed.length === 0) return;
  throw new InvalidInput(
    failed.map((rule) => ({
      field: rule.id === 'match' ? confirmField : field,
      message: failureMessage(rule.id, rule.label, field, confirmField),
      rule: rule.id,
    })),
    'The password does not meet every rule.',
  );
}
