// The site search client: answers a query from the static index of one language, as specified in
// docs/search-index-format.md (version 3). No dependencies; the browser does no text analysis of its own
// beyond the format's "client rule", because Lucene's analysis is exported in the index as keys → terms.

const WORD = /[\p{L}\p{M}\p{N}'·-]+/gu; // the client rule's word characters; · joins like -
const EDGE = /^['·-]+|['·-]+$/gu; // quotes and joiners at a word's ends belong to the sentence, not the word
const PREFIX_KEYS = 20;
const FORMAT = 3;

/** Search over the index in the folder `indexUrl` (ending in /); each index file is fetched at most once. */
export class SiteSearch {
  #base;
  #fetch;
  #files = new Map();

  constructor(indexUrl, options = {}) {
    this.#base = indexUrl;
    this.#fetch = options.fetch ?? ((url) => fetch(url));
  }

  /** Loads the manifest ahead of the first query (e.g. when the reader focuses the search box). */
  preload() {
    return this.#manifest();
  }

  async search(query, { limit = 10 } = {}) {
    const m = await this.#manifest();
    let chars = [...normalise(String(query ?? ''), m.lang)];
    const truncatedTo = chars.length > m.maxQueryLength ? m.maxQueryLength : null;
    if (truncatedTo) chars = chars.slice(0, truncatedTo);
    const answer = (status, results = [], total = 0) => ({ status, results, total, truncatedTo });

    const typed = [...chars.join('').matchAll(WORD)].map((w) => w[0].replace(EDGE, '')).filter(Boolean);
    if (!typed.length) return answer('empty');
    const words = [];
    const seen = new Set();
    typed.forEach((word, i) => {
      const parts = word.split(/[-·]/u).map((p) => p.replace(EDGE, '')).filter(Boolean);
      const joined = parts.join('');
      const forms = [...new Set([joined, ...(parts.length > 1 ? parts : [])])].filter((f) => !m.stop.has(f));
      if (!forms.length || seen.has(joined)) return;
      seen.add(joined);
      // Only the word being typed is matched as a prefix: the whole of it, or its last part.
      const last = i === typed.length - 1;
      words.push(forms.map((f) => ({ form: f, prefix: last && (f === joined || f === parts.at(-1)) })));
    });
    if (!words.length) return answer('stopwords');

    // Per word: term id → { weight: the best way the word reached it, own: the completed or corrected keys
    // it must be the own term of (null: none, it is an exact match) }, and every key matched.
    // The key shard of a word holds the terms of its keys with their postings: one fetch per word.
    const keysMatched = new Set();
    const wordTerms = await Promise.all(words.map(async (forms) => {
      const terms = new Map();
      for (const { form, prefix } of forms) {
        for (const [key, weight] of await this.#keysFor(m, form, prefix)) {
          keysMatched.add(key);
          for (const id of key.ids) {
            const t = terms.get(id) ?? { weight, own: [], term: key.terms[id] ?? ['', []] };
            t.weight = Math.max(t.weight, weight);
            t.own = t.own && key.strict ? [...t.own, key.text] : null;
            terms.set(id, t);
          }
        }
      }
      return terms;
    }));

    const needles = new Set([...keysMatched].map((k) => fold(k.text, m.lang)));
    const sections = new Map(); // section id → { sum, words }
    for (const terms of wordTerms) {
      const mine = new Map();
      for (const { weight, own, term: [text, postings] } of terms.values()) {
        if (own && !own.some((k) => isOwnTerm(fold(text, m.lang), fold(k, m.lang)))) continue;
        if (postings.length) needles.add(fold(text, m.lang));
        for (let i = 0; i + 1 < postings.length; i += 2) {
          mine.set(postings[i], (mine.get(postings[i]) ?? 0) + postings[i + 1] * weight);
        }
      }
      for (const [section, sum] of mine) {
        const s = sections.get(section) ?? { sum: 0, words: 0 };
        sections.set(section, { sum: s.sum + sum, words: s.words + 1 });
      }
    }
    if (!sections.size) return answer('none');

    const ranked = [...sections].map(([id, s]) => ({ id, score: s.sum * s.words }))
      .sort((a, b) => b.score - a.score || a.id - b.id);
    const best = ranked.slice(0, Math.max(0, limit));
    const marks = [...needles].filter(Boolean);
    const results = await Promise.all(best.map(async ({ id, score }) => {
      const chunk = await this.#load(`sections/${Math.floor(id / m.sectionChunkSize)}.json.gz`);
      const s = chunk.find((c) => c.id === id);
      return { url: s.url, page: s.page, heading: s.heading, snippetHtml: snippet(s.text, s.lang, marks), score, lang: s.lang };
    }));
    return answer('ok', results, ranked.length);
  }

  /** The keys a query word matches, with their weights: exact, as a prefix, or with one edit. */
  async #keysFor(m, form, prefix) {
    const chars = [...form];
    // A key's group is the longest prefix of it that the manifest lists (its first two letters, more in a large
    // group that is split); the manifest says which shard holds the group.
    const group = groupOf(m, chars);
    if (group === null) return [];
    const shard = await this.#keyShard(m.keyShards[group]);
    const { map, sorted, terms } = shard;
    const found = [];
    if (Object.hasOwn(map, form)) found.push([{ text: form, ids: map[form], terms }, 1]);
    if (prefix && chars.length >= 2) {
      const lo = lowerBound(sorted, form);
      const longer = [];
      for (let i = lo; i < sorted.length && sorted[i].startsWith(form); i++) if (sorted[i] !== form) longer.push(sorted[i]);
      // The best completions are the shortest: closest to what has been typed so far.
      longer.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      for (const k of longer.slice(0, PREFIX_KEYS)) found.push([ownKey(shard, k, m.lang), 0.8]);
    }
    // A word being typed that already completes to keys is not a typo (yet). A correction keeps the first two
    // letters and may differ after them: it is looked for in every shard of the two-letter group.
    if (!found.length && chars.length >= 5) {
      const first2 = chars.slice(0, 2).join('');
      const seen = new Set();
      const shards = await Promise.all((m.parts.get(first2) ?? [m.keyShards[group]]).map((n) => this.#keyShard(n)));
      for (const s of shards) {
        for (let i = lowerBound(s.sorted, first2); i < s.sorted.length && s.sorted[i].startsWith(first2); i++) {
          const k = s.sorted[i];
          if (seen.has(k)) continue;
          seen.add(k);
          if (Math.abs(k.length - form.length) <= 2 && oneEdit(chars, [...k])) found.push([ownKey(s, k, m.lang), 0.7]);
        }
      }
    }
    return found;
  }

  /** A key shard, decoded, with its keys sorted (JSON objects put "2024"-like keys first, so the client sorts). */
  #keyShard(n) {
    return this.#load(`keys/${n}.json.gz`, (file) =>
      ({ map: file.keys, terms: file.terms, sorted: Object.keys(file.keys).sort() }));
  }

  #manifest() {
    return this.#load('manifest.json.gz', (m) => {
      if (m.format !== FORMAT) throw new Error(`search index format ${m.format} is not supported (expected ${FORMAT})`);
      // The shards of each split two-letter group (a correction looks at all of them), and the longest prefix.
      const parts = new Map();
      let longest = 2;
      for (const [prefix, n] of Object.entries(m.keyShards)) {
        const chars = [...prefix];
        longest = Math.max(longest, chars.length);
        if (chars.length > 2) {
          const first2 = chars.slice(0, 2).join('');
          const shards = parts.get(first2) ?? new Set([m.keyShards[first2]]);
          parts.set(first2, shards.add(n));
        }
      }
      return { ...m, stop: new Set(m.stopKeys), longest, parts: new Map([...parts].map(([g, set]) => [g, [...set]])) };
    });
  }

  /** One index file, decoded (and prepared) once; a failed fetch is forgotten so a later query can retry. */
  #load(path, prepare = (x) => x) {
    let file = this.#files.get(path);
    if (!file) {
      file = this.#read(path).then(prepare);
      file.catch(() => this.#files.delete(path));
      this.#files.set(path, file);
    }
    return file;
  }

  async #read(path) {
    const response = await this.#fetch(this.#base + path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Check the gzip magic: a host that sends the file with Content-Encoding: gzip has decoded it already.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
    return new Response(new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'))).json();
  }
}

