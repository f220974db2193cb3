import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

/**
 * Express error middleware placed right after the JSON body parser: turns its errors (raised before
 * any Nest handler runs) into the API's own errors, so they answer as `{ code, message, details }`.
 */
export function translateBodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const type = (error as { type?: string } | undefined)?.type;
  if (type === 'entity.parse.failed') {
    return next(new ApiError(HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', 'Forespørgslens JSON kan ikke læses.'));
  }
  if (type === 'entity.too.large') {
    return next(new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.'));
  }
  next(error);
}
