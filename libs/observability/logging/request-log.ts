import type { IncomingMessage, ServerResponse } from 'node:http';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { API_PATH, matchedRouteTemplate } from '../api-requests';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** What the API's guard leaves on a request that the request line reads. */
interface ExpressRequest extends IncomingMessage {
  user?: { id?: unknown; role?: unknown };
}

/** How a request failed, as the exception filter classified it: class and code only. */
export interface RequestError {
  errorClass: string;
  errorCode: string;
}

const REQUEST_ERROR = Symbol('exitflow.requestError');
type NotedResponse = ServerResponse & { [REQUEST_ERROR]?: RequestError };
const withCaseId = new WeakSet<Logger>();

/** The exception filter notes the error class and the API's error code; the request line shows them. */
export function noteRequestError(response: ServerResponse, error: RequestError): void {
  (response as NotedResponse)[REQUEST_ERROR] = error;
}

/**
 * The case id of the request being handled, once the route has accepted it as one (a text that is no case id
 * is never logged: a path segment can be anything a client typed). Every later line of the request carries it,
 * the request line included.
 */
export function noteRequestCaseId(caseId: string): void {
  const logger = storage.getStore()?.logger;
  if (!logger || withCaseId.has(logger)) return;
  withCaseId.add(logger);
  logger.setBindings({ caseId });
}

function routeOf(request: ExpressRequest): string | null {
  return matchedRouteTemplate(request) ?? null;
}

function requestLine(request: ExpressRequest, response: ServerResponse, durationMs: number): object {
  const error = (response as NotedResponse)[REQUEST_ERROR];
  const user = request.user;
  return {
    method: request.method,
    route: routeOf(request),
    status: response.statusCode,
    durationMs,
    ...(typeof user?.id === 'string' ? { userId: user.id, role: user.role } : {}),
    ...(error ?? {}),
  };
}

function message(request: ExpressRequest, response: ServerResponse): string {
  return `${request.method} ${routeOf(request) ?? '(no route)'} ${response.statusCode}`;
}

/**
 * The first middleware of the API: gives every request its id (`X-Request-Id` in, checked, else a new UUID; the
 * same header out) and writes one line when the answer is sent, with method, route template, status, duration,
 * the user's id and role, and for a failure the error's class and code. Nothing else of the request: no body,
 * query string, header or cookie.
 */
export function requestLogging(
  root: Logger,
): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  return pinoHttp({
    logger: root,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (request, response) => {
      const id = requestIdFrom(request.headers[REQUEST_ID_HEADER.toLowerCase()]);
      response.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (request) => !API_PATH.test(request.url ?? '') },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    customSuccessObject: (request, response, fields) =>
      requestLine(request as ExpressRequest, response, (fields as { responseTime: number }).responseTime),
    customErrorObject: (request, response, _error, fields) =>
      requestLine(request as ExpressRequest, response, (fields as { responseTime: number }).responseTime),
    customSuccessMessage: (request, response) => message(request as ExpressRequest, response),
    customErrorMessage: (request, response) => message(request as ExpressRequest, response),
  });
}

/**
 * Makes the request's logger the one Nest's `Logger` writes through for the rest of the request (nestjs-pino's
 * AsyncLocalStorage), so a line logged while handling it carries its `requestId`. Placed after the body parser:
 * the parser's stream callbacks would leave the context.
 */
export function bindRequestLogger(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!request.log) return next();
  storage.run(new Store(request.log, response.log), next);
}
