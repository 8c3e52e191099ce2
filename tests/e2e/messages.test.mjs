// Runtime messages to the background (issue 6): only our own contexts, each with its own
// message types and shapes, and a token of a live view in the sender's own tab. Real senders:
// the page's own scripts, the extension's content script world in the page's tab (where a
// page's influence could reach), the options page, and reader.html framed by a page with a
// stale token. Each is refused and the open view stays exactly as it was.
// Runs in the browser named by QP_BROWSER (chromium, firefox).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSER } from './lib/harness.mjs';
import { closeView, openView, until, useBrowser, viewSummary } from './lib/helpers.mjs';

const FORGED = 'feedfacefeedfacefeedfacefeedface';

/** Sends each message from wherever this runs; the replies, or what sending threw. */
async function sendAll(messages) {
  const api = globalThis.browser ?? globalThis.chrome;
  const replies = [];
  for (const message of messages) {
    try {
      replies.push((await api.runtime.sendMessage(message)) ?? 'no reply');
    } catch (e) {
      replies.push({ thrown: String(e?.message ?? e) });
    }
  }
  return replies;
}

/** Everything about the open view a message could change. */
async function viewState(browser) {
  return {
    open: await browser.callBackground('isReaderOpen'),
    view: await viewSummary(browser),
    status: await browser.evalView(() => document.querySelector('#qp-export .qp-menu-status').textContent),
  };
}

describe(`runtime messages (${BROWSER})`, () => {
  const env = useBrowser();

  it('a page has no way to message the extension', async () => {
    const { browser, server } = env;
    const opened = await openView(browser, server.url('news.html'));
    assert.ok(opened.ok, opened.error);
    const before = await viewState(browser);
    const tried = await browser.evalPage(async (id) => {
      // Chrome gives pages chrome.runtime.sendMessage only for an extension that lists them
      // in externally_connectable; Firefox gives pages no `browser` at all.
      const runtime = globalThis.chrome?.runtime ?? globalThis.browser?.runtime;
      if (!runtime?.sendMessage) return 'no runtime.sendMessage';
      try {
        return `answered ${JSON.stringify(await runtime.sendMessage(id, { type: 'reader:close', token: '0'.repeat(32) }))}`;
      } catch (e) {
        return `refused: ${e?.message ?? e}`;
      }
    }, browser.extensionId ?? null);
    assert.match(tried, /^(no runtime\.sendMessage|refused: )/);
    assert.deepEqual(await viewState(browser), before);
  });

  it("refuses the content script world: others' types, wrong shapes, forged tokens", async () => {
    const { browser } = env;
    const before = await viewState(browser);
    assert.equal(before.open.value, true);
    const token = await browser.evalView(() => location.hash.slice(1));
    assert.match(token, /^[0-9a-f]{32}$/);
    const messages = [
      // The view's own messages, with the live token, from the wrong context.
      [{ type: 'reader:close', token }, /^refused: reader:close from a content context$/],
      [{ type: 'reader:export', token, action: 'download', format: 'md' }, /^refused: reader:export from a content context$/],
      [{ type: 'reader:hello', token }, /^refused: reader:hello from a content context$/],
      // Its own message, malformed or with a token that is no live view's.
      [{ type: 'qp:closed' }, /^refused: qp:closed with a bad token$/],
      [{ type: 'qp:closed', token, tabId: 1 }, /^refused: qp:closed has no field tabId$/],
      [{ type: 'qp:closed', token: FORGED }, /has expired/],
      [{ type: 'qp:show', src: 'x' }, /^refused: unknown message type$/],
      [{ type: 'constructor', token }, /^refused: unknown message type$/],
      [['qp:closed', token], /^refused: a message is an object with a type$/],
      ['qp:closed', /^refused: a message is an object with a type$/],
    ];
    const replies = await browser.inContentScript(sendAll, messages.map(([m]) => m));
    messages.forEach(([message, error], i) => {
      const reply = replies[i];
      assert.equal(reply?.ok, false, `${JSON.stringify(message)} → ${JSON.stringify(reply)}`);
      assert.match(reply.error, error, JSON.stringify(message));
    });
    assert.deepEqual(await viewState(browser), before);
  });

  it("refuses the view's messages from another extension page", async () => {
    const { browser } = env;
    const before = await viewState(browser);
    const token = await browser.evalView(() => location.hash.slice(1));
    const replies = await browser.onOptionsPage(sendAll, [
      { type: 'reader:close', token },
      { type: 'reader:export', token, action: 'copy', format: 'md' },
    ]);
    assert.deepEqual(replies, [
      { ok: false, error: 'refused: reader:close from a settings context' },
      { ok: false, error: 'refused: reader:export from a settings context' },
    ]);
    assert.deepEqual(await viewState(browser), before);
  });

  it("a stale token is no view's: not from the content script, not in a framed reader page", async () => {
    const { browser, server } = env;
    const stale = await browser.evalView(() => location.href);
    await closeView(browser);
    await openView(browser, server.url('news.html'));
    const before = await viewState(browser);
    assert.notEqual(await browser.evalView(() => location.href), stale, 'a new view, a new token');
    const [reply] = await browser.inContentScript(sendAll, [{ type: 'qp:closed', token: new URL(stale).hash.slice(1) }]);
    assert.equal(reply.ok, false);
    assert.match(reply.error, /has expired/);
    assert.deepEqual(await viewState(browser), before);
    await closeView(browser);

    // reader.html is web-accessible: a page may frame it, with a token it kept. It gets the
    // expired message, no article.
    await browser.evalPage((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.prepend(frame);
    }, stale);
    const shown = await until(
      () => browser.evalView(() => document.querySelector('.qp-message-title')?.textContent ?? null),
      { message: 'the framed reader page to answer' },
    );
    assert.equal(shown, 'This view has expired');
    assert.equal(await browser.evalView(() => document.querySelector('.qp-article')), null);
    await browser.evalPage(() => document.querySelector('iframe').remove());
  });
});
