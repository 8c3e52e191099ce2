// In-browser benchmark (issue 7): on corpus pages loaded in Chromium from 127.0.0.1, Quiet
// Page's time from the trigger to the article against Readability.js parsing a clone of the
// same live DOM in the same page.
//
//   ./build.sh bench browser [CORPUS] [--every N] [--rounds R] [--cold C]
//   node bench/browser.mjs [CORPUS] [--every N] [--rounds R] [--cold C]     (after ./build.sh)
//
// CORPUS is ../shared/corpus by default; every Nth page of it (10: 61 pages) is read, each
// R times (3) by both, in alternating order. Then every Cth of those pages (4) is opened once
// more from a stopped worker (0: none). Prints Markdown tables.
//
// What is timed, and why:
// - Quiet Page: the extension as shipped (dist/chrome), given the tab by a press of its
//   toolbar button (activeTab) before the timed runs. In the background service worker,
//   from the call the toolbar button makes (`quietpage.openReader`) until the session's
//   article exists: injecting the content script, serialising the live DOM, sending it to the
//   worker, and the WebAssembly extract. The extension's own measures of those stages
//   (User Timing, `quietpage:*`) are printed beside the total. Polled through
//   `quietpage.shownArticle` with a MessageChannel yield (no timer clamping). Rendering it is
//   not part of what is compared, but the time until the view says the article is on screen
//   is printed too.
// - Readability.js 0.6.0 (the pinned devDependency), evaluated in the page's main world:
//   `new Readability(document.cloneNode(true)).parse()`, clone included, timed in the page.
// - A cold start, as a reader usually meets it: the browser stops an idle extension worker
//   within a minute, so the toolbar press that opens a view mostly starts the worker, which
//   loads its modules and compiles the core, and the core's first pages run in V8's baseline
//   tier. The worker is stopped (DevTools protocol) and the toolbar button pressed; timed by
//   this script from the press until the view shows the article, with the worker's measures
//   (whose clock starts with the worker) beside it. Not compared with Readability.js, which
//   has nothing to start.
// - Requests to anything but the bench's own server are aborted, so pages load the same
//   way every run on a machine with no outside network, and scripts a page inlines run.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/lib/harness.mjs';
import { commandLine, corpusPages } from './corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { positional, option } = commandLine();
const corpus = path.resolve(positional[0] ?? path.join(ROOT, '..', 'shared', 'corpus'));
const every = option('--every', 10);
const rounds = option('--rounds', 3);
const coldEvery = option('--cold', 4);

// The stages sessions.js measures, in order.
const STAGE_NAMES = {
  inject: 'inject the content script (executeScript)',
  snapshot: 'serialise the live DOM and hand it to the background',
  extract: 'WebAssembly extract, the article handed back as a JS object',
};
// Not a stage: from the trigger until the view says the article is on screen.
const SHOWN = 'shown';
const STAGES = Object.keys(STAGE_NAMES);

