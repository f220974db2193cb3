import type { OpenAPIObject } from '@nestjs/swagger';
import { codeSpans, documentationFiles, tablesIn, where } from './markdown';
import { routesOf, servedOpenApiDocument } from './openapi';

/**
 * docs/endpoints.md against the API's routes, taken from the OpenAPI document the API serves: every route
 * has a row there, and every route any table in the docs names (docs/figures.md's too) exists.
 */
const FILE = 'docs/endpoints.md';
const ROUTE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/;

interface DocumentedRoute {
  file: string;
  line: number;
  route: string;
}

/** The routes in the first column of every table headed "endpoint" in a file; anything else there fails. */
function documentedRoutes(file: string): { routes: DocumentedRoute[]; unreadable: string[] } {
  const routes: DocumentedRoute[] = [];
  const unreadable: string[] = [];
  for (const table of tablesIn(file).filter((candidate) => candidate.header[0] === 'endpoint')) {
    for (const { line, cells } of table.rows) {
      const spans = codeSpans(cells[0] ?? '');
      if (!spans.length) unreadable.push(`${where(file, line)}: the endpoint column names no \`METHOD /path\``);
      for (const span of spans) {
        const match = ROUTE.exec(span);
        if (!match) {
          unreadable.push(`${where(file, line)}: \`${span}\` is not \`METHOD /api/full/path\` (write each route out)`);
          continue;
        }
        routes.push({ file, line, route: `${match[1]} ${match[2].replace(/\?.*$/, '')}` });
      }
    }
  }
  return { routes, unreadable };
}

describe(`${FILE} mirrors the API's routes (the OpenAPI document)`, () => {
  let document: OpenAPIObject;
  let apiRoutes: string[];
  beforeAll(async () => {
    document = await servedOpenApiDocument();
    apiRoutes = routesOf(document);
  });

  it('reads the routes from the document the API serves', () => {
    expect(apiRoutes).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/health']));
  });

  it('writes every route in full, as METHOD and path', () => {
    const unreadable = documentationFiles().flatMap((file) => documentedRoutes(file).unreadable);
    expect(unreadable).toEqual([]);
  });

  it(`has a row in ${FILE} for every route of the API`, () => {
    const documented = new Set(documentedRoutes(FILE).routes.map(({ route }) => route));
    const missing = apiRoutes
      .filter((route) => !documented.has(route))
      .map((route) => `${FILE}: no row for \`${route}\`, which the API's OpenAPI document has`);
    expect(missing).toEqual([]);
  });

  it('names in the docs no route the API does not have', () => {
    const known = new Set(apiRoutes);
    const stale = documentationFiles()
      .flatMap((file) => documentedRoutes(file).routes)
      .filter(({ route }) => !known.has(route))
      .map(({ file, line, route }) => `${where(file, line)}: \`${route}\` is not a route of the API (stale row)`);
    expect(stale).toEqual([]);
  });
});
