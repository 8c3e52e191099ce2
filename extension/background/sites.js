// "Always clean this site": the sites a user chose, the content script that watches them, and
// the reading view that opens by itself there when a page is an article.
//
// The site list lives in storage.sync, and a host permission is granted per browser by the
// user (the options page and the reading view ask, in a click). What runs is derived from
// both: one registered content script whose matches are the listed sites this browser may
// read. It is brought in line with them whenever either changes and each time the background
// starts (a synced list from another device, a permission taken back in the browser's own
// settings, a registration a browser did not keep), so no path can leave them out of step.
//
// On a listed page, content/auto.js waits for the page to render and says so; the background
// then reads the page once, asks the core whether it is probably an article (home and section
// pages stay as they are), and only then shows the view. The same happens again when the page
// moves to another address with the History API.

import { ext } from '../shared/api.js';
import { checkRule, FILE_FORMAT, MAX_SITES, parseSettingsFile } from '../shared/site-settings.js';
import { normalize as normalizeReading } from '../shared/settings.js';
import { bestMatch, matchFor, originFor, parseSitePattern, patternForUrl } from '../shared/sites.js';
import { isProbablyReadable, selectorChecker } from './core.js';
import {
  closeReader,
  isReaderOpen,
  NotShown,
  onContentMessage,
  onOptionsMessage,
  onReaderMessage,
  onUserClose,
  openReaderIf,
} from './sessions.js';
import * as store from './site-store.js';

const SCRIPT_ID = 'quietpage-sites';
const SCRIPT_FILES = ['content/serialise.js', 'content/content.js', 'content/auto.js'];

async function isGranted(pattern) {
  return ext.permissions.contains({ origins: [originFor(pattern)] });
}

let syncing = Promise.resolve();

/** Makes the registered content script match the listed sites this browser may read. */
export function syncRegistration() {
  const next = syncing.then(async () => {
    const sites = await store.loadSites();
    const matches = [];
    for (const pattern of sites) {
      if (await isGranted(pattern).catch(() => false)) matches.push(matchFor(pattern));
    }
    matches.sort();
    const [current] = await ext.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (!matches.length) {
      if (current) await ext.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
      return [];
    }
    // One made by another version, which a browser may keep across an update, is replaced
    // when its files differ.
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (current && same([...current.matches].sort(), matches) && same(current.js, SCRIPT_FILES)) return matches;
    const script = { id: SCRIPT_ID, js: SCRIPT_FILES, matches, runAt: 'document_idle', persistAcrossSessions: true };
    // Updated in place: taken out and put back, the script would miss a page loaded between
    // the two on a site that stays listed.
    if (current) await ext.scripting.updateContentScripts([script]);
    else await ext.scripting.registerContentScripts([script]);
    return matches;
  });
  syncing = next.catch(() => {});
  return next;
}

/** The site list: `[{ pattern, granted, active }]` (`active`: the content script runs there). */
export async function listSites() {
  const active = new Set(await syncRegistration());
  const out = [];
  for (const pattern of await store.loadSites()) {
    out.push({ pattern, granted: await isGranted(pattern), active: active.has(matchFor(pattern)) });
  }
  return out;
}

/**
 * Adds a site to the list. The user must have granted its host permission first (only a
 * page's click may ask for it: the options page and the reading view do).
 */
export async function addSite(input) {
  const { pattern } = parseSitePattern(input);
  if (!(await isGranted(pattern))) {
    throw new Error(`Quiet Page may not read ${pattern} yet: allow it when your browser asks`);
  }
  await store.update((sites) => {
    if (sites.includes(pattern)) return {};
    if (sites.length >= MAX_SITES) throw new Error(`the list holds at most ${MAX_SITES} sites`);
    return { sites: [...sites, pattern] };
  });
  await syncRegistration();
  return pattern;
}

/** Gives back the host permissions no listed site needs any more. */
async function releaseOrigins(removed, kept) {
  const needed = new Set(kept.map(originFor));
  const unused = [...new Set(removed.map(originFor))].filter((o) => !needed.has(o));
  if (unused.length) await ext.permissions.remove({ origins: unused }).catch(() => false);
}

/** Takes a site off the list, stops its content script and gives its permission back. */
export async function removeSite(input) {
  const { pattern } = parseSitePattern(input);
  let left = null;
  await store.update((sites) => {
    left = sites.filter((p) => p !== pattern);
    return left.length === sites.length ? {} : { sites: left };
  });
  await syncRegistration();
  if (left) await releaseOrigins([pattern], left);
  return pattern;
}

/**
 * Adds or replaces the rule for a site pattern (`replaces`: the pattern it had before an
 * edit). Every selector is checked by the core; a SettingsError lists what is wrong.
 */
export async function setRule(raw, replaces = null) {
  const rule = checkRule(raw, await selectorChecker());
  await store.update((_, rules) => ({
    rules: [...rules.filter((r) => r.pattern !== rule.pattern && r.pattern !== replaces), rule],
  }));
  return rule;
}

export async function removeRule(pattern) {
  await store.update((_, rules) => ({ rules: rules.filter((r) => r.pattern !== pattern) }));
}

export const listRules = () => store.loadRules();

