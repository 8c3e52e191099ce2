// Opening and closing the reading view on a tab.
//
// One session per tab, from the moment the reader is asked for until the view closes:
//   openReader → inject the content script → show the view (it says "Reading…") while the
//   DOM is snapshot and the core extracts → the view asks for the article with its one-time
//   token → renders it → says it is shown → openReader resolves with the article.
// Automatic opening (openReaderIf) snapshots and checks the page before anything is shown.
// The token ties a reader frame to the session that created it: a page that frames
// reader.html itself (it is web-accessible) gets nothing.
//
// Sessions live in memory only. If the browser stops the background in between, the content
// script still knows whether its view is open, and closing still works; a view left open
// then simply has no session until it is closed or opened again.

import { ext } from '../shared/api.js';
import { extractArticle } from './core.js';
import { checkMessage, typesFrom } from './messages.js';
import { loadRules, ruleFor } from './site-store.js';

const READER_PAGE = 'reader/reader.html';
const OPTIONS_PAGE = 'options/options.html';
// serialise.js first: content.js calls it on the page it hands over.
const CONTENT_SCRIPTS = ['content/serialise.js', 'content/content.js'];
// The view must say it is shown within this time, or openReader gives up (and closes it).
const SHOW_TIMEOUT_MS = 30_000;
// See readPage. `runtime.getBrowserInfo` is Firefox's alone.
const READ_BY_INJECTION = typeof ext.runtime.getBrowserInfo !== 'function';

/** tabId → session */
const sessions = new Map();
/** token → session */
const byToken = new Map();

class ReaderError extends Error {}
/** openReaderIf's check said no: nothing was shown, and nothing is wrong. */
export class NotShown extends ReaderError {}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // rejections are observed through `result`
  return { promise, resolve, reject };
}

function newToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function checkTabId(tabId) {
  if (!Number.isInteger(tabId) || tabId < 0) throw new TypeError(`not a tab id: ${tabId}`);
  return tabId;
}

/** The value in a content script's `{ ok, value }` or `{ ok: false, error }` answer. */
function unwrap(reply) {
  if (!reply) throw new Error('the page did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a message to our content script in the tab's top frame and unwraps its reply. */
async function toContent(tabId, msg) {
  return unwrap(await ext.tabs.sendMessage(tabId, msg, { frameId: 0 }));
}

/**
 * The page as the content script serialised it, `{ html, url }`.
 *
 * How it travels to the worker depends on the browser, by what was measured faster in each
 * (BENCHMARKS.md, "In the browser"): the page's whole HTML is the largest thing handed over
 * between the toolbar button and the article. In Chromium it comes back as an injection's
 * result, which took the serialise and hand-over stage to about 0.73 of its time with a
 * message's reply; in Firefox the reply is the quicker (an injection's result took about 1.15
 * of its time).
 */
async function readPage(tabId) {
  if (!READ_BY_INJECTION) return toContent(tabId, { type: 'qp:snapshot' });
  const [injection] = await ext.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: callSnapshot,
    // The content script, injected just before, waits for the page to render itself.
    injectImmediately: true,
  });
  return unwrap(injection?.result);
}

// Runs in the content script's world, sent as source text: it can use nothing from here.
// Errors come back as a value: Chromium's InjectionResult has no `error` to carry them.
async function callSnapshot() {
  const content = globalThis.__quietPageContent;
  if (typeof content?.snapshot !== 'function') return null;
  try {
    return { ok: true, value: await content.snapshot() };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e) };
  }
}

async function inject(tabId) {
  try {
    await ext.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: CONTENT_SCRIPTS });
  } catch (e) {
    // Browser pages, add-on stores, PDFs, and tabs the user has not pointed us at (no
    // activeTab grant) all end here.
    throw new ReaderError(
      "Quiet Page can't read this page. Browser pages and add-on stores are off limits; " +
        'elsewhere, use the toolbar button, the page menu or Alt+Shift+R.',
      { cause: e },
    );
  }
}

/** The options the core gets for a page: the user's rule for its site, if there is one. */
function optionsFor(url, rules) {
  const rule = ruleFor(url, rules);
  return rule ? { site_rule: { content: rule.content, remove: rule.remove } } : null;
}

/**
 * Records how long a stage of opening the view took, as a User Timing measure (DevTools shows
 * it; `bench/browser.mjs` reads it). Only the latest of each is kept, so a long session does
 * not pile them up.
 */
