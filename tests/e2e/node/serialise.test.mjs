// extension/content/serialise.js: the page handed to the core without the text of its scripts
// and styles, its comments and what its SVG drawings hold. Run by ./build.sh test after the
// build (the corpus test runs the built core).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { corpusPages } from '../../../bench/corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

// The content script as the browser runs it: a classic script that sets a global.
// `CSS.escape` is the browser's; for the names these tests use (letters, digits, hyphens)
// it changes nothing.
const context = { CSS: { escape: (name) => name } };
vm.runInNewContext(fs.readFileSync(path.join(ROOT, 'extension', 'content', 'serialise.js'), 'utf8'), context);
const { withoutCode, withShadowRoots } = context.quietPageSerialise;

describe('serialise: what is left out, and what is kept', () => {
  // [what, serialised page, expected (null: unchanged)]
  const cases = [
    ['script text, the element kept', '<p>a</p><script src="x.js">var s = "<div>";</script><p>b</p>', '<p>a</p><script src="x.js"></script><p>b</p>'],
    ['style text', '<head><style>p { color: red }</style></head>', '<head><style></style></head>'],
    ['end tags as the tokeniser ends raw text', '<script>a</script ><style>b</style/><script>c</SCRIPT>', '<script></script ><style></style/><script></SCRIPT>'],
    ['an end tag that is not one', '<script>x = "</scripts>";</script>', '<script></script>'],
    ['JSON-LD kept, whatever its case', '<script type="Application/LD+JSON">{"@type":"NewsArticle"}</script><style>x</style>', '<script type="Application/LD+JSON">{"@type":"NewsArticle"}</script><style></style>'],
    ['a custom element named like one', '<script-box>keep</script-box><styled>keep</styled>', null],
    ['a comment holding a script, cut whole', '<!-- <script>x</script> --><p>y</p><style>s</style>', '<p>y</p><style></style>'],
    ['comments as the tokeniser ends them', '<!--><script>x</script><!---><style>y</style><!-- a --!><style>z</style>', '<script></script><style></style><style></style>'],
    ['the text on either side of a comment joined', '<p>one<!-- x -->two</p>', '<p>onetwo</p>'],
    ['a drawing emptied, its own tag kept', '<svg class="icon" viewBox="0 0 1 1"><path d="M0 0"/><title>Share</title></svg>', '<svg class="icon" viewBox="0 0 1 1"></svg>'],
    ["SVG's scripts and styles go with the drawing, MathML's are its content", '<svg><style>.a{}</style><script>b</script></svg><math><style>m</style></math><style>c</style>', '<svg></svg><math><style>m</style></math><style></style>'],
    ['SVG in SVG: the outer one emptied', '<svg><svg><style>a</style></svg><style>b</style></svg><style>c</style>', '<svg></svg><style></style>'],
    ['noscript text kept, as written', '<noscript><style>x</style><img src="a.png"></noscript><style>y</style>', '<noscript><style>x</style><img src="a.png"></noscript><style></style>'],
    ['raw text of other elements stepped over', '<xmp><script>x</script></xmp><iframe><style>s</style></iframe><style>t</style>', '<xmp><script>x</script></xmp><iframe><style>s</style></iframe><style></style>'],
    ['a comment in a script, no script in it', '<script><!-- a(); //--></script><style>b</style>', '<script></script><style></style>'],
    ['a script hiding its end tag: the rest kept', '<style>a</style><script><!-- document.write("<script>x</script>"); --></script><style>b</style>', '<style></style><script><!-- document.write("<script>x</script>"); --></script><style>b</style>'],
    ['an unterminated script', '<style>a</style><script>var a = 1;', '<style></style><script>var a = 1;'],
    ['a tag the page ends inside', '<style>a</style><script src="x', '<style></style><script src="x'],
    ['a < inside a start tag: the rest kept', '<style>a</style><script title="<b>">x</script><style>c</style>', '<style></style><script title="<b>">x</script><style>c</style>'],
    ['plaintext: the rest is text', '<plaintext><style>a</style>', null],
    ['a doctype and text with no tags', '<!DOCTYPE html>just text', null],
    ['non-ASCII around', '<p>é’</p><style>ü</style><p>日本</p>', '<p>é’</p><style></style><p>日本</p>'],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => assert.equal(withoutCode(html), expected ?? html));
  }
});

