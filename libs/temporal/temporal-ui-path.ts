import type { TemporalDevServerOptions } from './temporal-dev-server';

/** The payload codec's routes (`/decode`, `/credential`) and the codec cookie's path. */
export const CODEC_PATH = '/api/codec';

/**
 * Where the API serves the Temporal UI. Under /api/codec, so that the codec cookie (Path=/api/codec) reaches
 * it, and on the API's own origin, so that the UI's calls to the codec (`/api/codec/decode`) are same-origin
 * and the browser sends the cookie with them, which it does not for another origin without the UI's
 * "include credentials" setting. The UI server must use this as its public path (`--ui-public-path`).
 */
export const TEMPORAL_UI_PATH = `${CODEC_PATH}/temporal-ui`;

/** A dev server's UI settings for being served by the API at TEMPORAL_UI_PATH (npm start, the browser tests). */
export const UI_SERVED_BY_THE_API = {
  uiPublicPath: TEMPORAL_UI_PATH,
  uiCodecEndpoint: CODEC_PATH,
} as const satisfies Partial<TemporalDevServerOptions>;
