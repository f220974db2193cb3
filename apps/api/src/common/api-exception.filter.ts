import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { classifyDatabaseError, describeDatabaseFailure } from '../../../../libs/persistence/database-errors';
import { noteRequestError } from '../../../../libs/observability/logging/request-log';
import { isTemporalUnavailable } from '../../../../libs/temporal/temporal-errors';
import { ApiError, type ApiErrorBody, type ApiErrorCode } from './api-error';

const CODE_BY_STATUS: Partial<Record<number, [ApiErrorCode, string]>> = {
  [HttpStatus.BAD_REQUEST]: ['VALIDATION_FAILED', 'Forespørgslen er ugyldig.'],
  [HttpStatus.NOT_FOUND]: ['NOT_FOUND', 'Adressen findes ikke.'],
  [HttpStatus.PAYLOAD_TOO_LARGE]: ['PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.'],
  [HttpStatus.TOO_MANY_REQUESTS]: ['TOO_MANY_REQUESTS', 'For mange forsøg. Vent et minut, og prøv igen.'],
};

/** Seconds a client should wait before trying again after a 503 (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 5;

const DATABASE_DOWN = new ApiError(
  HttpStatus.SERVICE_UNAVAILABLE,
  'SERVICE_UNAVAILABLE',
  'Databasen svarer ikke lige nu. Prøv igen om lidt; intet er ændret, medmindre svaret siger det.',
);
const TEMPORAL_DOWN = new ApiError(
  HttpStatus.SERVICE_UNAVAILABLE,
  'SERVICE_UNAVAILABLE',
  'Sagernes procesmotor (Temporal) svarer ikke lige nu. Prøv igen om lidt; er beslutningen allerede registreret, ses den på sagen.',
);

/**
 * Every error leaves the API as `{ code, message, details }`; unexpected ones without internals. A
 * dependency that is down (PostgreSQL, Temporal) is a 503 with `Retry-After`, never a 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    noteRequestError(response, { errorClass: errorClassOf(exception), errorCode: body.code });
    if (status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isApiErrorBody(payload)) return { status, body: payload };
      const [code, message] = CODE_BY_STATUS[status] ?? ['INTERNAL_ERROR', exception.message];
      return { status, body: { code, message, details: null } };
    }
    const database = classifyDatabaseError(exception);
    if (database.kind === 'unavailable') {
      this.logger.warn(`PostgreSQL unavailable: ${describeDatabaseFailure(database)}`);
      return fromApiError(DATABASE_DOWN);
    }
    if (isTemporalUnavailable(exception)) {
      this.logger.warn(`Temporal unavailable: ${(exception as Error).constructor?.name ?? 'Error'}`);
      return fromApiError(TEMPORAL_DOWN);
    }
    // Only the error's class (and a database code): a message, a stack or driver detail may carry case data.
    // A Temporal client error's gRPC status code (a number) tells which failure the Temporal mapping missed.
    const grpcCode = (exception as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    this.logger.error(
      `Unhandled ${describeDatabaseFailure(database)}${typeof grpcCode === 'number' ? ` (gRPC ${grpcCode})` : ''}`,
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'INTERNAL_ERROR', message: 'Der opstod en uventet fejl. Prøv igen senere.', details: null },
    };
  }
}

function errorClassOf(exception: unknown): string {
  return typeof exception === 'object' && exception !== null
    ? ((exception as Error).constructor?.name ?? 'Error')
    : typeof exception;
}

function fromApiError(error: ApiError): { status: number; body: ApiErrorBody } {
  return { status: error.getStatus(), body: error.getResponse() as ApiErrorBody };
}

function isApiErrorBody(payload: unknown): payload is ApiErrorBody {
  return (
    typeof payload === 'object' && payload !== null && 'code' in payload && 'message' in payload && 'details' in payload
  );
}
