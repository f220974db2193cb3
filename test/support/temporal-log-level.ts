import { DefaultLogger, Runtime } from '@temporalio/worker';

// The SDK logs every worker start at INFO (the webpack bundle report included); tests want warnings only.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process by an earlier suite.
}
