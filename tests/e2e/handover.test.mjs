// What the content script hands the core, on real pages in a real browser: every 20th corpus
// page, served from 127.0.0.1 and loaded in the browser named by QP_BROWSER. They are served
// under a CSP that allows nothing (the server's `csp-` pages), so that a page waiting for
// resources of sites this machine cannot reach does not hold the read for seconds.
// The cut (content/serialise.js: the text of scripts and styles left out) must leave the
// core's article exactly as the whole serialisation gives it. tests/e2e/node/serialise.test.mjs
// does the same over the saved sources; this is the browser's own serialisation of the live
// DOM, which is what the cut is written for.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusPages } from '../../bench/corpus.mjs';
import { BROWSER, launch } from './lib/harness.mjs';
import { closeView, openView } from './lib/helpers.mjs';
import { startServer } from './lib/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');
const pages = corpusPages(CORPUS).filter((_, i) => i % 20 === 0);
const skip = pages.length ? false : `no corpus at ${CORPUS}: the shared corpus is not checked out`;

describe(`the page handed to the core, on corpus pages (${BROWSER})`, { skip }, () => {
  let server;
  let browser;
  let core;

  before(async () => {
    server = await startServer({
      pages: Object.fromEntries(pages.map((file, i) => [`/csp-corpus-${i}.html`, fs.readFileSync(file)])),
    });
    browser = await launch();
    core = await import(pathToFileURL(path.join(ROOT, 'dist', 'chrome', 'core', 'quietpage.js')).href);
    core.initSync({ module: fs.readFileSync(path.join(ROOT, 'dist', 'chrome', 'core', 'quietpage_bg.wasm')) });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cut leaves every article as the whole page gives it', async () => {
    const read = (html, url) => {
      try {
        return core.extract(html, url, null);
      } catch (e) {
        return { error: String(e?.message ?? e) };
      }
    };
    let whole = 0;
    let cut = 0;
    for (const [i, file] of pages.entries()) {
      const url = server.url(`csp-corpus-${i}.html`);
      const opened = await openView(browser, url);
      assert.ok(opened.ok, `${path.relative(CORPUS, file)}: ${opened.error}`);
      // The serialisation as content.js makes it, and the cut of it, in the content script's
      // world (the open view's element is in both).
      const handed = await browser.inContentScript(() => {
        const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
        const html = doctype + document.documentElement.outerHTML;
        const serialise = globalThis.quietPageSerialise;
        return { html, cut: serialise.cutsExactly(document) ? serialise.withoutCode(html) : null };
      });
      await closeView(browser);
      assert.ok(handed.cut !== null, 'this browser leaves < unescaped in attribute values');
      whole += handed.html.length;
      cut += handed.cut.length;
      assert.deepEqual(read(handed.cut, url), read(handed.html, url), path.relative(CORPUS, file));
    }
    assert.ok(cut < whole * 0.8, `${whole} → ${cut} characters`);
  });
});
