import { Runtime, type RuntimeOptions } from '@temporalio/worker';
import net from 'node:net';

/** How long a scrape waits for the SDK's exporter. */
const SDK_SCRAPE_TIMEOUT_MS = 2000;

/** The address the process's Runtime exports the SDK's metrics on, if it does. */
function exporterAddress(runtime: Runtime): string | undefined {
  const exporter = runtime.options.runtimeOptions.metricsExporter;
  return exporter?.type === 'prometheus' ? exporter.socketAddr : undefined;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Installs the process's Temporal Runtime (`options`: its logger and the rest) with the SDK's own Prometheus
 * exporter (`temporal_*`: task latencies, pollers, sticky cache, requests to Temporal) on a free loopback
 * port, which only this process reads: the worker's `/metrics` merges that text into its own scrape, so one
 * target serves both. Answers the exporter's URL.
 *
 * The Runtime is a per-process singleton that can be installed once. A Runtime already there (a test
 * setup file installs one for its logger) is kept if it exports already; an idle one without the exporter
 * is replaced by one with its options plus the exporter; one in use (a worker runs on it) cannot be, and
 * then the answer is `undefined` (the worker's scrape says `exitflow_temporal_sdk_metrics_up 0`).
 */
export async function installTemporalRuntime(options: RuntimeOptions = {}): Promise<string | undefined> {
  const existing = Runtime._instance;
  let base: RuntimeOptions = options;
  if (existing) {
    const address = exporterAddress(existing);
    if (address) return `http://${address}/metrics`;
    // isIdle is protected in the SDK's typings: no client, worker or creation on the Runtime.
    if (!(existing as unknown as { isIdle(): boolean }).isIdle()) return undefined;
    base = { ...Runtime.defaultOptions, ...options };
    await existing.shutdown();
  }
  for (let attempt = 1; ; attempt += 1) {
    const bindAddress = `127.0.0.1:${await freeLoopbackPort()}`;
    try {
      Runtime.install({
        ...base,
        telemetryOptions: {
          ...base.telemetryOptions,
          metrics: { prometheus: { bindAddress, useSecondsForDurations: true } },
        },
      });
    } catch (error) {
      // Another process took the port between the look and the bind: another port.
      if (attempt === 3) throw error;
      continue;
    }
    // A Runtime the SDK re-creates after an idle shutdown must not bind this port again (it may be taken
    // by then): it gets the options without the exporter, and the next install picks a port anew.
    Runtime.defaultOptions = base;
    return `http://${bindAddress}/metrics`;
  }
}

/** The SDK exporter's text, or undefined when it does not answer in time. */
export async function scrapeTemporalSdk(url: string | undefined): Promise<string | undefined> {
  if (!url) return undefined;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(SDK_SCRAPE_TIMEOUT_MS) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}
