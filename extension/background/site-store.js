// Where the per-site settings live: the site list and the site rules in storage.sync (they
// follow the user across devices and survive restarts), and what only holds for this browser
// session (paused sites, views the user closed) in storage.session.
//
// storage.session rather than a variable: Chrome stops an idle MV3 service worker (and Firefox
// unloads an idle event page), which would forget a pause within a minute; storage.session
// lives exactly as long as the browser session and is not readable by content scripts.

import { ext } from '../shared/api.js';
import { bestMatch } from '../shared/sites.js';

const SITES = 'sites';
const RULES = 'rules';
const PAUSED = 'pausedSites';
const CLOSED = 'closedViews';
// Pages per tab whose view the user closed; older ones are forgotten first.
const CLOSED_PER_TAB = 20;

export const SYNC_KEYS = [SITES, RULES];

function list(value) {
  return Array.isArray(value) ? value : [];
}

export async function loadSites() {
  return list((await ext.storage.sync.get(SITES))[SITES]).filter((p) => typeof p === 'string');
}

export async function loadRules() {
  return list((await ext.storage.sync.get(RULES))[RULES]).filter((r) => r && typeof r.pattern === 'string');
}

// Writes from this background run one after another: two overlapping read-modify-writes
// would lose the first one's change.
let writing = Promise.resolve();

/** Runs `change(sites, rules)` → `{ sites?, rules? }` and stores what it returns. */
export function update(change) {
  const next = writing.then(async () => {
    const changes = await change(await loadSites(), await loadRules());
    const set = {};
    if (changes.sites) set[SITES] = changes.sites;
    if (changes.rules) set[RULES] = changes.rules;
    if (Object.keys(set).length) await ext.storage.sync.set(set);
    return changes;
  });
  writing = next.catch(() => {});
  return next;
}

/** The rule for `url` among `rules` (the most specific pattern that matches), or null. */
export function ruleFor(url, rules) {
  if (!url) return null;
  const pattern = bestMatch(rules.map((r) => r.pattern), url);
  return pattern ? rules.find((r) => r.pattern === pattern) : null;
}

async function sessionGet(key, fallback) {
  return (await ext.storage.session.get(key))[key] ?? fallback;
}

export async function isPaused(pattern) {
  return list(await sessionGet(PAUSED, [])).includes(pattern);
}

export async function pause(pattern) {
  const paused = list(await sessionGet(PAUSED, []));
  if (!paused.includes(pattern)) await ext.storage.session.set({ [PAUSED]: [...paused, pattern] });
}

export async function wasClosed(tabId, url) {
  return list((await sessionGet(CLOSED, {}))[tabId]).includes(url);
}

export async function rememberClosed(tabId, url) {
  const closed = await sessionGet(CLOSED, {});
  const urls = list(closed[tabId]).filter((u) => u !== url);
  closed[tabId] = [...urls, url].slice(-CLOSED_PER_TAB);
  await ext.storage.session.set({ [CLOSED]: closed });
}

export async function forgetClosed(tabId) {
  const closed = await sessionGet(CLOSED, {});
  if (!Object.hasOwn(closed, tabId)) return;
  delete closed[tabId];
  await ext.storage.session.set({ [CLOSED]: closed });
}
