// Quiet Page: the page as it is handed to the core, with the shadow roots its web components
// render (`withShadowRoots`, at the end) and less what the core never reads: the text of its
// scripts and styles, its comments, and what its SVG drawings hold.
// Injected before content.js, which calls it on the serialised page.
//
// Why: in Chromium, carrying the serialised page from the tab to the extension's worker is
// the slowest stage between the toolbar button and the article (BENCHMARKS.md, "In the
// browser"), and it grows with the page's size. The text of scripts and styles is about a
// third of a page's characters (on news pages often much more: inline app state, critical
// CSS), and the core never reads it, but for JSON-LD, which is kept. Of what is left, inline
// SVG (icons' paths, mostly) is about 8 % and comments 3 % on the corpus; the core skips
// comments and its sanitiser drops every drawing with its content. Scripts, styles and
// drawings stay as empty elements, so the page's structure is the same; comments go whole.
//
// Why regular expressions and not a tokeniser: the content script is injected anew into
// every page, so its code always runs cold. A loop over every tag in JavaScript cost as
// much as the shorter trip saved (tried on 1 Dec). Here V8's regexp engine finds the few
// places that matter (comments and the elements named below), and only those are read in
// JavaScript. That is exact for what it is given, the browser's own serialisation:
// - every `<` outside a tag is in a comment or in the raw text of an element the scan steps
//   over whole (`<` in other text is written `&lt;`);
// - no `<` or `>` is inside an attribute value, when the browser escapes them there (since
//   2025; `cutsExactly` asks the browser, and content.js hands older browsers' pages over
//   whole);
// - the page is written as HTML: content.js writes an XHTML page served as XML that way too
//   (as XML, its CDATA sections would hold raw text anywhere).
// Where the markup could be read two ways (a comment and a nested `<script` inside a script,
// `<plaintext>`, a tag the page ends inside), the rest of the page is handed over as it is.
// tests/e2e/node/serialise.test.mjs extracts every corpus page with and without its code.

