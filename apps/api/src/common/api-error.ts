import { HttpException, HttpStatus } from '@nestjs/common';

/** The stable error codes of the API; clients branch on these, users read `message`. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'LOCAL_LOGIN_DISABLED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'PERSON_NOT_FOUND',
  'USER_NOT_FOUND',
  'USER_CHANGE_REFUSED',
  'MALFORMED_JSON',
  'BODY_TOO_DEEP',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CASE_NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'CASE_CLOSED',
  'DOCUMENT_REQUIRED',
  'COURSE_ALREADY_OPEN',
  'UNIT_NOT_FOUND',
  'UNIT_ALREADY_EXISTS',
  'INVALID_DOMAIN_DATA',
  'IDEMPOTENCY_KEY_REUSED',
  'CASE_NEEDS_ATTENTION',
  'CASE_ALREADY_ASSIGNED',
  'ABSENCE_NOT_FOUND',
  'ABSENCE_REFUSED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'COURSE_START_NEEDS_COORDINATION',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  details: unknown;
}

/** An error the API answers with as `{ code, message, details }`. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: ApiErrorCode, message: string, details: unknown = null) {
    super({ code, message, details } satisfies ApiErrorBody, status);
  }

  static caseNotFound(caseId: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'CASE_NOT_FOUND', 'Sagen findes ikke.', { caseId });
  }

  static invalidDomainData(message: string, details: unknown = null): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'INVALID_DOMAIN_DATA', message, details);
  }
}
