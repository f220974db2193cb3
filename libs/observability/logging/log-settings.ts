/** How API and worker write their logs (LOG_FORMAT, LOG_LEVEL, TEMPORAL_WORKER_LOG_LEVEL; docs/configuration.md). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** pino's levels, most verbose first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** The Temporal SDK's levels (its `LogLevel`), most verbose first. */
export const TEMPORAL_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type TemporalLogLevelName = (typeof TEMPORAL_LOG_LEVELS)[number];

export interface LogSettings {
  /** `json`: one JSON object a line (for a log shipper); `pretty`: coloured lines for a person at a terminal. */
  format: LogFormat;
  /** The least severe level written by the application's own loggers (Nest's and the HTTP request lines). */
  level: LogLevelName;
  /** The least severe level of the Temporal SDK's own lines in the worker (they are verbose below WARN). */
  temporalLevel: TemporalLogLevelName;
}
