// Two builds of the WebAssembly core side by side in Node (issue 7): how a change to the core
// or to its build (opt-level, LLVM flags, wasm-opt) moves the time of the extract readers run.
//
//   node bench/wasm-ab.mjs DIR_A DIR_B [CORPUS] [--every N] [--rounds R]
//
// DIR_A and DIR_B are copies of a built dist/chrome (`./build.sh`, then `cp -r dist/chrome
// DIR`). Every Nth corpus page (10: 61 pages) is extracted by both; R rounds (10) of all those
// pages each, the builds alternating which goes first. Prints the median round of each and
// B's over A's: the only figure to quote, since the machine's load moves both alike.
//
// Both builds are warmed on every page first, so that V8 has tiered their hot functions up:
// this compares optimised code, not compiling (the cold start is `bench/browser.mjs --cold`).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commandLine, corpusPages } from './corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { positional, option } = commandLine();
const [dirA, dirB] = positional;
const corpus = path.resolve(positional[2] ?? path.join(ROOT, '..', 'shared', 'corpus'));
const every = option('--every', 10);
const rounds = option('--rounds', 10);
const URL_OF_PAGES = 'https://example.com/a/page.html';

async function loadCore(dir) {
  // A query string per build, so that Node loads each glue module on its own.
  const glue = `${pathToFileURL(path.resolve(dir, 'core', 'quietpage.js')).href}?${encodeURIComponent(dir)}`;
  const core = await import(glue);
  core.initSync({ module: fs.readFileSync(path.resolve(dir, 'core', 'quietpage_bg.wasm')) });
  return core;
}

function extractAll(core, pages) {
  const t0 = performance.now();
  for (const html of pages) {
    try {
      core.extract(html, URL_OF_PAGES, {});
    } catch {
      // A page without an article is timed all the same.
    }
  }
  return performance.now() - t0;
}

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

async function main() {
  if (!dirA || !dirB) {
    console.error('usage: node bench/wasm-ab.mjs DIR_A DIR_B [CORPUS] [--every N] [--rounds R]');
    process.exit(2);
  }
  const files = corpusPages(corpus).filter((_, i) => i % every === 0);
  if (files.length === 0) {
    console.error(`SKIPPED: no corpus pages under ${corpus}`);
    return;
  }
  const pages = files.map((f) => fs.readFileSync(f, 'utf8'));
  const cores = [await loadCore(dirA), await loadCore(dirB)];
  for (const core of cores) extractAll(core, pages);
  const times = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) times[k].push(extractAll(cores[k], pages));
  }
  const [a, b] = times.map(median);
  const mb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
  console.log(`${pages.length} pages (every ${every}th), ${mb.toFixed(1)} MB, median of ${rounds} rounds`);
  console.log(`A ${dirA}: ${a.toFixed(1)} ms`);
  console.log(`B ${dirB}: ${b.toFixed(1)} ms`);
  console.log(`B / A: ${(b / a).toFixed(3)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
