// Runs queries in headless Chromium against one engine and measures bytes, time and results.
// Everything timed is timed inside the page (performance.now()); bytes are the encoded body
// sizes of the responses Chromium received, counted per browser context (so requests made
// by Pagefind's web worker are counted too).
import { chromium } from 'playwright-core';

// Debian's Chromium, never a browser downloaded by Playwright; the same flags as the site tests.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Nothing may leave the machine: every host but the loopback server is unresolvable. (Not
  // Playwright's request interception, which would add a round trip to Node to every fetch
  // and so slow down most the engine that makes more requests.)
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * The page the benchmark opens per language: empty, no CSP, `lang` set (Pagefind picks its index
 * by it), an empty icon so that Chromium does not ask for /favicon.ico.
 */
export const BENCH_PAGE = '__search-benchmark.html';
export const benchPageHtml = (lang) =>
  `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>search benchmark</title></head><body></body></html>\n`;

/**
 * The two engines, as functions evaluated in the page. Each runs one query the way a search
 * page would (engine loaded on first use, kept for later queries) and returns
 * {ms, urls, total}: time of the search call plus loading the top 5 results' data, and the
 * top 5 page URLs relative to the language folder. `extra` > 5 additionally (untimed) loads
 * that many results, for the in-language recall of Pagefind.
 */