/** All settings as the text of a settings file. */
export async function exportSettings() {
  const { reading } = await ext.storage.sync.get('reading');
  const data = {
    quietpage: FILE_FORMAT,
    reading: normalizeReading(reading),
    sites: await store.loadSites(),
    rules: await store.loadRules(),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Applies a settings file: every section it has replaces the current one, and only when the
 * whole file is right (otherwise a SettingsError says what is wrong and nothing changes).
 * Resolves with the sites that still need the user's permission in this browser.
 */
export async function importSettings(text) {
  const data = parseSettingsFile(text, await selectorChecker());
  let dropped = [];
  let kept = [];
  await store.update(async (sites) => {
    const set = {};
    if (data.reading) set.reading = normalizeReading(data.reading);
    if (Object.keys(set).length) await ext.storage.sync.set(set);
    if (data.sites) {
      dropped = sites.filter((p) => !data.sites.includes(p));
      kept = data.sites;
    }
    return { sites: data.sites, rules: data.rules };
  });
  await syncRegistration();
  if (dropped.length) await releaseOrigins(dropped, kept);
  return (await listSites()).filter((s) => !s.granted).map((s) => s.pattern);
}

/** The listed site a page belongs to, or null. */
async function siteOf(url) {
  return bestMatch(await store.loadSites(), url);
}

/** tabId → what the last page there that reported ready came to (for `autoState`). */
const decisions = new Map();

/**
 * What happened on `tabId` the last time a listed page there was ready: `{ url, result, at }`,
 * `result` one of shown, not an article, paused, closed on this page, not a listed site, or
 * an error's message, `at` when (ms since the epoch); null before any. Kept while the
 * background runs.
 */
export async function autoState(tabId) {
  return decisions.get(tabId) ?? null;
}

async function pageReady(tabId) {
  const url = (await ext.tabs.get(tabId)).url?.split('#')[0] ?? null;
  let result;
  try {
    result = await decide(tabId, url);
  } catch (e) {
    result = String(e?.message ?? e);
  }
  decisions.set(tabId, { url, result, at: Date.now() });
  return result;
}

/**
 * A listed page has rendered (or moved to another address): show the view when it is an
 * article, unless the user closed it on this page or paused the site.
 */
async function decide(tabId, url) {
  const pattern = url && (await siteOf(url));
  if (!pattern) return 'not a listed site';
  if (await store.isPaused(pattern)) return 'paused';
  if (await store.wasClosed(tabId, url)) return 'closed on this page';
  // A view over the article the page showed before it moved on.
  if (await isReaderOpen(tabId)) await closeReader(tabId, { byUser: false });
  try {
    await openReaderIf(tabId, (page, options) => isProbablyReadable(page.html, options));
    return 'shown';
  } catch (e) {
    if (e instanceof NotShown) return 'not an article';
    throw e;
  }
}

async function viewSite(tabId) {
  const { url } = await ext.tabs.get(tabId);
  let pattern;
  try {
    pattern = patternForUrl(url);
  } catch {
    return null; // not a web page: nothing to offer
  }
  const listed = await siteOf(url);
  return { pattern: listed ?? pattern, listed: Boolean(listed), paused: listed ? await store.isPaused(listed) : false };
}

function text(value, name) {
  if (typeof value !== 'string') throw new TypeError(`${name} must be text`);
  return value;
}

onContentMessage('auto:ready', (tabId) => pageReady(tabId));

onReaderMessage('reader:site', (tabId) => viewSite(tabId));
onReaderMessage('reader:add-site', async (tabId) => {
  const pattern = patternForUrl((await ext.tabs.get(tabId)).url);
  if (!(await isGranted(pattern))) {
    // Only a click may ask for a permission, and Firefox's framed view has no way to ask:
    // the options page opens with the site filled in, one click (Add) from the question.
    const url = ext.runtime.getURL(`options/options.html#add=${encodeURIComponent(pattern)}`);
    await ext.tabs.create({ url, openerTabId: tabId });
    return { ...(await viewSite(tabId)), pending: true };
  }
  await addSite(pattern);
  return viewSite(tabId);
});
onReaderMessage('reader:pause-site', async (tabId) => {
  const site = await viewSite(tabId);
  if (!site?.listed) throw new Error('this site is not on the list');
  await store.pause(site.pattern);
  await closeReader(tabId, { byUser: false });
  return site.pattern;
});

onOptionsMessage('sites:list', () => listSites());
onOptionsMessage('sites:add', (msg) => addSite(text(msg.pattern, 'pattern')));
onOptionsMessage('sites:remove', (msg) => removeSite(text(msg.pattern, 'pattern')));
onOptionsMessage('rules:list', () => listRules());
onOptionsMessage('rules:set', (msg) => setRule(msg.rule, typeof msg.replaces === 'string' ? msg.replaces : null));
onOptionsMessage('rules:remove', (msg) => removeRule(text(msg.pattern, 'pattern')));
onOptionsMessage('settings:export', () => exportSettings());
onOptionsMessage('settings:import', (msg) => importSettings(text(msg.text, 'the file')));

onUserClose((tabId, url) => (url ? store.rememberClosed(tabId, url.split('#')[0]) : null));

ext.tabs.onRemoved.addListener((tabId) => {
  decisions.delete(tabId);
  store.forgetClosed(tabId).catch(() => {});
});
ext.permissions.onAdded.addListener(() => syncRegistration());
ext.permissions.onRemoved.addListener(() => syncRegistration());
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && store.SYNC_KEYS.some((k) => changes[k])) syncRegistration();
});
// Each start: a browser that did not keep the registration (or a list synced while it was
// closed) gets the content script it should have.
syncRegistration().catch(() => {});
