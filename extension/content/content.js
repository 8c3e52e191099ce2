// Quiet Page's content script: injected on demand (scripting.executeScript, under activeTab)
// into the top frame of the tab the reader asked for. It does three small things:
//   1. serialises the live DOM once the page has rendered, for the core in the background
//      (with what web components render in their shadow roots, and less the text of its
//      scripts and styles: serialise.js, injected first);
//   2. lays the reading view over the page, and
//   3. takes it away again, leaving the page exactly as it was.
// It never sees the article: the reading view fetches that from the background itself.
//
// Why the view is an extension-page <iframe> inside a closed shadow root, in a modal <dialog>:
// - The iframe is the isolation. Its document has the extension's origin, so a page script
//   can neither read it (cross-origin: `contentDocument` is null, `frames[i].document` throws)
//   nor style it (page CSS does not cross documents), and it runs under the extension's CSP,
//   not the page's. A closed shadow root on its own would not do: its content would inherit
//   the page's fonts and colours, share the page's layout (a page's `zoom`, `filter` or
//   text-size rules reach into it), and leak through Selection and Range APIs.
// - The closed shadow root hides the iframe and the dialog from the page's selectors and
//   scripts (`querySelectorAll('iframe')` finds nothing, `host.shadowRoot` is null), so page
//   CSS such as `iframe { display: none !important }` cannot hide the view.
// - The modal <dialog> puts the view in the browser's top layer (above any z-index the page
//   uses) and makes the page inert while it is open, so Tab stays inside the view and
//   assistive technology ignores the page underneath.
// - The page itself is hidden, never changed: nothing is removed, restyled or re-parented, so
//   closing the view leaves its DOM, scroll position and focus exactly as they were.
// The host element is a plain <div> on purpose: a custom element name could already be
// registered by the page, which would then run its own code on our element.

