import 'reflect-metadata';
import { loadConfig } from '../../../libs/config/exitflow-config';
import { startupLogger } from '../../../libs/observability/logging/exitflow-logger';
import { createApiApp } from './api.setup';

/** `npm run start:api`: the HTTP API against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
}

main().catch((error: Error) => {
  // The message names a refused setting or what failed at start-up; no request has been served.
  startupLogger('api').fatal({ err: error }, `exitflow API failed to start: ${error.message}`);
  process.exit(1);
});
