// On a site the user chose to always clean, registered after content.js: says when the page
// has rendered, and again whenever it moves to another address without loading a new
// document (History API). The background decides whether the page is an article and, if so,
// opens the view through content.js as it would for a click.
//
// Address changes are seen by polling location.href: pushState and replaceState fire no
// event a content script can hear (its isolated world does not see the page's calls), and
// the alternative, webNavigation.onHistoryStateUpdated, needs a permission that browsers
// describe as reading the user's whole browsing history. A string comparison twice a second
// costs nothing; popstate (back and forward) is heard at once.

(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  if (globalThis.__quietPageAuto) return;
  globalThis.__quietPageAuto = true;

  const POLL_MS = 500;
  // "Rendered": no change to the DOM for this long, after `load`; pages that keep changing
  // (tickers, carousels) are taken as they are after the longest wait.
  const QUIET_MS = 400;
  const LONGEST_WAIT_MS = 5000;

  function loaded() {
    if (document.readyState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      addEventListener('load', resolve, { once: true });
      setTimeout(resolve, LONGEST_WAIT_MS);
    });
  }

  function settled() {
    return new Promise((resolve) => {
      let quiet = setTimeout(done, QUIET_MS);
      const longest = setTimeout(done, LONGEST_WAIT_MS);
      const observer = new MutationObserver(() => {
        clearTimeout(quiet);
        quiet = setTimeout(done, QUIET_MS);
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      function done() {
        observer.disconnect();
        clearTimeout(quiet);
        clearTimeout(longest);
        resolve();
      }
    });
  }

  // A jump to an anchor (#section) stays on the same article.
  const address = () => location.href.split('#')[0];
  let seen = address();
  let turn = 0;

  async function ready() {
    const mine = ++turn;
    await loaded();
    await settled();
    // The address moved on again while this page was settling: that change reports instead.
    if (mine !== turn) return;
    api.runtime.sendMessage({ type: 'auto:ready' }).catch(() => {});
  }

  function check() {
    if (address() === seen) return;
    seen = address();
    ready();
  }

  setInterval(check, POLL_MS);
  addEventListener('popstate', check);
  ready();
})();
