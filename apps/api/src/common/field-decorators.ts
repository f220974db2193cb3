import { applyDecorators } from '@nestjs/common';
import { isUuid } from './uuid';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { parseLocalDate } from '../../../../libs/domain/time/copenhagen-calendar';

/**
 * The field kinds of the API's request bodies, each one decorator that carries its OpenAPI schema and its
 * checks together, so the document states exactly what the server enforces. Checks run in the order they
 * are listed (presence, type, then content) and only the first problem of a field is reported.
 */

/** Blank characters (JavaScript's `\s` and Python's, listed so both read the pattern alike). */
const BLANK =
  ' \\t\\n\\r\\u000B\\u000C\\u001C-\\u001F\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
/** Control characters refused in every text (request-limits.ts refuses them anywhere in a request). */
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F';

/** Text with at least one visible character and no control character (tab and line breaks are fine). */
export const TEXT_PATTERN = `^[^${CONTROL}]*[^${BLANK}${CONTROL}][^${CONTROL}]*$`;
const TEXT = new RegExp(TEXT_PATTERN);

/** RFC 3339 date-time with an explicit offset (`2026-11-24T09:00:00+01:00`, `…Z`); seconds may be left out. */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';
const INSTANT = new RegExp(INSTANT_PATTERN);
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * Every moment and date the API takes lies in this range: nothing in these programmes happened before
 * 2000, and nothing is planned past 2099. Outside it a deadline or a lateness would be meaningless (and
 * once overflowed a column, leaving a case stuck).
 */
export const EARLIEST_MOMENT = '2000-01-01T00:00:00+01:00';
export const LATEST_MOMENT = '2099-12-31T23:59:59+01:00';
const MOMENT_RANGE_TEXT = 'mellem 01.01.2000 og 31.12.2099';

/** References of persons and mentors: pseudonyms, never names or CPR numbers. */
export const REFERENCE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9-]{2,63}$';

/** Most free text (reasons, notes, findings) may be this long. */
export const DEFAULT_TEXT_LENGTH = 2000;

export interface FieldOptions<Dto = never> {
  /**
   * The field as the user knows it, in Danish, as the subject of a sentence: the page's form label made a
   * noun ("Tidspunktet for vurderingen", "Politikredsen"). Every message names the field by it, never by
   * its API name.
   */
  label: string;
  description: string;
  example?: string | number | boolean;
  /** Message when the field is missing, or `true` for the usual "<label> skal udfyldes."; omit for an optional field. */
  required?: string | true;
  /** Required only when this holds of the body (then `required` is its message). */
  requiredWhen?: (dto: Dto) => boolean;
}

/** The OpenAPI property: required only when it always is. */
function property(schema: ApiPropertyOptions, options: FieldOptions<never>): PropertyDecorator {
  return ApiProperty({
    ...schema,
    required: options.required !== undefined && !options.requiredWhen,
  } as ApiPropertyOptions);
}

/** "<label> skal udfyldes." */
export const missingMessage = (label: string) => `${label} skal udfyldes.`;

/** The message for a missing field, or `undefined` for an optional one. */
function requiredMessage(options: FieldOptions<never>): string | undefined {
  return options.required === true ? missingMessage(options.label) : options.required;
}

/**
 * Presence: a required field must be given; an optional one may be left out — but not sent as `null`,
 * which is not a value of its type. `requiredWhen` makes a field required only when the rest of the
 * body calls for it (a rejection's reason).
 */
function presenceOf(field: string, options: FieldOptions<never>): PropertyDecorator {
  const required = requiredMessage(options);
  const { requiredWhen } = options;
  if (requiredWhen) {
    return applyDecorators(
      ValidateIf((dto: Record<string, unknown>) => requiredWhen(dto as never) || dto[field] !== undefined),
      IsDefined({ message: required ?? missingMessage(options.label) }),
    );
  }
  return required
    ? IsDefined({ message: required })
    : ValidateIf((dto: Record<string, unknown>) => dto[field] !== undefined);
}

