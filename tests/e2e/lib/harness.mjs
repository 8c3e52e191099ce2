// One driver interface over two browsers, so every end-to-end test runs unchanged in Chromium
// (playwright-core, dist/chrome) and Firefox (geckodriver, dist/firefox).
//
// The tests use the shipped packages, with no test hooks and no host permissions: like a
// user, they press the toolbar button, which grants activeTab for that tab and toggles the
// view. Then they call the background's `quietpage.openReader(tabId)`, which returns the
// article of the view the click opened (the same promise), and `closeReader`.
// - Chromium: the button is pressed with the DevTools protocol's Extensions.triggerAction
//   (needs --enable-unsafe-extension-debugging and the pipe transport Playwright uses); the
//   background is the service worker, evaluated through Playwright.
// - Firefox: the button is pressed from the browser's chrome context (geckodriver
//   --allow-system-access) through the same internal call a click makes; the background is
//   reached from the extension's options page with runtime.getBackgroundPage().

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, startGeckodriver } from './webdriver.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = {
  chromium: path.join(ROOT, 'dist', 'chrome'),
  firefox: path.join(ROOT, 'dist', 'firefox'),
};
export const VIEWPORT = { width: 1200, height: 800 };
const GECKO_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'))
  .browser_specific_settings.gecko.id;
const FIREFOX_UUID = '5f0c2a64-8d7e-4c1b-9a3f-6e2d1b0c9a87';

