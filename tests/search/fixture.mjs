// Writes a tiny search index in format version 3 (docs/search-index-format.md) for the client tests, with a
// toy analyzer standing in for Lucene: the client never analyses text, so any analyzer that maps keys to terms
// exercises it the same way. Also gives a fetch() that serves the folder and records what was fetched.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';

const FIELDS = [['page', 3], ['heading', 2], ['text', 1]];
const K1 = 1.2;
const B = 0.75;

/** Splits text into lowercased words (hyphenated words into their parts), as the toy analyzers see it. */
export function words(text, lang) {
  return (text.normalize('NFC').toLocaleLowerCase(lang).match(/[\p{L}\p{M}\p{N}']+/gu) ?? [])
    .map((w) => w.replace(/^'+|'+$/g, '')).filter(Boolean);
}

/** A toy German analyzer: umlaut folding, a crude stemmer, and compound parts from a small dictionary. */
export function germanTerms(word) {
  const folded = word.replace(/ä|ae/g, 'a').replace(/ö|oe/g, 'o').replace(/ü|ue/g, 'u').replace(/ß/g, 'ss');
  const stem = (w) => (w.length > 5 ? w.replace(/(en|e|s|n)$/, '') : w);
  const terms = new Set([stem(folded)]);
  for (const part of ['konzept', 'integration', 'beirat', 'auslander', 'gruppe', 'steuerung']) {
    if (folded !== part && folded.includes(part)) terms.add(part);
  }
  return [...terms];
}

/** A toy Arabic analyzer: strips the article and diacritics. */
export function arabicTerms(word) {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').replace(/^ال/u, '');
  return [bare];
}

/** Spelling variants a reader may type for a German word (keys besides the word itself). */
export function germanVariants(word) {
  return [word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'),
    word.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u')];
}

const shardOf = (s) => [...s].slice(0, 2).join('');
const byCodePoint = (a, b) => {
  const x = [...a].map((c) => c.codePointAt(0));
  const y = [...b].map((c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};
const gz = (value) => gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 9 });

/**
 * Builds the index of `sections` ({url, page, heading, text, lang}) into a new temp folder and returns
 * {dir, manifest, termId(text), postings(text)} so tests can compute what the client must answer.
 */
export function writeIndex({ language = 'de', lang = 'de', dir = 'ltr', sections, analyze, variants = () => [],
  stopKeys = [], sectionChunkSize = 4, maxQueryLength = 200, keyShardBytes = 0, groupSplitBytes = Infinity }) {
  const folder = mkdtempSync(path.join(tmpdir(), 'search-fixture-'));
  const stop = new Set(stopKeys);
  const termsOf = (word) => (stop.has(word) ? [] : analyze(word));

  // Postings: BM25 per field over the field's own statistics, times the field's boost, summed over fields.
  const scores = new Map(); // term → Map(section id → score)
  for (const [field, boost] of FIELDS) {
    const docs = sections.map((s) => words(s[field] ?? '', lang).flatMap(termsOf));
    const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length || 1;
    const df = new Map();
    for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
    docs.forEach((d, id) => {
      const tf = new Map();
      for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, f] of tf) {
        const idf = Math.log(1 + (docs.length - df.get(t) + 0.5) / (df.get(t) + 0.5));
        const score = boost * idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * d.length / avg));
        const perTerm = scores.get(t) ?? new Map();
        perTerm.set(id, (perTerm.get(id) ?? 0) + score);
        scores.set(t, perTerm);
      }
    });
  }
  const termList = [...scores.keys()].sort(byCodePoint);
  const ids = new Map(termList.map((t, i) => [t, i]));
  const postings = (t) => [...scores.get(t)].sort((a, b) => a[0] - b[0]).map(([s, v]) => [s, Math.round(v * 1000) / 1000]);

  // Keys: every word of the pages and its variants, mapped to the terms the analyzer makes of it.
  const keys = new Map();
  for (const s of sections) {
    for (const field of ['page', 'heading', 'text']) {
      for (const w of words(s[field] ?? '', lang)) {
        for (const k of [w, ...variants(w)]) {
          if (!keys.has(k)) keys.set(k, [...new Set(termsOf(k).filter((t) => ids.has(t)).map((t) => ids.get(t)))].sort((a, b) => a - b));
        }
      }
    }
  }
  for (const k of stop) keys.set(k, []);

  const write = (rel, value) => {
    mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    writeFileSync(path.join(folder, rel), gz(value));
  };
  // Keys grouped by their first two characters; a group of more than groupSplitBytes of JSON split by the next
  // character (again while too large, up to 24), keeping a head under its prefix: the prefix as a key, if it is
  // one, and the 20 shortest longer keys. Neighbouring groups in one shard up to about keyShardBytes of JSON; a
  // shard has its keys (each once) and every term they yield with its postings (flat: section, score, …).
  const shardJson = (ks) => ({
    keys: Object.fromEntries(ks.map((k) => [k, keys.get(k)])),
    terms: Object.fromEntries([...new Set(ks.flatMap((k) => keys.get(k)))].map((id) => [id, [termList[id], postings(termList[id]).flat()]])),
  });
  const groups = [];
  const split = (prefix, ks) => {
    const length = [...prefix].length;
    const longer = ks.filter((k) => k !== prefix);
    if (length < 2 || length >= 24 || !longer.length || JSON.stringify(shardJson(ks)).length <= groupSplitBytes) {
      groups.push([prefix, ks]);
      return;
    }
    const shortest = [...longer].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, 20).sort();
    groups.push([prefix, [...(ks.includes(prefix) ? [prefix] : []), ...shortest]]);
    const parts = new Map(); // insertion order is key order
    for (const k of longer) {
      const part = [...k].slice(0, length + 1).join('');
      parts.set(part, [...(parts.get(part) ?? []), k]);
    }
    for (const [part, partKeys] of parts) split(part, partKeys);
  };
  const byGroup = new Map();
  for (const k of [...keys.keys()].sort()) byGroup.set(shardOf(k), [...(byGroup.get(shardOf(k)) ?? []), k]);
  for (const [group, groupKeys] of byGroup) split(group, groupKeys);
  const keyShards = {};
  const shards = [];
  let current = null;
  for (const [prefix, groupKeys] of groups) {
    if (!current || JSON.stringify(current).length >= keyShardBytes) shards.push(current = { keys: {}, terms: {} });
    keyShards[prefix] = shards.length - 1;
    for (const k of groupKeys) {
      current.keys[k] = keys.get(k);
      for (const id of keys.get(k)) current.terms[id] = [termList[id], postings(termList[id]).flat()];
    }
  }
  shards.forEach((shard, n) => write(`keys/${n}.json.gz`, shard));
  for (let n = 0; n * sectionChunkSize < sections.length; n++) {
    write(`sections/${n}.json.gz`, sections.slice(n * sectionChunkSize, (n + 1) * sectionChunkSize)
      .map((s, i) => ({ id: n * sectionChunkSize + i, url: s.url, page: s.page, heading: s.heading, text: s.text, lang: s.lang ?? lang })));
  }
  const manifest = {
    format: 3, language, lang, dir,
    keyShards,
    sectionChunkSize,
    sections: sections.length,
    stopKeys: [...stop].sort(byCodePoint),
    maxQueryLength,
  };
  write('manifest.json.gz', manifest);
  return { dir: folder, manifest, termId: (t) => ids.get(t), postings: (t) => (scores.has(t) ? postings(t) : []) };
}

