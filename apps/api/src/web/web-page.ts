import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { PROJECT_ROOT } from '../../../../libs/temporal/temporal-binaries';

/**
 * The web page (plain HTML, CSS and ES modules, no build step) lives in `apps/api/web/`. tsc does not
 * copy it to `dist/`, so it is found from the project root (the folder holding package.json), which is
 * the same from source (jest) and from `dist/` (`npm start`, the container image).
 */
export const WEB_PAGE_DIR = path.join(PROJECT_ROOT, 'apps', 'api', 'web');

/** The page's own scripts, styles and data URLs for images only: no inline code, never framed. */
export const webPageHeaders = helmet({
  // Never framed, said the same way to old browsers (X-Frame-Options) as to new ones (frame-ancestors).
  frameguard: { action: 'deny' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
});

/** Serves the page at `/` (hash routing: `/#/tavle`, `/#/sag/<type>/<id>`); `/api` is untouched. */
export function serveWebPage(app: NestExpressApplication): void {
  app.useStaticAssets(WEB_PAGE_DIR, { index: 'index.html', fallthrough: true, redirect: false, maxAge: 0 });
}
