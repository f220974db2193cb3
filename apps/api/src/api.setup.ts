import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { API_PATH } from '../../../libs/observability/api-requests';
import { attachApiMetrics } from '../../../libs/observability/metrics/api-metrics';
import { TEMPORAL_UI_PATH } from '../../../libs/temporal/temporal-ui-path';
import { createExitflowLogger } from '../../../libs/observability/logging/exitflow-logger';
import { levelOfNestLevels, nestLoggerOver } from '../../../libs/observability/logging/nest-logger';
import { REQUEST_ID_HEADER } from '../../../libs/observability/logging/request-id';
import { bindRequestLogger, requestLogging } from '../../../libs/observability/logging/request-log';
import { ApiModule } from './api.module';
import { CodecCredentials } from './auth/codec-credentials.service';
import { temporalUiProxy } from './codec/temporal-ui-proxy';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { openApiDocument } from './common/openapi-document';
import { translateBodyParserErrors } from './common/body-parser-errors';
import { REQUEST_BODY_LIMIT, refuseNonJsonBody, refuseUnsafeRequestData } from './common/request-limits';
import { apiValidationPipe } from './common/validation.pipe';
import { serveWebPage, webPageHeaders } from './web/web-page';

/** The page uses no device feature at all; none may be used by anything it loads. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/**
 * Builds the API application exactly as `main.ts` runs it (tests use this too). `logLevels` (Nest's names)
 * overrides LOG_LEVEL with its most verbose level; `logDestination` takes the JSON lines instead of stdout.
 */
export async function createApiApp(
  config: ExitflowConfig,
  logLevels?: LogLevel[],
  { logDestination }: { logDestination?: DestinationStream } = {},
): Promise<INestApplication> {
  const logger = createExitflowLogger(
    { ...config.logging, level: levelOfNestLevels(logLevels, config.logging.level) },
    'api',
    logDestination,
  );
  // Nest's own lines and every `new Logger(…)` write through pino from the first line on.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger: nestLoggerOver(logger),
  });
  attachApiMetrics(app);
  // First of all: the request's id and its one log line, also for requests refused before any route.
  app.use(requestLogging(logger));
  // Before the API's own headers and body parser: the Temporal UI answers with its own, and takes its bodies raw.
  if (config.temporalUiUpstream)
    app.use(TEMPORAL_UI_PATH, temporalUiProxy(config.temporalUiUpstream, app.get(CodecCredentials)));
  // Security headers. The API answers JSON only, so its CSP allows nothing; the Swagger page needs its
  // inline bootstrap script and styles, and gets exactly that.
  const apiHeaders = helmet({
    contentSecurityPolicy: { directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
  });
  const docsHeaders = helmet({
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
    },
  });
  // The web page (everything outside /api) has its own policy: its own scripts and styles only.
  const headersFor = (url = '') =>
    /^\/api\/docs/i.test(url) ? docsHeaders : API_PATH.test(url) ? apiHeaders : webPageHeaders;
  app.use((request: Request, response: Response, next: () => void) => {
    response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    // Answers about cases carry personal data: no browser or proxy may keep a copy (Pragma for HTTP/1.0
    // caches). Express routes ignore case, so `/API/…` reaches the API too and is marked the same.
    if (API_PATH.test(request.url)) {
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Pragma', 'no-cache');
    }
    headersFor(request.url)(request as never, response as never, next);
  });
  serveWebPage(app);
  app.enableCors((request: { url?: string }, callback: (error: Error | null, options: object) => void) => {
    // Closed unless configured; the payload codec admits the Temporal UI's origin only.
    // The codec also admits the UI's credentials (the codec cookie), from those origins only.
    const codec = request.url?.startsWith('/api/codec/') === true;
    const allowed = codec ? config.codecCorsOrigins : config.corsOrigins;
    callback(null, {
      origin: allowed.length ? allowed : false,
      credentials: codec && allowed.length > 0,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Namespace', REQUEST_ID_HEADER],
      exposedHeaders: [REQUEST_ID_HEADER],
    });
  });
  app.use('/api', refuseNonJsonBody);
  app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.use(translateBodyParserErrors);
  app.use('/api', refuseUnsafeRequestData);
  app.use(bindRequestLogger);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(apiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
