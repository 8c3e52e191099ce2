// The "Removed: 3 menus, 1 subscription prompt, 2 share bars, footer" line, from the core's
// `removed` counts. Pure, so node's test runner checks it without a browser.

// Order is roughly how prominent each kind of clutter is on a page. `hidden` is left out on
// purpose: the reader never saw those elements, so counting them would only inflate the line.
const KINDS = [
  ['navigation', 'menu', 'menus'],
  ['paywall', 'subscription prompt', 'subscription prompts'],
  ['signin', 'sign-in prompt', 'sign-in prompts'],
  ['cookie', 'cookie banner', 'cookie banners'],
  ['ads', 'ad', 'ads'],
  ['share', 'share bar', 'share bars'],
  ['related', 'related-links box', 'related-links boxes'],
  ['comments', 'comment section', 'comment sections'],
  ['footer', 'footer', 'footers'],
];

/** Returns the summary line, or `''` when nothing worth mentioning was removed. */
export function removedSummary(removed) {
  if (!removed || typeof removed !== 'object') return '';
  const parts = [];
  for (const [key, one, many] of KINDS) {
    const n = Number(removed[key]);
    if (!Number.isInteger(n) || n <= 0) continue;
    // A page has one footer as a rule, so "footer" reads better than "1 footer".
    if (key === 'footer' && n === 1) parts.push(one);
    else parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.length ? `Removed: ${parts.join(', ')}` : '';
}
