import type { IncomingMessage } from 'node:http';

/** Every request the API answers (its routes, its errors, its documentation): `/api` in any case. */
export const API_PATH = /^\/api(?:[/?#]|$)/i;

/** What Express leaves on a request it routed. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/**
 * The template of the route Express matched (`/api/exit-courses/:id/release`, the global prefix included),
 * never the URL: ids, names and query strings stay out of logs, metric labels and span names. Undefined for a
 * request no route matched.
 */
export function matchedRouteTemplate(request: IncomingMessage): string | undefined {
  const { route, baseUrl } = request as RoutedRequest;
  return typeof route?.path === 'string' ? `${baseUrl ?? ''}${route.path}` : undefined;
}