export const ENGINES = {
  pagefind: {
    label: 'Pagefind',
    run: async ({ query, lang, extra }) => {
      const pf = (window.__pagefind ??= await import('/pagefind/pagefind.js'));
      const t0 = performance.now();
      const search = await pf.search(query);
      const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      const ms = performance.now() - t0;
      // Pagefind's URLs are site paths ("/de/brandenburg/leitbild.html#praeambel").
      const rel = (u) => u.replace(/#.*$/, '').replace(/^\//, '');
      const inLang = (u) => rel(u).startsWith(`${lang}/`);
      const strip = (u) => rel(u).slice(lang.length + 1);
      const out = { ms, urls: data.map((d) => (inLang(d.url) ? strip(d.url) : '/' + rel(d.url))), total: search.results.length };
      if (extra > 5) {
        const more = await Promise.all(search.results.slice(0, extra).map((r) => r.data()));
        out.urlsInLanguage = more.map((d) => d.url).filter(inLang).slice(0, 5).map(strip);
      }
      return out;
    },
  },
  own: {
    label: 'Leitbild (Lucene)',
    run: async ({ query }) => {
      if (!window.__siteSearch) {
        const { SiteSearch } = await import('/assets/js/search.mjs');
        window.__siteSearch = new SiteSearch(new URL('search/', location.href).href);
      }
      const t0 = performance.now();
      const res = await window.__siteSearch.search(query, { limit: 5 });
      const ms = performance.now() - t0;
      const urls = res.results.slice(0, 5).map((r) => r.url.replace(/#.*$/, ''));
      return { ms, urls, total: res.total, status: res.status };
    },
  },
};

export async function launch() {
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}

/**
 * Counts the encoded response bytes of one browser context. `mark()` starts a new window;
 * `settle()` waits until no request is in flight and returns the window's responses.
 */
function byteCounter(context, origin) {
  let window = [];
  let pending = 0;
  let lastChange = Date.now();
  const foreign = [];
  context.on('request', (req) => {
    pending++;
    lastChange = Date.now();
    if (!req.url().startsWith(origin + '/')) foreign.push(req.url());
  });
  const done = async (req, failed) => {
    const entry = { url: req.url(), bytes: 0, headerBytes: 0, failed };
    window.push(entry); // pushed at once, so settle() never misses a request in flight
    try {
      const sizes = await req.sizes();
      const res = await req.response();
      entry.status = res?.status();
      // Chromium reports no body size for a worker's own script (Pagefind's pagefind-worker.js);
      // the test server never compresses, so its content-length is the encoded body size.
      const length = Number((await res?.allHeaders())?.['content-length'] ?? 0);
      entry.bytes = sizes.responseBodySize || length;
      entry.bodySizeFromHeader = !sizes.responseBodySize && length > 0;
      entry.headerBytes = sizes.responseHeadersSize;
    } catch {
      // the context was closed while the sizes were read: nothing more to count
    }
    pending--;
    lastChange = Date.now();
  };
  context.on('requestfinished', (req) => done(req, false));
  context.on('requestfailed', (req) => done(req, true));
  return {
    mark() {
      window = [];
    },
    async settle(quietMs = 150) {
      while (pending > 0 || Date.now() - lastChange < quietMs) await new Promise((r) => setTimeout(r, 25));
      return window;
    },
    foreign,
  };
}

/** Opens the benchmark page of `lang` in a new context (cold cache); the page load itself is not counted. */
async function openPage(browser, origin, lang) {
  const context = await browser.newContext();
  const counter = byteCounter(context, origin);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location()?.url ?? ''}`.trim()));
  await page.goto(`${origin}/${lang}/${BENCH_PAGE}`);
  await counter.settle();
  return { context, page, counter, errors };
}

/**
 * Bytes of a first query on a fresh page and of a follow-up query in the same page.
 * Returns {first: {query, bytes, requests, responses}, followUp: {…}}.
 */
export async function measureBytes(browser, origin, engine, lang, query, followUpQuery) {
  const { context, page, counter, errors } = await openPage(browser, origin, lang);
  try {
    const measure = async (q) => {
      counter.mark();
      const result = await page.evaluate(engine.run, { query: q, lang, extra: 0 });
      const responses = await counter.settle();
      for (const r of responses) {
        if (r.failed || r.status >= 400) errors.push(`${r.failed ? 'failed' : `HTTP ${r.status}`}: ${new URL(r.url).pathname} (query "${q}")`);
      }
      return {
        query: q,
        bytes: responses.reduce((n, r) => n + r.bytes, 0),
        headerBytes: responses.reduce((n, r) => n + r.headerBytes, 0),
        requests: responses.length,
        responses: responses.map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes, status: r.status, ...(r.bodySizeFromHeader && { bodySizeFromHeader: true }) })),
        results: result.urls,
      };
    };
    const first = await measure(query);
    const followUp = await measure(followUpQuery);
    return { first, followUp, errors, foreign: counter.foreign };
  } finally {
    await context.close();
  }
}

/**
 * Latency and results of every query of the set in one page, warm: the set's first query is
 * run once untimed (loads the engine), then each query is run and timed.
 * With `extra`, results beyond 5 are loaded untimed in a second page (Pagefind's in-language top 5);
 * with `countFetches`, each run also says what it fetched (waits for quiet between queries) and
 * how long the same query takes when repeated (msRepeated).
 */
export async function measureQueries(browser, origin, engine, lang, queries, extra = 0, countFetches = false) {
  const { context, page, counter, errors } = await openPage(browser, origin, lang);
  const runs = [];
  try {
    await page.evaluate(engine.run, { query: queries[0].query, lang, extra: 0 });
    for (const q of queries) {
      try {
        if (countFetches) await counter.settle();
        counter.mark();
        const run = { ...q, ...(await page.evaluate(engine.run, { query: q.query, lang, extra: 0 })) };
        if (countFetches) {
          // What the timed query fetched (warm page): explains a slow query.
          const fetched = await counter.settle();
          run.fetched = { requests: fetched.length, bytes: fetched.reduce((n, r) => n + r.bytes, 0) };
          // The same query again, all its data now loaded: the engine's own work without fetching.
          run.msRepeated = (await page.evaluate(engine.run, { query: q.query, lang, extra: 0 })).ms;
        }
        runs.push(run);
      } catch (e) {
        runs.push({ ...q, error: String(e.message ?? e).split('\n')[0], urls: [] });
      }
    }
  } finally {
    await context.close();
  }
  if (extra > 5) {
    const second = await openPage(browser, origin, lang);
    try {
      for (const run of runs) {
        if (run.error) continue;
        const r = await second.page.evaluate(engine.run, { query: run.query, lang, extra });
        run.urlsInLanguage = r.urlsInLanguage;
      }
    } finally {
      await second.context.close();
    }
    errors.push(...second.errors);
  }
  return { runs, errors };
}
