/** Injection token of the {@link ExitflowConfig} in the worker. */
export const EXITFLOW_CONFIG = Symbol('EXITFLOW_CONFIG');
