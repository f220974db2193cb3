import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { ApiModule } from './api.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { translateBodyParserErrors } from './common/body-parser-errors';
import { apiValidationPipe } from './common/validation.pipe';

/** Largest request body accepted; decisions are small JSON documents. */
export const REQUEST_BODY_LIMIT = '100kb';

/** Builds the API application exactly as `main.ts` runs it (tests use this too). */
export async function createApiApp(config: ExitflowConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn', 'log'],
  });
  app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.use(translateBodyParserErrors);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(apiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('exitflow API')
      .setDescription('Exit-forløb og kriminalpræventive frister (Kriminalforsorgen, politi, kommuner).')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
