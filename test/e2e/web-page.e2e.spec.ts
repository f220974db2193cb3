import { http } from '../support/system-under-test';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/** The web page is served at `/` with its own CSP; the API under `/api` answers as before. */
let sut: SystemUnderTest;

beforeAll(async () => {
  sut = await startSystem({}, { worker: false });
});

afterAll(() => sut?.stop());

const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

it('serves the page at / in Danish, with a policy that allows only its own scripts and styles, never framed', async () => {
  const page = await http(sut.baseUrl, 'GET', '/');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(page.body).toContain('<html lang="da">');
  expect(page.body).toContain('<script type="module" src="js/app.js"></script>');
  // No inline code: every script has a src, no style attributes or blocks.
  expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(page.body).not.toMatch(/\sstyle=|<style/);
  const csp = directives(page.headers.get('content-security-policy'));
  expect(csp).toMatchObject({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  });
  expect(JSON.stringify(csp)).not.toContain('unsafe');
  expect(page.headers.get('x-frame-options')).toBe('DENY');

  const script = await http(sut.baseUrl, 'GET', '/js/app.js');
  expect([script.status, script.headers.get('content-type')]).toEqual([200, expect.stringContaining('javascript')]);
  const styles = await http(sut.baseUrl, 'GET', '/styles.css');
  expect([styles.status, styles.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/css')]);
});

it('leaves /api as it was: JSON, the API’s closed policy, JSON errors for unknown paths', async () => {
  const me = await http(sut.baseUrl, 'GET', '/api/auth/me');
  expect([me.status, me.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  expect(directives(me.headers.get('content-security-policy'))).toMatchObject({
    'default-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
  const unknown = await http(sut.baseUrl, 'GET', '/api/index.html');
  expect([unknown.status, unknown.headers.get('content-type')]).toEqual([
    404,
    expect.stringContaining('application/json'),
  ]);
  const docs = await http(sut.baseUrl, 'GET', '/api/docs');
  expect(docs.headers.get('content-security-policy')).toContain("'unsafe-inline'");
  const user = await sut.as('kf.leder.storstroem');
  const who = await user('GET', '/api/auth/me');
  expect(who.body).toMatchObject({ role: 'supervisor', permissions: expect.arrayContaining(['case:read']) });
  expect(who.body.permissions).not.toContain('exit-course:decide');
});

it('answers a path outside the page and the API with 404, not the page', async () => {
  const missing = await http(sut.baseUrl, 'GET', '/findes-ikke.html');
  expect(missing.status).toBe(404);
  expect(directives(missing.headers.get('content-security-policy'))['default-src']).toEqual(["'self'"]);
});
