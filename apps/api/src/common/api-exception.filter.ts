import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody, ApiErrorCode } from './api-error';

const CODE_BY_STATUS: Partial<Record<number, [ApiErrorCode, string]>> = {
  [HttpStatus.BAD_REQUEST]: ['VALIDATION_FAILED', 'Forespørgslen er ugyldig.'],
  [HttpStatus.NOT_FOUND]: ['NOT_FOUND', 'Adressen findes ikke.'],
  [HttpStatus.PAYLOAD_TOO_LARGE]: ['PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.'],
  [HttpStatus.TOO_MANY_REQUESTS]: ['TOO_MANY_REQUESTS', 'For mange forsøg. Vent et minut, og prøv igen.'],
};

/** Every error leaves the API as `{ code, message, details }`; unexpected ones without internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
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
    // Only the error's class and message: a stack or driver detail may carry case data.
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`Unhandled ${error.name}: ${error.message}`);
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'INTERNAL_ERROR', message: 'Der opstod en uventet fejl. Prøv igen senere.', details: null },
    };
  }
}

function isApiErrorBody(payload: unknown): payload is ApiErrorBody {
  return typeof payload === 'object' && payload !== null && 'code' in payload && 'message' in payload && 'details' in payload;
}
