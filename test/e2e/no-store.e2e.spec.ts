import { documentForm, pdfFile } from '../support/document-files';
import { startStorstroemCourse } from '../support/exit-course-fixtures';
import {
  http,
  startSystem,
  type HttpAnswer,
  type SystemUnderTest,
  type UserClient,
} from '../support/system-under-test';

/**
 * No API answer may be kept by a browser or a proxy: every route of the OpenAPI document answers
 * `Cache-Control: no-store` and `Pragma: no-cache`, whatever its status (200, 4xx), logged in or not, and so
 * do the API's errors, its unknown routes and a downloaded document. The page's own files may be cached.
 */
let sut: SystemUnderTest;
let caseworker: UserClient;
let routes: [string, string][];

/** Any id in a path: none names anything, so each route answers its refusal (404, 403, 400) and changes nothing. */
const ANY_ID = '00000000-0000-4000-8000-00000000cafe';

const caching = (answer: HttpAnswer) => [answer.headers.get('cache-control'), answer.headers.get('pragma')];
const NO_STORE = ['no-store', 'no-cache'];

beforeAll(async () => {
  sut = await startSystem();
  caseworker = await sut.as('kf.storstroem');
  const spec = await http(sut.baseUrl, 'GET', '/api/docs-json');
  routes = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods).map((method): [string, string] => [method.toUpperCase(), path]),
  );
});

afterAll(() => sut?.stop());

describe('Cache-Control: no-store', () => {
  it('is on the answer of every route of the API, for a logged-in user and for no user', async () => {
    expect(routes.length).toBeGreaterThan(100);
    const statuses = new Set<number>();
    for (const [method, path] of routes) {
      const url = path.replace(/\{[^}]+\}/g, ANY_ID);
      const body = method === 'GET' ? undefined : {};
      const answers = [await caseworker(method, url, body), await http(sut.baseUrl, method, url, body)];
      for (const answer of answers) {
        statuses.add(answer.status);
        expect([method, path, answer.status, ...caching(answer)]).toEqual([method, path, answer.status, ...NO_STORE]);
      }
    }
    // The walk met answers and refusals alike.
    expect([200, 400, 401, 403, 404].filter((status) => statuses.has(status))).toEqual([200, 400, 401, 403, 404]);
  });

  it('is on a downloaded document, an unknown route, a body that is no JSON, and /API in capitals', async () => {
    const course = await startStorstroemCourse(caseworker);
    const uploaded = await caseworker(
      'POST',
      `/api/cases/${course.id}/documents`,
      documentForm(pdfFile('Cache'), 'cache.pdf', { type: 'other' }),
    );
    const answers = [
      await caseworker('GET', `/api/cases/${course.id}/documents/${uploaded.body.id}`),
      await caseworker('GET', '/api/ingen-rute'),
      await caseworker('POST', '/api/persons', '{"name":', { 'content-type': 'application/json' }),
      await caseworker('GET', '/API/auth/me'),
    ];
    expect(answers.map((answer) => [answer.status, ...caching(answer)])).toEqual([
      [200, ...NO_STORE],
      [404, ...NO_STORE],
      [400, ...NO_STORE],
      [200, ...NO_STORE],
    ]);
  });

  it('is not on the page’s own files', async () => {
    const page = await http(sut.baseUrl, 'GET', '/styles.css');
    expect([page.status, page.headers.get('pragma')]).toEqual([200, null]);
    expect(page.headers.get('cache-control')).not.toContain('no-store');
  });
});