function timed(stage, start) {
  const name = `quietpage:${stage}`;
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

/** Throws when `session` was closed, or replaced by a newer one on its tab. */
function stillOpen(session) {
  if (sessions.get(session.tabId) !== session) throw new ReaderError('the reading view was closed');
}

function end(session) {
  if (sessions.get(session.tabId) === session) sessions.delete(session.tabId);
  byToken.delete(session.token);
  // A view still waiting for a page that will now never be read gets an answer.
  session.articleReady.reject(new ReaderError('the reading view was closed'));
}

async function run(session) {
  const { tabId } = session;
  // The site rules are read while the page is being serialised: neither waits for the other.
  const rules = loadRules().catch(() => []);
  const start = performance.now();
  await inject(tabId);
  timed('inject', start);
  const snapshotStart = performance.now();
  const snapshot = readPage(tabId);
  // A view the user asked for goes up at once and says "Reading…": its frame loads while the
  // page is read, rather than after. Asked for after the snapshot, so that on a loaded page
  // the content script serialises it first (building the frame would hold that up), while on
  // a page still loading the view is up during the wait. One that opens by itself waits for
  // its check.
  const showing = session.check ? null : show(session);
  showing?.catch(() => {}); // awaited below, once the page has been read
  const page = await snapshot;
  timed('snapshot', snapshotStart);
  session.url = page.url;
  const options = optionsFor(page.url, await rules);
  if (session.check && !(await session.check(page, options))) throw new NotShown('not shown: the page did not pass the check');
  // Closed (or closed and opened again) while the page was being read: read nothing.
  stillOpen(session);
  const extractStart = performance.now();
  const article = extractArticle(page.html, page.url, options);
  session.extracting = true;
  session.articleReady.resolve(article);
  article.then(
    () => {
      timed('extract', extractStart);
      timed('article', start);
    },
    () => {},
  );
  // Extraction has started (it runs once this task yields) and goes on while the frame loads.
  await (showing ?? show(session));
  const timer = setTimeout(
    () => session.shown.reject(new ReaderError('the reading view did not appear in time')),
    SHOW_TIMEOUT_MS,
  );
  try {
    await session.shown.promise;
  } finally {
    clearTimeout(timer);
  }
  // Shown: either the article, or the core's message in the view. The promise says which.
  return session.article;
}

/** Lays the view over the page; it asks for `session.article` itself, with the token. */
async function show(session) {
  stillOpen(session);
  const src = `${ext.runtime.getURL(READER_PAGE)}#${session.token}`;
  await toContent(session.tabId, { type: 'qp:show', src });
}

/**
 * Opens the reading view on `tabId` and resolves with the article (the CLI's JSON fields)
 * once it is visible. Rejects with the core's message when the page has no article (the view
 * then shows that message), or when the page cannot be read at all.
 * Calling it while the view is opening or open returns the same promise.
 */
export function openReader(tabId) {
  return start(tabId, null);
}

/**
 * Like openReader, but the page is first handed to `check(page, options)` (`page` is
 * `{ html, url }`, the snapshot the view would be made from, and `options` what the core
 * would get for it): when it resolves false, nothing is shown and the promise rejects with
 * NotShown. A view already open or opening is returned as it is.
 */
export function openReaderIf(tabId, check) {
  return start(tabId, check);
}

function start(tabId, check) {
  try {
    checkTabId(tabId);
  } catch (e) {
    return Promise.reject(e);
  }
  const existing = sessions.get(tabId);
  if (existing) return existing.result;
  // `article` exists from the start, so a view that is up before the page has been read
  // waits for it; `extracting` says whether the core was ever given the page.
  const articleReady = deferred();
  const session = {
    tabId,
    token: newToken(),
    shown: deferred(),
    articleReady,
    article: articleReady.promise,
    extracting: false,
    url: null,
    result: null,
    check,
  };
  sessions.set(tabId, session);
  byToken.set(session.token, session);
  session.result = run(session).catch(async (e) => {
    // A page that could not be shown leaves nothing behind; a page whose article could not
    // be found keeps its view open with the message, and its session, until closed.
    session.articleReady.reject(e); // no-op once extraction has started
    const shownWithMessage = session.extracting && (await session.article.then(() => false, () => true));
    if (!shownWithMessage || e instanceof ReaderError) {
      // Only this session's view: a newer one may already be on the page.
      if (sessions.get(tabId) === session) {
        end(session);
        await toContent(tabId, { type: 'qp:hide' }).catch(() => {});
      }
    }
    throw e;
  });
  session.result.catch(() => {});
  return session.result;
}

const closeListeners = [];

/**
 * Calls `listener(tabId, url)` when the user closes a view (not when a page navigates away);
 * the close waits for the promise it may return.
 */
export function onUserClose(listener) {
  closeListeners.push(listener);
}

/** Tells the listeners; resolves once they have done what they do (remembering takes a write). */
function userClosed(tabId, session) {
  return Promise.all(closeListeners.map((listener) => Promise.resolve(listener(tabId, session?.url ?? null)).catch(() => {})));
}

/**
 * Closes the view on `tabId` and resolves once the page is back as it was. `byUser: false`
 * is for the extension's own closing (a page that moved on to another article), which the
 * user did not ask for and so is not remembered as their choice.
 */
export async function closeReader(tabId, { byUser = true } = {}) {
  checkTabId(tabId);
  const session = sessions.get(tabId);
  if (session) {
    end(session);
    session.shown.reject(new ReaderError('the reading view was closed'));
    if (byUser) await userClosed(tabId, session);
  }
  try {
    await toContent(tabId, { type: 'qp:hide' });
  } catch {
    // No content script (never opened, or the page navigated away): nothing to restore.
  }
}

/** Whether the view is open (or opening) on `tabId`. */
export async function isReaderOpen(tabId) {
  checkTabId(tabId);
  if (sessions.has(tabId)) return true;
  try {
    return (await toContent(tabId, { type: 'qp:state' })).open === true;
  } catch {
    return false;
  }
}

/** What the toolbar button, the shortcut and the menu do. */
export async function toggleReader(tabId) {
  if (await isReaderOpen(tabId)) {
    await closeReader(tabId);
    return null;
  }
  return openReader(tabId);
}

/**
 * The article shown on `tabId` (for exports), once it has been read; null when no view is
 * open there or the page had no article.
 */
export async function shownArticle(tabId) {
  const session = sessions.get(checkTabId(tabId));
  if (!session) return null;
  return session.article.catch(() => null);
}

/** Forgets a tab that closed or navigated (its document, view and content script are gone). */
export function forgetTab(tabId) {
  const session = sessions.get(tabId);
  if (!session) return;
  end(session);
  session.shown.reject(new ReaderError('the page navigated away'));
}

const EXPIRED = 'This reading view has expired. Open it again from the toolbar.';

/** The live session `msg.token` names, if it was made for the sender's tab (shape checked). */
function sessionOf(msg, sender) {
  const session = byToken.get(msg.token);
  return session && sender.tab?.id === session.tabId ? session : null;
}

const fromReader = {
  async 'reader:hello'(msg, sender) {
    const session = sessionOf(msg, sender);
    if (!session || session.greeted) return { ok: false, expired: true, error: EXPIRED };
    session.greeted = true; // one frame per token: a second frame (or a reload) gets nothing
    try {
      return { ok: true, article: await session.article };
    } catch (e) {
      return { ok: false, error: String(e?.message ?? e) };
    }
  },
  async 'reader:shown'(msg, sender) {
    const session = sessionOf(msg, sender);
    if (!session) return { ok: false, error: EXPIRED };
    session.shown.resolve();
  },
  async 'reader:close'(msg, sender) {
    const session = sessionOf(msg, sender);
    if (!session) return { ok: false, error: EXPIRED };
    await closeReader(session.tabId);
  },
};

/**
 * Lets another module answer a message type from a reading view: `handler(tabId, msg)` runs
 * only for a view whose token belongs to a live session, for that session's tab, and only on
 * a message of the shape messages.js gives the type.
 */
export function onReaderMessage(type, handler) {
  if (!typesFrom('reader').includes(type)) throw new TypeError(`messages.js has no reader message ${type}`);
  fromReader[type] = async (msg, sender) => {
    const session = sessionOf(msg, sender);
    if (!session) return { ok: false, error: EXPIRED };
    return { ok: true, value: await handler(session.tabId, msg) };
  };
}

const fromContent = {
  async 'qp:closed'(msg, sender) {
    // Only the content script of the view's own tab, which learnt the token from qp:show.
    const session = sessionOf(msg, sender);
    if (!session) return { ok: false, error: EXPIRED };
    forgetTab(session.tabId);
    await userClosed(session.tabId, session);
  },
};

/**
 * Lets another module answer a message type from our content script: `handler(tabId, msg)`
 * runs for the top frame of the tab that sent it, and may act on that tab only.
 */
export function onContentMessage(type, handler) {
  if (!typesFrom('content').includes(type)) throw new TypeError(`messages.js has no content message ${type}`);
  fromContent[type] = async (msg, sender) => ({ ok: true, value: await handler(sender.tab.id, msg) });
}

const fromOptions = {};

/** Lets another module answer a message type from the options page: `handler(msg)`. */
export function onOptionsMessage(type, handler) {
  if (!typesFrom('settings').includes(type)) throw new TypeError(`messages.js has no settings message ${type}`);
  fromOptions[type] = async (msg) => ({ ok: true, value: await handler(msg) });
}

const HANDLERS = { reader: fromReader, content: fromContent, settings: fromOptions };

/**
 * runtime.onMessage handler. Acts only on what messages.js accepts (our own contexts, each
 * its own message types, exact shapes), answers everything else with an error, and answers
 * through `sendResponse` (returning true keeps the channel open in Chrome).
 */
export function onMessage(msg, sender, sendResponse) {
  const checked = checkMessage(msg, sender, {
    id: ext.runtime.id,
    origin: ext.runtime.getURL(''),
    readerPage: ext.runtime.getURL(READER_PAGE),
    optionsPage: ext.runtime.getURL(OPTIONS_PAGE),
  });
  const handler = checked.ok ? HANDLERS[checked.context][checked.type] : null;
  if (!handler) {
    sendResponse({ ok: false, error: checked.ok ? 'refused: nothing handles this message' : checked.error });
    return false;
  }
  handler(msg, sender).then(
    (value) => sendResponse(value ?? { ok: true }),
    (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
  );
  return true;
}
