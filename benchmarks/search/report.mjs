// Turns the raw measurements into Markdown tables and the targets (met / not met).

export const KINDS = ['exact', 'inflection', 'compound-part', 'no-umlaut', 'typo', 'question'];

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};
const kB = (n) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} kB` : '–');
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '–');
const pct = (hit, n) => (n ? `${Math.round((100 * hit) / n)} % (${hit}/${n})` : '–');

/** True when one of the top 5 URLs is one of the expected pages. */
const hit = (urls, expect) => (urls ?? []).some((u) => expect.includes(u));

/** Recall@5 per kind: {kind: {n, hits}}; `field` picks which top 5 (Pagefind: in-language or raw). */
function recall(runs, field = 'urls') {
  const out = {};
  for (const r of runs) {
    if (r.kind === 'probe') continue;
    const k = (out[r.kind] ??= { n: 0, hits: 0 });
    k.n++;
    if (hit(r[field], r.expect)) k.hits++;
  }
  return out;
}

function summarise(e, isPagefind) {
  const firsts = e.cold.map((c) => c.first);
  const follows = e.cold.map((c) => c.followUp);
  return {
    indexBytes: e.disk?.indexBytes,
    indexFiles: e.disk?.indexFiles,
    codeBytes: e.disk?.codeBytes,
    firstBytesMedian: median(firsts.map((f) => f.bytes)),
    firstBytesMax: Math.max(...firsts.map((f) => f.bytes)),
    firstGzipBytesMedian: median(firsts.map((f) => f.gzipBytes)),
    firstRequestsMedian: median(firsts.map((f) => f.requests)),
    followUpBytesMedian: median(follows.map((f) => f.bytes)),
    followUpGzipBytesMedian: median(follows.map((f) => f.gzipBytes)),
    followUpRequestsMedian: median(follows.map((f) => f.requests)),
    latencyMedianMs: median(e.runs.map((r) => r.ms)),
    latencyP90Ms: quantile(e.runs.map((r) => r.ms), 0.9),
    latencyRepeatedMedianMs: median(e.runs.map((r) => r.msRepeated)),
    latencyMaxMs: Math.max(...e.runs.map((r) => r.ms ?? NaN).filter(Number.isFinite)),
    failedQueries: e.runs.filter((r) => r.error).map((r) => `${r.query}: ${r.error}`),
    recall: recall(e.runs, isPagefind ? 'urlsInLanguage' : 'urls'),
    recallAsReturned: isPagefind ? recall(e.runs, 'urls') : undefined,
  };
}

export function report(result, queries) {
  const names = Object.keys(result.engines);
  const label = (n) => result.engines[n];
  const summary = {};
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const langs = Object.keys(result.languages);

  lines.push(`# Search benchmark`, '');
  lines.push(`Same built site for both engines, served on 127.0.0.1 without compression, headless Chromium ${result.chromium}, Pagefind ${result.pagefindVersion}.`);
  lines.push(`Bytes are encoded response bodies (kB = 1000 bytes); "if the host gzips text" is what a host that gzips text responses would send.`);
  lines.push(`Latency: each query timed in ${result.latencyPasses} fresh pages after a warm-up query, median per query, then the median over the queries; `
    + `machine load average ${result.loadAverage.start[0]} at the start, ${result.loadAverage.end?.[0]} at the end (${result.cpus} CPUs).`);
  if (result.ownMissing.length) lines.push('', `**The project's search is missing from the built site (${result.ownMissing.join(', ')}): only Pagefind was measured.**`);
  lines.push('');

  for (const lang of langs) {
    const L = result.languages[lang];
    summary[lang] = {};
    for (const n of names) summary[lang][n] = summarise(L.engines[n], n === 'pagefind');
    const s = summary[lang];
    const nCold = L.engines[names[0]].cold.length;
    lines.push(`## ${lang}`, '');
    row(['measure', ...names.map(label)]);
    row(['---', ...names.map(() => '---:')]);
    const line = (title, f) => row([title, ...names.map((n) => f(s[n], L.engines[n]))]);
    line('index on disk (files)', (x) => `${kB(x.indexBytes)} (${x.indexFiles ?? '–'})`);
    line('search code on disk', (x) => kB(x.codeBytes));
    line(`first query, fresh page: bytes (median of ${nCold})`, (x) => kB(x.firstBytesMedian));
    line('first query: bytes, largest', (x) => kB(x.firstBytesMax));
    line('first query: bytes if the host gzips text', (x) => kB(x.firstGzipBytesMedian));
    line('first query: requests (median)', (x) => String(x.firstRequestsMedian));
    line('follow-up query, same page: bytes (median)', (x) => kB(x.followUpBytesMedian));
    line('follow-up query: requests (median)', (x) => String(x.followUpRequestsMedian));
    line(`latency, warm (median of ${L.engines[names[0]].runs.length})`, (x) => ms(x.latencyMedianMs));
    line('latency, warm (90th percentile)', (x) => ms(x.latencyP90Ms));
    line('latency, same query repeated (its data loaded; median)', (x) => ms(x.latencyRepeatedMedianMs));
    if (L.queries) {
      line('recall@5, all kinds', (x) => {
        const t = Object.values(x.recall).reduce((a, k) => ({ n: a.n + k.n, hits: a.hits + k.hits }), { n: 0, hits: 0 });
        return pct(t.hits, t.n);
      });
    }
    for (const n of names) {
      if (s[n].failedQueries.length) lines.push('', `${label(n)}: ${s[n].failedQueries.length} queries failed: ${s[n].failedQueries.slice(0, 3).join('; ')}`);
      if (L.engines[n].errors.length) lines.push('', `${label(n)} reported errors in the page: ${L.engines[n].errors.slice(0, 3).join('; ')}`);
    }
    lines.push('');

    if (L.queries) {
      lines.push(`### Recall@5 per kind (${lang}, ${L.queries} queries)`, '');
      const hasOwn = names.includes('own');
      row(['kind', 'queries', ...names.map(label), ...(names.includes('pagefind') ? ['Pagefind, top 5 as returned'] : []), ...(hasOwn ? ['target: above Pagefind'] : [])]);
      row(['---', '---:', ...names.map(() => '---:'), ...(names.includes('pagefind') ? ['---:'] : []), ...(hasOwn ? ['---'] : [])]);
      for (const kind of KINDS) {
        const any = s[names[0]].recall[kind];
        if (!any) continue;
        const cells = names.map((n) => pct(s[n].recall[kind]?.hits ?? 0, any.n));
        if (s.pagefind) cells.push(pct(s.pagefind.recallAsReturned[kind]?.hits ?? 0, any.n));
        if (hasOwn && s.pagefind) cells.push(verdict(s.own.recall[kind].hits > s.pagefind.recall[kind].hits,
          s.own.recall[kind].hits === s.pagefind.recall[kind].hits ? 'not met (equal)' : undefined));
        row([kind, String(any.n), ...cells]);
      }
      lines.push('');
    }
  }

  if (result.ownOnly?.length) {
    lines.push(`Only the project's search has an index for: ${result.ownOnly.join(', ')} (not compared).`, '');
  }
  if (names.includes('pagefind')) {
    lines.push('Pagefind indexes pages by their `<html lang>`: its `de` index also holds the Leichte Sprache pages (`lang="de"`) and the root page. '
      + 'Recall for Pagefind counts its first 5 results inside the language folder (results elsewhere skipped, which favours Pagefind); '
      + '"top 5 as returned" counts its first 5 results as they come.', '');
  }

  if (names.includes('own')) {
    lines.push('## Targets of issue 4', '');
    row(['target', ...langs, 'result']);
    row(['---', ...langs.map(() => '---'), '---']);
    const target = (title, test) => {
      const cells = langs.map((l) => test(summary[l], result.languages[l]));
      const applicable = cells.filter((c) => c !== 'n/a');
      row([title, ...cells, verdict(applicable.length > 0 && applicable.every((c) => c.startsWith('met')))]);
      return applicable.every((c) => c.startsWith('met'));
    };
    const t1 = target('recall@5 above Pagefind on every kind', (s, L) => {
      if (!L.queries) return 'n/a';
      const kinds = Object.keys(s.own.recall);
      const lost = kinds.filter((k) => !(s.own.recall[k].hits > s.pagefind.recall[k].hits));
      return lost.length ? `not met (${lost.join(', ')})` : 'met';
    });
    const t2 = target('first-query bytes ≤ ½ of Pagefind\'s (median)', (s) => {
      const r = s.own.firstBytesMedian / s.pagefind.firstBytesMedian;
      return `${r <= 0.5 ? 'met' : 'not met'} (${(100 * r).toFixed(0)} %)`;
    });
    const t3 = target('median latency < 10 ms', (s) => `${s.own.latencyMedianMs < 10 ? 'met' : 'not met'} (${ms(s.own.latencyMedianMs)})`);
    summary.targets = { recallAbovePagefind: t1, firstQueryBytesAtMostHalf: t2, medianLatencyUnder10ms: t3 };
    lines.push('');
  }
  return { markdown: lines.join('\n'), summary };
}

function verdict(ok, otherwise) {
  return ok ? 'met' : otherwise ?? 'not met';
}
