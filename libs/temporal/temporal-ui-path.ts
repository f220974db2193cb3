/**
 * Where the API serves the Temporal UI. Under /api/codec, so that the codec cookie (Path=/api/codec) reaches
 * it, and on the API's own origin, so that the UI's calls to the codec (`/api/codec/decode`) are same-origin
 * and the browser sends the cookie with them, which it does not for another origin without the UI's
 * "include credentials" setting. The UI server must use this as its public path (`--ui-public-path`).
 */
export const TEMPORAL_UI_PATH = '/api/codec/temporal-ui';
