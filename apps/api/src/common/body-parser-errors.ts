import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

/** What body-parser's errors (http-errors with a `type`, or a bare status) carry. */
interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/**
 * Express error middleware placed right after the JSON body parser: turns its errors (raised before
 * any Nest handler runs) into the API's own errors, so they answer as `{ code, message, details }` —
 * never as a 500, whatever the client sent.
 */
export function translateBodyParserErrors(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  next(bodyParserErrorToApiError(error) ?? error);
}

export function bodyParserErrorToApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError || typeof error !== 'object' || error === null) return undefined;
  const { type, status = (error as BodyParserError).statusCode } = error as BodyParserError;
  if (type === 'charset.unsupported') {
    return new ApiError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Tegnsættet kan ikke læses: send JSON i UTF-8.',
    );
  }
  if (type === 'encoding.unsupported') {
    return new ApiError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Indholdets kodning kan ikke læses: send det ukomprimeret, som gzip, deflate eller br.',
    );
  }
  if (type === 'entity.too.large') {
    return new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.');
  }
  // A body that cannot be read as JSON: bad syntax, a broken compressed stream, a body shorter than it said.
  if (type === 'entity.parse.failed' || (status !== undefined && status >= 400 && status < 500)) {
    return new ApiError(HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', 'Forespørgslens JSON kan ikke læses.');
  }
  return undefined;
}
