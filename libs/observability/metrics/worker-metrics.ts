import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DomainGauges } from './domain-gauges';
import { type MetricsEndpoint, type MetricsListenSettings, serveMetrics } from './metrics-endpoint';
import { processRegistry } from './process-metrics';
import { scrapeTemporalSdk } from './temporal-sdk-metrics';

/**
 * The worker's metrics: the read model's figures (DomainGauges), the process's own, and — merged into the
 * same text, so one scrape gets all — the Temporal SDK's exporter's, when the Runtime exports them.
 */
export class WorkerMetrics {
  readonly registry: Registry = processRegistry();
  readonly domain: DomainGauges;
  private readonly sdkUp: Gauge;
  private endpoint?: MetricsEndpoint;

  constructor(dataSource: DataSource) {
    this.domain = new DomainGauges(dataSource, this.registry);
    this.sdkUp = new Gauge({
      name: 'exitflow_temporal_sdk_metrics_up',
      help: "1 if this scrape holds the Temporal SDK's own metrics (temporal_*), 0 if its exporter is off or did not answer.",
      registers: [this.registry],
    });
  }

  /** `sdkMetricsUrl`: what installTemporalRuntime answered. */
  async scrape(sdkMetricsUrl: string | undefined): Promise<string> {
    const [sdk] = await Promise.all([scrapeTemporalSdk(sdkMetricsUrl), this.domain.refresh()]);
    this.sdkUp.set(sdk === undefined ? 0 : 1);
    const own = await this.registry.metrics();
    return sdk === undefined ? own : `${own.trimEnd()}\n${sdk.trimEnd()}\n`;
  }

  async listen(settings: MetricsListenSettings, sdkMetricsUrl: string | undefined): Promise<MetricsEndpoint> {
    await this.endpoint?.close();
    this.endpoint = await serveMetrics(settings, () => this.scrape(sdkMetricsUrl));
    return this.endpoint;
  }

  /** Nest calls it when the worker's application context closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
  }
}
