/** Injection token of the {@link ExitflowConfig} in the API. */
export const API_CONFIG = Symbol('API_CONFIG');
