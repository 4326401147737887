// Where the built site is, and which pages it has.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The site folder: $SITE_DIR, or target/site of this repo (written by the Java build). */
export const siteDir = path.resolve(process.env.SITE_DIR || path.join(repoRoot, 'target', 'site'));

/** All files below `siteDir` ending in `ext`, as sorted site-relative POSIX paths. */
export function listFiles(ext, lang) {
  const prefix = lang ? lang.replace(/^\/|\/$/g, '') + '/' : '';
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(siteDir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((p) => p.startsWith(prefix))
    .sort();
}

/**
 * All .html pages of the site ("index.html", "de/index.html", ...), sorted;
 * with `lang` (e.g. "de") only those below that language folder.
 */
export function listHtmlFiles(lang) {
  return listFiles('.html', lang);
}
