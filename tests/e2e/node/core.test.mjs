// The WebAssembly core as the extension loads it: the built dist/chrome/core/ files (the
// wasm-bindgen `--target web` glue and the wasm-opt'ed module), run in Node.
// Run by ./build.sh test after the build; `node --test tests/e2e/node/` works on its own
// once ./build.sh has run.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORE = path.join(ROOT, 'dist', 'chrome', 'core');
const PAGES = path.join(ROOT, 'tests', 'e2e', 'pages');
const BASE = 'http://127.0.0.1:8000/';

const page = (name) => fs.readFileSync(path.join(PAGES, name), 'utf8');

// The fields of the CLI's JSON (src/article.rs), in its order.
const FIELDS = [
  'title', 'byline', 'published', 'site_name', 'lang', 'dir', 'excerpt', 'lead_image',
  'lead_caption', 'url', 'content_html', 'text', 'word_count', 'reading_minutes', 'removed',
];

let core;

before(async () => {
  core = await import(pathToFileURL(path.join(CORE, 'quietpage.js')).href);
  core.initSync({ module: fs.readFileSync(path.join(CORE, 'quietpage_bg.wasm')) });
});

describe('wasm core: API shape', () => {
  it('version() is the crate version', () => {
    const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
    assert.equal(core.version(), /^version = "([^"]+)"/m.exec(toml)[1]);
  });

  it('errors are JS Errors with the readable message', () => {
    assert.throws(
      () => core.extract('<!doctype html><title>x</title>', BASE, undefined),
      (e) => e instanceof Error && e.message === 'no article was found on this page',
    );
  });

  it('options: a limit from JS applies, with the readable message', () => {
    assert.throws(
      () => core.extract(page('news.html'), BASE, { max_input_bytes: 1024 * 1024 * 0 + 100 }),
      (e) => e instanceof Error && /too large/.test(e.message),
    );
  });

  it('options: a malformed object is refused, naming the problem', () => {
    assert.throws(
      () => core.extract(page('news.html'), BASE, { max_input_bytes: 'lots' }),
      (e) => e instanceof Error && /^invalid options/.test(e.message),
    );
  });

  it('options: a site rule applies; a malformed one is refused, naming the field', () => {
    const plain = core.extract(page('news.html'), `${BASE}news.html`, { site_rule: { content: null, remove: [] } });
    assert.match(plain.content_html, /<blockquote>/);
    const ruled = core.extract(page('news.html'), `${BASE}news.html`, { site_rule: { content: null, remove: ['blockquote'] } });
    assert.doesNotMatch(ruled.content_html, /<blockquote>/);
    assert.ok(ruled.text.length < plain.text.length);
    const pictured = page('news.html').replace('<blockquote>', '<figure><img src="/img/harbour.jpg" alt="The harbour"></figure><blockquote>');
    assert.match(core.extract(pictured, BASE, {}).content_html, /<img[^>]+harbour\.jpg/);
    assert.doesNotMatch(core.extract(pictured, BASE, { keep_images: false }).content_html, /<img/);
    for (const [options, field] of [
      [{ site_rule: { remove: 'blockquote' } }, 'remove'],
      [{ site_rule: { remove: [7] } }, 'remove'],
      [{ site_rule: 'blockquote' }, 'site_rule'],
      [{ keep_images: 'no' }, 'keep_images'],
      [{ max_memory_bytes: -1 }, 'max_memory_bytes'],
    ]) {
      assert.throws(
        () => core.extract(page('news.html'), BASE, options),
        (e) => e instanceof Error && e.message.startsWith('invalid options') && e.message.includes(field),
        JSON.stringify(options),
      );
    }
  });

  it('the error path leaves the module usable', () => {
    assert.throws(() => core.extract('', null, null));
    assert.equal(typeof core.version(), 'string');
  });
});

