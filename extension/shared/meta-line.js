// Which names the line under the article's title shows. Pure, so node's test runner checks it
// without a browser; the core's exports follow the same rule (`export::shown_site`).

const fold = (s) => (typeof s === 'string' ? s.trim().replace(/\s+/g, ' ').toLowerCase() : '');

/**
 * The site's name, unless the byline already says it: a story credited to the newsroom
 * ("ABC News") would read "ABC News · ABC News". `''` when there is nothing to show.
 */
export function shownSite(article) {
  const site = fold(article?.site_name);
  if (!site || site === fold(article?.byline)) return '';
  return article.site_name.trim();
}