// Pages of millions of the shapes that make regular expressions backtrack: the scan must
// neither throw (a backtracking pattern exhausts the regexp engine's stack on these) nor
// give a different answer. Time is the benchmarks' business; these run in well under a second.
describe('serialise: hostile sizes', () => {
  const M = 4_000_000;
  const cases = [
    ['an unterminated comment of dashes', '<style>a</style><!--' + '-a'.repeat(M), '<style></style><!--' + '-a'.repeat(M)],
    ['a long comment of dashes, then a style', '<!--' + '-a'.repeat(M) + '--><style>b</style>', '<style></style>'],
    ['a start tag of many quoted values, unterminated', '<style ' + '"a"'.repeat(M), null],
    ['a start tag of many quoted values', '<style ' + 'a="1" '.repeat(M) + '>x</style>', '<style ' + 'a="1" '.repeat(M) + '></style>'],
    ['many scripts, each with a comment', '<script><!-- a() --></script>'.repeat(M / 10), '<script></script>'.repeat(M / 10)],
    ['SVG nested a million deep', '<svg>'.repeat(M / 4) + '<style>a</style>' + '</svg>'.repeat(M / 4) + '<style>b</style>', '<svg></svg><style></style>'],
    ['a script of many comments and no end', '<style>a</style><script>' + '<!-- '.repeat(M), '<style></style><script>' + '<!-- '.repeat(M)],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => assert.ok(withoutCode(html) === (expected ?? html)));
  }
});

// Which hosts `withShadowRoots` asks the page for, from the custom element names in its
// serialisation. The DOM's side (the roots found, open, closed and nested, and written in)
// runs in both browsers in pages.test.mjs; here a stand-in document records the question.
describe('serialise: the hosts of shadow roots', () => {
  function asked(html) {
    const selectors = [];
    const document = {
      documentElement: { getHTML: () => '', cloneNode: () => ({ outerHTML: '<html></html>' }), localName: 'html' },
      querySelectorAll(selector) {
        selectors.push(selector);
        return [];
      },
    };
    assert.equal(withShadowRoots(document, html, () => null), html, 'no root found, the page as it was');
    return selectors;
  }
  const M = 4_000_000;
  const cases = [
    ['no custom element: nothing asked', '<div class="a-b"><p>x-y</p><!-- <i --></div>', []],
    ['custom elements by name, once each', '<story-frame><fact-box></fact-box><fact-box x="1">', ['story-frame,fact-box']],
    ['names as a custom element may have them', '<math-\u00e9l\u00e8ve/><x-1.5_b-c\n>', ['math-\u00e9l\u00e8ve,x-1.5_b-c']],
    ['minified code in a script names none', '<script>for(r=0;r<n.length-1;r++)if(i<a-b)x()</script>', []],
    ['end tags are not hosts', '</story-frame>', []],
    ['hundreds of names: every element walked', Array.from({ length: 300 }, (_, i) => `<ui-${i}>`).join(''), ['*']],
    ['a million openings in a script', '<script>' + '<a'.repeat(M) + '</script>', []],
    ['a million hyphens in a name that never ends', '<a' + '-'.repeat(M), []],
    ['a name a million long, no hyphen', '<' + 'a'.repeat(M) + '>', []],
    ['a million hyphenated openings', '<script>' + '<a- '.repeat(M) + '</script>', ['a-']],
    ['a million distinct names', '<script>' + Array.from({ length: M / 8 }, (_, i) => `<b-${i}>`).join('') + '</script>', ['*']],
  ];
  for (const [name, html, expected] of cases) {
    // A pattern that read a run more than once would take hours on the hostile ones (the
    // work is synchronous: no test timeout could stop it, CI's would).
    it(name, () => assert.deepEqual(asked(html), expected));
  }
});