/** A fetch() over `folder` for the base URL `base`; `fetched` lists every path asked for, in order. */
export function folderFetch(folder, base) {
  const fetched = [];
  const fetchFile = async (url) => {
    const rel = decodeURIComponent(url.slice(base.length));
    fetched.push(rel);
    try {
      return new Response(readFileSync(path.join(folder, rel)));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  return { fetch: fetchFile, fetched };
}

/** The German pages of the fixture: compounds, umlauts, a stop-word-heavy question, and hostile page text. */
export const GERMAN_SECTIONS = [
  { url: 'brandenburg/leitbild.html#praeambel', page: 'Leitbild der Stadt', heading: 'Präambel',
    text: 'Integration von Menschen mit Migrationshintergrund ist eine Aufgabe der ganzen Stadt. Das Integrationskonzept beschreibt die Wege dorthin.' },
  { url: 'brandenburg/leitbild.html#beirat', page: 'Leitbild der Stadt', heading: 'Ausländerbeirat',
    text: 'Der Ausländerbeirat berät den Rat der Stadt in allen Fragen der Integration.' },
  { url: 'dresden/konzept.html#ziele', page: 'Handlungsplan', heading: 'Ziele',
    text: 'Das Konzept nennt Ziele. Konzept, Konzept und noch einmal Konzept: ein Konzept für alle.' },
  { url: 'dresden/konzept.html#sprache', page: 'Handlungsplan', heading: 'Sprache und Bildung',
    text: 'Ein Konzept für Sprache und Bildung in Kita und Schule.' },
  { url: 'musterstadt/aufgaben.html#leitung', page: 'Aufgaben', heading: 'Leitung',
    text: 'Die Ausländerbeauftragte leitet die Steuerungsgruppe und lädt zu ihren Sitzungen ein.' },
  { url: 'musterstadt/aufgaben.html#zitat', page: 'Aufgaben <img src=x onerror=alert(1)>', heading: '<b>Zitat</b>',
    text: 'Ein Zitat mit <script>alert(1)</script> und <b>fett</b> & "Anführung" sowie \'Apostroph\'.' },
  { url: 'en/summary.html#summary', page: 'Summary', heading: 'Summary',
    text: 'A summary in English about integration work.', lang: 'en' },
  { url: 'musterstadt/arabisch.html#gruss', page: 'Grußwort', heading: 'Grußwort',
    text: 'Ein Grußwort auf Arabisch: مرحبا بكم في المدينة', lang: 'de' },
  { url: 'musterstadt/zahlen.html#jahr', page: 'Zahlen', heading: 'Jahr 2024',
    text: 'Im Jahr 2024 gab es 12 Sitzungen der Steuerungsgruppe.' },
];

export const GERMAN_STOP_KEYS = ['das', 'der', 'die', 'ein', 'für', 'fur', 'fuer', 'in', 'ist', 'mit', 'und', 'von', 'wer'];

/** The German fixture index, written to a temp folder. */
export function germanIndex(options = {}) {
  return writeIndex({ sections: GERMAN_SECTIONS, analyze: germanTerms, variants: germanVariants, stopKeys: GERMAN_STOP_KEYS, ...options });
}

/** A right-to-left fixture index in Arabic. */
export function arabicIndex() {
  return writeIndex({
    language: 'ar', lang: 'ar', dir: 'rtl', analyze: arabicTerms, stopKeys: ['في', 'من'],
    sections: [
      { url: 'brandenburg/leitbild.html#muqaddima', page: 'الرؤية التوجيهية', heading: 'مقدمة',
        text: 'الاندماج مهمة المدينة كلها. يصف مفهوم الاندماج الطريق إلى ذلك.' },
      { url: 'brandenburg/leitbild.html#majlis', page: 'الرؤية التوجيهية', heading: 'مجلس الأجانب',
        text: 'ينصح مجلس الأجانب المدينة في جميع المسائل.' },
    ],
  });
}

/** Reads one index file of a fixture folder back (for tests that look at what was written). */
export function readIndexFile(folder, rel) {
  return JSON.parse(gunzipSync(readFileSync(path.join(folder, rel))).toString('utf8'));
}
