import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import express from 'express';
import { bodyParserErrorToApiError } from '../../api/src/common/body-parser-errors';
import { REQUEST_BODY_LIMIT, refuseUnsafeRequestData } from '../../api/src/common/request-limits';
import { apiValidationPipe } from '../../api/src/common/validation.pipe';
import { CouncilAgreementsDto } from '../../api/src/network-councils/network-council.dto';

/**
 * What the API does with a body before any handler runs — the JSON parser with its limit, the depth,
 * array and character checks, the DTO validation — in a process of its own, so the benchmark can read
 * its CPU time (`GET /cpu`). Started by request-bodies.bench.ts.
 */
const app = express();
const pipe = apiValidationPipe();
const metadata: ArgumentMetadata = { type: 'body', metatype: CouncilAgreementsDto };
app.use(express.json({ limit: REQUEST_BODY_LIMIT }));
// BENCH_WITHOUT_LIMITS=1: as the API was before the depth, array and character checks, for comparison.
if (!process.env.BENCH_WITHOUT_LIMITS) app.use(refuseUnsafeRequestData);
app.post('/body', async (request, response, next) => {
  try {
    await pipe.transform(request.body, metadata);
    response.status(200).json({});
  } catch (error) {
    next(error);
  }
});
app.get('/cpu', (_request, response) => {
  const { user, system } = process.cpuUsage();
  response.json({ cpuMs: (user + system) / 1000 });
});
app.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
  const known = bodyParserErrorToApiError(error) ?? error;
  const status = (known as { getStatus?: () => number }).getStatus?.() ?? 500;
  response.status(status).json({ status });
});
const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
