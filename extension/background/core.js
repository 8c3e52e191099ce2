// The Rust core, compiled to WebAssembly, loaded once per background lifetime.
//
// It runs here, in the extension's own origin, and never in a page: a page's CSP
// (`script-src` without 'wasm-unsafe-eval') stops WebAssembly compiling in a content script on
// Chromium. The extension_pages CSP in manifest.json allows it for our own contexts.

import init, {
  __wbg_reset_state,
  checkSelector,
  exportArticle,
  extract,
  probablyReadable,
  version,
} from '../core/quietpage.js';

let ready = null;

function load() {
  if (ready) return ready;
  const start = performance.now();
  ready = init({ module_or_path: new URL('../core/quietpage_bg.wasm', import.meta.url) }).then(
    (core) => {
      // Fetching, compiling and instantiating the core: what a stopped worker pays first
      // (DevTools shows it; `bench/browser.mjs` reads it).
      performance.clearMeasures('quietpage:load');
      performance.measure('quietpage:load', { start, end: performance.now() });
      return core;
    },
    (e) => {
      ready = null; // let the next call try again rather than cache the failure
      throw e;
    },
  );
  return ready;
}

/**
 * The article in `html` (a serialised DOM) as the CLI's JSON object, or an `Error` whose
 * message can be shown to the reader as it is.
 */
export async function extractArticle(html, url, options) {
  await load();
  return guarded(() => extract(html, url ?? null, options ?? null), 'reading this page');
}

/**
 * `article` (as `extractArticle` returned it) as a file of `format` (md, html, txt, epub):
 * `{ filename, mime, data }`, `data` a string, or a Uint8Array for epub.
 */
export async function exportFile(article, format) {
  await load();
  return guarded(() => exportArticle(article, format), 'exporting this article');
}

/**
 * Whether the page in `html` probably holds an article (the quick check before a reading
 * view opens by itself: home and section pages stay as they are). `options` as for
 * `extractArticle`.
 */
export async function isProbablyReadable(html, options) {
  await load();
  return guarded(() => probablyReadable(html, options ?? null), 'looking at this page') === true;
}

/**
 * A synchronous check for site rule selectors, once the core is loaded: `check(selector)` is
 * `null` when the core accepts the selector, else why it does not.
 */
export async function selectorChecker() {
  await load();
  return (selector) => guarded(() => checkSelector(selector), 'checking a selector') ?? null;
}

/** Runs a core call; a trap resets the instance and becomes a readable `Error`. */
function guarded(call, doing) {
  try {
    return call();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // A trap (the core is built with panic=abort): the instance may have stopped halfway
      // through changing its memory, so start the next page on a fresh one.
      try {
        __wbg_reset_state();
      } catch {
        ready = null;
      }
      throw new Error(`Quiet Page hit an internal error while ${doing}`);
    }
    throw e instanceof Error ? e : new Error(String(e));
  }
}

export async function coreVersion() {
  await load();
  return version();
}
