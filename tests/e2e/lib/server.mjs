// The test pages' web server: tests/e2e/pages/ on 127.0.0.1, on a port the system picks.
// Pages named csp-*.html are served with the strictest Content-Security-Policy a site can
// send, to prove the reading view does not depend on the page's CSP.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pages');
const ICON = path.join(PAGES, '..', '..', '..', 'extension', 'icons', 'icon-128.png');

export const STRICT_CSP = "default-src 'none'; script-src 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

export async function startServer() {
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      // Every image on the test pages is the extension's icon, whatever its name: the tests
      // check which image is shown, not what it looks like.
      const file = pathname.startsWith('/img/')
        ? ICON
        : path.join(PAGES, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(PAGES) && file !== ICON) throw new Error('outside the pages');
      const body = await fs.readFile(file);
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