(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  // executeScript runs this file again on every open; one listener per document is enough.
  if (globalThis.__quietPageContent) return;
  // The entry point the background calls through executeScript in Chromium (see `readPage`
  // in background/sessions.js; Firefox asks with qp:snapshot). It lives in this content
  // script's world, never the page's.
  globalThis.__quietPageContent = { snapshot: () => snapshot() };

  // How long to wait for `load` before reading a page that is still fetching something
  // (a slow ad or image should not keep the reader waiting; the DOM is what matters).
  const LOAD_WAIT_MS = 3000;

  const HOST_STYLE = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    overflow: 'visible',
    'z-index': '2147483647',
    visibility: 'visible',
    opacity: '1',
  };
  const DIALOG_STYLE = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    inset: '0',
    width: '100%',
    height: '100%',
    'max-width': 'none',
    'max-height': 'none',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'hidden',
    background: 'transparent',
    visibility: 'visible',
    opacity: '1',
  };
  const FRAME_STYLE = {
    all: 'initial',
    display: 'block',
    width: '100%',
    height: '100%',
    border: '0',
    margin: '0',
    padding: '0',
    'color-scheme': 'normal',
    visibility: 'visible',
    opacity: '1',
  };

  /** The open view: its elements and what to put back when it closes. */
  let view = null;

  function setStyle(element, style) {
    for (const [property, value] of Object.entries(style)) {
      // Inline `!important` beats every page rule, `!important` ones included.
      element.style.setProperty(property, value, 'important');
    }
  }

  function whenRendered() {
    if (document.readyState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, LOAD_WAIT_MS);
      addEventListener(
        'load',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  async function snapshot() {
    await whenRendered();
    // The live DOM after scripts ran, so pages that build their article in JavaScript read
    // like any other. The doctype is kept because it decides quirks mode for the parser.
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    // serialise.js, injected first; a registration from before it existed lacks it.
    const serialise = globalThis.quietPageSerialise;
    let html = doctype + asHtml(serialise);
    // Less the text of scripts and styles, which the core skips.
    // Should the cut fail on some page, that page is handed over whole, as before it existed.
    try {
      if (serialise?.cutsExactly(document)) html = serialise.withoutCode(html);
    } catch {}
    return { html, url: location.href };
  }

  /**
   * The page in HTML's serialisation, composed with its shadow roots by `serialise`
   * (serialise.js) when there, without the open view's element. An XHTML page served
   * as XML would be written as XML, whose CDATA sections an HTML parser such as the core's
   * reads as bogus comments (their text lost up to the first `>`): a copy in an HTML
   * document writes them as text.
   */
  function asHtml(serialise) {
    if (document.contentType === 'text/html') {
      let html = document.documentElement.outerHTML;
      // With what web components render in their shadow roots. Should that fail, the page
      // is handed over without it, as before it existed.
      try {
        html = serialise?.withShadowRoots(document, html, shadowRootOf) ?? html;
      } catch {}
      return view ? html.replace(view.host.outerHTML, '') : html;
    }
    const copy = document.implementation.createHTMLDocument('');
    const root = copy.importNode(document.documentElement, true);
    if (view) root.childNodes[[...document.documentElement.childNodes].indexOf(view.host)]?.remove();
    copy.replaceChild(root, copy.documentElement);
    return root.outerHTML;
  }

  /**
   * An element's shadow root, closed ones too: what a component renders is on the reader's
   * screen either way. Firefox gives content scripts the property
   * `element.openOrClosedShadowRoot`, Chromium the function `dom.openOrClosedShadowRoot`.
   * Our own view's root is on a plain <div>, which serialise.js never asks about.
   */
  function shadowRootOf(el) {
    if (el.shadowRoot) return el.shadowRoot;
    if ('openOrClosedShadowRoot' in el) return el.openOrClosedShadowRoot ?? null;
    return api.dom?.openOrClosedShadowRoot?.(el) ?? null;
  }

  function show(src) {
    if (view) return;
    if (typeof src !== 'string' || !src.startsWith(api.runtime.getURL('reader/reader.html'))) {
      throw new Error('refusing to show a view that is not our reader page');
    }
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'closed' });
    const dialog = document.createElement('dialog');
    const frame = document.createElement('iframe');
    frame.title = 'Quiet Page reading view';
    // The export menu's "Copy as Markdown" writes the clipboard from inside the frame.
    frame.allow = 'clipboard-write';
    frame.src = src;
    setStyle(host, HOST_STYLE);
    setStyle(dialog, DIALOG_STYLE);
    setStyle(frame, FRAME_STYLE);
    dialog.setAttribute('aria-label', 'Quiet Page reading view');
    dialog.append(frame);
    shadow.append(dialog);

    view = {
      // The session's token (the reader page's hash): what the background asks of a
      // qp:closed, so that only this tab's view can end its session.
      token: new URL(src).hash.slice(1),
      host,
      dialog,
      frame,
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      focused: document.activeElement,
      hostStyle: host.getAttribute('style'),
      loads: 0,
      observer: null,
    };

    // Esc while the dialog itself (not the view's document) has focus.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      closedHere();
    });
    // A parent may navigate a child frame across origins (`frames[0].location = …`). A frame
    // in a shadow tree is not in the page's `window.frames`, so the page has no handle on
    // ours (the isolation tests check it); should it ever get one, any load after the first
    // is not our reader, and the view closes rather than show it.
    frame.addEventListener('load', () => {
      if (view && view.frame === frame && ++view.loads > 1) closedHere();
    });

    document.documentElement.append(host);
    dialog.showModal();
    frame.focus({ preventScroll: true });

    // Undo a page script restyling or removing the view. Restyling is put right at once;
    // removal closes the view cleanly (the page is the DOM's owner and may insist).
    const observer = new MutationObserver(() => {
      if (!view) return;
      if (!host.isConnected) {
        closedHere();
        return;
      }
      for (const name of host.getAttributeNames()) {
        if (name !== 'style') host.removeAttribute(name);
      }
      if (host.getAttribute('style') !== view.hostStyle) {
        // CSSOM rather than setAttribute('style'): a page CSP without 'unsafe-inline' for
        // styles would block the attribute but never blocks CSSOM.
        host.removeAttribute('style');
        setStyle(host, HOST_STYLE);
      }
      // Drop the records of our own repair, or it would wake this observer again.
      observer.takeRecords();
      if (!dialog.open) dialog.showModal();
    });
    observer.observe(host, { attributes: true });
    observer.observe(document.documentElement, { childList: true });
    view.observer = observer;
  }

  function hide() {
    if (!view) return;
    const { host, dialog, observer, scrollX, scrollY, focused } = view;
    view = null;
    observer?.disconnect();
    if (dialog.open) dialog.close();
    host.remove();
    // `instant`: a page with `scroll-behavior: smooth` would otherwise animate back.
    if (window.scrollX !== scrollX || window.scrollY !== scrollY) {
      window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
    }
    if (focused && focused !== document.activeElement && focused.isConnected && focused.focus) {
      focused.focus({ preventScroll: true });
    }
  }

  /** The view closed from inside the page (Esc on the dialog, tampering): tell the background. */
  function closedHere() {
    const token = view?.token;
    hide();
    if (token) api.runtime.sendMessage({ type: 'qp:closed', token }).catch(() => {});
  }

  const handlers = {
    'qp:snapshot': () => snapshot(),
    'qp:show': (msg) => show(msg.src),
    'qp:hide': () => hide(),
    'qp:state': () => ({ open: view !== null }),
  };

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // Only our background talks to us: runtime messages from other extensions never reach a
    // content script, and pages cannot use this channel at all.
    if (sender.id !== api.runtime.id || sender.tab) return false;
    const handler = msg && typeof msg.type === 'string' && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(msg))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
      );
    return true; // the response is sent asynchronously
  });
})();
