// The extension's own code, read as files (issue 6): no eval or anything like it, no remote
// code, and Content Security Policies as tight as MV3 allows, with 'wasm-unsafe-eval' only
// for the background, where the core runs. The browsers enforce the policies; this test keeps
// anyone from loosening them unnoticed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXTENSION = path.join(ROOT, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));

function files(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** `directive → [sources]` of a policy string. */
function policy(text) {
  return Object.fromEntries(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function metaPolicy(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  return meta ? policy(meta[1]) : null;
}

describe('extension code and policies', () => {
  it('no eval, no code from strings, no remote code', () => {
    const js = files(EXTENSION, '.js');
    assert.ok(js.length >= 10, `${js.length} scripts`);
    for (const file of js) {
      const source = fs.readFileSync(file, 'utf8');
      const name = path.relative(ROOT, file);
      assert.doesNotMatch(source, /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/, `${name}: eval`);
      assert.doesNotMatch(source, /\bset(Timeout|Interval)\s*\(\s*['"`]/, `${name}: a timer given a string`);
      assert.doesNotMatch(source, /\bimport\s*\(?\s*['"`](https?:)?\/\//, `${name}: a remote import`);
      assert.doesNotMatch(source, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/, `${name}: markup into a live document`);
    }
    for (const file of files(EXTENSION, '.html')) {
      const html = fs.readFileSync(file, 'utf8');
      const name = path.relative(ROOT, file);
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)) assert.doesNotMatch(src, /^(https?:)?\/\//, `${name}: ${src}`);
      assert.doesNotMatch(html, /<script\b(?![^>]*\bsrc=)[^>]*>/, `${name}: an inline script`);
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${name}: an inline handler`);
    }
  });

  it("the extension pages' policy: our own scripts, WebAssembly, nothing else", () => {
    assert.equal(manifest.manifest_version, 3);
    const csp = policy(manifest.content_security_policy.extension_pages);
    assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(csp['object-src'], ["'none'"]);
    assert.deepEqual(csp['base-uri'], ["'none'"]);
    assert.equal(manifest.content_security_policy.sandbox, undefined);
    assert.equal(manifest.externally_connectable, undefined, 'no page or extension may message us');
  });

  it('every extension page tightens it: no WebAssembly, no fetches, no inline code', () => {
    const pages = files(EXTENSION, '.html');
    assert.ok(pages.length >= 2);
    for (const file of pages) {
      const name = path.relative(ROOT, file);
      const csp = metaPolicy(fs.readFileSync(file, 'utf8'));
      assert.ok(csp, `${name} has no CSP of its own`);
      assert.deepEqual(csp['default-src'], ["'none'"], name);
      assert.deepEqual(csp['script-src'], ["'self'"], name);
      assert.deepEqual(csp['base-uri'], ["'none'"], name);
      assert.deepEqual(csp['form-action'], ["'none'"], name);
      assert.equal(csp['connect-src'], undefined, `${name} may fetch`);
      for (const sources of Object.values(csp)) {
        for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", '*']) assert.ok(!sources.includes(bad), `${name}: ${bad}`);
      }
    }
  });
});