// These need the extraction pipeline (src/stages): they check what the view will show.
describe('wasm core: articles (needs the extraction pipeline)', () => {
  it('a cluttered news page: same fields as the CLI, metadata, body, no boilerplate', () => {
    for (const options of [undefined, null, {}]) {
      const a = core.extract(page('news.html'), `${BASE}news.html`, options);
      assert.deepEqual(Object.keys(a), FIELDS);
      assert.equal(a.title, 'Harbour town votes to keep its last ferry running');
      assert.match(a.byline ?? '', /Mara Lindqvist/);
      assert.equal(a.site_name, 'The Coastal Courier');
      assert.match(a.published ?? '', /^2025-03-14/);
      assert.equal(a.lang, 'en');
      assert.equal(a.lead_image, `${BASE}img/ferry-lead.jpg`);
      assert.equal(a.lead_caption, 'The ferry Saga leaves Port Aldin at dawn. (Photo: Jonas Berg)');
      assert.match(a.text, /Residents of Port Aldin voted on Thursday/);
      assert.match(a.text, /timetables for the winter season will be published in August/);
      assert.match(a.content_html, /<blockquote>/);
      for (const junk of ['Accept all cookies', 'Subscribe now for unlimited access', 'Share on Facebook',
        'Our network', 'Most read', 'Related stories', 'Sign in to join', 'Advertisement', 'Breaking:']) {
        assert.ok(!a.text.includes(junk), `article text contains ${JSON.stringify(junk)}`);
      }
      assert.ok(a.word_count > 200 && a.word_count < 400, `word_count ${a.word_count}`);
      assert.ok(a.reading_minutes >= 1);
      assert.ok(a.removed.navigation >= 1, 'menus counted');
      assert.ok(a.removed.share >= 1, 'share bars counted');
      assert.equal(a.dir, null, 'absent fields are null, as in the CLI JSON');
    }
  });

  it('a right-to-left page keeps its language and direction', () => {
    const a = core.extract(page('rtl.html'), `${BASE}rtl.html`);
    assert.equal(a.lang, 'ar');
    assert.equal(a.dir, 'rtl');
    assert.match(a.text, /افتتحت البلدية يوم الأحد مكتبة عامة جديدة/);
  });

  it('a sign-in page is not an article', () => {
    assert.throws(
      () => core.extract(page('not-article.html'), `${BASE}not-article.html`),
      (e) => e instanceof Error && e.message === 'no article was found on this page',
    );
  });
});

describe('wasm core: exportArticle', () => {
  it('exports what extract returned, in each format', () => {
    const article = core.extract(page('news.html'), `${BASE}news.html`, undefined);
    const files = Object.fromEntries(['md', 'html', 'txt', 'epub'].map((f) => [f, core.exportArticle(article, f)]));
    for (const [format, file] of Object.entries(files)) {
      assert.equal(file.filename, `${article.title}.${format}`);
    }
    assert.deepEqual(Object.values(files).map((f) => f.mime), ['text/markdown', 'text/html', 'text/plain', 'application/epub+zip']);
    assert.ok(files.md.data.includes(`# ${article.title}`));
    assert.ok(files.txt.data.startsWith(article.title));
    assert.ok(files.html.data.includes(`${article.reading_minutes} min read`), 'the reading time survives the round trip');
    assert.ok(files.epub.data instanceof Uint8Array);
    assert.equal(Buffer.from(files.epub.data.subarray(30, 38)).toString(), 'mimetype');
  });

  it('takes a partial article, and rejects a non-article or an unknown format', () => {
    assert.equal(core.exportArticle({ title: 'Only a title' }, 'txt').filename, 'Only a title.txt');
    assert.equal(core.exportArticle({}, 'md').filename, 'article.md');
    assert.throws(() => core.exportArticle({ title: 42 }, 'md'), (e) => e instanceof Error && /not an article: `title`/.test(e.message));
    assert.throws(() => core.exportArticle({ word_count: 1.5 }, 'md'), (e) => e instanceof Error && /`word_count`/.test(e.message));
    assert.throws(() => core.exportArticle({ removed: { ads: 'x' } }, 'md'), (e) => e instanceof Error && /`ads`/.test(e.message));
    assert.throws(() => core.exportArticle(null, 'md'), Error);
    assert.throws(() => core.exportArticle({}, 'pdf'), (e) => e instanceof Error && /unknown export format/.test(e.message));
  });
});

describe('wasm core: automatic cleanup questions', () => {
  it('probablyReadable: yes on an article, no on a sign-in page, errors as Errors', () => {
    assert.equal(core.probablyReadable(page('news.html')), true);
    assert.equal(core.probablyReadable(page('not-article.html')), false);
    assert.throws(
      () => core.probablyReadable(page('news.html'), { max_input_bytes: 10 }),
      (e) => e instanceof Error && /too large/.test(e.message),
    );
  });

  it('checkSelector: undefined when the core can match it, else the reason', () => {
    assert.equal(core.checkSelector('article .story-body > p'), undefined);
    assert.match(core.checkSelector('h2 + p'), /^the selector `h2 \+ p` cannot be used: the `\+` combinator is not supported/);
    assert.match(core.checkSelector('div:has(p)'), /pseudo-classes/);
  });
});
