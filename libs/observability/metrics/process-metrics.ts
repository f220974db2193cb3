import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A registry of its own for each process's metrics (not prom-client's global one: the tests run several
 * APIs and workers in one process), with prom-client's process and Node.js metrics (`process_*`, `nodejs_*`).
 */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