export const BROWSER = process.env.QP_BROWSER === 'firefox' ? 'firefox' : 'chromium';

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function launch(name = BROWSER, options = {}) {
  return name === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

/**
 * Chromium with dist/chrome loaded unpacked, as a user would. `profile`: a profile folder to
 * use and keep (a second launch on it is the same browser restarted); else a temporary one.
 */
export async function launchChromium({ headless = true, profile: keep = null } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = keep ?? tempDir('qp-chromium-');
  const ext = DIST.chromium;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: VIEWPORT,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--enable-unsafe-extension-debugging',
    ],
  });
  let worker = context.serviceWorkers().find((w) => w.url().endsWith('/background/main.js'));
  worker ??= await context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().endsWith('/background/main.js'),
    timeout: 15_000,
  });
  const extensionId = new URL(worker.url()).host;
  // The worker is listed as soon as it starts; a toolbar click before its module has run
  // (and added its listeners) would be lost. The API object is set by that same module.
  const deadline = Date.now() + 15_000;
  while (!(await worker.evaluate(() => typeof globalThis.quietpage === 'object').catch(() => false))) {
    if (Date.now() > deadline) throw new Error('the extension service worker never finished starting');
    await new Promise((r) => setTimeout(r, 50));
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.browser().newBrowserCDPSession();

  // The service worker may be stopped and restarted between calls; always use the live one.
  const background = () =>
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker;
  const viewFrame = () => page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/reader/`));
  let optionsTab = null;

  return {
    name: 'chromium',
    page,
    context,
    extensionId,
    async goto(url) {
      await page.bringToFront();
      await page.goto(url, { waitUntil: 'load' });
    },
    /** The page's address now (it changes with the History API too). */
    url: async () => page.url(),
    async clickToolbarButton() {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    /**
     * `quietpage[method](tabId, ...args)` in the background for the tab showing the page, as
     * `{ ok: true, value }` or `{ ok: false, error }` (the error's message).
     */
    async callBackground(method, ...args) {
      return background().evaluate(
        async ([name, url, rest]) => {
          // After the toolbar click (activeTab) the tab's URL is visible to the extension.
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          if (!tab) return { ok: false, error: `no tab with ${url} (was the toolbar button pressed?)` };
          try {
            return { ok: true, value: await globalThis.quietpage[name](tab.id, ...rest) };
          } catch (e) {
            return { ok: false, error: String(e?.message ?? e) };
          }
        },
        [method, page.url(), args],
      );
    },
    /**
     * `quietpage[method](tabId)` for the page's tab found without any grant (the active tab),
     * to show what the extension may do before the user asks.
     */
    async callBackgroundUngranted(method) {
      await page.bringToFront();
      return background().evaluate(async (name) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        try {
          return { ok: true, value: await globalThis.quietpage[name](tab.id), url: tab.url ?? null };
        } catch (e) {
          return { ok: false, error: String(e?.message ?? e), url: tab.url ?? null };
        }
      }, method);
    },
    /** `quietpage[method](...args)` in the background, for the calls that take no tab. */
    callApi(method, ...args) {
      return background().evaluate(
        async ([name, rest]) => {
          try {
            return { ok: true, value: await globalThis.quietpage[name](...rest) };
          } catch (e) {
            return { ok: false, error: String(e?.message ?? e) };
          }
        },
        [method, args],
      );
    },
    /**
     * What a user does in the extension's "Site access" settings: lets it read `origin`
     * (a match pattern) from now on, so the browser's permission prompt has nothing to ask.
     */
    async allowHostAccess(origin) {
      const settings = await context.newPage();
      try {
        await settings.goto(`chrome://extensions/?id=${extensionId}`);
        await settings.evaluate(([id, host]) => chrome.developerPrivate.addHostPermission(id, host), [extensionId, origin]);
      } finally {
        await settings.close();
      }
    },
    /** Loads the options page in a tab of its own (kept for the options* calls below). */
    async openOptions() {
      optionsTab ??= await context.newPage();
      await optionsTab.goto(`chrome-extension://${extensionId}/options/options.html`);
    },
    /** A user's click on the options page (a user gesture, as permission requests need). */
    optionsClick: (selector) => optionsTab.click(selector),
    optionsType: (selector, text) => optionsTab.fill(selector, text),
    /** Clicks `selector` on the options page and returns the file it downloads: `{ name, text }`. */
    async optionsDownload(selector) {
      const [download] = await Promise.all([optionsTab.waitForEvent('download'), optionsTab.click(selector)]);
      return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
    },
    /** Picks `file` in the options page's file input `selector`, as a user does in the dialog. */
    optionsFile: (selector, file) => optionsTab.setInputFiles(selector, file),
    evalOptions: (fn, arg) => optionsTab.evaluate(fn, arg),
    /**
     * `fn(arg)` in the tab showing the extension page whose address (from the extension's
     * base) starts with `page`, as `options/options.html#add=`; undefined when none does.
     */
    async evalInExtensionTab(page, fn, arg) {
      const prefix = `chrome-extension://${extensionId}/${page}`;
      const tab = context.pages().find((p) => p.url().startsWith(prefix));
      return tab ? tab.evaluate(fn, arg) : undefined;
    },
    /** Closes the tabs of the extension page `page` (as for evalInExtensionTab). */
    async closeExtensionTabs(page) {
      const prefix = `chrome-extension://${extensionId}/${page}`;
      for (const tab of context.pages().filter((p) => p.url().startsWith(prefix))) await tab.close();
    },
    /** The reading settings as stored in storage.sync. */
    storedSettings() {
      return background().evaluate(async () => (await chrome.storage.sync.get('reading')).reading ?? null);
    },
    /** The extension's keyboard commands, as the browser registered them. */
    commands() {
      return background().evaluate(() => chrome.commands.getAll());
    },
    /** `fn(arg)` in a freshly loaded options page. */
    async onOptionsPage(fn, arg) {
      const options = await context.newPage();
      try {
        await options.goto(`chrome-extension://${extensionId}/options/options.html`);
        return await options.evaluate(fn, arg);
      } finally {
        await options.close();
      }
    },
    /** `fn(arg)` in the page's own JavaScript world (where page scripts run). */
    evalPage(fn, arg) {
      return page.evaluate(fn, arg);
    },
    /**
     * `fn(arg)` run by the background with scripting.executeScript in the page's top frame,
     * in the extension's content script world (needs the toolbar button's grant first).
     */
    inContentScript(fn, arg) {
      // A string, so that `fn` becomes a function of the worker's own (executeScript sends
      // its source); DevTools evaluation is not bound by the worker's CSP.
      return background().evaluate(`(async () => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(page.url())});
        if (!tab) throw new Error('no tab with the page (was the toolbar button pressed?)');
        const [done] = await chrome.scripting.executeScript({
          target: { tabId: tab.id, frameIds: [0] },
          func: ${fn},
          args: [${JSON.stringify(arg ?? null)}],
        });
        return done.result;
      })()`);
    },
    /** `fn(arg)` in the reading view's document. */
    async evalView(fn, arg) {
      const frame = viewFrame();
      if (!frame) throw new Error('no reading view frame');
      return frame.evaluate(fn, arg);
    },
    hasView: () => Boolean(viewFrame()),
    /** A real (trusted) mouse click on `selector` in the reading view. */
    async clickInView(selector) {
      const frame = viewFrame();
      if (!frame) throw new Error('no reading view frame');
      await frame.click(selector);
    },
    /**
     * The text on the clipboard, read by the page (granted the permission to, for this). The
     * async clipboard reads only in a focused document, so not while a view is over the page.
     */
    async readClipboard() {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await page.bringToFront();
      return page.evaluate(() => {
        window.focus(); // the page's document does not get focus back by itself
        return navigator.clipboard.readText();
      });
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    async close() {
      await context.close();
      if (!keep) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox ESR with dist/firefox installed as a temporary add-on. With `profile` (a folder
 * kept between launches), the add-on is installed for good instead, from the package a user
 * installs (dist/quietpage-firefox.zip): temporary add-ons are gone after a restart. It is
 * unsigned, which Firefox ESR allows with xpinstall.signatures.required off. A second launch
 * on the same folder is the same browser restarted, with the add-on already there.
 */
export async function launchFirefox({ headless = true, profile = null } = {}) {
  const driver = await startGeckodriver({ allowSystemAccess: true });
  let session;
  const installed = profile !== null && fs.existsSync(path.join(profile, 'extensions'));
  const downloads = tempDir('qp-firefox-downloads-');
  try {
    const args = headless ? ['-headless', `-width=${VIEWPORT.width}`, `-height=${VIEWPORT.height}`] : [];
    if (profile) {
      fs.mkdirSync(profile, { recursive: true });
      args.push('-profile', profile);
    }
    session = await Session.create(driver.url, {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        args,
        prefs: {
          ...(profile ? { 'xpinstall.signatures.required': false } : {}),
          // A fixed moz-extension:// host, so the tests can open the options page.
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          // Exports the tests save land in a temporary folder, never the user's Downloads.
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
        },
      },
    });
    await session.cmd('POST', '/window/rect', VIEWPORT).catch(() => {});
    if (!profile) await session.installAddon(DIST.firefox);
    else if (!installed) await session.installAddon(path.join(ROOT, 'dist', 'quietpage-firefox.zip'), { temporary: false });
  } catch (e) {
    await session?.delete().catch(() => {});
    await driver.stop();
    fs.rmSync(downloads, { recursive: true, force: true });
    throw e;
  }
  const pageTab = await session.handle();
  // A tab on the add-on's own options page: scripts run there with the extension's APIs.
  const extTab = await session.newTab();
  await session.switchTo(extTab);
  await session.navigate(`moz-extension://${FIREFOX_UUID}/options/options.html`);
  await session.switchTo(pageTab);
  let where = pageTab;
  const at = async (handle) => {
    if (where !== handle) {
      await session.switchTo(handle);
      where = handle;
    }
    await session.frame(null);
  };
  let pageUrl = null;
  /**
   * Into the reading view's frame, or throws. WebDriver counts the page's own frames too, and
   * ours is appended last: each is tried in turn.
   */
  const toView = async () => {
    for (let i = 0; ; i++) {
      await at(pageTab);
      await session.frame(i); // past the last frame: "no such frame"
      const url = await session.execute('function () { return location.href; }');
      if (url.startsWith(`moz-extension://${FIREFOX_UUID}/reader/`)) return;
    }
  };

  return {
    name: 'firefox',
    session,
    async goto(url) {
      await at(pageTab);
      await session.navigate(url);
      pageUrl = url;
    },
    async url() {
      await at(pageTab);
      pageUrl = await session.url();
      return pageUrl;
    },
    async clickToolbarButton() {
      await at(pageTab);
      await session.context('chrome');
      try {
        await session.execute(`function (id) {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(id);
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(win);
        }`, GECKO_ID);
      } finally {
        await session.context('content');
      }
    },
    async callBackground(method, ...args) {
      // The page's address now: the History API may have changed it since goto.
      await at(pageTab);
      pageUrl = await session.url();
      await at(extTab);
      return session.execute(
        `async function (name, url, rest) {
          const bg = await browser.runtime.getBackgroundPage();
          const tab = (await browser.tabs.query({})).find((t) => t.url === url);
          if (!tab) return { ok: false, error: 'no tab with ' + url + ' (was the toolbar button pressed?)' };
          try {
            const value = await bg.quietpage[name](tab.id, ...rest);
            // Plain data: the background's objects belong to another compartment.
            return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
          } catch (e) {
            return { ok: false, error: String(e?.message ?? e) };
          }
        }`,
        method,
        pageUrl,
        args,
      );
    },
    async callBackgroundUngranted(method) {
      await at(extTab);
      return session.execute(
        `async function (name) {
          const bg = await browser.runtime.getBackgroundPage();
          const self = await browser.tabs.getCurrent();
          // Without a grant the page's tab shows no URL; ours is the only other tab.
          const tab = (await browser.tabs.query({})).find((t) => t.id !== self.id);
          try {
            const value = await bg.quietpage[name](tab.id);
            return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)), url: tab.url ?? null };
          } catch (e) {
            return { ok: false, error: String(e?.message ?? e), url: tab.url ?? null };
          }
        }`,
        method,
      );
    },
    async callApi(method, ...args) {
      await at(extTab);
      return session.execute(
        `async function (name, rest) {
          const bg = await browser.runtime.getBackgroundPage();
          try {
            const value = await bg.quietpage[name](...rest);
            return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
          } catch (e) {
            return { ok: false, error: String(e?.message ?? e) };
          }
        }`,
        method,
        args,
      );
    },
    /**
     * What a user does on the add-on's Permissions tab in about:addons: lets it read
     * `origin` (a match pattern) from now on, so permission requests have nothing to ask.
     */
    async allowHostAccess(origin) {
      await at(pageTab);
      await session.context('chrome');
      try {
        await session.execute(`async function (id, origin) {
          const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(id);
          await ExtensionPermissions.add(id, { permissions: [], origins: [origin] }, extension);
        }`, GECKO_ID, origin);
      } finally {
        await session.context('content');
      }
    },
    async openOptions() {
      await at(extTab);
      await session.navigate(`moz-extension://${FIREFOX_UUID}/options/options.html`);
    },
    async optionsClick(selector) {
      await at(extTab);
      await session.click(selector);
    },
    async optionsType(selector, text) {
      await at(extTab);
      await session.type(selector, text);
    },
    async optionsDownload(selector) {
      const before = new Set(fs.readdirSync(downloads));
      await at(extTab);
      await session.click(selector);
      const deadline = Date.now() + 15_000;
      for (;;) {
        // Firefox writes a .part file first and renames it when the download is complete.
        const name = fs.readdirSync(downloads).find((n) => !before.has(n) && !n.endsWith('.part'));
        if (name) {
          const text = fs.readFileSync(path.join(downloads, name), 'utf8');
          if (text) return { name, text };
        }
        if (Date.now() > deadline) throw new Error('no download arrived');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async optionsFile(selector, file) {
      await at(extTab);
      // The page opens the picker from its Import button and keeps the input itself hidden;
      // WebDriver hands a file only to an input it could click, so it is shown meanwhile.
      const reveal = (hidden) =>
        session.execute('function (css, hidden) { document.querySelector(css).hidden = hidden; }', selector, hidden);
      await reveal(false);
      try {
        await session.type(selector, file);
      } finally {
        await reveal(true);
      }
    },
    async evalOptions(fn, arg) {
      await at(extTab);
      return session.execute(fn.toString(), arg);
    },
    async storedSettings() {
      await at(extTab);
      return session.execute('async function () { return (await browser.storage.sync.get("reading")).reading ?? null; }');
    },
    async commands() {
      await at(extTab);
      return session.execute('function () { return browser.commands.getAll(); }');
    },
    async onOptionsPage(fn, arg) {
      await at(extTab);
      await session.navigate(`moz-extension://${FIREFOX_UUID}/options/options.html`);
      return session.execute(fn.toString(), arg);
    },
    async evalPage(fn, arg) {
      await at(pageTab);
      return session.execute(fn.toString(), arg);
    },
    async inContentScript(fn, arg) {
      await at(extTab);
      return session.execute(
        `async function (url, arg) {
          const tab = (await browser.tabs.query({})).find((t) => t.url === url);
          if (!tab) throw new Error('no tab with ' + url + ' (was the toolbar button pressed?)');
          const [done] = await browser.scripting.executeScript({
            target: { tabId: tab.id, frameIds: [0] },
            func: ${fn},
            args: [arg],
          });
          return done.result;
        }`,
        pageUrl,
        arg ?? null,
      );
    },
    async evalView(fn, arg) {
      await toView();
      try {
        return await session.execute(fn.toString(), arg);
      } finally {
        await session.frame(null);
      }
    },
    async hasView() {
      try {
        await toView();
        return true;
      } catch {
        return false;
      } finally {
        await session.frame(null).catch(() => {});
      }
    },
    async evalInExtensionTab(page, fn, arg) {
      const prefix = `moz-extension://${FIREFOX_UUID}/${page}`;
      for (const handle of await session.cmd('GET', '/window/handles')) {
        await at(handle);
        if ((await session.url()).startsWith(prefix)) return session.execute(fn.toString(), arg);
      }
      return undefined;
    },
    async closeExtensionTabs(page) {
      const prefix = `moz-extension://${FIREFOX_UUID}/${page}`;
      for (const handle of await session.cmd('GET', '/window/handles')) {
        if (handle === pageTab || handle === extTab) continue;
        await at(handle);
        if ((await session.url()).startsWith(prefix)) await session.closeWindow();
      }
      await at(pageTab);
    },
    async clickInView(selector) {
      await toView();
      try {
        await session.click(selector);
      } finally {
        await session.frame(null);
      }
    },
    async readClipboard() {
      await at(pageTab);
      await session.context('chrome');
      try {
        return await session.execute(`function () {
          const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
          transfer.init(null);
          transfer.addDataFlavor('text/plain');
          Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard);
          const data = {};
          transfer.getTransferData('text/plain', data);
          return data.value.QueryInterface(Ci.nsISupportsString).data;
        }`);
      } finally {
        await session.context('content');
      }
    },
    async press(key) {
      const named = { Escape: '\uE00C', Tab: '\uE004', Enter: '\uE007' };
      await session.keys(named[key] ?? key);
    },
    async screenshot(file) {
      await at(pageTab);
      fs.writeFileSync(file, Buffer.from(await session.screenshot(), 'base64'));
    },
    async close() {
      await session.delete().catch(() => {});
      await driver.stop();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}
