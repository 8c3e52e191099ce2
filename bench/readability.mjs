// Readability.js on jsdom, as a child of the side-by-side bench (src/main.rs): the same
// protocol as the Rust children, so the parent treats all four extractors alike.
//
//   node --expose-gc bench/readability.mjs LIST [--no-warmup]
//
// LIST names one page per line. Prints `page INDEX NANOS OK` per page, then
// `rss BASE_KIB PEAK_KIB`: the resident high-water mark reset after loading the pages.
// A page's time is what a Node user pays for an article: jsdom's parse, Readability's
// parse, and closing the window (jsdom keeps a window's memory alive until then).

import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const URL = 'http://fakehost/test/page.html';
const WARMUP_PAGES = 20;
const PRESCAN_BYTES = 8 * 1024;

const [list, ...flags] = process.argv.slice(2);
if (!list) {
  console.error('usage: readability.mjs LIST [--no-warmup]');
  process.exit(2);
}
const warmup = flags.includes('--no-warmup') ? 0 : WARMUP_PAGES;

// The same decision as quietpage::input::decode: BOM, valid UTF-8, declared charset,
// windows-1252; so every extractor gets the same text.
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1').toLowerCase();
    const m = /<meta[^>]*charset\s*=\s*["']?([^"'; \/>]+)/.exec(head);
    for (const label of [m?.[1], 'windows-1252']) {
      try {
        if (label) return new TextDecoder(label).decode(bytes);
      } catch {
        // An encoding this Node does not know: fall through to windows-1252.
      }
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function hwmKib(field) {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const m = new RegExp(`^${field}:\\s*(\\d+)`, 'm').exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

// Pages' scripts never run (jsdom's default), and their console noise is dropped.
const virtualConsole = new VirtualConsole();

function extract(html) {
  const dom = new JSDOM(html, { url: URL, virtualConsole });
  try {
    return new Readability(dom.window.document).parse();
  } finally {
    dom.window.close();
  }
}

const pages = fs
  .readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((p) => decode(fs.readFileSync(p)));

for (const html of pages.slice(0, warmup)) {
  try {
    extract(html);
  } catch {
    // Counted as no result in the timed run.
  }
}
globalThis.gc?.();

let base = null;
try {
  fs.writeFileSync('/proc/self/clear_refs', '5');
  base = hwmKib('VmHWM');
} catch {
  // Not Linux: no memory figure.
}

const out = [];
pages.forEach((html, i) => {
  const start = process.hrtime.bigint();
  let ok = false;
  try {
    ok = extract(html) !== null;
  } catch {
    ok = false;
  }
  const nanos = process.hrtime.bigint() - start;
  out.push(`page ${i} ${nanos} ${ok ? 1 : 0}`);
});
const peak = hwmKib('VmHWM');
out.push(base !== null && peak !== null ? `rss ${base} ${peak}` : 'rss - -');
process.stdout.write(out.join('\n') + '\n');
