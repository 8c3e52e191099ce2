// The reading view: an extension page framed over the article's tab by the content script.
// It asks the background for the article with the one-time token in its URL, renders it with
// article.css, and tells the background once it is on screen.

import { ext } from '../shared/api.js';
import { shownSite } from '../shared/meta-line.js';
import { removedSummary } from '../shared/removed.js';
import { apply } from '../shared/settings.js';
import { mountSettingsForm } from '../shared/settings-form.js';
import { originFor } from '../shared/sites.js';

const token = location.hash.slice(1);
const main = document.getElementById('qp-main');
const settingsButton = document.getElementById('qp-settings-button');
const settingsPanel = document.getElementById('qp-settings');
const exportButton = document.getElementById('qp-export-button');
const exportMenu = document.getElementById('qp-export');
const exportStatus = exportMenu.querySelector('.qp-menu-status');
const siteButton = document.getElementById('qp-site-button');

// Elements that can carry script or pull in other documents. The core's sanitiser never emits
// them and this page's CSP would not run them anyway; dropping them here costs nothing and
// keeps a sanitiser bug from turning into more than a cosmetic one.
const DROP = 'script,style,link,meta,base,iframe,frame,frameset,object,embed,applet,template,form,input,button,select,textarea,noscript';
const URL_ATTRS = ['href', 'src', 'poster', 'cite', 'action', 'formaction', 'xlink:href', 'background'];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function safeUrl(value, { image = false } = {}) {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return true;
    if (url.protocol === 'mailto:') return !image;
    return image && /^data:image\/(png|gif|jpeg|webp|avif);/i.test(value);
  } catch {
    return false;
  }
}

/**
 * Turns `content_html` into nodes of this document without running anything: DOMParser makes
 * an inert document (no scripts run, nothing loads), which is cleaned and then adopted.
 */
function contentNodes(html) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const node of doc.body.querySelectorAll(DROP)) node.remove();
  for (const node of doc.body.querySelectorAll('*')) {
    for (const name of node.getAttributeNames()) {
      const lower = name.toLowerCase();
      const image = node.localName === 'img' || node.localName === 'source' || lower === 'poster';
      if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') node.removeAttribute(name);
      else if (lower === 'href' && /^#[^\s]*$/.test(node.getAttribute(name))) continue; // in-article link
      else if (URL_ATTRS.includes(lower) && !safeUrl(node.getAttribute(name), { image })) node.removeAttribute(name);
      else if (lower === 'srcset' && /(^|,)\s*(?!https?:)[a-z][a-z0-9+.-]*:/i.test(node.getAttribute(name))) {
        node.removeAttribute(name);
      }
    }
    // The core writes links to places inside the article (footnotes, a table of contents)
    // as bare fragments: those jump within the view. Every other link leaves the view for
    // the page it points to, in this tab, as links on the page do.
    if (node.localName === 'a' && node.hasAttribute('href') && !node.getAttribute('href').startsWith('#')) {
      node.target = '_top';
      node.rel = 'noopener noreferrer';
    }
    if (node.localName === 'img') {
      node.loading = 'lazy';
      node.decoding = 'async';
    }
  }
  return [...document.adoptNode(doc.body).childNodes];
}

function formatDate(iso, lang) {
  // A date alone ("2025-02-24") means that calendar day wherever the reader is: format it in
  // UTC so it does not slip to the day before west of Greenwich.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locales = [navigator.language, lang].filter(Boolean);
  try {
    return new Intl.DateTimeFormat(locales, {
      dateStyle: 'long',
      ...(dateOnly ? { timeZone: 'UTC' } : {}),
    }).format(date);
  } catch {
    return iso;
  }
}

