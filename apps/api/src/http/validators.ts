import { Transform } from 'class-transformer';
import {
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';

/** Trims strings before validation; leaves other types for the type check to refuse. */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Control, format (bidi overrides, zero-width), line/paragraph-separator and unpaired
 * surrogate characters: invisible or reordering, never wanted in a name shown to others.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/**
 * A display name (people, organizations, key descriptions): a string of 1 to 100 characters
 * (code points) after trimming, without invisible characters. Each failure has its own rule:
 * `wrong_type`, `too_short`, `too_long`, `forbidden_characters`.
 */
export function IsDisplayName(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    IsString({ message: `${propertyName} must be a string`, ...options })(target, propertyName);
    MinLength(1, { message: `${propertyName} must not be empty`, ...options })(
      target,
      propertyName,
    );
    MaxLength(100, { message: `${propertyName} must be at most 100 characters`, ...options })(
      target,
      propertyName,
    );
    registerDecorator({
      name: 'forbiddenCharacters',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must not contain control, format or separator characters`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !FORBIDDEN.test(value),
      },
    });
  };
}

/** @deprecated name kept for controllers written before the rename; use IsDisplayName. */
export const IsPersonName = IsDisplayName;
