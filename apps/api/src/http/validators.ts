import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Trims strings before validation; leaves other types for the type check to refuse. */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Characters a name must not contain (API.md): controls (Cc), format characters such as bidi
 * overrides and zero-width ones (Cf), line and paragraph separators (Zl, Zp) and unpaired
 * surrogates (Cs), which can spoof or hide what a name shows.
 */
const FORBIDDEN_IN_NAMES = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const MAX_NAME_LENGTH = 100;

/** What is wrong with a name, or null: 1 to 100 characters (code points) after trimming. */
export function personNameProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const length = [...value].length;
  if (length === 0) return 'must not be empty';
  if (length > MAX_NAME_LENGTH) return `must be at most ${MAX_NAME_LENGTH} characters`;
  if (FORBIDDEN_IN_NAMES.test(value)) {
    return 'must not contain control, format (bidi override, zero-width), line or paragraph separator, or unpaired surrogate characters';
  }
  return null;
}

export function IsPersonName(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'personName',
      target: target.constructor,
      propertyName,
      options: {
        message: ({ value }) => `${propertyName} ${personNameProblem(value) ?? 'is not valid'}`,
        ...options,
      },
      validator: { validate: (value: unknown) => personNameProblem(value) === null },
    });
}
