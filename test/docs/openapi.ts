import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { createApiApp } from '../../apps/api/src/api.setup';
import { loadConfig } from '../../libs/config/exitflow-config';

/**
 * The OpenAPI document exactly as the API serves it at /api/docs-json: `createApiApp` builds the app the
 * way `main.ts` runs it, and the document it hands to `SwaggerModule.setup` is kept. The app is created in
 * Nest's preview mode, which resolves modules and controllers but instantiates no provider, so nothing
 * connects to PostgreSQL or Temporal and nothing listens.
 */
export async function servedOpenApiDocument(): Promise<OpenAPIObject> {
  const create = NestFactory.create.bind(NestFactory);
  const createSpy = jest
    .spyOn(NestFactory, 'create')
    .mockImplementation(((module: never, options?: object) => create(module, { ...options, preview: true })) as never);
  let served: OpenAPIObject | undefined;
  const setupSpy = jest.spyOn(SwaggerModule, 'setup').mockImplementation(((
    _path: string,
    _app: unknown,
    document: OpenAPIObject,
  ) => {
    served = document;
  }) as never);
  try {
    const app = await createApiApp(loadConfig({ DATABASE_URL: 'postgres://docs-check@127.0.0.1:1/none' }), ['error']);
    await app.close();
  } finally {
    createSpy.mockRestore();
    setupSpy.mockRestore();
  }
  if (!served) throw new Error('createApiApp no longer hands an OpenAPI document to SwaggerModule.setup.');
  return served;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** `METHOD /path` of every operation, parameters written as in the docs (`:id`). */
export function routesOf(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([routePath, operations]) =>
    METHODS.filter((method) => operations[method]).map(
      (method) => `${method.toUpperCase()} ${routePath.replace(/\{([^}]+)\}/g, ':$1')}`,
    ),
  );
}
