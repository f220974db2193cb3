import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** The problem of a field the API does not know: refused, never silently dropped. */
export function unknownFieldProblem(field: string): FieldProblem {
  return { field, problems: [unknownFieldMessage(field)] };
}

const unknownFieldMessage = (field: string) => `Feltet '${field}' er ukendt og må ikke sendes.`;

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const problems = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      constraint === 'whitelistValidation' ? unknownFieldMessage(field) : message,
    );
    return [...(problems.length ? [{ field, problems }] : []), ...flatten(error.children ?? [], field)];
  });
}

/** DTO validation: unknown fields are refused, not dropped; every problem is named per field. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // One problem per field: a missing field is "missing", not also "too long" and "not text".
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', flatten(errors)),
  });
}
