// The reading view on pages that are hard in different ways: a strict CSP, an article built
// by JavaScript after load, an XHTML page, web components, right-to-left text, and pages with
// no article at all.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSER } from './lib/harness.mjs';
import { closeView, openView, pageState, scrollPage, until, useBrowser, viewSummary } from './lib/helpers.mjs';

describe(`reading view on difficult pages (${BROWSER})`, () => {
  const env = useBrowser();

  it("works on a page whose CSP allows nothing (default-src 'none'; script-src 'none')", async () => {
    const { browser, server } = env;
    await browser.goto(server.url('csp-article.html'));
    const before = await pageState(browser);
    assert.equal(before.title, 'Night trains return to the northern line | Rail Weekly', "the page's own script ran");
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    const view = await viewSummary(browser);
    assert.equal(view.title, 'Night trains return to the northern line');
    assert.match(view.text, /Sleeper services between the capital and the far north will run again/);
    assert.ok(!view.text.includes('Timetables'), 'the menu is in the view');
    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });

  it('reads an article that JavaScript built after the page loaded', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('js-rendered.html'));
    await until(() => browser.evalPage(() => document.title.startsWith('The return of the white-tailed eagle')), {
      message: 'the page script to render the article',
    });
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    assert.equal(result.value.title, 'The return of the white-tailed eagle');
    const view = await viewSummary(browser);
    assert.equal(view.title, 'The return of the white-tailed eagle');
    assert.match(view.text, /white-tailed eagles have raised two chicks on the old pine island/);
    assert.match(view.text, /without disturbing the birds/);
    assert.ok(!view.text.includes('Loading'), 'the view shows the HTML as served, not the live DOM');
    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });

  it('reads the story scrolled to on a page that appends the next one, with its own byline and date', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('next-story.html'));
    await scrollPage(browser, await browser.evalPage(() => document.body.scrollHeight - innerHeight));
    await until(() => browser.evalPage(() => document.title.startsWith('Library opens on Sundays')), {
      message: 'the page script to append the next story',
    });
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    assert.equal(result.value.title, 'Library opens on Sundays from March');
    assert.equal(result.value.byline, 'John Doe');
    assert.match(result.value.published, /^2024-03-06/);
    assert.match(result.value.url, /\/next-story\.html\?library$/);
    const view = await viewSummary(browser);
    assert.equal(view.title, 'Library opens on Sundays from March');
    assert.match(view.text, /the café on the ground floor will open too/);
    for (const other of ['Ferry', 'ferry', 'Jane Roe', 'Next story']) {
      assert.ok(!view.text.includes(other), `the view shows ${JSON.stringify(other)}`);
    }
    await closeView(browser);
  });

  it('reads an XHTML page whole (served as XML, handed over as HTML)', async () => {
    const { browser, server } = env;
    const result = await openView(browser, server.url('xhtml.xhtml'));
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    const view = await viewSummary(browser);
    assert.equal(view.title, 'Salt marsh reclaims the old harbour meadows');
    // The CDATA section's text, markup-like words included, read as text.
    assert.match(view.text, /salt marsh\. The survey team wrote "<script>" on their maps for the sluice, a joke nobody remembers the start of\. Samphire and sea lavender now cover/);
    assert.match(view.text, /the sea already seeps under the wall at the highest spring tides/);
    assert.ok(!view.text.includes('Tides'), 'the menu is in the view');
    // Read again with the view open: HTML without the view's own element, and without code.
    const handed = await browser.inContentScript(async () => (await globalThis.__quietPageContent.snapshot()).html);
    assert.match(handed, /^<!DOCTYPE html><html [^>]*>\s*<head>\s*<title>/);
    assert.match(handed, /<style><\/style>/);
    assert.ok(!handed.includes('dataset.ready'), 'the script text was handed over');
    assert.ok(!handed.includes('2147483647'), "the view's element was handed over");
    await closeView(browser);
  });

  for (const [page, how] of [
    ['components.html', 'hosts found by their names'],
    ['components.html?many', 'a page naming hundreds of elements'],
  ]) {
    it(`reads what web components render in their shadow roots, open, closed and nested (${how})`, async () => {
      const { browser, server } = env;
      await browser.goto(server.url(page));
      const before = await pageState(browser);
      const result = await openView(browser);
      assert.ok(result.ok, `openReader failed: ${result.error}`);
      assert.equal(result.value.title, 'Beavers are back on the upper river');
      const view = await viewSummary(browser);
      assert.equal(view.title, 'Beavers are back on the upper river');
      // In the order they are shown, which is not the order of the page's HTML: the light
      // DOM slotted in comes after the components' own text, the headline before it.
      let from = -1;
      for (const [where, sentence] of [
        ['a declarative open root', 'first dam on the upper river in more than three hundred years'],
        ['a closed root', 'reeds that grew there before the river was straightened'],
        ['an open root inside a closed one', 'fell a few hundred young trees in a year'],
        ['a closed root, after a nested component', 'keep the river flowing through the dry months'],
        ['a quote a component renders from its light DOM', 'The pools were full of fry by June'],
        ['the light DOM slotted in', 'Anglers who feared for the trout'],
      ]) {
        const at = view.text.indexOf(sentence);
        assert.ok(at >= 0, `the text from ${where} is not in the view`);
        assert.ok(at > from, `the text from ${where} is out of order`);
        from = at;
      }
      assert.equal(view.text.split('The pools were full of fry by June').length, 2, 'the quote is not there once');
      assert.ok(!view.text.includes('Mammals'), "the menu in a component's root is in the view");
      assert.ok(!view.text.includes('max-width'), "a shadow root's style is in the view");
      await closeView(browser);
      assert.deepEqual(await pageState(browser), before);
    });
  }

  it('shows formulas as mathematics, from MathJax and KaTeX alike, each once', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('maths.html'));
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    const view = await viewSummary(browser);
    assert.equal(view.title, 'Why the quadratic formula works');
    assert.ok(!view.text.includes('Geometry'), 'the menu is in the view');
    const maths = await browser.evalView(() => {
      const formulas = [...document.querySelectorAll('.qp-content math')];
      const box = (el) => el.getBoundingClientRect();
      const fraction = document.querySelector('.qp-content mfrac');
      const [numerator, denominator] = fraction ? [...fraction.children].map(box) : [];
      const annotation = document.querySelector('.qp-content annotation');
      return {
        count: formulas.length,
        mathml: formulas.every((m) => m.namespaceURI === 'http://www.w3.org/1998/Math/MathML'),
        blocks: formulas.map((m) => m.getAttribute('display')),
        // Laid out as a fraction: the numerator stands above the denominator.
        stacked: Boolean(numerator && denominator && numerator.bottom <= denominator.top + 1 && numerator.height > 0),
        annotationShown: annotation ? box(annotation).height > 0 : null,
        // KaTeX's rendering is the formula again, in spans: one b² is there, not two.
        // (Chromium's innerText leaves MathML out, so the paragraph's nodes are counted.)
        bs: (() => {
          const p = [...document.querySelectorAll('.qp-content p')].find((e) => e.textContent.includes('discriminant'));
          const copy = p?.cloneNode(true);
          copy?.querySelectorAll('annotation').forEach((a) => a.remove());
          return copy ? copy.textContent.split('b').length - 1 : null;
        })(),
      };
    });
    assert.deepEqual(maths, {
      count: 3,
      mathml: true,
      blocks: [null, 'block', null],
      stacked: true,
      annotationShown: false,
      bs: 1,
    });
    assert.ok(!view.text.includes('b^2'), 'the TeX source is shown');
    assert.match(view.text, /says how many real roots there are/);
    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });

  it("keeps a right-to-left article's language and direction", async () => {
    const { browser, server } = env;
    await browser.goto(server.url('rtl.html'));
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.ok(result.ok, `openReader failed: ${result.error}`);
    const view = await viewSummary(browser);
    assert.equal(view.lang, 'ar');
    assert.equal(view.dir, 'rtl');
    assert.equal(view.title, 'افتتاح مكتبة عامة جديدة في وسط المدينة');
    assert.match(view.text, /تضم أكثر من ستين ألف كتاب/);
    // The text runs right to left; the view's own controls stay as they are.
    const layout = await browser.evalView(() => ({
      article: getComputedStyle(document.querySelector('.qp-content p')).direction,
      toolbar: getComputedStyle(document.querySelector('.qp-toolbar')).direction,
    }));
    assert.deepEqual(layout, { article: 'rtl', toolbar: 'ltr' });
    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });

  it('says clearly when a page has nothing to read, and Back restores the page', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('blank.html'));
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.deepEqual(result, { ok: false, error: 'no article was found on this page' });
    const view = await until(async () => {
      const v = await viewSummary(browser);
      return v.message ? v : null;
    }, { message: 'the message in the view' });
    assert.match(view.message, /Nothing to read here/);
    assert.match(view.message, /No article was found on this page\./);
    // The message's button is the way back, and it works from the keyboard too.
    await browser.evalView(() => document.querySelector('.qp-back').click());
    await until(async () => !(await browser.hasView()), { message: 'Back to close the view' });
    assert.deepEqual(await pageState(browser), before);
  });

  // Needs the extraction pipeline to judge a sign-in page as no article.
  it('does not pass a sign-in page off as an article', async () => {
    const { browser, server } = env;
    await browser.goto(server.url('not-article.html'));
    await scrollPage(browser, 0);
    const before = await pageState(browser);
    const result = await openView(browser);
    assert.deepEqual(result, { ok: false, error: 'no article was found on this page' });
    const view = await viewSummary(browser);
    assert.match(view.message ?? '', /Nothing to read here/);
    await closeView(browser);
    assert.deepEqual(await pageState(browser), before);
  });
});