/** The format's client rule, up to splitting into words. */
export function normalise(text, lang) {
  return text.normalize('NFC').toLocaleLowerCase(lang).replace(/[’ʼ]/gu, "'");
}

/** The group of a word: the longest prefix of it (two characters or more; a one-character word's own) listed in the manifest. */
function groupOf(m, chars) {
  for (let n = Math.min(chars.length, m.longest); n >= Math.min(chars.length, 2); n--) {
    const prefix = chars.slice(0, n).join('');
    if (Object.hasOwn(m.keyShards, prefix)) return prefix;
  }
  return null;
}

/**
 * A completed or corrected key of a shard, standing for its own word, not for the later parts of a compound
 * ("konzept" completes to "konzeptarbeit", whose part "arbeit" is another word): its terms that begin like the
 * key (their first two letters, folded) and are not found later in it (isOwnTerm); all of them if none begins
 * like it (stemmers that drop an article, as Arabic's).
 */
function ownKey({ map, terms }, text, lang) {
  const start2 = (t) => fold([...t].slice(0, 2).join(''), lang).slice(0, 2);
  const start = fold(text, lang).slice(0, 2);
  const ids = map[text].filter((id) => start2(terms[id]?.[0] ?? '') === start);
  return { text, ids: ids.length ? ids : map[text], strict: ids.length > 0, terms };
}

