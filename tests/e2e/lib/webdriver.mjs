// A small W3C WebDriver client over fetch, enough to drive Firefox through geckodriver: a
// session, navigation, windows, frames, scripts, and the Firefox-only add-on and context
// commands. Hand-written because these few calls are all the tests need; a client library
// would add dozens of dependencies for them.

import { spawn } from 'node:child_process';
import net from 'node:net';

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export class WebDriverError extends Error {
  constructor(status, body) {
    super(`${body?.value?.error ?? status}: ${body?.value?.message ?? JSON.stringify(body)}`);
    this.error = body?.value?.error;
  }
}

/** Starts geckodriver on a free port; `stop()` ends it. */
export async function startGeckodriver({ binary = 'geckodriver', allowSystemAccess = false } = {}) {
  const port = await freePort();
  const wsPort = await freePort();
  const args = ['--port', String(port), '--websocket-port', String(wsPort), '--log', 'error'];
  if (allowSystemAccess) args.push('--allow-system-access');
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`geckodriver exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`geckodriver did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill();
      }),
  };
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(driverUrl, capabilities) {
    const res = await fetch(`${driverUrl}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
    });
    const body = await res.json();
    if (!res.ok) throw new WebDriverError(res.status, body);
    return new Session(driverUrl, body.value.sessionId);
  }

  async cmd(method, path, payload) {
    const res = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const body = await res.json();
    if (!res.ok) throw new WebDriverError(res.status, body);
    return body.value;
  }

  delete() {
    return fetch(`${this.base}/session/${this.id}`, { method: 'DELETE' }).then((r) => r.json());
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  url() {
    return this.cmd('GET', '/url');
  }

  /** Runs `fn` (source text of a function) with `args`; a returned promise is awaited. */
  execute(fn, ...args) {
    const script = `return (${fn}).apply(null, arguments);`;
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  handle() {
    return this.cmd('GET', '/window');
  }

  switchTo(handle) {
    return this.cmd('POST', '/window', { handle });
  }

  async newTab() {
    const { handle } = await this.cmd('POST', '/window/new', { type: 'tab' });
    return handle;
  }

  closeWindow() {
    return this.cmd('DELETE', '/window');
  }

  /** Switches into the child frame at `index` of the current browsing context (null = top). */
  frame(index) {
    return this.cmd('POST', '/frame', { id: index });
  }

  /** Clicks the first element matching `selector` in the current browsing context. */
  async click(selector) {
    const found = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    const id = found['element-6066-11e4-a52e-4f735466cecf'];
    return this.cmd('POST', `/element/${id}/click`, {});
  }

  screenshot() {
    return this.cmd('GET', '/screenshot');
  }

  keys(text) {
    return this.cmd('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [...text].flatMap((c) => [
            { type: 'keyDown', value: c },
            { type: 'keyUp', value: c },
          ]),
        },
      ],
    });
  }

  /**
   * Firefox: installs an add-on from a directory or .xpi, as a temporary add-on (gone at the
   * next start) unless `temporary` is false; returns its id.
   */
  installAddon(path, { temporary = true } = {}) {
    return this.cmd('POST', '/moz/addon/install', { path, temporary });
  }

  /** The element `css` selects in the current browsing context (its WebDriver id). */
  async element(css) {
    const found = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return found['element-6066-11e4-a52e-4f735466cecf'];
  }

  /** Clears the field `css` selects and types `text` into it (or, for a file input, a path). */
  async type(css, text) {
    const id = await this.element(css);
    const input = await this.execute('function (el) { return el.type; }', { 'element-6066-11e4-a52e-4f735466cecf': id });
    if (input !== 'file') await this.cmd('POST', `/element/${id}/clear`, {});
    return this.cmd('POST', `/element/${id}/value`, { text });
  }

  /** Firefox: "content" (pages) or "chrome" (the browser's own UI; needs system access). */
  context(name) {
    return this.cmd('POST', '/moz/context', { context: name });
  }
}
