// What the Node benchmarks share: the corpus pages they read, in the side-by-side bench's
// order (bench/src/main.rs `corpus_pages`): Readability's test pages by folder, then the
// boilerplate pages, each sorted by name; and their command line.

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

/**
 * The command line: its positional arguments (those not after a `--flag`), and
 * `option('--flag', fallback)` for a flag's number.
 */
export function commandLine(args = process.argv.slice(2)) {
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return { positional, option };
}