/** The index of the first string in `sorted` that is not below `s`. */
function lowerBound(sorted, s) {
  let lo = 0;
  for (let hi = sorted.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < s) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** False for a term found inside the key only after its start: a later part of a compound. */
function isOwnTerm(term, key) {
  return key.startsWith(term) || !key.includes(term);
}

/** True if `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours (code points). */
function oneEdit(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x, from) => x.slice(from).join('');
  if (a.length === b.length) {
    return i < a.length && (rest(a, i + 1) === rest(b, i + 1)
      || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2)));
  }
  if (a.length === b.length + 1) return rest(a, i + 1) === rest(b, i);
  return b.length === a.length + 1 && rest(a, i) === rest(b, i + 1);
}

/**
 * A loose form of a word, only to find the words to highlight in a snippet: the text is raw, the matched keys
 * and terms are analysed, so compare them without case, accents, joiners and spelling variants.
 */
function fold(word, lang) {
  const cacheKey = `${lang}\u0000${word}`;
  let folded = folds.get(cacheKey);
  if (folded === undefined) {
    if (folds.size >= FOLD_CACHE) folds.clear();
    folded = foldNow(word, lang);
    folds.set(cacheKey, folded);
  }
  return folded;
}

// Folding is the client's most frequent work (every word of a snippet is folded to find the matched ones):
// remember the folded forms, up to a bound, across queries.
const FOLD_CACHE = 20000;
const folds = new Map();

function foldNow(word, lang) {
  return normalise(word, lang).normalize('NFD').replace(/[\p{M}'·\u0640-]/gu, '')
    .replace(/ß/gu, 'ss').replace(/([aou])e/gu, '$1').replace(/ı/gu, 'i')
    .replace(/ة/gu, 'ه').replace(/[یى]/gu, 'ي').replace(/ک/gu, 'ك');
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** About 30 words of `text` from just before its first matched word, escaped, matched words in <mark>. */
function snippet(text, lang, needles) {
  const parts = String(text ?? '').replace(/\s+/gu, ' ').trim().split(/([\p{L}\p{M}\p{N}'’ʼ·-]+)/u);
  const count = (parts.length - 1) / 2; // words sit at the odd indexes
  const hit = (word) => {
    const f = fold(word, lang);
    return f.length > 0 && needles.some((n) => (n.length >= 4 ? f.includes(n) : f === n || (n.length === 3 && f.startsWith(n))));
  };
  let first = 0;
  while (first < count && !hit(parts[2 * first + 1])) first++;
  const start = first < count ? Math.max(0, first - 8) : 0;
  const end = Math.min(count, start + 30);
  let html = start > 0 ? '… ' : escapeHtml(parts[0]);
  for (let w = start; w < end; w++) {
    const word = escapeHtml(parts[2 * w + 1]);
    html += (hit(parts[2 * w + 1]) ? `<mark>${word}</mark>` : word) + (w < end - 1 || end === count ? escapeHtml(parts[2 * w + 2]) : '');
  }
  return end < count ? `${html} …` : html;
}
