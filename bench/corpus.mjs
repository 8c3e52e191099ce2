// The corpus pages the Node benchmarks read, in the side-by-side bench's order
// (bench/src/main.rs `corpus_pages`): Readability's test pages by folder, then the boilerplate
// pages, each sorted by name.

import fs from 'node:fs';
import path from 'node:path';

export function corpusPages(corpus) {
  const sorted = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  const pages = [];
  for (const d of sorted(path.join(corpus, 'readability'))) {
    const source = path.join(corpus, 'readability', d, 'source.html');
    if (fs.existsSync(source)) pages.push(source);
  }
  const dir = path.join(corpus, 'boilerplate', 'pages');
  for (const f of sorted(dir)) pages.push(path.join(dir, f));
  return pages;
}
