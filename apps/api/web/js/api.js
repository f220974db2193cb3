/**
 * Talking to the API: the bearer token lives in sessionStorage (gone when the tab closes); any 401 ends
 * the session and sends the user back to the login. Errors carry the API's `{code, message, details}`.
 */
const TOKEN_KEY = 'exitflow.token';
const USER_KEY = 'exitflow.user';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get user() {
    const stored = sessionStorage.getItem(USER_KEY);
    return stored ? JSON.parse(stored) : null;
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/** Whether the signed-in user (`session.user`, or a user as the API answers `/api/auth/me`) holds a permission. */
export const can = (user, permission) => (user?.permissions ?? []).includes(permission);

/** An answer other than 2xx: `message` is the API's Danish message, `details` its per-field problems. */
export class ApiProblem extends Error {
  constructor(status, body) {
    super(body?.message ?? `Serveren svarede med fejl ${status}.`);
    this.status = status;
    this.code = body?.code ?? null;
    this.details = Array.isArray(body?.details) ? body.details : [];
  }
}

let onUnauthenticated = () => undefined;

/** What to do when the API says the user is not (or no longer) logged in. */
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

async function request(method, path, body, accept = 'application/json', extraHeaders = {}) {
  const headers = { accept, ...extraHeaders };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  // A FormData (a document upload) goes as multipart/form-data, with the boundary the browser sets.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, { message: 'Serveren kunne ikke nås. Prøv igen om lidt.' });
  }
  if (response.ok) return response;
  const problem = new ApiProblem(response.status, await response.json().catch(() => null));
  if (response.status === 401 && session.token) {
    session.clear();
    onUnauthenticated(problem.message);
  }
  throw problem;
}

export const api = {
  get: async (path) => (await request('GET', path)).json(),
  /** `headers`: e.g. an `Idempotency-Key`, so that a retry of the same request makes nothing twice. */
  post: async (path, body = {}, headers = {}) =>
    (await request('POST', path, body, 'application/json', headers)).json(),
  patch: async (path, body) => (await request('PATCH', path, body)).json(),
  /** Sends a form with a file (`FormData`) as multipart/form-data. */
  upload: async (path, formData) => (await request('POST', path, formData)).json(),
  /** A document the API answers as text (a printable letter's HTML). */
  text: async (path, accept = 'text/html') => (await request('GET', path, undefined, accept)).text(),
};

/** The file name a `Content-Disposition` gives: the UTF-8 one (`filename*`) if there is one, else `filename`. */
function dispositionName(disposition) {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition)?.[1];
}

/**
 * Fetches a file with the token and saves it through a temporary Blob link, under the server's name for it.
 * `accept`: the type asked for (`text/csv` for a report; any type for a case's document).
 */
export async function download(path, fallbackName, accept = 'text/csv') {
  const response = await request('GET', path, undefined, accept);
  const filename = dispositionName(response.headers.get('content-disposition') ?? '') ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `?a=1&b=2` from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  const text = search.toString();
  return text ? `?${text}` : '';
}
