import { HttpException, HttpStatus } from '@nestjs/common';

/** The stable error codes of the API; clients branch on these, users read `message`. */
export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'LOCAL_LOGIN_DISABLED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  | 'PERSON_NOT_FOUND'
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'CASE_NOT_FOUND'
  | 'ILLEGAL_TRANSITION'
  | 'CASE_CLOSED'
  | 'COURSE_ALREADY_OPEN'
  | 'INVALID_DOMAIN_DATA'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

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
