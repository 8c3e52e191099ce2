// Steps the end-to-end tests share, on top of lib/harness.mjs.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launch } from './harness.mjs';
import { startServer } from './server.mjs';

/**
 * The fixture server and a browser with the extension loaded, for the `describe` this is
 * called in: up before its first test, closed after its last. Tests read `server` and
 * `browser` from the returned object once they run.
 */
export function useBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export async function until(check, { timeout = 10_000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message} (last: ${last?.message ?? JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Everything "the page exactly as it was" means: its DOM, scroll position and focus. */
export function pageState(browser) {
  return browser.evalPage(() => ({
    html: document.documentElement.outerHTML,
    x: window.scrollX,
    y: window.scrollY,
    active: document.activeElement?.tagName ?? null,
    title: document.title,
  }));
}

export async function scrollPage(browser, y) {
  await browser.evalPage((top) => window.scrollTo({ top, behavior: 'instant' }), y);
  await until(() => browser.evalPage(() => window.scrollY).then((now) => Math.abs(now - y) <= 1), {
    message: `page scrolled to ${y}`,
  });
}

/**
 * What a user does: load the page, press the toolbar button. Returns what openReader gives
 * for the view that opened: `{ ok: true, value: article }` or `{ ok: false, error }`.
 */
export async function openView(browser, url) {
  if (url) await browser.goto(url);
  await browser.clickToolbarButton();
  // Wait for the click to be handled before asking for its article: an openReader that ran
  // first would open the view and the click, arriving late, would then close it again.
  await until(
    async () => {
      const r = await browser.callBackground('isReaderOpen');
      return r.ok && r.value === true;
    },
    { timeout: 5_000, message: 'the click to open a view' },
  ).catch(() => {}); // a click that never arrived: openReader below opens the view itself
  const result = await until(
    async () => {
      const r = await browser.callBackground('openReader');
      // Right after the click the activeTab grant may not be there yet.
      return r.ok || !/was the toolbar button pressed/.test(r.error) ? r : null;
    },
    { message: 'openReader to settle' },
  );
  await until(() => browser.hasView(), { message: 'the reading view frame' });
  return result;
}

export async function closeView(browser) {
  const r = await browser.callBackground('closeReader');
  assert.ok(r.ok, r.error);
  await until(async () => !(await browser.hasView()), { message: 'the view to close' });
}

/** The view's visible text and the bits the tests look at. */
export function viewSummary(browser) {
  return browser.evalView(() => {
    const q = (s) => document.querySelector(s);
    const article = q('article.qp-article');
    return {
      title: q('.qp-title')?.textContent ?? null,
      byline: q('.qp-byline')?.textContent ?? null,
      site: q('.qp-site')?.textContent ?? null,
      date: q('.qp-date')?.getAttribute('datetime') ?? null,
      readingTime: q('.qp-reading-time')?.textContent ?? null,
      removed: q('.qp-removed')?.textContent ?? null,
      lang: article?.lang ?? null,
      dir: article?.dir ?? null,
      text: q('main')?.innerText ?? '',
      paragraphs: document.querySelectorAll('.qp-content p').length,
      images: [...document.querySelectorAll('.qp-content img')].map((i) => i.src),
      firstContentTag: q('.qp-content')?.firstElementChild?.localName ?? null,
      leadCaption: q('.qp-content > figure.qp-lead > figcaption')?.textContent ?? null,
      message: q('.qp-message')?.innerText ?? null,
      scripts: document.querySelectorAll('.qp-content script, .qp-content iframe').length,
    };
  });
}
