// The size budget of the WebAssembly core the extension ships (issue 3): at most 300 KB
// gzipped. The figure and what it is made of are in BENCHMARKS.md.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BUDGET = 300 * 1024;

it('the shipped .wasm is at most 300 KB gzipped', () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'dist', 'chrome', 'core', 'quietpage_bg.wasm'));
  const gz = zlib.gzipSync(wasm, { level: 9 }).length;
  assert.ok(gz <= BUDGET, `quietpage_bg.wasm is ${gz} bytes gzipped (${wasm.length} raw); the budget is ${BUDGET}`);
});
