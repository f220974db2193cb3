import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Moves failure messages and stack traces into an encoded payload, so the payload codec encrypts them
 * too (a refusal's message may quote a reason). Loaded by path: the worker also bundles it for workflows.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
