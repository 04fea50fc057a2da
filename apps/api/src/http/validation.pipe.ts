import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInput, type ProblemFieldError } from './problem';

/**
 * Validates DTOs at the edge: unknown fields are errors (never silently dropped), and every
 * failure becomes one `errors` entry naming its field and the rule it broke.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInput(errors.flatMap((error) => flatten(error))),
  });
}

function flatten(error: ValidationError, parent = ''): ProblemFieldError[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
    field,
    message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
