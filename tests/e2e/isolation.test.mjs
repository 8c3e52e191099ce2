// A page script that goes after the reading view: it watches for the view's element, tries to
// read into it, restyles and hides it (by script and by CSS), and navigates its frame. None of
// that may let it read the article view, change how the view looks, or show its own content
// in the view's place. See pages/hostile.html.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSER, VIEWPORT } from './lib/harness.mjs';
import { closeView, openView, pageState, until, useBrowser, viewSummary } from './lib/helpers.mjs';

describe(`reading view isolation from a hostile page (${BROWSER})`, () => {
  const env = useBrowser();

  it('the page can neither read, restyle nor close the view', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('hostile.html'));
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    const view = await viewSummary(browser);
    assert.equal(view.title, 'Why the lake froze late this year');
    // The background reads the page through the content script's entry point, which the page
    // neither sees nor replaces with its own (pages/hostile.html sets a forged one).
    assert.equal(await browser.inContentScript(() => typeof globalThis.__quietPageContent?.snapshot), 'function');
    assert.equal(await browser.evalPage(() => String(globalThis.__quietPageContent?.snapshot).includes('Forged')), true);

    // What the page's script found: one element, with no readable shadow root, no iframe it
    // can query, and not even a window to name: a frame in a shadow tree is not one of the
    // document's `window.frames` (and if it were, it would be cross-origin).
    const probe = await browser.evalPage(() => ({ ...window.__probe, frames: window.__probeFrames() }));
    assert.deepEqual(probe.seen, ['DIV'], 'the page saw more than one element of ours');
    assert.deepEqual(probe.shadowRoots, [null]);
    assert.deepEqual(probe.iframes, [0]);
    assert.ok(probe.frameReads.every((r) => r.startsWith('blocked')), probe.frameReads.join(' | '));
    assert.deepEqual(probe.frames, []);
    assert.equal(probe.restyled, 1);

    // Its script's restyling was undone, and its CSS never reached the view.
    const host = await browser.evalPage(() => {
      const el = document.documentElement.lastElementChild;
      return { display: el.style.getPropertyValue('display'), hidden: el.hasAttribute('hidden'), opacity: el.style.opacity };
    });
    assert.deepEqual(host, { display: 'block', hidden: false, opacity: '1' });
    const look = await browser.evalView(() => {
      const title = getComputedStyle(document.querySelector('.qp-title'));
      return {
        color: title.color,
        font: title.fontFamily,
        width: window.innerWidth,
        height: window.innerHeight,
        visible: document.visibilityState,
      };
    });
    assert.notEqual(look.color, 'rgb(255, 0, 0)', "the page's CSS coloured the view");
    assert.ok(!/^monospace$/.test(look.font), `the page's CSS set the view's font: ${look.font}`);
    // Firefox may keep a scrollbar's width of the viewport for itself.
    assert.ok(Math.abs(look.width - VIEWPORT.width) <= 20, `the view is ${look.width}px wide`);
    assert.ok(look.height > VIEWPORT.height / 2, `the view is ${look.height}px high`);
    assert.equal(look.visible, 'visible');

    // Its synthetic Escape keys and clicks closed nothing.
    assert.ok(await browser.hasView(), 'the page closed the view');
    assert.deepEqual(await browser.callBackground('isReaderOpen'), { ok: true, value: true });

    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });

  it('a page cannot navigate the view frame away', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('hostile.html', 'navigate=1'));
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    // Half a second after the view appears the script tries `frames[0].location = …`.
    const attempt = await until(() => browser.evalPage(() => window.__probe.navigated), { message: 'the page to try' });
    assert.match(String(attempt), /^blocked/);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(await browser.hasView(), 'the view is gone');
    const view = await viewSummary(browser);
    assert.equal(view.title, 'Why the lake froze late this year');
    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });
});
