import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InvalidInput, type ProblemFieldError } from './problem';

/** Keys that class-transformer drops without a word; we refuse them like any unknown field. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
/** No request of this API nests deeper; a deeper body is refused before anything walks it. */
const MAX_DEPTH = 16;

/**
 * Validates DTOs at the edge: unknown fields are errors (never silently dropped), and every
 * failure becomes one `errors` entry naming its field and the rule it broke.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const found = prototypeKeysIn(value);
      if (found.length > 0) {
        throw new InvalidInput(
          found.map((field) => ({
            field,
            message: `${field} is not an accepted field`,
            rule: 'unknown_field',
          })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInput(errors.flatMap((error) => flatten(error))),
  });
}

/** Walks the parsed input without recursion, so no nesting depth can exhaust the stack. */
function prototypeKeysIn(input: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      throw new InvalidInput([
        { field: path, message: `nested deeper than ${MAX_DEPTH} levels`, rule: 'max_depth' },
      ]);
    }
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.includes(key)) found.push(field);
      pending.push({
        value: (value as Record<string, unknown>)[key],
        path: field,
        depth: depth + 1,
      });
    }
  }
  return found;
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
