// Search benchmark: the project's Lucene-built search and Pagefind, side by side, on the
// same built site. Started by scripts/benchmark-search (which builds the site if needed).
// Prints Markdown tables and writes the raw numbers to target/benchmark/search.json.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../../tests/site/serve.mjs';
import { ENGINES, BENCH_PAGE, benchPageHtml, launch, measureBytes, measureQueries } from './browser.mjs';
import { gzippedSize, ownDisk, pagefindDisk, pagefindLanguages } from './disk.mjs';
import { report } from './report.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const siteDir = path.resolve(process.env.SITE_DIR || path.join(repo, 'target', 'site'));
const outDir = path.join(repo, 'target', 'benchmark');
const queries = JSON.parse(readFileSync(path.join(repo, 'benchmarks', 'search', 'queries.json'), 'utf8'));
const keep = process.argv.includes('--keep');
// Latency: each query is timed in this many fresh pages and its median taken (the machine may be busy).
const latencyPasses = Number(/^--latency-passes=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--latency-passes=')) ?? '')?.[1] ?? 3);
const log = (...a) => console.error('[benchmark]', ...a);

if (!existsSync(path.join(siteDir, 'index.html'))) {
  console.error(`no built site in ${siteDir}: run scripts/benchmark-search (it builds it) or set SITE_DIR`);
  process.exit(1);
}

// Pagefind writes into the site it indexes: work on a copy, never on target/site.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'search-benchmark-'));
const site = path.join(tmp, 'site');
cpSync(siteDir, site, { recursive: true });
log(`site copied to ${site}`);
const pagefindBin = process.env.PAGEFIND_BIN ?? path.join(repo, 'target/benchmark-tools/node_modules/.bin/pagefind');
const pagefindOut = execFileSync(pagefindBin, ['--site', site, '--output-subdir', 'pagefind'], {
  cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
});
const pagefindVersion = /Running Pagefind v(\S+)/.exec(pagefindOut)?.[1] ?? 'unknown';
log(`Pagefind ${pagefindVersion} indexed the copy`);

const pfLangs = Object.keys(pagefindLanguages(site));
// Every language folder where both engines have an index; ours may be missing (not built yet).
const siteLangs = pfLangs.filter((l) => existsSync(path.join(site, l, 'index.html')));
const ownAvailable = existsSync(path.join(site, 'assets', 'js', 'search.mjs'));
const langs = siteLangs.filter((l) => !ownAvailable || ownDisk(site, l));
for (const l of langs) writeFileSync(path.join(site, l, BENCH_PAGE), benchPageHtml(l));

const engines = ['own', 'pagefind'].filter((e) => e === 'pagefind' || ownAvailable);
if (!ownAvailable) log('assets/js/search.mjs is missing in the built site: measuring Pagefind only');

const server = await serveSite(site);
const browser = await launch();
const result = {
  date: new Date().toISOString(),
  pagefindVersion,
  site: siteDir,
  chromium: browser.version(),
  engines: Object.fromEntries(engines.map((e) => [e, ENGINES[e].label])),
  ownMissing: ownAvailable ? [] : ['assets/js/search.mjs'],
  // Language folders with only our index (Pagefind files Leichte Sprache, lang="de", under de).
  ownOnly: ownAvailable ? readdirSync(site).filter((l) => !langs.includes(l) && ownDisk(site, l)) : [],
  latencyPasses,
  loadAverage: { start: os.loadavg().map((x) => +x.toFixed(2)) },
  cpus: os.cpus().length,
  languages: {},
};

try {
  for (const lang of langs) {
    const set = queries.filter((q) => q.lang === lang);
    // Languages without queries of their own: sizes and bytes on a few words of their
    // index (the German set's exact words would mean nothing there), no recall.
    const probe = set.length ? set : probeQueries(lang);
    const entry = (result.languages[lang] = { queries: set.length, engines: {} });
    for (const name of engines) {
      const engine = ENGINES[name];
      log(`${lang} · ${engine.label}: sizes, bytes of ${probe.length} cold queries, latency, recall`);
      const disk = name === 'pagefind' ? pagefindDisk(site, lang) : ownDisk(site, lang);
      const cold = [];
      const errors = new Set();
      for (let i = 0; i < probe.length; i++) {
        const m = await measureBytes(browser, server.url, engine, lang, probe[i].query, probe[(i + 1) % probe.length].query);
        for (const part of [m.first, m.followUp]) {
          part.gzipBytes = part.responses.reduce((n, r) => n + gzipFor(r.path, r.bytes), 0);
        }
        m.errors.forEach((e) => errors.add(e));
        if (m.foreign.length) throw new Error(`request to another host: ${m.foreign[0]}`);
        cold.push({ first: m.first, followUp: m.followUp });
      }
      const timed = await measureQueries(browser, server.url, engine, lang, probe, name === 'pagefind' ? 30 : 0, true);
      timed.errors.forEach((e) => errors.add(e));
      for (const run of timed.runs) run.msPasses = [run.ms];
      for (let pass = 1; pass < latencyPasses; pass++) {
        const again = await measureQueries(browser, server.url, engine, lang, probe);
        again.errors.forEach((e) => errors.add(e));
        again.runs.forEach((r, i) => timed.runs[i].msPasses.push(r.ms));
      }
      for (const run of timed.runs) run.ms = median(run.msPasses);
      entry.engines[name] = { disk, cold, runs: timed.runs, errors: [...errors] };
    }
  }
} finally {
  await browser.close();
  await server.close();
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}

result.loadAverage.end = os.loadavg().map((x) => +x.toFixed(2));
mkdirSync(outDir, { recursive: true });
const { markdown, summary } = report(result, queries);
result.summary = summary;
writeFileSync(path.join(outDir, 'search.json'), JSON.stringify(result, null, 1) + '\n');
writeFileSync(path.join(outDir, 'search.md'), markdown);
console.log(markdown);
log(`raw numbers: ${path.relative(repo, path.join(outDir, 'search.json'))}`);

function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

/** Bytes a compressing host would send for a response of the copy (see disk.mjs). */
function gzipFor(urlPath, bytes) {
  const file = path.join(site, decodeURIComponent(urlPath));
  return existsSync(file) ? gzippedSize(file) : bytes;
}

/** A few words that occur on the language's start page: enough to measure bytes and latency. */
function probeQueries(lang) {
  const html = readFileSync(path.join(site, lang, 'index.html'), 'utf8');
  const main = html.replace(/[\s\S]*?<main[^>]*>/, '').replace(/<\/main>[\s\S]*/, '');
  const words = main.replace(/<[^>]+>/g, ' ').split(/[^\p{L}]+/u).filter((w) => w.length >= 6);
  return [...new Set(words)].slice(0, 8).map((query) => ({ lang, kind: 'probe', query, expect: [] }));
}
