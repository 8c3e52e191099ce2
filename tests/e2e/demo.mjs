// ./build.sh demo: the one-command tour. Serves the sample news page on 127.0.0.1, opens it in
// Chromium with dist/chrome loaded, presses the toolbar button, and writes to demo/:
//   before.png    the page as it is
//   after.png     the same tab with the reading view open
//   article.json  what the core extracted (the CLI's JSON fields)
//   article.html  the article as one standalone HTML file
// Headed when $DISPLAY is set (the window stays open until Enter), headless otherwise.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/harness.mjs';
import { openView } from './lib/helpers.mjs';
import { startServer } from './lib/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'demo');
const headed = Boolean(process.env.DISPLAY);

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A standalone page: the view's article markup with article.css inline and no script. */
function standalone(articleHtml, article) {
  const css = fs.readFileSync(path.join(ROOT, 'extension', 'reader', 'article.css'), 'utf8');
  return `<!doctype html>
<html lang="${escapeHtml(article.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title ?? 'Article')}</title>
<style>
${css}
</style>
</head>
<body>
${articleHtml}
</body>
</html>
`;
}

const server = await startServer();
const browser = await launchChromium({ headless: !headed });
try {
  fs.mkdirSync(OUT, { recursive: true });
  const url = server.url('news.html');
  await browser.goto(url);
  // The page's own lazy loader swaps its lead image in after load; show the page as a reader
  // would see it a moment later.
  await browser.evalPage(async () => {
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
  });
  await browser.screenshot(path.join(OUT, 'before.png'));
  const result = await openView(browser);
  // Let the lead image arrive before the picture is taken.
  await browser.evalView(() => Promise.all([...document.images].map((img) => img.decode().catch(() => {}))));
  await browser.screenshot(path.join(OUT, 'after.png'));
  if (!result.ok) throw new Error(`the reading view opened with a message: ${result.error}`);
  fs.writeFileSync(path.join(OUT, 'article.json'), `${JSON.stringify(result.value, null, 2)}\n`);
  let html;
  const exported = await browser.callBackground('exportArticle', 'html').catch(() => null);
  if (exported?.ok && typeof exported.value?.data === 'string') {
    html = exported.value.data; // the exporter, once it is in the extension
  } else {
    const markup = await browser.evalView(() => document.querySelector('article.qp-article').outerHTML);
    html = standalone(markup, result.value);
  }
  fs.writeFileSync(path.join(OUT, 'article.html'), html);
  for (const f of ['before.png', 'after.png', 'article.json', 'article.html']) {
    console.log(`demo/${f}`);
  }
  console.log(`${result.value.title} — ${result.value.word_count} words, ${result.value.reading_minutes} min`);
  if (headed && process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    await rl.question(`The page is at ${url}; press Enter to close the browser. `);
    rl.close();
  }
} finally {
  await browser.close();
  await server.close();
}