(() => {
  'use strict';

  if (globalThis.quietPageSerialise) return;

  // Comments, and start tags of the elements whose content the scan must step over: those
  // whose text the browser writes raw (noscript too, as scripting is on), and SVG and MathML,
  // whose script and style elements are content, written as escaped text.
  const OPENINGS = /<!--|<(script|style|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math)(?=[\s/>])/gi;
  // A start tag's unquoted and quoted stretches (the browser quotes every value with `"`). A
  // `<` before the tag's `>` means the tag is not what it seemed: the scan stops.
  const UNQUOTED = /[^<>"]*/y;
  const QUOTED = /[^<"]*/y;
  // A comment ends at `-->` or `--!>` (`<!-->` and `<!--->` are whole comments).
  const COMMENT_END = /--!?>/g;
  const SCRIPT_START = /<script[\s/>]/i;
  // Broader than the core's test (the `type` attribute, trimmed, in any case): a script kept
  // by mistake costs bytes, one dropped by mistake would cost the metadata.
  const JSON_LD = /application\/ld\+json/i;
  // Elements whose content goes: scripts' and styles' text, and all an SVG drawing holds,
  // which the sanitiser drops with the drawing (icons' paths are most of it).
  const CUT = new Set(['script', 'style', 'svg']);

  // Each scan is a plain search or a run of one character class: no pattern here backtracks,
  // so the time is linear in the page and no input can exhaust the regexp engine's stack.
  function skip(re, html, from) {
    re.lastIndex = from;
    re.test(html);
    return re.lastIndex;
  }

  /** Where the start tag whose name ends at `from` ends, after its `>`; -1 if it does not. */
  function tagEnd(html, from) {
    let i = from;
    for (;;) {
      i = skip(UNQUOTED, html, i);
      if (html[i] === '>') return i + 1;
      if (html[i] !== '"') return -1;
      i = skip(QUOTED, html, i + 1);
      if (html[i] !== '"') return -1;
      i++;
    }
  }

  /** Where the comment opened at `lt` ends, as the tokeniser reads it; -1 if it does not. */
  function commentEnd(html, lt) {
    if (html.startsWith('>', lt + 4)) return lt + 5;
    if (html.startsWith('->', lt + 4)) return lt + 6;
    COMMENT_END.lastIndex = lt + 4;
    return COMMENT_END.test(html) ? COMMENT_END.lastIndex : -1;
  }

  /**
   * Whether a script's text holds `<!--` and after it `<script`: then the tokeniser may not
   * end the script where its first end tag is (the script data double-escaped state).
   */
  function hidesEnd(text) {
    const comment = text.indexOf('<!--');
    return comment >= 0 && SCRIPT_START.test(text.slice(comment));
  }

  const ends = new Map();
  /** The end tag of `name`, as the tokeniser ends raw text: any case, then space, `/` or `>`. */
  function endTag(name) {
    let re = ends.get(name);
    if (!re) ends.set(name, (re = new RegExp(`</${name}(?=[\\s/>])`, 'gi')));
    return re;
  }

  const FOREIGN_TAGS = { svg: /<(\/?)svg(?=[\s/>])/gi, math: /<(\/?)math(?=[\s/>])/gi };
  /**
   * Where the content of the element `name` opened before `open` ends, at its end tag; for
   * SVG and MathML, which nest, counting the same name's start and end tags.
   */
  function contentEnd(html, open, name) {
    const nesting = FOREIGN_TAGS[name];
    if (!nesting) {
      const end = endTag(name);
      end.lastIndex = open;
      return end.exec(html)?.index;
    }
    let depth = 1;
    nesting.lastIndex = open;
    for (let m; (m = nesting.exec(html)); ) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) return m.index;
    }
    return undefined;
  }

  /**
   * `html` (a browser's serialisation) without its comments, the text of its scripts
   * (JSON-LD ones kept) and styles outside SVG and MathML, and the content of its SVG
   * drawings. Anything it cannot read for certain, and everything after it, is kept as it is.
   */
  function withoutCode(html) {
    const parts = [];
    let kept = 0;
    OPENINGS.lastIndex = 0;
    for (let m; (m = OPENINGS.exec(html)); ) {
      const lt = m.index;
      if (m[1] === undefined) {
        const end = commentEnd(html, lt);
        if (end < 0) break;
        OPENINGS.lastIndex = end;
        parts.push(html.slice(kept, lt));
        kept = end;
        continue;
      }
      const name = m[1].toLowerCase();
      if (name === 'plaintext') break;
      const open = tagEnd(html, OPENINGS.lastIndex);
      if (open < 0) break;
      const close = contentEnd(html, open, name);
      if (close === undefined) break;
      OPENINGS.lastIndex = close;
      if (close === open || !CUT.has(name)) continue;
      if (name === 'script') {
        if (JSON_LD.test(html.slice(lt, open))) continue;
        if (hidesEnd(html.slice(open, close))) break;
      }
      parts.push(html.slice(kept, open));
      kept = close;
    }
    if (kept === 0) return html;
    parts.push(html.slice(kept));
    return parts.join('');
  }

  /**
   * Whether `withoutCode` is exact for the serialisation of `document`'s HTML: whether this
   * browser writes `<` and `>` in attribute values as entities.
   */
  function cutsExactly(document) {
    const probe = document.createElement('i');
    probe.setAttribute('title', '<>');
    return probe.outerHTML.includes('&lt;&gt;');
  }

  // A custom element's start tag: the hosts nearly every shadow root hangs on. Standard
  // elements can host one too, but a page that puts its article there is not known, and
  // finding one would cost every reader a walk of every element of every page.
  // The name is a valid custom element name (lower case, as an HTML page's serialisation
  // writes it; the non-ASCII ranges taken whole) and ends the tag's name, so minified code in
  // a script's text (`i<n.length-1;`) names none. The first run holds no `-` and neither
  // holds a `<`, so each is read once.
  const CUSTOM_TAG = /<([a-z][\w.\u00b7\u00c0-\uffff]*-[\w.\u00b7\u00c0-\uffff-]*)(?=[\s/>])/g;
  // More names than this (a script's text can spell any) and the walk filters every element
  // rather than building a selector of them all.
  const MAX_NAMES = 200;

  /**
   * The shadow roots a page renders, open or closed (`rootOf` asks the browser for either),
   * nested ones included, as `{ host, root, within }` (`within`: the root the host is in, null
   * in the document), each after the root it is in. The document's hosts are found from the
   * custom elements `html` (the page's serialisation) names: a page without any costs one
   * search of it.
   */
  function shadowRoots(document, html, rootOf) {
    const names = new Set();
    for (const m of html.matchAll(CUSTOM_TAG)) {
      names.add(m[1]);
      if (names.size > MAX_NAMES) break;
    }
    if (names.size === 0) return [];
    const hosts =
      names.size > MAX_NAMES
        ? [...document.querySelectorAll('*')].filter((el) => el.localName.includes('-'))
        : document.querySelectorAll([...names].map((n) => CSS.escape(n)).join(','));
    const found = [];
    const visit = (elements, within) => {
      for (const host of elements) {
        const root = rootOf(host);
        if (!root) continue;
        found.push({ host, root, within });
        // Inside a shadow tree any element may host another, and the trees are small.
        visit(root.querySelectorAll('*'), root);
      }
    };
    visit(hosts, null);
    return found;
  }

  /**
   * The copies of `hosts`, elements under `top`, in `copy`, a deep copy of `top`: the two
   * trees walked side by side, which is linear where a path per host would read its siblings.
   */
  function copiesOf(hosts, top, copy) {
    const wanted = new Set(hosts);
    const found = new Map();
    const page = top.ownerDocument.createTreeWalker(top, 1 /* elements */);
    const copied = copy.ownerDocument.createTreeWalker(copy, 1);
    do {
      if (wanted.has(page.currentNode)) found.set(page.currentNode, copied.currentNode);
    } while (found.size < wanted.size && page.nextNode() && copied.nextNode());
    return found;
  }

  /**
   * The page as it is shown when web components render part of it in shadow roots, which
   * `outerHTML` leaves out (an article a component renders would never reach the core):
   * a copy of the page in which each host holds its root's content, every `<slot>` in it
   * replaced by what is assigned to it (or its fallback content), so slotted text sits where
   * it is shown and light DOM no slot shows is left out. `html` is the page's `outerHTML`,
   * returned as it is when no shadow root is found.
   *
   * The copy is made in a document of its own, which has no custom element registry: the
   * page's element classes do not run on it.
   */
  function withShadowRoots(document, html, rootOf) {
    const shadows = shadowRoots(document, html, rootOf);
    if (shadows.length === 0) return html;
    const doc = document.implementation.createHTMLDocument('');
    const top = document.documentElement;
    const page = doc.importNode(top, true);
    // Original → copy, for the hosts and their light children (what slots are assigned).
    const copies = new Map();
    const note = (found) => {
      for (const [host, copy] of found) {
        copies.set(host, copy);
        host.childNodes.forEach((child, i) => copies.set(child, copy.childNodes[i]));
      }
    };
    const hostsIn = new Map([[null, []]]);
    for (const { host, root, within } of shadows) {
      hostsIn.get(within).push(host);
      hostsIn.set(root, []);
    }
    note(copiesOf(hostsIn.get(null), top, page));
    // A root before the roots inside it: their hosts are found in its copy.
    for (const { host, root } of shadows) {
      const copy = copies.get(host);
      const content = doc.createDocumentFragment();
      for (const child of root.childNodes) content.append(doc.importNode(child, true));
      const inner = hostsIn.get(root);
      if (inner.length) note(copiesOf(inner, root, content));
      const places = content.querySelectorAll('slot');
      root.querySelectorAll('slot').forEach((slot, i) => {
        const shown = slot.assignedNodes({ flatten: true }).map((n) => copies.get(n)).filter(Boolean);
        places[i].replaceWith(...(shown.length ? shown : places[i].childNodes));
      });
      copy?.replaceChildren(content);
    }
    return page.outerHTML;
  }

  globalThis.quietPageSerialise = { withoutCode, cutsExactly, withShadowRoots };
})();