function sameImage(a, b) {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** Whether the lead image would repeat what the content already shows (the exports ask the
 * same: `content_with_lead` in `src/export/mod.rs`). */
function contentHasImage(content, src) {
  const first = content.firstElementChild;
  if (first && ['figure', 'img', 'picture'].includes(first.localName)) return true;
  return [...content.querySelectorAll('img')].some((img) => sameImage(img.getAttribute('src'), src));
}

function renderArticle(article) {
  const root = el('article', 'qp-article');
  // The article's language and direction go on the article only: the toolbar and settings
  // stay in the extension's own language and direction.
  if (article.lang) root.lang = article.lang;
  root.dir = article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : 'auto';

  const header = el('header', 'qp-header');
  const title = el('h1', 'qp-title', article.title || 'Untitled');
  title.tabIndex = -1;
  header.append(title);

  const meta = el('p', 'qp-meta');
  // Each item's text is isolated in an inner span (the separator dot, drawn before the outer
  // one, stays between items): a Latin byline on an Arabic page, a date in the reader's
  // locale and the view's own English words each keep their order in either direction.
  const item = (tag, className, text, dir = 'auto', lang = '') => {
    const outer = el(tag, className);
    const inner = el('span', '', text);
    inner.dir = dir;
    if (lang) inner.lang = lang;
    outer.append(inner);
    meta.append(outer);
    return outer;
  };
  if (article.byline) item('span', 'qp-byline', article.byline);
  const site = shownSite(article);
  if (site) item('span', 'qp-site', site);
  if (article.published) {
    item('time', 'qp-date', formatDate(article.published, article.lang)).dateTime = article.published;
  }
  if (article.reading_minutes > 0) {
    item('span', 'qp-reading-time', `${article.reading_minutes} min read`, 'ltr', 'en');
  }
  if (meta.childElementCount) header.append(meta);

  const removed = removedSummary(article.removed);
  if (removed) {
    const line = el('p', 'qp-removed qp-no-print', removed);
    line.dir = 'ltr';
    line.lang = 'en';
    header.append(line);
  }
  root.append(header);

  const content = el('div', 'qp-content');
  content.append(...contentNodes(article.content_html || ''));
  if (article.lead_image && safeUrl(article.lead_image, { image: true }) && !contentHasImage(content, article.lead_image)) {
    const figure = el('figure', 'qp-lead');
    const img = el('img');
    img.src = article.lead_image;
    img.alt = '';
    figure.append(img);
    // The caption the page set under its lead picture, outside the article's body.
    if (article.lead_caption) figure.append(el('figcaption', '', article.lead_caption));
    content.prepend(figure);
  }
  root.append(content);

  if (article.url && safeUrl(article.url)) {
    const footer = el('footer', 'qp-source');
    const link = el('a', '', article.url);
    link.href = article.url;
    link.target = '_top';
    link.rel = 'noopener noreferrer';
    footer.append(link);
    root.append(footer);
  }

  document.title = article.title ? `${article.title} · Quiet Page` : 'Quiet Page';
  main.replaceChildren(root);
  return title;
}

function renderMessage(heading, detail) {
  const box = el('div', 'qp-message');
  box.setAttribute('role', 'alert');
  const h = el('h1', 'qp-message-title', heading);
  h.tabIndex = -1;
  const sentence = detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : '';
  box.append(h, el('p', 'qp-message-detail', sentence.endsWith('.') ? sentence : `${sentence}.`));
  const back = el('button', 'qp-button qp-back', 'Back to the page');
  back.type = 'button';
  back.addEventListener('click', close);
  box.append(back);
  main.replaceChildren(box);
  return h;
}

function close() {
  ext.runtime.sendMessage({ type: 'reader:close', token }).catch(() => {});
}

function toggleSettings(open = settingsPanel.hidden) {
  settingsPanel.hidden = !open;
  settingsButton.setAttribute('aria-expanded', String(open));
  if (open) settingsPanel.querySelector('input:checked, input')?.focus();
}

function toggleExportMenu(open = exportMenu.hidden) {
  exportMenu.hidden = !open;
  exportButton.setAttribute('aria-expanded', String(open));
  if (open) {
    exportStatus.textContent = '';
    exportMenu.querySelector('[role="menuitem"]').focus();
  }
}

/** Copies `text`; the async clipboard first, the older copy command where that is refused. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Firefox, or a page whose permissions policy leaves the frame no async clipboard.
  }
  const area = el('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed'; // CSSOM, which this page's style-src CSP allows
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused the clipboard');
}

/** One export menu entry: save a file through the background, copy Markdown, or print. */
async function runExport(item) {
  if (item.dataset.action === 'print') {
    toggleExportMenu(false);
    print();
    return;
  }
  const copy = item.dataset.action === 'copy';
  exportStatus.textContent = copy ? 'Copying…' : 'Saving…';
  try {
    const reply = await ext.runtime.sendMessage({
      type: 'reader:export',
      token,
      format: item.dataset.format ?? 'md',
      action: copy ? 'copy' : 'download',
    });
    if (!reply?.ok) throw new Error(reply?.error || 'the article could not be exported');
    if (copy) await copyText(reply.value);
    exportStatus.textContent = copy ? 'Markdown copied.' : `Saved ${reply.value}.`;
  } catch (e) {
    exportStatus.textContent = `Not exported: ${e?.message ?? e}`;
  }
}

/** The site button: "Always clean this site", or, on a listed site, "Pause this site". */
let site = null;

function showSite(next, note = '') {
  site = next;
  siteButton.hidden = !site;
  if (!site) return;
  const label = site.listed ? (site.paused ? 'Paused for this session' : 'Pause this site') : 'Always clean this site';
  siteButton.querySelector('span').textContent = label;
  siteButton.disabled = site.listed && site.paused;
  siteButton.title =
    note ||
    (site.listed
      ? `Until the browser restarts, don't open the reading view by itself on ${site.pattern}`
      : `Open the reading view by itself on articles of ${site.pattern} (asks to read that site)`);
}

async function siteRequest(type) {
  const reply = await ext.runtime.sendMessage({ type, token });
  if (!reply?.ok) throw new Error(reply?.error || 'no answer');
  return reply.value;
}

siteButton.addEventListener('click', () => {
  if (!site || site.paused) return;
  if (site.listed) {
    siteRequest('reader:pause-site').catch((e) => showSite(site, `Not paused: ${e.message}`));
    return;
  }
  if (!ext.permissions) {
    // Firefox gives an extension page framed in a web page no permissions API. The
    // background adds the site when the browser already lets Quiet Page read it, and
    // otherwise opens the options page with the site filled in, where Add asks for it.
    siteRequest('reader:add-site').then(
      (next) => showSite(next, next.pending ? `Press Add on the options page to let Quiet Page read ${next.pattern}` : ''),
      (e) => showSite(site, `Not added: ${e.message}`),
    );
    return;
  }
  // Firefox grants a permission request only from inside the click's own handler, before
  // anything is awaited; the origin was worked out when the button was shown.
  ext.permissions
    .request({ origins: [originFor(site.pattern)] })
    .then((granted) => {
      if (!granted) throw new Error('the browser did not allow it');
      return siteRequest('reader:add-site');
    })
    .then(
      (next) => showSite(next),
      (e) => showSite(site, `Not added: ${e.message}`),
    );
});

function nextPaint() {
  return new Promise((resolve) => {
    // rAF alone never fires in a hidden tab; the timeout keeps `shown` from hanging there.
    const timer = setTimeout(resolve, 200);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer);
      resolve();
    }, 0));
  });
}

