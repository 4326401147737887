// What each engine stores on disk per language: index files and the code a search needs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** All files below `dir` (recursive), as absolute paths, sorted. */
function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

const sum = (files) => files.reduce((n, f) => n + statSync(f).size, 0);

/** Languages Pagefind indexed, from its entry file: {de: {hash, wasm, page_count}, …}. */
export function pagefindLanguages(site) {
  const entry = path.join(site, 'pagefind', 'pagefind-entry.json');
  return existsSync(entry) ? JSON.parse(readFileSync(entry, 'utf8')).languages : {};
}

/**
 * Pagefind's files for one language. Its index is one per site, split per language:
 * pagefind.<lang>_<hash>.pf_meta, index/<lang>_*.pf_index, fragment/<lang>_*.pf_fragment,
 * filter/<lang>_*.pf_filter belong to the language; wasm.<lang>.pagefind is the language's
 * search code; pagefind.js, pagefind-worker.js and pagefind-entry.json are shared by all.
 */
export function pagefindDisk(site, lang) {
  const dir = path.join(site, 'pagefind');
  const info = pagefindLanguages(site)[lang];
  if (!info) return null;
  const prefix = `${lang}_`;
  const index = [
    path.join(dir, `pagefind.${info.hash}.pf_meta`),
    ...['index', 'fragment', 'filter'].flatMap((sub) =>
      filesBelow(path.join(dir, sub)).filter((f) => path.basename(f).startsWith(prefix))),
  ].filter((f) => existsSync(f));
  const code = ['pagefind.js', 'pagefind-worker.js', `wasm.${info.wasm ?? 'unknown'}.pagefind`]
    .map((f) => path.join(dir, f)).filter((f) => existsSync(f));
  return {
    indexBytes: sum(index),
    indexFiles: index.length,
    codeBytes: sum(code),
    codeFiles: code.map((f) => path.relative(site, f)),
    pages: info.page_count,
  };
}

/** Our engine's files for one language: everything below <lang>/search/, and the client modules. */
export function ownDisk(site, lang) {
  const dir = path.join(site, lang, 'search');
  const index = filesBelow(dir);
  if (index.length === 0) return null;
  const code = clientModules(site);
  return {
    indexBytes: sum(index),
    indexFiles: index.length,
    codeBytes: sum(code),
    codeFiles: code.map((f) => path.relative(site, f)),
  };
}

/** assets/js/search.mjs and the modules it imports (statically, relative paths), transitively. */
export function clientModules(site) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
      visit(path.resolve(path.dirname(file), m[1] ?? m[2]));
    }
  };
  visit(path.join(site, 'assets', 'js', 'search.mjs'));
  return [...seen].sort();
}

// Files that are already compressed (gzip inside) are sent as they are by any host.
const PRECOMPRESSED = /\.(gz|pf_meta|pf_index|pf_fragment|pf_filter|pagefind|woff2|png)$/;

/**
 * Bytes a host that gzips text responses (level 6, the usual default) would send for
 * `file`; already compressed files count as they are.
 */
export function gzippedSize(file) {
  const bytes = readFileSync(file);
  return PRECOMPRESSED.test(file) ? bytes.length : Math.min(bytes.length, gzipSync(bytes, { level: 6 }).length);
}
