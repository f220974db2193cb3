import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document, generated from the controllers and the DTO and view classes. One rule is added
 * here: a body whose class has no required field may be left out (the API reads a missing body as `{}`,
 * e.g. "the meeting was held, now"), so the document says it is optional.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('exitflow API')
      .setDescription('Exit-forløb og kriminalpræventive frister (Kriminalforsorgen, politi, kommuner).')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  const schemas = document.components?.schemas ?? {};
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as {
      requestBody?: { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> };
    }[]) {
      const ref = operation?.requestBody?.content?.['application/json']?.schema?.$ref;
      if (!ref) continue;
      const schema = schemas[ref.replace('#/components/schemas/', '')] as { required?: string[] } | undefined;
      operation.requestBody!.required = (schema?.required?.length ?? 0) > 0;
    }
  }
  return document;
}
