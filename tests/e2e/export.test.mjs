// Exports of the shown article (issue 5): each format from the news page, content checked;
// the reading view's export menu; and a hostile article whose exports carry nothing
// executable. Runs in the browser named by QP_BROWSER (chromium, firefox).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { BROWSER, launch } from './lib/harness.mjs';
import { closeView, openView, until } from './lib/helpers.mjs';
import { startServer } from './lib/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const XSS_VECTORS = path.join(ROOT, '..', 'shared', 'security', 'xss-vectors.json');

const TITLE = 'Harbour town votes to keep its last ferry running';

/** The article's paragraphs, whitespace collapsed. */
function paragraphs(article) {
  return article.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 40);
}

/** The entries of a ZIP file in order: name, method and (inflated) data. */
function unzip(buf) {
  const entries = [];
  let at = 0;
  // Local file headers, one after another; the central directory follows the last.
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const flags = buf.readUInt16LE(at + 6);
    assert.equal(flags & 0x08, 0, 'sizes are in the local headers (no data descriptors)');
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 30, at + 30 + nameLen);
    const start = at + 30 + nameLen + extraLen;
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? raw : zlib.inflateRawSync(raw);
    entries.push({ name, method, extraLen, data: data.toString('utf8') });
    at = start + size;
  }
  return entries;
}

