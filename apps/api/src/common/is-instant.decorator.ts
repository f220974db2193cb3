import { registerDecorator, type ValidationOptions } from 'class-validator';

/** RFC 3339 date-time with an explicit offset (`2026-11-24T09:00:00+01:00`, `…Z`). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant the API can read unambiguously. Stricter than ISO 8601 on purpose: week dates, ordinal
 * dates and local times without an offset would pass `@IsISO8601` yet mean nothing exact.
 */
export function IsInstant(options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}