/** `a`, `a eller b`, `a, b eller c`. */
export function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} eller ${values[values.length - 1]}`;
}

/** Free text a person typed: trimmed of nothing, but never blank, never with control characters. */
export function TextField<Dto>(field: string, options: FieldOptions<Dto> & { maxLength?: number }): PropertyDecorator {
  const maxLength = options.maxLength ?? DEFAULT_TEXT_LENGTH;
  const { label } = options;
  return applyDecorators(
    property(
      { type: String, description: options.description, example: options.example, maxLength, pattern: TEXT_PATTERN },
      options,
    ),
    presenceOf(field, options),
    IsString({ message: `${label} skal være tekst.` }),
    Matches(TEXT, {
      message: requiredMessage(options) ?? `${label} må ikke være tom tekst: udelad feltet, eller skriv en tekst.`,
    }),
    MaxLength(maxLength, { message: `${label} må højst være ${maxLength} tegn.` }),
  );
}

/** A moment with its offset, inside [EARLIEST_MOMENT, LATEST_MOMENT]. */
export function InstantField(field: string, options: FieldOptions): PropertyDecorator {
  const earliest = Date.parse(EARLIEST_MOMENT);
  const latest = Date.parse(LATEST_MOMENT);
  return applyDecorators(
    property(
      {
        type: String,
        pattern: INSTANT_PATTERN,
        description: `${options.description} Tidspunkt med tidszone, ${MOMENT_RANGE_TEXT}.`,
        example: options.example ?? '2026-11-24T09:00:00+01:00',
      },
      options,
    ),
    presenceOf(field, options),
    Satisfies('isInstant', (value) => typeof value === 'string' && INSTANT.test(value) && isRealInstant(value), {
      message: `${options.label} skal være et gyldigt tidspunkt med dato, klokkeslæt og tidszone.`,
    }),
    Satisfies(
      'instantInRange',
      (value) => Date.parse(value as string) >= earliest && Date.parse(value as string) <= latest,
      {
        message: `${options.label} skal ligge ${MOMENT_RANGE_TEXT}.`,
      },
    ),
  );
}

/** A Danish calendar date `YYYY-MM-DD` that exists, inside the moment range's years. */
export function DateField(field: string, options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    property(
      {
        type: String,
        pattern: DATE_PATTERN,
        description: `${options.description} Dato ÅÅÅÅ-MM-DD, ${MOMENT_RANGE_TEXT}.`,
        example: options.example,
      },
      options,
    ),
    presenceOf(field, options),
    Satisfies('isCalendarDate', (value) => typeof value === 'string' && parseLocalDate(value) !== undefined, {
      message: `${options.label} skal være en gyldig dato (ÅÅÅÅ-MM-DD).`,
    }),
    Satisfies(
      'dateInRange',
      (value) => (value as string) >= EARLIEST_MOMENT.slice(0, 10) && (value as string) <= LATEST_MOMENT.slice(0, 10),
      {
        message: `${options.label} skal ligge ${MOMENT_RANGE_TEXT}.`,
      },
    ),
  );
}

/**
 * One of a fixed list of codes (an enum). The message names the values as the page does (`names`, the
 * domain's Danish names of the codes), never by their codes.
 */
export function ChoiceField<Dto, Value extends string>(
  field: string,
  names: Readonly<Record<Value, string>>,
  options: FieldOptions<Dto>,
): PropertyDecorator {
  const values = Object.keys(names) as Value[];
  return applyDecorators(
    property({ enum: values, description: options.description, example: options.example }, options),
    presenceOf(field, options),
    IsIn(values, { message: `${options.label} skal være ${orList(values.map((value) => names[value]))}.` }),
  );
}

export function BooleanField(field: string, options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    property({ type: Boolean, description: options.description, example: options.example }, options),
    presenceOf(field, options),
    IsBoolean({ message: `${options.label} skal være ja eller nej.` }),
  );
}

/** A unit's code; whether a unit of the right kind has it is checked by the service (422). */
export function UnitCodeField(field: string, options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    property({ type: String, description: options.description, example: options.example }, options),
    presenceOf(field, options),
    IsString({ message: `${options.label} skal være tekst.` }),
    MaxLength(64, { message: `${options.label} må højst være 64 tegn.` }),
  );
}

/** Text of a fixed form (a pattern), optionally at most `maxLength` long; `message` when it is not of the form. */
function PatternedTextField(
  field: string,
  options: FieldOptions,
  pattern: string,
  message: string,
  maxLength?: number,
): PropertyDecorator {
  return applyDecorators(
    property(
      {
        type: String,
        description: options.description,
        example: options.example,
        pattern,
        ...(maxLength ? { maxLength } : {}),
      },
      options,
    ),
    presenceOf(field, options),
    IsString({ message: `${options.label} skal være tekst.` }),
    ...(maxLength ? [MaxLength(maxLength, { message: `${options.label} må højst være ${maxLength} tegn.` })] : []),
    Matches(new RegExp(pattern), { message }),
  );
}

/** A user's id as tokens and the audit trail carry it (a database id, or an identity provider's subject). */
export const USER_ID_PATTERN = '^[A-Za-z0-9._@|-]{1,120}$';

/** A user's id; whether it is an active user who may have the role asked for is checked by the service (422). */
export function UserIdField(field: string, options: FieldOptions): PropertyDecorator {
  return PatternedTextField(field, options, USER_ID_PATTERN, `${options.label} skal være en brugers id.`);
}

/** An e-mail address as a mailbox takes it (one `@`, no blanks), or the empty text to remove it. */
export const EMAIL_PATTERN = '^$|^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$';

export function EmailField(field: string, options: FieldOptions): PropertyDecorator {
  const message = `${options.label} skal være en e-mailadresse, fx navn@kriminalforsorgen.dk.`;
  return PatternedTextField(field, options, EMAIL_PATTERN, message, 254);
}

/** What a reference may hold (the domain rule of a mentor's reference says the same). */
const referenceMessage = (label: string) => `${label} skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.`;

/** A pseudonymous reference (a person's, a mentor's). */
export function ReferenceField(field: string, options: FieldOptions): PropertyDecorator {
  return PatternedTextField(field, options, REFERENCE_PATTERN, referenceMessage(options.label));
}

/** Whether an RFC 3339 text names a moment that exists (no 30 February, no 25 o'clock, years 0–99 too). */
function isRealInstant(text: string): boolean {
  const [, year, month, day, hour, minute, second = '0'] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(
    text,
  )!;
  const offset = /(Z|[+-](\d{2}):(\d{2}))$/.exec(text)!;
  if (offset[2] !== undefined && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) return false;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second)
  );
}

/** A check of one value, with its message. */
function Satisfies(name: string, check: (value: unknown) => boolean, options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: check },
    });
}

/** The id of a thing of the API (a note, a step): a UUID as the API answers it. */
export function IdField(field: string, options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    property({ type: String, format: 'uuid', description: options.description, example: options.example }, options),
    presenceOf(field, options),
    Satisfies('isId', (value) => typeof value === 'string' && isUuid(value), {
      message: `${options.label} skal være en gyldig UUID.`,
    }),
  );
}
