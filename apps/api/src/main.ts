import 'reflect-metadata';
import { loadConfig } from '../../../libs/config/exitflow-config';
import { startTracing } from '../../../libs/observability/tracing/tracing';
import { createApiApp } from './api.setup';

/** `npm run start:api`: the HTTP API against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfig();
  startTracing(config.tracing, 'exitflow-api', { instrumentHttp: true });
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
}

main().catch((error: Error) => {
  console.error(`exitflow API failed to start: ${error.message}`);
  process.exit(1);
});