function serve(pages) {
  const server = http.createServer((req, res) => {
    const m = /^\/page\/(\d+)\.html/.exec(req.url ?? '');
    const file = m && pages[Number(m[1])];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

/**
 * In the worker: from the `openReader` call to the session's article (`ms`) and to the view
 * saying it shows it (`shown`), in ms, with the extension's measures of its stages.
 */
function timeQuietPage({ url, stages: stageNames }) {
  const yieldTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  return (async () => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (!tab) return { error: `no tab with ${url}` };
    const qp = globalThis.quietpage;
    const t0 = performance.now();
    let failed = null;
    const opened = qp.openReader(tab.id).catch((e) => (failed = String(e?.message ?? e)));
    let article = null;
    while (!article && failed === null) {
      article = await qp.shownArticle(tab.id);
      if (!article) await yieldTask();
    }
    const ms = performance.now() - t0;
    // The extension's own User Timing measures of this open (sessions.js `timed`).
    const stages = {};
    for (const stage of stageNames) {
      stages[stage] = performance.getEntriesByName(`quietpage:${stage}`).at(-1)?.duration ?? NaN;
    }
    // openReader resolves once the view says the article is on screen.
    await opened;
    const shown = performance.now() - t0;
    await qp.closeReader(tab.id);
    return { ms, shown, stages, ok: article !== null, error: article ? null : failed };
  })();
}

/**
 * Stops the extension's worker, presses the toolbar button on `url` and waits for the view to
 * show the article (or the core's message): `shown` is that wait in ms, by this script's
 * clock; `article` the worker's own time from its start to the article, and `stages` its
 * measures, as in `timeQuietPage`.
 */
async function timeColdStart(browser, cdp, worker, url) {
  await browser.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Playwright is not told when a worker stops; the worker's clock says whether this press
  // started it (an event of the page's loading may wake it first: then it is stopped again).
  for (let attempt = 0; ; attempt++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const t0 = performance.now();
    await browser.clickToolbarButton();
    let view = null;
    while (!view) {
      const frame = browser.page.frames().find((f) => f.url().startsWith(`chrome-extension://${browser.extensionId}/reader/`));
      view = await frame?.evaluate(() => document.querySelector('.qp-title, .qp-message')).catch(() => null);
      if (!view) await new Promise((resolve) => setImmediate(resolve));
    }
    const shown = performance.now() - t0;
    const measures = await worker().evaluate((names) => {
      const last = (name) => performance.getEntriesByName(`quietpage:${name}`).at(-1);
      const stages = {};
      for (const name of names) stages[name] = last(name)?.duration ?? NaN;
      const article = last('article');
      return { stages, began: article?.startTime ?? Infinity, article: article ? article.startTime + article.duration : NaN };
    }, [...STAGES, 'load']);
    await browser.callBackground('closeReader');
    if (measures.began < 250) return { shown, ...measures };
    if (attempt === 2) throw new Error(`${url}: the worker did not stop for a cold start`);
  }
}

/** In the page: Readability.js over a clone of the live DOM, in ms. */
function timeReadability() {
  const t0 = performance.now();
  const article = new globalThis.__qpBenchReadability(document.cloneNode(true)).parse();
  return { ms: performance.now() - t0, ok: article !== null };
}

async function main() {
  const all = corpusPages(corpus);
  if (all.length === 0) {
    console.error(`SKIPPED: no corpus pages under ${corpus}`);
    return;
  }
  const pages = all.filter((_, i) => i % every === 0);
  const readabilitySource = fs.readFileSync(path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const version = browser.context.browser()?.version() ?? '';
  const results = [];
  const cold = [];
  try {
    // Other hosts are aborted; the extension's own pages (the view's frame) load as usual.
    await browser.context.route('**/*', (route) => {
      const to = route.request().url();
      return /^https?:/.test(to) && !to.startsWith(origin) ? route.abort() : route.continue();
    });
    const worker = () =>
      browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
    for (const [i, file] of pages.entries()) {
      const url = `${origin}/page/${i}.html`;
      await browser.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await browser.page.evaluate(`${readabilitySource}\nglobalThis.__qpBenchReadability = Readability;`);
      // The toolbar button, as a user presses it: it grants the extension this tab
      // (activeTab) and opens the view, untimed (the core's module compiled). Then one
      // untimed run of each.
      await browser.clickToolbarButton();
      await browser.callBackground('openReader');
      await browser.callBackground('closeReader');
      await worker().evaluate(timeQuietPage, { url, stages: STAGES });
      await browser.page.evaluate(timeReadability);
      const qp = [];
      const stages = [];
      const rd = [];
      let qpOk = true;
      let rdOk = true;
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 ? ['rd', 'qp'] : ['qp', 'rd'];
        for (const who of order) {
          if (who === 'qp') {
            const t = await worker().evaluate(timeQuietPage, { url, stages: STAGES });
            if (t.ms === undefined) throw new Error(`${file}: ${t.error}`);
            qp.push(t.ms);
            stages.push({ ...t.stages, shown: t.shown });
            qpOk &&= t.ok;
          } else {
            const t = await browser.page.evaluate(timeReadability);
            rd.push(t.ms);
            rdOk &&= t.ok;
          }
        }
      }
      const bytes = fs.statSync(file).size;
      const row = { file: path.relative(corpus, file), bytes, qp: median(qp), rd: median(rd), qpOk, rdOk };
      for (const stage of [...STAGES, SHOWN]) row[stage] = median(stages.map((s) => s[stage]));
      results.push(row);
      console.error(
        `${String(i + 1).padStart(3)}/${pages.length} ${row.file}: Quiet Page ${row.qp.toFixed(1)} ms, Readability.js ${row.rd.toFixed(1)} ms`,
      );
    }
    if (coldEvery > 0) {
      const cdp = await browser.context.newCDPSession(browser.page);
      await cdp.send('ServiceWorker.enable');
      for (const [i, file] of pages.entries()) {
        if (i % coldEvery !== 0) continue;
        const row = await timeColdStart(browser, cdp, worker, `${origin}/page/${i}.html`);
        cold.push({ file: path.relative(corpus, file), ...row });
        console.error(`cold ${path.relative(corpus, file)}: on screen after ${row.shown.toFixed(0)} ms`);
      }
    }
  } finally {
    await browser.context.close().catch(() => {});
    server.close();
  }

  const sum = (k) => results.reduce((a, r) => a + r[k], 0);
  const mb = results.reduce((a, r) => a + r.bytes, 0) / 1e6;
  const line = (name, k, ok) =>
    `| ${name} | ${median(results.map((r) => r[k])).toFixed(1)} | ${p95(results.map((r) => r[k])).toFixed(1)} | ${sum(k).toFixed(0)} | ${(mb / (sum(k) / 1000)).toFixed(1)} | ${ok} | ${(sum(k) / sum('rd')).toFixed(2)}× |`;
  const okCount = (k) => `${results.filter((r) => r[k]).length}/${results.length}`;
  console.log(`\n${results.length} pages (every ${every}th of ${all.length}), ${mb.toFixed(1)} MB, median of ${rounds} rounds per page; Chromium ${version}\n`);
  console.log('| | median ms/page | p95 ms/page | total ms | MB/s | pages with an article | time vs Readability.js |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(line('Quiet Page: trigger → article (inject, serialise, transfer, WebAssembly extract)', 'qp', okCount('qpOk')));
  console.log(line('Readability.js 0.6.0: clone of the live DOM + parse, in the page', 'rd', okCount('rdOk')));
  console.log(`\nQuiet Page's stages (the extension's own measures; the rest is the view's bookkeeping and the bench's polling):\n`);
  console.log('| stage | median ms/page | total ms | share of Quiet Page\'s time |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [stage, what] of Object.entries(STAGE_NAMES)) {
    const total = sum(stage);
    console.log(`| ${what} | ${median(results.map((r) => r[stage])).toFixed(1)} | ${total.toFixed(0)} | ${((100 * total) / sum('qp')).toFixed(0)} % |`);
  }
  console.log(`\nUntil the article is on screen (the view's frame loaded and rendered it; the frame loads while the core extracts): median ${median(results.map((r) => r[SHOWN])).toFixed(1)} ms/page, total ${sum(SHOWN).toFixed(0)} ms.`);
  const ratios = results.map((r) => r.qp / r.rd);
  console.log(`\nPer page, Quiet Page's time over Readability.js's: median ${median(ratios).toFixed(2)}, p95 ${p95(ratios).toFixed(2)}.`);
  if (cold.length > 0) {
    const col = (f) => cold.map(f);
    const cell = (v) => `${median(v).toFixed(1)} | ${p95(v).toFixed(1)}`;
    console.log(`\nCold start: ${cold.length} of those pages (every ${coldEvery}th), each opened once from a stopped worker (its extract includes compiling the core).\n`);
    console.log('| from a stopped worker | median ms | p95 ms |');
    console.log('| --- | ---: | ---: |');
    console.log(`| toolbar press → the article on screen (this script's clock) | ${cell(col((r) => r.shown))} |`);
    console.log(`| worker start → article (the worker's clock) | ${cell(col((r) => r.article))} |`);
    for (const [stage, what] of Object.entries(STAGE_NAMES)) console.log(`| ${what} | ${cell(col((r) => r.stages[stage]))} |`);
    console.log(`| of which: fetch, compile and instantiate the core | ${cell(col((r) => r.stages.load))} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
