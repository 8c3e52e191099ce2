// Exports of the article shown in a tab: Markdown, a standalone HTML file, plain text, EPUB.
//
// The Rust core writes every format (the same exporters as the CLI's --format); this module
// only picks the article, names the file and hands it to the downloads API. The reading
// view's export menu, the toolbar button's context menu and the keyboard command all come
// through `exportArticle` / `downloadArticle`.

import { ext } from '../shared/api.js';
import { exportFile } from './core.js';
import { FORMATS } from './messages.js';
import { openReader, shownArticle } from './sessions.js';

function base64(bytes) {
  // Chunked: String.fromCharCode(...bytes) overflows the argument limit on a large book.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The article shown on `tabId` as a file of `format` (md, html, txt or epub):
 * `{ filename, mime, data }`, `data` text for md/html/txt and base64 for epub.
 * Rejects when no article is shown there (open the reading view first).
 */
export async function exportArticle(tabId, format) {
  if (!FORMATS.includes(format)) {
    throw new TypeError(`unknown export format ${JSON.stringify(format)} (${FORMATS.join(', ')})`);
  }
  const article = await shownArticle(tabId);
  if (!article) throw new Error('There is no article to export here: open the reading view first.');
  const file = await exportFile(article, format);
  return {
    filename: file.filename,
    mime: file.mime,
    data: typeof file.data === 'string' ? file.data : base64(file.data),
  };
}

/** A URL the downloads API can fetch for `file`, and how to let go of it. */
function downloadUrl(file) {
  const binary = file.mime === 'application/epub+zip';
  const type = binary ? file.mime : `${file.mime};charset=utf-8`;
  // Firefox's background is a page with blob URLs, which its downloads API wants; Chrome's
  // service worker has no URL.createObjectURL, and its downloads API takes data: URLs.
  if (typeof URL.createObjectURL === 'function') {
    const body = binary ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data;
    const url = URL.createObjectURL(new Blob([body], { type }));
    // Revoked later, not at once: the download reads the blob after download() resolves.
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  const data = binary ? file.data : base64(new TextEncoder().encode(file.data));
  return { url: `data:${type};base64,${data}`, release() {} };
}

/**
 * Saves the article shown on `tabId` as `format` through the downloads API (the browser's
 * own download flow and folder), and resolves with the download's id and file name.
 */
export async function downloadArticle(tabId, format) {
  const file = await exportArticle(tabId, format);
  const { url, release } = downloadUrl(file);
  try {
    const id = await ext.downloads.download({ url, filename: file.filename, saveAs: false });
    return { id, filename: file.filename };
  } finally {
    release();
  }
}

/**
 * From a menu or the keyboard, where the view may not be open yet: open it (the gesture
 * granted activeTab), then save the file.
 */
export async function openAndDownload(tabId, format) {
  if (!(await shownArticle(tabId))) await openReader(tabId);
  return downloadArticle(tabId, format);
}