/** What in an HTML document could run: script elements, on* attributes, javascript: URLs. */
function executables(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = [];
  for (const node of doc.querySelectorAll('script, iframe, object, embed, frame, base')) found.push(`<${node.localName}>`);
  for (const node of doc.querySelectorAll('*')) {
    for (const name of node.getAttributeNames()) {
      const value = node.getAttribute(name).replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (/^on/i.test(name)) found.push(`${node.localName}[${name}]`);
      else if (name === 'srcdoc') found.push(`${node.localName}[srcdoc]`);
      else if (/^(javascript|vbscript|data:text\/html)/.test(value.replace(/^[^a-z]*/, '')) && /href|src|action|data|poster/.test(name)) {
        found.push(`${node.localName}[${name}=${value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

describe(`exports (${BROWSER})`, () => {
  let server;
  let browser;
  let article;
  const vectors = fs.existsSync(XSS_VECTORS) ? JSON.parse(fs.readFileSync(XSS_VECTORS, 'utf8')) : null;

  before(async () => {
    const pages = {};
    if (vectors) {
      // A readable article with every payload between its paragraphs. Served as csp-*, with
      // script-src 'none', so the payloads cannot fire in the page itself (the point is what
      // the extension makes of them, and an alert would stall the driver).
      const body = vectors
        .map(
          (v, i) =>
            `<p>Paragraph ${i} of the hostile article, long enough to count as the body text of a real story about winter.</p>\n${v.payload}`,
        )
        .join('\n');
      pages['/csp-xss-export.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile export</title></head><body><main><article><h1>Hostile export</h1>\n${body}\n</article></main></body></html>`;
    }
    server = await startServer({ pages });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('rejects before the reading view is open', async () => {
    // Grant activeTab and open the view (openView retries until the click has been handled,
    // which on a freshly started browser can lag behind the click)…
    const opened = await openView(browser, server.url('news.html'));
    assert.ok(opened.ok, opened.error);
    await closeView(browser); // …and close it again: no article is shown now
    const r = await browser.callBackground('exportArticle', 'md');
    assert.equal(r.ok, false);
    assert.match(r.error, /open the reading view first/);
  });

  it('rejects an unknown format', async () => {
    const result = await openView(browser, server.url('news.html'));
    assert.ok(result.ok, result.error);
    article = result.value;
    assert.equal(article.title, TITLE);
    const r = await browser.callBackground('exportArticle', 'pdf');
    assert.equal(r.ok, false);
    assert.match(r.error, /unknown export format/);
  });

  it('Markdown: front matter, the title and the paragraphs', async () => {
    const r = await browser.callBackground('exportArticle', 'md');
    assert.ok(r.ok, r.error);
    const { filename, mime, data } = r.value;
    assert.equal(filename, `${TITLE}.md`);
    assert.equal(mime, 'text/markdown');
    assert.match(data, /^---\n/);
    assert.ok(data.includes(`title: ${TITLE}`) || data.includes(`title: "${TITLE}"`) || data.includes(`title: '${TITLE}'`), data.slice(0, 400));
    assert.ok(data.includes(`# ${TITLE}`), 'a heading with the title');
    const flat = data.replace(/\s+/g, ' ');
    const ps = paragraphs(article);
    assert.ok(ps.length >= 3);
    // Inline markup (links, emphasis) may sit inside a paragraph; its opening words do not.
    for (const p of ps.slice(0, 3)) assert.ok(flat.includes(p.slice(0, 30)), `paragraph missing: ${p.slice(0, 60)}`);
    // The lead picture the view shows above the article, with the caption the page set
    // under it in the story's header, before the first paragraph.
    const picture = flat.indexOf('](http://127.0.0.1:');
    const caption = flat.indexOf('The ferry Saga leaves Port Aldin at dawn.');
    assert.ok(picture > 0 && picture < caption, flat.slice(0, 600));
    assert.ok(flat.indexOf(ps[0].slice(0, 30), caption) > caption, flat.slice(0, 600));
  });

  it('HTML: one standalone file, styles inline, no script', async () => {
    const r = await browser.callBackground('exportArticle', 'html');
    assert.ok(r.ok, r.error);
    const { filename, mime, data } = r.value;
    assert.equal(filename, `${TITLE}.html`);
    assert.equal(mime, 'text/html');
    assert.match(data, /^<!doctype html>/i);
    assert.doesNotMatch(data, /<script/i);
    assert.match(data, /<style[\s>][\s\S]*\.qp-/i, 'the reading view styles inline');
    assert.doesNotMatch(data, /<link[^>]*stylesheet/i, 'no external stylesheet');
    assert.ok(data.includes(TITLE));
    assert.deepEqual(await browser.evalPage(executables, data), []);
    assert.ok(data.includes(paragraphs(article)[0].slice(0, 30)));
  });

  it('plain text: the title and every paragraph', async () => {
    const r = await browser.callBackground('exportArticle', 'txt');
    assert.ok(r.ok, r.error);
    const { filename, mime, data } = r.value;
    assert.equal(filename, `${TITLE}.txt`);
    assert.equal(mime, 'text/plain');
    assert.ok(data.startsWith(TITLE));
    const lines = data.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    for (const p of paragraphs(article)) assert.ok(lines.includes(p), `paragraph missing: ${p.slice(0, 60)}`);
    assert.doesNotMatch(data, /<[a-z]/i);
  });

  it('EPUB: a zip, mimetype first and stored, a chapter with the paragraphs', async () => {
    const r = await browser.callBackground('exportArticle', 'epub');
    assert.ok(r.ok, r.error);
    const { filename, mime, data } = r.value;
    assert.equal(filename, `${TITLE}.epub`);
    assert.equal(mime, 'application/epub+zip');
    const entries = unzip(Buffer.from(data, 'base64'));
    assert.equal(entries[0].name, 'mimetype');
    assert.equal(entries[0].method, 0, 'mimetype is stored, not compressed');
    assert.equal(entries[0].extraLen, 0);
    assert.equal(entries[0].data, 'application/epub+zip');
    assert.ok(entries.some((e) => e.name === 'META-INF/container.xml'));
    const chapter = entries.find((e) => /\.xhtml$/.test(e.name) && !/nav\.xhtml$/.test(e.name) && e.data.includes('<p'));
    assert.ok(chapter, `no chapter among ${entries.map((e) => e.name).join(', ')}`);
    assert.ok(chapter.data.includes(paragraphs(article)[0].slice(0, 30)), 'the chapter has the first paragraph');
    assert.doesNotMatch(chapter.data, /<script/i);
  });

  it('saves a file through the downloads API', async () => {
    const r = await browser.callBackground('downloadArticle', 'txt');
    assert.ok(r.ok, r.error);
    assert.ok(Number.isInteger(r.value.id), JSON.stringify(r.value));
    assert.equal(r.value.filename, `${TITLE}.txt`);
  });

  it("the view's export menu saves a file and offers print", async () => {
    const menu = await browser.evalView(() => {
      const button = document.getElementById('qp-export-button');
      button.click();
      const items = [...document.querySelectorAll('#qp-export [role="menuitem"]')];
      return {
        expanded: button.getAttribute('aria-expanded'),
        visible: !document.getElementById('qp-export').hidden,
        focused: document.activeElement === items[0],
        items: items.map((b) => b.textContent),
        noPrint: document.getElementById('qp-export').classList.contains('qp-no-print'),
      };
    });
    assert.deepEqual(menu, {
      expanded: 'true',
      visible: true,
      focused: true,
      items: ['Save as Markdown', 'Save as HTML', 'Save as plain text', 'Save as EPUB', 'Copy as Markdown', 'Print / PDF'],
      noPrint: true,
    });
    await browser.evalView(() => document.querySelector('#qp-export [data-format="md"]').click());
    const status = await until(
      () => browser.evalView(() => document.querySelector('#qp-export .qp-menu-status').textContent).then((t) => (/^(Saved|Not)/.test(t) ? t : null)),
      { message: 'the export status' },
    );
    assert.equal(status, `Saved ${TITLE}.md.`);
    await closeView(browser);
  });

  it('the shortcut and the toolbar menu open the view when it is not open, then save', async () => {
    // What they call (openAndDownload), after a toolbar click has granted the tab, as the
    // key or the menu would; the browsers give tests no way to press an extension's key.
    const opened = await openView(browser, server.url('news.html'));
    assert.ok(opened.ok, opened.error);
    await closeView(browser);
    const r = await browser.callBackground('openAndDownload', 'md');
    assert.ok(r.ok, r.error);
    assert.ok(Number.isInteger(r.value.id), JSON.stringify(r.value));
    assert.equal(r.value.filename, `${TITLE}.md`);
    await until(() => browser.hasView(), { message: 'the view the export opened' });
    await closeView(browser);
  });

  it('"Copy as Markdown" in the view\'s export menu puts the Markdown on the clipboard', async () => {
    const opened = await openView(browser, server.url('news.html'));
    assert.ok(opened.ok, opened.error);
    // Real clicks (a user gesture, which the clipboard asks for), not element.click().
    await browser.clickInView('#qp-export-button');
    await browser.clickInView('#qp-export [data-action="copy"]');
    const status = await until(
      () => browser.evalView(() => document.querySelector('#qp-export .qp-menu-status').textContent).then((t) => (/^(Markdown|Not)/.test(t) ? t : null)),
      { message: 'the copy status' },
    );
    assert.equal(status, 'Markdown copied.');
    await closeView(browser);
    const copied = await until(
      () => browser.readClipboard().then((text) => (text.startsWith('---') ? text : null)),
      { message: 'Markdown on the clipboard' },
    );
    assert.match(copied, /^---\n[\s\S]*\n---\n/, 'front matter');
    assert.match(copied, new RegExp(`^title: ["']?${TITLE}["']?$`, 'm'));
    assert.match(copied, /^url: ["']?http:\/\/127\.0\.0\.1:\d+\/news\.html["']?$/m);
    assert.ok(copied.includes(`# ${TITLE}`), 'a heading with the title');
    const flat = copied.replace(/\s+/g, ' ');
    for (const p of paragraphs(article)) assert.ok(flat.includes(p.slice(0, 30)), `paragraph missing: ${p.slice(0, 60)}`);
  });

  it('a hostile article exports nothing executable', { skip: vectors ? false : `${XSS_VECTORS} is absent` }, async () => {
    // Not openView: some payloads are frames, so "the page's first frame is the view" (how
    // the Firefox harness finds it) does not hold here. openReader resolves once it is shown.
    await browser.goto(server.url('csp-xss-export.html'));
    await browser.clickToolbarButton();
    const result = await until(
      async () => {
        const r = await browser.callBackground('openReader');
        return r.ok || !/was the toolbar button pressed/.test(r.error) ? r : null;
      },
      { message: 'openReader to settle' },
    );
    assert.ok(result.ok, result.error);
    const exported = {};
    for (const format of ['md', 'html', 'txt', 'epub']) {
      const r = await browser.callBackground('exportArticle', format);
      assert.ok(r.ok, `${format}: ${r.error}`);
      exported[format] = r.value.data;
    }
    assert.ok(exported.txt.includes('Paragraph 100 of the hostile article'), 'the article was read');

    assert.deepEqual(await browser.evalPage(executables, exported.html), [], 'HTML export');
    assert.doesNotMatch(exported.html, /<script/i);

    // Markdown: whatever a renderer would pass through as raw HTML, and its link targets.
    // Code (fenced or inline) is shown literally and a backslash-escaped `<` is text, so
    // neither counts as HTML.
    const rawHtml = exported.md
      .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
      .replace(/(`+)[\s\S]*?\1/g, '')
      .replace(/\\</g, '&lt;');
    assert.deepEqual(await browser.evalPage(executables, rawHtml), [], 'Markdown (as HTML)');
    assert.doesNotMatch(exported.md, /\]\(\s*<?\s*(javascript|vbscript|data:text\/html)/i);

    const entries = unzip(Buffer.from(exported.epub, 'base64'));
    for (const entry of entries.filter((e) => /\.(x?html|opf|ncx)$/.test(e.name))) {
      assert.deepEqual(await browser.evalPage(executables, entry.data), [], entry.name);
      assert.doesNotMatch(entry.data, /<script/i, entry.name);
    }
    assert.ok((await browser.callBackground('closeReader')).ok);
  });
});
