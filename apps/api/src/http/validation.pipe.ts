import {
  ValidationPipe,
  type ArgumentMetadata,
  type PipeTransform,
  type ValidationError,
} from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { InvalidInput, type FieldRule, type ProblemFieldError } from './problem';

/** Keys that class-transformer drops without a word; we refuse them like any unknown field. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
/** No request of this API nests deeper; a deeper body is refused before anything walks it. */
const MAX_DEPTH = 16;

/**
 * Validates DTOs at the edge: unknown fields are errors (never silently dropped), and every
 * failure becomes one `errors` entry naming its field and the rule it broke.
 */
class StrictValidationPipe implements PipeTransform {
  constructor(private readonly validation: ValidationPipe) {}

  /**
   * Not `async`: what a custom decorator returns (the principal, an If-Match tag) is the
   * server's own, and ValidationPipe would hand it back as it is (`validateCustomDecorators`
   * is off); answering it at once spares every authenticated request a chain of promises.
   */
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    return this.validateInput(value, metadata);
  }

  private async validateInput(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only a whole body or query string is an object; `@Query('owner')` is one value, absent
    // when undefined (turning it into {} would refuse every request that leaves it out).
    const whole = (metadata.type === 'body' || metadata.type === 'query') && !metadata.data;
    if (whole) {
      // No body at all: every required field is reported missing, one by one.
      if (value === undefined) value = {};
      if (
        metadata.metatype &&
        (value === null || typeof value !== 'object' || Array.isArray(value))
      ) {
        throw new InvalidInput([
          { field: '', message: 'The body must be a JSON object', rule: 'wrong_type' },
        ]);
      }
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
    if (whole) value = withoutNulls(value, metadata.metatype);
    return this.validation.transform(value, metadata);
  }
}

/**
 * `null` means absent: an optional field is then left out, a required one is `required`.
 * Only for the DTO's own fields: an unknown field stays, null or not, and is refused.
 */
function withoutNulls(value: unknown, metatype: ArgumentMetadata['metatype']): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const known = new Set(
    metatype
      ? getMetadataStorage()
          .getTargetValidationMetadatas(metatype, '', true, false)
          .map((meta) => meta.propertyName)
      : [],
  );
  return Object.fromEntries(
    Object.entries(value).filter(([name, field]) => field !== null || !known.has(name)),
  );
}

export function createValidationPipe(): PipeTransform {
  return new StrictValidationPipe(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      // The value stays inside the server: messages are ours and never echo it.
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => new InvalidInput(errors.flatMap((error) => flatten(error))),
    }),
  );
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

/** class-validator constraint names → the API's one list of snake_case rule ids. */
const RULE_OF_CONSTRAINT: Record<string, FieldRule> = {
  isDefined: 'required',
  isString: 'wrong_type',
  isInt: 'wrong_type',
  isNumber: 'wrong_type',
  isBoolean: 'wrong_type',
  isArray: 'wrong_type',
  isObject: 'wrong_type',
  maxLength: 'too_long',
  minLength: 'too_short',
  arrayMaxSize: 'too_long',
  arrayMinSize: 'too_short',
  min: 'out_of_range',
  max: 'out_of_range',
  isIn: 'not_allowed',
  isEnum: 'not_allowed',
  isEmail: 'email',
  whitelistValidation: 'unknown_field',
  readOnly: 'read_only',
  matches: 'invalid',
};

/** Rules that say the value is not even of the right kind: reported alone. */
const TYPE_RULES: readonly FieldRule[] = ['required', 'wrong_type'];

function flatten(error: ValidationError, parent = ''): ProblemFieldError[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const constraints = Object.entries(error.constraints ?? {});
  if (
    constraints.length > 0 &&
    error.value === undefined &&
    !('whitelistValidation' in (error.constraints ?? {}))
  ) {
    if (!('readOnly' in (error.constraints ?? {}))) {
      return [{ field, message: `${field} is required`, rule: 'required' }];
    }
  }
  const own = constraints.map(([constraint, message]) => {
    const rule = RULE_OF_CONSTRAINT[constraint] ?? toSnakeCase(constraint);
    return { field, message: messageFor(rule, field, message), rule };
  });
  const typeErrors = own.filter((entry) => TYPE_RULES.includes(entry.rule as FieldRule));
  return [
    ...(typeErrors.length > 0 ? typeErrors.slice(0, 1) : own),
    ...(error.children ?? []).flatMap((child) => flatten(child, field)),
  ];
}

function messageFor(rule: string, field: string, message: string): string {
  if (rule === 'unknown_field') return `${field} is not an accepted field`;
  if (rule === 'wrong_type') return message.replace(/^(\S+) must be an? /, `${field} must be a `);
  return message;
}

const toSnakeCase = (name: string): string =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
