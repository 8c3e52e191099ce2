// The test pages' web server: tests/e2e/pages/ on 127.0.0.1, on a port the system picks.
// Pages named csp-*.html are served with the strictest Content-Security-Policy a site can
// send, to prove the reading view does not depend on the page's CSP. A `delay=MS` query holds
// the response back that long (a slow image keeps a page from finishing loading).

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pages');

export const STRICT_CSP = "default-src 'none'; script-src 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
};

/**
 * `pages` adds pages made by the test, `{ '/name.html': html }`, for those built from data
 * outside the repo (the shared corpora); they follow the same naming rules.
 */
export async function startServer({ pages = {} } = {}) {
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname, searchParams } = new URL(req.url, 'http://127.0.0.1');
      const delay = Math.min(Number(searchParams.get('delay')) || 0, 60_000);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (res.destroyed) return;
      const file = path.join(PAGES, path.normalize(pathname));
      if (!file.startsWith(PAGES + path.sep)) throw new Error('outside the pages');
      const body = Object.hasOwn(pages, pathname) ? pages[pathname] : await fs.readFile(file);
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (path.basename(file).startsWith('csp-')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  let run = 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** A URL for `page`, unique per call so each visit is its own tab target and history entry. */
    url: (page, query = '') => `http://127.0.0.1:${port}/${page}?run=${++run}${query ? `&${query}` : ''}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
