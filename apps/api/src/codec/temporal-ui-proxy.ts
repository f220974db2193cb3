import type { Request, Response } from 'express';
import http, { type IncomingHttpHeaders } from 'node:http';
import { hasPermission } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import {
  CODEC_COOKIE,
  CODEC_CREDENTIAL_MINUTES,
  codecCookie,
  type CodecCredentials,
} from '../auth/codec-credentials.service';

/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/**
 * The Temporal UI (TEMPORAL_UI_UPSTREAM) at TEMPORAL_UI_PATH, for a valid codec credential of a user whose role may read decoded
 * payloads; everyone else gets a Danish page saying how to open it. The UI's requests are passed on as
 * they came, streamed both ways, without the API's bearer token or the codec cookie.
 */
export function temporalUiProxy(upstream: URL, credentials: CodecCredentials) {
  return async (request: Request, response: Response): Promise<void> => {
    const token = codecCookie(request.headers.cookie);
    let user: AuthenticatedUser | undefined;
    try {
      user = token === undefined ? undefined : await credentials.userOf(token);
    } catch {
      // PostgreSQL away: as every route that needs the database, a 503.
      refuse(response, 503, 'Temporal UI kan ikke åbnes lige nu', 'Databasen svarer ikke. Prøv igen om lidt.');
      return;
    }
    if (!user || !hasPermission(user, 'temporal:codec')) {
      // None, expired, revoked or a deactivated user: 401; a user whose role no longer reads payloads: 403.
      refuse(
        response,
        user ? 403 : 401,
        'Temporal UI åbnes fra Drift-siden',
        `Log ind i exitflow som driftsbruger og tryk »Åbn Temporal UI« på siden Drift. Adgangen gælder i ${CODEC_CREDENTIAL_MINUTES} minutter.`,
      );
      return;
    }
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port || 80,
        method: request.method,
        path: request.originalUrl,
        headers: forwardedHeaders(request.headers, upstream.host),
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      if (response.headersSent) response.destroy();
      else refuse(response, 503, 'Temporal UI svarer ikke', 'Temporal UI kan ikke nås lige nu. Prøv igen om lidt.');
    });
    request.pipe(forwarded);
  };
}

function forwardedHeaders(headers: IncomingHttpHeaders, host: string): IncomingHttpHeaders {
  const passed = withoutHopByHop(headers);
  const cookie = passed.cookie;
  delete passed.authorization;
  delete passed.cookie;
  const cookies = (cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${CODEC_COOKIE}=`));
  return { ...passed, host, ...(cookies.length ? { cookie: cookies.join('; ') } : {}) };
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));
}

function refuse(response: Response, status: number, title: string, text: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      ...(status === 503 ? { 'Retry-After': '5' } : {}),
    })
    .send(
      `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
        `<body><main><h1>${title}</h1><p>${text}</p><p><a href="/#/drift">Til Drift-siden</a></p></main></body></html>`,
    );
}
