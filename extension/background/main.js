// Quiet Page's background: Chrome's module service worker, Firefox's (module) event page.
//
// Every listener is registered synchronously at the top level, as both browsers require for
// a background that is started on demand to see the event that woke it.

import { ext } from '../shared/api.js';
import { coreVersion } from './core.js';
import { downloadArticle, exportArticle, openAndDownload } from './export.js';
import {
  closeReader,
  forgetTab,
  isReaderOpen,
  onMessage,
  onReaderMessage,
  openReader,
  shownArticle,
  toggleReader,
} from './sessions.js';
import {
  addSite,
  autoState,
  exportSettings,
  importSettings,
  listRules,
  listSites,
  removeRule,
  removeSite,
  setRule,
} from './sites.js';

const MENU_ID = 'quietpage-toggle';
const COMMAND = 'toggle-reader';
const EXPORT_COMMAND = 'export-markdown';
// The toolbar button's context menu: one entry per file format.
const EXPORT_MENU = {
  'quietpage-export-md': ['md', 'Save as Markdown'],
  'quietpage-export-html': ['html', 'Save as HTML'],
  'quietpage-export-txt': ['txt', 'Save as plain text'],
  'quietpage-export-epub': ['epub', 'Save as EPUB'],
};

// For tests and for people scripting their browser (devtools on the background page):
// the toolbar button, the shortcut and the menu go through these same functions.
globalThis.quietpage = {
  openReader,
  closeReader,
  toggleReader,
  isReaderOpen,
  shownArticle,
  exportArticle,
  downloadArticle,
  openAndDownload,
  // Always clean a site: what happened on a tab's page, then (no tab) the options page's
  // sites, rules and settings file, through the same checks.
  autoState,
  listSites,
  addSite,
  removeSite,
  listRules,
  setRule,
  removeRule,
  exportSettings,
  importSettings,
  version: coreVersion,
};

/** A user gesture on `tab`: toggle, and say so on the button when the page can't be read. */
async function userToggle(tab) {
  const tabId = tab?.id ?? (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  try {
    await toggleReader(tabId);
    await ext.action.setBadgeText({ tabId, text: '' });
  } catch (e) {
    // A page with no article already says so in the view. Anything else (a browser page, a
    // page that would not load the view) gets a mark on the button and the reason on hover.
    if (await isReaderOpen(tabId).catch(() => false)) return;
    await ext.action.setBadgeText({ tabId, text: '!' }).catch(() => {});
    await ext.action.setTitle({ tabId, title: `Quiet Page: ${e.message}` }).catch(() => {});
  }
}

ext.action.onClicked.addListener((tab) => {
  userToggle(tab);
});

/** A user's export from a menu or the keyboard; a failure shows on the button like a toggle's. */
async function userExport(tab, format) {
  const tabId = tab?.id ?? (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  try {
    await openAndDownload(tabId, format);
  } catch (e) {
    await ext.action.setBadgeText({ tabId, text: '!' }).catch(() => {});
    await ext.action.setTitle({ tabId, title: `Quiet Page: ${e.message}` }).catch(() => {});
  }
}

ext.commands.onCommand.addListener((command, tab) => {
  if (command === COMMAND) userToggle(tab);
  else if (command === EXPORT_COMMAND) userExport(tab, 'md');
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) userToggle(tab);
  else if (Object.hasOwn(EXPORT_MENU, info.menuItemId)) userExport(tab, EXPORT_MENU[info.menuItemId][0]);
});

// The reading view's export menu: save a file, or hand back Markdown for the clipboard (the
// view writes it: the background has no clipboard in Chrome's service worker). The message's
// action and format are checked already (messages.js).
onReaderMessage('reader:export', async (tabId, msg) => {
  if (msg.action === 'copy') return (await exportArticle(tabId, 'md')).data;
  return (await downloadArticle(tabId, msg.format)).filename;
});

function createMenus() {
  // removeAll first: Firefox keeps menus across background restarts, and creating an id
  // twice is an error.
  ext.contextMenus.removeAll().then(() => {
    ext.contextMenus.create({
      id: MENU_ID,
      title: 'Reading view',
      contexts: ['page', 'selection', 'link', 'image'],
    });
    for (const [id, [, title]] of Object.entries(EXPORT_MENU)) {
      ext.contextMenus.create({ id, title, contexts: ['action'] });
    }
  });
}

ext.runtime.onInstalled.addListener(createMenus);
ext.runtime.onStartup.addListener(createMenus);

ext.runtime.onMessage.addListener(onMessage);

ext.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
ext.tabs.onUpdated.addListener((tabId, change) => {
  // Most likely a new document replaced the one the view was over. If it was only a
  // same-document navigation, the content script still knows its view is open and the
  // toolbar button still closes it.
  if (change.status === 'loading') forgetTab(tabId);
});
