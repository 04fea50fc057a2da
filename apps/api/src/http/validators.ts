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
 * The BMP ones as a character class the OpenAPI pattern repeats (ECMAScript, Python and Rust
 * regex engines read it alike); the server also refuses unpaired surrogates and the few
 * astral format characters.
 */
export const FORBIDDEN_CHARACTERS_CLASS =
  '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891' +
  '\\u08e2\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff' +
  '\\ufff9-\\ufffb';
/** Unpaired surrogates cannot be written in a portable pattern (JSON Schema validators refuse them). */
const FORBIDDEN = new RegExp(`[${FORBIDDEN_CHARACTERS_CLASS}\\ud800-\\udfff]|\\p{Cf}`, 'u');

/** What a display name looks like on the wire: something visible, nothing forbidden. */
export const DISPLAY_NAME_PATTERN = `^[^${FORBIDDEN_CHARACTERS_CLASS}]*[^${FORBIDDEN_CHARACTERS_CLASS}\\s][^${FORBIDDEN_CHARACTERS_CLASS}]*$`;

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