document.getElementById('qp-close').addEventListener('click', close);
exportButton.addEventListener('click', () => {
  toggleSettings(false);
  toggleExportMenu();
});
exportMenu.addEventListener('click', (e) => {
  const item = e.target.closest('[role="menuitem"]');
  if (item) runExport(item);
});
exportMenu.addEventListener('keydown', (e) => {
  // Arrow keys move between entries, as in any menu.
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  e.preventDefault();
  const items = [...exportMenu.querySelectorAll('[role="menuitem"]')];
  const next = items.indexOf(document.activeElement) + (e.key === 'ArrowDown' ? 1 : -1);
  items[(next + items.length) % items.length].focus();
});
settingsButton.addEventListener('click', () => {
  toggleExportMenu(false);
  toggleSettings();
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented) {
    e.preventDefault();
    if (!exportMenu.hidden) {
      toggleExportMenu(false);
      exportButton.focus();
    } else if (!settingsPanel.hidden) {
      toggleSettings(false);
      settingsButton.focus();
    } else {
      close();
    }
  } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
    // Print this view, not the page under it.
    e.preventDefault();
    print();
  }
});

async function start() {
  // The article is asked for at once (the core may still be reading the page), and the
  // settings are read meanwhile; they are applied first, so it never flashes in the wrong theme.
  const hello = ext.runtime
    .sendMessage({ type: 'reader:hello', token })
    .catch((e) => ({ ok: false, error: String(e?.message ?? e) }));
  await mountSettingsForm(settingsPanel, (settings) => apply(settings)).catch(() => {});
  const reply = await hello;
  let focusTarget;
  if (reply?.ok && reply.article) {
    focusTarget = renderArticle(reply.article);
    siteRequest('reader:site').then((s) => showSite(s), () => showSite(null));
  } else if (reply?.expired) {
    exportButton.hidden = true;
    focusTarget = renderMessage('This view has expired', reply.error);
  } else {
    exportButton.hidden = true; // nothing to export
    focusTarget = renderMessage('Nothing to read here', reply?.error || 'the page could not be read');
  }
  // Focus moves into the view so the keyboard (arrows, Space, Tab, Esc) works at once.
  focusTarget.focus({ preventScroll: true });
  await nextPaint();
  ext.runtime.sendMessage({ type: 'reader:shown', token }).catch(() => {});
}

start();
