import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * The Temporal Runtime's logger in a test process: the SDK logs every worker start at INFO (the webpack
 * bundle report included), so tests get its warnings only — unless a suite routes the SDK's lines into the
 * worker's logger it captures (`startSystem(…, { logDestination })`), as `main.ts` does with Runtime.install.
 */
class RoutableTemporalLogger implements Logger {
  private readonly quiet = new DefaultLogger('WARN');
  private target: Logger = this.quiet;

  /** Sends the SDK's lines to `logger` until the returned function is called. */
  routeTo(logger: Logger): () => void {
    this.target = logger;
    return () => {
      this.target = this.quiet;
    };
  }

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.target.log(level, message, meta);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.target.trace(message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.target.debug(message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.target.info(message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.target.warn(message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.target.error(message, meta);
  }
}

export const temporalTestLogger = new RoutableTemporalLogger();

try {
  Runtime.install({ logger: temporalTestLogger });
} catch {
  // Already installed in this process by an earlier suite.
}
