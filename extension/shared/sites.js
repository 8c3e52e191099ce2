// Site patterns: what a user may type to name a site ("example.com", "*.example.com",
// "example.com/news/*"), what the browser needs for it (a host permission and content script
// match patterns), and which pattern a page belongs to. Pure, so node's test runner checks it
// without a browser; the options page, the reading view and the background share it.

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Parses what a user typed into a site pattern. Returns `{ pattern, host, wildcard, path }`
 * with `pattern` in the one spelling the extension stores (lower case, no scheme, the host in
 * punycode), or throws an Error whose message says what to change.
 */
export function parseSitePattern(input) {
  if (typeof input !== 'string') throw new Error('a site pattern is text, such as example.com');
  let text = input.trim();
  if (!text) throw new Error('type a site, such as example.com');
  // A pasted address is fine: the scheme says nothing a site pattern keeps.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1])) {
      throw new Error(`only web sites (http and https) can be cleaned, not ${scheme[1].toLowerCase()}:`);
    }
    text = text.slice(scheme[0].length);
  }
  if (/[?#]/.test(text)) throw new Error('leave out the part after ? or #: a site pattern names a site or a path');
  if (/\s/.test(text)) throw new Error('a site pattern has no spaces');
  const slash = text.indexOf('/');
  // Host names are case-blind; paths are not.
  let host = (slash < 0 ? text : text.slice(0, slash)).toLowerCase();
  let path = slash < 0 ? '/*' : text.slice(slash);
  if (path === '/') path = '/*';
  if (host.includes('@')) throw new Error('leave out the user name: a site pattern is a host such as example.com');
  if (/:\d*$/.test(host)) throw new Error('leave out the port: a site pattern covers every port of its host');
  const wildcard = host.startsWith('*.');
  if (wildcard) host = host.slice(2);
  if (host.includes('*')) {
    throw new Error('a * may only start the host, as in *.example.com (every subdomain of example.com)');
  }
  if (!host) throw new Error('a site pattern needs a host, such as example.com');
  let ascii;
  try {
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    throw new Error(`${host} is not a host name`);
  }
  if (ascii.startsWith('[')) throw new Error('IPv6 addresses are not supported; use the site\'s name');
  const labels = ascii.split('.');
  if (!IPV4.test(ascii) && !labels.every((l) => LABEL.test(l))) {
    throw new Error(`${host} is not a host name (letters, digits and hyphens, separated by dots)`);
  }
  if (wildcard && (IPV4.test(ascii) || labels.length < 2)) {
    throw new Error(`*.${host} would cover too much: name a site, such as *.example.com`);
  }
  return { pattern: `${wildcard ? '*.' : ''}${ascii}${path === '/*' ? '' : path}`, host: ascii, wildcard, path };
}

/** The host permission `pattern` needs: the whole host, http and https. */
export function originFor(pattern) {
  const { host, wildcard } = parseSitePattern(pattern);
  return `*://${wildcard ? '*.' : ''}${host}/*`;
}

/** The content script match pattern for `pattern`. */
export function matchFor(pattern) {
  const { host, wildcard, path } = parseSitePattern(pattern);
  return `*://${wildcard ? '*.' : ''}${host}${path}`;
}

/** The pattern the reading view offers for a page: its host, exactly. */
export function patternForUrl(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error('only web pages can be cleaned');
  return parseSitePattern(hostname).pattern;
}

function globRegExp(path) {
  const body = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}

/** Whether `url` is a page of `pattern` (the same test the browser makes for the match pattern). */
export function matchesUrl(pattern, url) {
  let p;
  let u;
  try {
    p = parseSitePattern(pattern);
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const hostOk = u.hostname === p.host || (p.wildcard && u.hostname.endsWith(`.${p.host}`));
  return hostOk && globRegExp(p.path).test(u.pathname + u.search);
}

/**
 * Of `patterns`, the one that says most about `url` (an exact host before a wildcard, then
 * the longest path), or null.
 */
export function bestMatch(patterns, url) {
  let best = null;
  let score = -1;
  for (const pattern of patterns) {
    if (!matchesUrl(pattern, url)) continue;
    const { wildcard, host, path } = parseSitePattern(pattern);
    const s = (wildcard ? 0 : 1_000_000) + host.length * 1000 + path.replace(/\*/g, '').length;
    if (s > score) {
      best = pattern;
      score = s;
    }
  }
  return best;
}
