import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Trims strings before validation; leaves other types for the type check to refuse. */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** 1 to 100 characters (code points) after trimming, no control characters. */
export function IsPersonName(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'personName',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be 1 to 100 characters without control characters`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          [...value].length >= 1 &&
          [...value].length <= 100 &&
          !/\p{Cc}/u.test(value),
      },
    });
}