// The page as shown, composed from its shadow roots, on jsdom's DOM (shadow roots, slots and
// their assignment as the standard has them). The browsers run the same on a page in
// pages.test.mjs; here the cases are many and one is large.
describe('serialise: the page as its shadow roots show it', () => {
  const script = fs.readFileSync(path.join(ROOT, 'extension', 'content', 'serialise.js'), 'utf8');
  /** `body`'s page serialised by withShadowRoots, after `setup(document, attach)` built it. */
  function shown(body, setup) {
    const { window } = new JSDOM(`<!doctype html><html><head></head><body>${body}</body></html>`, { runScripts: 'outside-only' });
    window.CSS = { escape: (name) => name };
    window.eval(script);
    const closed = new Map();
    // A closed root is reachable by the content script alone: `rootOf` is how it asks.
    const attach = (host, html, mode = 'open') => {
      const root = host.attachShadow({ mode });
      if (mode === 'closed') closed.set(host, root);
      root.innerHTML = html;
      return root;
    };
    setup(window.document, attach);
    const document = window.document;
    const html = document.documentElement.outerHTML;
    const out = window.quietPageSerialise.withShadowRoots(document, html, (el) => el.shadowRoot ?? closed.get(el) ?? null);
    return out.replace(/^<html><head><\/head><body>|<\/body><\/html>$/g, '');
  }
  const one = (selector, html, mode) => (d, attach) => attach(d.querySelector(selector), html, mode);
  const cases = [
    ['no root: the page as it was', '<x-a><p>t</p></x-a>', () => {}, '<x-a><p>t</p></x-a>'],
    ["a root's content in place of its light DOM, slotted text where its slot is", '<x-a>light</x-a>', one('x-a', '<p>before <slot></slot> after</p>'), '<x-a><p>before light after</p></x-a>'],
    ['named slots, in the order shown', '<x-a><i>body</i><h1 slot="title">T</h1></x-a>', one('x-a', '<header><slot name="title"></slot></header><main><slot></slot></main>'), '<x-a><header><h1 slot="title">T</h1></header><main><i>body</i></main></x-a>'],
    ['light DOM no slot shows is left out', '<x-a><p>plain</p>text</x-a>', one('x-a', '<blockquote>styled</blockquote>'), '<x-a><blockquote>styled</blockquote></x-a>'],
    ["a slot's fallback when nothing is assigned", '<x-a></x-a>', one('x-a', '<slot name="n">fallback</slot>'), '<x-a>fallback</x-a>'],
    ['a closed root', '<x-a>in</x-a>', one('x-a', '<b><slot></slot></b>', 'closed'), '<x-a><b>in</b></x-a>'],
    [
      'a root inside a root, a slot passed through',
      '<x-a>deep</x-a>',
      (d, attach) => {
        const outer = attach(d.querySelector('x-a'), '<y-b><slot></slot></y-b>', 'closed');
        attach(outer.querySelector('y-b'), '<em><slot></slot></em>');
      },
      '<x-a><y-b><em>deep</em></y-b></x-a>',
    ],
    [
      'a host in the light DOM of another',
      '<x-a><y-b>inner</y-b></x-a>',
      (d, attach) => {
        attach(d.querySelector('x-a'), '<div><slot></slot></div>');
        attach(d.querySelector('y-b'), '<u><slot></slot></u>');
      },
      '<x-a><div><y-b><u>inner</u></y-b></div></x-a>',
    ],
    ['a standard element hosting a root is not looked for', '<div id="h">light</div>', one('#h', '<p>shadow</p>'), '<div id="h">light</div>'],
  ];
  for (const [name, body, setup, expected] of cases) {
    it(name, () => assert.equal(shown(body, setup), expected));
  }

  // A path per host (each reading its siblings) took two minutes here, against a few seconds
  // for the side-by-side walk.
  it('twenty thousand sibling hosts', () => {
    const n = 20_000;
    const out = shown('<x-a>t</x-a>'.repeat(n), (d, attach) => {
      for (const host of d.querySelectorAll('x-a')) attach(host, '<slot></slot>!');
    });
    assert.equal(out, '<x-a>t!</x-a>'.repeat(n));
  });
});

describe('serialise: the core reads the page as before', () => {
  const pages = corpusPages(CORPUS);
  const skip = pages.length ? false : `no corpus at ${CORPUS}: the shared corpus is not checked out`;

  // The corpus pages are saved sources, not a browser's serialisation: quotes of either kind,
  // `<` in attribute values. The scan stops where they could mislead it, so this is the
  // harder input.
  it('every corpus page extracts to the same article without its code, comments and drawings', { skip }, async () => {
    const core = await import(pathToFileURL(path.join(ROOT, 'dist', 'chrome', 'core', 'quietpage.js')).href);
    core.initSync({ module: fs.readFileSync(path.join(ROOT, 'dist', 'chrome', 'core', 'quietpage_bg.wasm')) });
    const read = (html) => {
      try {
        return core.extract(html, 'https://example.com/a/page.html', null);
      } catch (e) {
        return { error: String(e?.message ?? e) };
      }
    };
    let smaller = 0;
    let before = 0;
    let after = 0;
    for (const file of pages) {
      const html = fs.readFileSync(file, 'utf8');
      const stripped = withoutCode(html);
      before += html.length;
      after += stripped.length;
      if (stripped.length < html.length) smaller++;
      assert.deepEqual(read(stripped), read(html), file);
    }
    // The point of it: most pages carry code, and a good part of their characters is code.
    assert.ok(smaller > pages.length * 0.8, `only ${smaller} of ${pages.length} pages got smaller`);
    assert.ok(after < before * 0.75, `${before} → ${after} characters`);
  });
});
