// The search client (assets/js/search.mjs) against fixture indexes in format version 3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SiteSearch } from '../../assets/js/search.mjs';
import { germanIndex, arabicIndex, folderFetch, germanTerms, germanVariants, writeIndex, readIndexFile, GERMAN_SECTIONS,
  GERMAN_STOP_KEYS } from './fixture.mjs';

const BASE = 'https://site.test/de/search/';
const german = germanIndex();
const arabic = arabicIndex();

/** A fresh client over the German fixture (fresh: nothing cached) and the list of files it fetches. */
function client(index = german) {
  const files = folderFetch(index.dir, BASE);
  return { search: new SiteSearch(BASE, { fetch: files.fetch }), fetched: files.fetched };
}

const urls = (answer) => answer.results.map((r) => r.url);
const textOf = (html) => html.replace(/<\/?mark>/g, '');
const marked = (html) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

test('an exact word finds its sections, best first, with url, page, heading, lang and score', async () => {
  const answer = await client().search.search('Sprache');
  assert.equal(answer.status, 'ok');
  assert.equal(answer.truncatedTo, null);
  assert.deepEqual(urls(answer), ['dresden/konzept.html#sprache']);
  const [hit] = answer.results;
  assert.equal(hit.page, 'Handlungsplan');
  assert.equal(hit.heading, 'Sprache und Bildung');
  assert.equal(hit.lang, 'de');
  assert.ok(hit.score > 0);
  assert.deepEqual(marked(hit.snippetHtml), ['Sprache']);
});

test('a part of a compound finds the compound, as the index maps it (Konzept → Integrationskonzept)', async () => {
  const answer = await client().search.search('Konzept');
  assert.ok(urls(answer).includes('brandenburg/leitbild.html#praeambel'));
  const praeambel = answer.results.find((r) => r.url === 'brandenburg/leitbild.html#praeambel');
  assert.deepEqual(marked(praeambel.snippetHtml), ['Integrationskonzept']);
});

test('a word typed without umlauts finds the word with umlauts (Auslaenderbeauftragte)', async () => {
  const answer = await client().search.search('Auslaenderbeauftragte');
  const leitung = answer.results.find((r) => r.url === 'musterstadt/aufgaben.html#leitung');
  assert.deepEqual(marked(leitung.snippetHtml), ['Ausländerbeauftragte']);
});

test('results are ranked by score, ties by section order, and total counts every matching section', async () => {
  const answer = await client().search.search('Konzept', { limit: 2 });
  assert.equal(answer.results.length, 2);
  assert.equal(answer.total, 3);
  const all = (await client().search.search('Konzept', { limit: 10 })).results;
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score);
  assert.deepEqual(urls(answer), all.slice(0, 2).map((r) => r.url));
});

test('the last word is matched as a prefix while it is typed', async () => {
  const { search } = client();
  assert.deepEqual(urls(await search.search('Steuerungsgr')).sort(),
    ['musterstadt/aufgaben.html#leitung', 'musterstadt/zahlen.html#jahr']);
  const kon = await search.search('Kon');
  assert.equal(kon.status, 'ok');
  assert.ok(urls(kon).includes('dresden/konzept.html#ziele'));
});

test('a prefix counts less than the whole word', async () => {
  const { search } = client();
  const whole = await search.search('Sprache');
  const prefix = await search.search('Sprach');
  assert.deepEqual(urls(prefix), urls(whole));
  assert.ok(Math.abs(prefix.results[0].score - 0.8 * whole.results[0].score) < 1e-9);
});

test('only the last word is matched as a prefix', async () => {
  const answer = await client().search.search('Kon Bildung');
  assert.deepEqual(urls(answer), ['dresden/konzept.html#sprache']);
  assert.deepEqual(marked(answer.results[0].snippetHtml), ['Bildung']);
});

test('a word of five or more letters is found with one edit: swap, deletion, insertion, substitution', async () => {
  const { search } = client();
  for (const typo of ['Integartion', 'Konzpt', 'Konzeppt', 'Konzebt', 'Schlue']) {
    const answer = await search.search(typo);
    assert.equal(answer.status, 'ok', typo);
  }
  const swapped = await search.search('Integartion');
  assert.ok(urls(swapped).includes('brandenburg/leitbild.html#praeambel'));
  const exact = await search.search('Integration');
  const weighted = swapped.results.find((r) => r.url === 'en/summary.html#summary').score;
  assert.ok(Math.abs(weighted - 0.7 * exact.results.find((r) => r.url === 'en/summary.html#summary').score) < 1e-9);
});

test('a word of four letters or fewer is not corrected, and two edits are not corrected', async () => {
  const { search } = client();
  assert.equal((await search.search('Kita')).status, 'ok');
  assert.equal((await search.search('Kiat')).status, 'none');
  assert.equal((await search.search('Konzpte')).status, 'none'); // two edits from "konzept"
});

test('the word being typed is not corrected while it still completes to keys', async () => {
  const index = writeIndex({ analyze: germanTerms, sections: [
    { url: 'kontakt.html', page: 'Kontakt', heading: 'Kontakt', text: 'Kontakt' },
    { url: 'konto.html', page: 'Konto', heading: 'Konto', text: 'Konto' },
  ] });
  const { search } = client(index);
  assert.deepEqual(urls(await search.search('Konta')), ['kontakt.html']); // not "konto", one edit away
  assert.deepEqual(urls(await search.search('Kontoo')), ['konto.html']);
});

test('a completion or correction brings its own word, not the later parts of a compound', async () => {
  const compounds = (word) => {
    const terms = new Set([word]);
    for (const part of ['konzept', 'arbeit', 'auslander', 'auftrag']) if (word !== part && word.includes(part)) terms.add(part);
    return [...terms];
  };
  const index = writeIndex({ analyze: compounds, sections: [
    { url: 'konzeptarbeit.html', page: 'Konzeptarbeit', heading: 'Konzeptarbeit', text: 'Konzeptarbeit' },
    { url: 'arbeit.html', page: 'Arbeit', heading: 'Arbeit', text: 'Arbeit' },
    { url: 'beauftragte.html', page: 'Auslanderbeauftragte', heading: 'Auslanderbeauftragte', text: 'Auslanderbeauftragte' },
    { url: 'auftrag.html', page: 'Auftrag', heading: 'Auftrag', text: 'Auftrag' },
  ] });
  const { search } = client(index);
  assert.deepEqual(urls(await search.search('Konzepta')), ['konzeptarbeit.html']);
  assert.deepEqual(urls(await search.search('Konzeptarbiet')), ['konzeptarbeit.html']);
  assert.deepEqual(urls(await search.search('Auslanderb')), ['beauftragte.html']);
  // The exact word still finds its parts: that is what decompounding is for.
  assert.deepEqual(urls(await search.search('Arbeit')).sort(), ['arbeit.html', 'konzeptarbeit.html']);
});

test('several words: a section with all words ranks first, even above a stronger match of one word', async () => {
  const index = writeIndex({ analyze: germanTerms, sections: [
    { url: 'a.html', page: 'Konzept', heading: 'Konzept', text: 'Konzept Konzept Konzept Konzept' },
    { url: 'b.html', page: 'Plan', heading: 'Plan', text: 'Ein Konzept und ein Plan, Plan' },
    { url: 'c.html', page: 'Plan', heading: 'Plan', text: 'Plan' },
    { url: 'd.html', page: 'Andere', heading: 'Andere', text: 'Noch ein Plan' },
  ] });
  const score = (term, section) => index.postings(term).find(([s]) => s === section)[1];
  // Summed without the factor, the strong one-word match would win:
  assert.ok(score('konzept', 0) > score('konzept', 1) + score('plan', 1));
  const answer = await client(index).search.search('Konzept Plan');
  assert.deepEqual(urls(answer).slice(0, 2), ['b.html', 'a.html']);
  assert.deepEqual(marked(answer.results[0].snippetHtml), ['Konzept', 'Plan', 'Plan']);
});

test('a section\'s score is the sum over the query words, times the number of words it matched', async () => {
  // "bildung" and "kita" are complete keys no other key starts with, so the prefix adds nothing.
  const answer = await client().search.search('Bildung Kita');
  const score = (term) => german.postings(term).find(([section]) => section === 3)[1];
  assert.equal(answer.results[0].url, 'dresden/konzept.html#sprache');
  assert.ok(Math.abs(answer.results[0].score - 2 * (score('bildung') + score('kita'))) < 1e-9);
});

test('a query of only stop words says so; stop words next to other words are left out', async () => {
  const { search } = client();
  assert.equal((await search.search('und die')).status, 'stopwords');
  assert.equal((await search.search('Die')).status, 'stopwords');
  const question = await search.search('Wer leitet die Steuerungsgruppe?');
  assert.equal(question.status, 'ok');
  assert.equal(question.results[0].url, 'musterstadt/aufgaben.html#leitung');
});

test('an empty query, blanks or punctuation only is "empty" and fetches nothing but the manifest', async () => {
  const { search, fetched } = client();
  for (const q of ['', '   ', '?! …', undefined]) {
    const answer = await search.search(q);
    assert.equal(answer.status, 'empty', JSON.stringify(q));
    assert.deepEqual(answer.results, []);
    assert.equal(answer.total, 0);
  }
  assert.deepEqual(fetched, ['manifest.json.gz']);
});

test('a word found nowhere answers "none"', async () => {
  const answer = await client().search.search('Quantenchromodynamik');
  assert.deepEqual(answer, { status: 'none', results: [], total: 0, truncatedTo: null });
});

test('a query longer than maxQueryLength is cut there and says so', async () => {
  const { search } = client();
  const long = await search.search('Konzept '.repeat(250)); // 2,000 characters
  assert.equal(long.status, 'ok');
  assert.equal(long.truncatedTo, 200);
  // The word after character 200 is not searched: only blanks are left of this query.
  const cut = await search.search(' '.repeat(200) + 'Konzept');
  assert.equal(cut.status, 'empty');
  assert.equal(cut.truncatedTo, 200);
  assert.equal((await search.search('x'.repeat(200))).truncatedTo, null);
});

test('HTML and script in the query are words like any other and reach no output', async () => {
  const answer = await client().search.search('<script>alert(1)</script><img src=x onerror=alert(1)>');
  assert.ok(['ok', 'none'].includes(answer.status));
  for (const r of answer.results) assert.doesNotMatch(textOf(r.snippetHtml), /[<>]/);
});

test('page text is escaped in the snippet: only <mark> is markup', async () => {
  const answer = await client().search.search('Zitat');
  const [hit] = answer.results;
  assert.equal(hit.url, 'musterstadt/aufgaben.html#zitat');
  assert.doesNotMatch(textOf(hit.snippetHtml), /[<>"']/);
  assert.match(hit.snippetHtml, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  assert.match(hit.snippetHtml, /&#38; &#34;Anführung&#34;/);
  const quoted = (await client().search.search('Apostroph')).results[0].snippetHtml;
  assert.match(quoted, /<mark>&#39;Apostroph&#39;<\/mark>/);
  // page and heading are text for textContent, returned as the index has them
  assert.equal(hit.heading, '<b>Zitat</b>');
});

test('the snippet is about 30 words from just before the first match, cut ends marked with …', async () => {
  const sections = [{ url: 'a.html#x', page: 'Seite', heading: 'Abschnitt',
    text: Array.from({ length: 100 }, (_, i) => `wort${i}`).join(' ') + ' Zielwort ' + 'ende '.repeat(50) }];
  const index = writeIndex({ sections, analyze: germanTerms });
  const { search } = client(index);
  const [hit] = (await search.search('Zielwort')).results;
  const words = textOf(hit.snippetHtml).split(' ');
  assert.equal(words[0], '…');
  assert.equal(words.at(-1), '…');
  assert.equal(words.length, 32);
  assert.equal(words[9], 'Zielwort');
  assert.deepEqual(marked(hit.snippetHtml), ['Zielwort']);
});

test('a section in another language carries its lang', async () => {
  const answer = await client().search.search('summary');
  assert.equal(answer.results[0].lang, 'en');
});

test('right-to-left text: found in an Arabic index, marked in the snippet, harmless in a German one', async () => {
  const ar = client(arabic);
  const answer = await ar.search.search('الاندماج');
  assert.equal(answer.status, 'ok');
  assert.equal(answer.results[0].url, 'brandenburg/leitbild.html#muqaddima');
  assert.deepEqual(marked(answer.results[0].snippetHtml), ['الاندماج', 'الاندماج']);
  assert.equal((await ar.search.search('في من')).status, 'stopwords');
  // typed so far: its completion's term lost the article, and is found all the same
  assert.equal((await ar.search.search('الاند')).results[0].url, 'brandenburg/leitbild.html#muqaddima');

  const de = client();
  const mixed = await de.search.search('مرحبا Grußwort');
  assert.equal(mixed.results[0].url, 'musterstadt/arabisch.html#gruss');
  assert.deepEqual(marked(mixed.results[0].snippetHtml), ['Grußwort', 'مرحبا']);
  assert.equal((await de.search.search('الاندماج')).status, 'none');
});

test('hyphenated words are looked up as typed without the hyphen and as their parts', async () => {
  const { search } = client();
  const answer = await search.search('Sprach-Konzept');
  assert.equal(answer.status, 'ok');
  assert.ok(urls(answer).includes('dresden/konzept.html#sprache'));
  const joined = await search.search('Integrations-konzept');
  assert.ok(urls(joined).includes('brandenburg/leitbild.html#praeambel'));
});

test('each index file is fetched at most once per SiteSearch', async () => {
  const { search, fetched } = client();
  for (const q of ['Konzept', 'Konzept', 'Konzept Sprache', 'Kon', 'Integartion', 'Sprache', 'und']) await search.search(q);
  await Promise.all(['Steuerungsgruppe', 'Steuerungsgruppe', 'Leitung'].map((q) => search.search(q)));
  assert.deepEqual(fetched, [...new Set(fetched)]);
});

test('a word costs one fetch: its key shard holds the postings, also of compound parts in other shards', async () => {
  const shard = (group) => `keys/${german.manifest.keyShards[group]}.json.gz`;
  assert.notEqual(shard('ko'), shard('in'));
  const { search, fetched } = client();
  await search.search('Konzept');
  assert.deepEqual(fetched.filter((f) => !f.startsWith('sections/')), ['manifest.json.gz', shard('ko')]);
  assert.deepEqual(fetched.filter((f) => f.startsWith('sections/')).sort(), ['sections/0.json.gz']);
  // Integrationskonzept is in the shard "in"; its part "konzept" comes with it, no other shard is fetched.
  const compound = client();
  const answer = await compound.search.search('Integrationskonzept');
  assert.ok(answer.results.length > 0);
  assert.deepEqual(compound.fetched.filter((f) => !f.startsWith('sections/')), ['manifest.json.gz', shard('in')]);
  // Prefix completions and typo corrections are found in the same shard too.
  const typed = client();
  assert.equal((await typed.search.search('Integartionskonzept')).status, 'ok');
  assert.equal((await typed.search.search('Integrationsk')).status, 'ok');
  assert.deepEqual(typed.fetched.filter((f) => !f.startsWith('sections/')), ['manifest.json.gz', shard('in')]);
});

test('neighbouring key groups share a shard up to a size: later words often need no fetch, answers stay the same', async () => {
  const merged = germanIndex({ keyShardBytes: 1e6 });
  assert.deepEqual(new Set(Object.values(merged.manifest.keyShards)), new Set([0]));
  const one = client(merged);
  const several = client();
  for (const q of ['Konzept', 'Integrationskonzept', 'Integartion', 'Integr', 'Sprache Beirat', 'Auslaenderbeirat', 'Konzpet']) {
    const [a, b] = [await one.search.search(q), await several.search.search(q)];
    assert.deepEqual(a.results.map((r) => [r.url, r.score]), b.results.map((r) => [r.url, r.score]), q);
  }
  assert.deepEqual(one.fetched.filter((f) => f.startsWith('keys/')), ['keys/0.json.gz']);
  assert.ok(several.fetched.filter((f) => f.startsWith('keys/')).length > 3);
});

test('a large key group is split by the next letters: a word fetches its part only, answers stay the same', async () => {
  // Many words beginning with in, ko and st: more than a head's 20 shortest, so that a correction can lie in
  // another part of the group than the word typed (Inetgration: part "ine", Integration: part "int").
  const many = {
    url: 'musterstadt/woerter.html', page: 'Wörter', heading: 'Viele Wörter',
    text: 'Inhalt Inland Inlandsamt Innenstadt Innung Insel Inseln Inserat Insekt Institut Instanz Intendant '
      + 'Interesse Interessen Internat Interview Inventar Inventur Investition Inzidenz Ineffizienz Inertie '
      + 'Inbegriff Inbetriebnahme Indikator Individuum Industrie Infektion Inflation Information Ingenieur '
      + 'Inhaber Initiative Inklusion Inkasso Insolvenz Inspektion Installation Integrität Intensität '
      + 'Kobold Kochkurs Koffer Kohle Kollege Kollegium Kolonne Kombination Komfort Kommission Kommune '
      + 'Kompass Kompetenz Konferenz Konflikt Kongress Konsens Kontakt Kontrolle Konto Kooperation Kopie',
  };
  const sections = [...GERMAN_SECTIONS, many];
  const options = { sections, analyze: germanTerms, variants: germanVariants, stopKeys: GERMAN_STOP_KEYS };
  const unsplit = writeIndex(options);
  const split = writeIndex({ ...options, groupSplitBytes: 600 });
  const prefixes = Object.keys(split.manifest.keyShards);
  assert.ok(prefixes.some((p) => [...p].length >= 4), 'groups split more than once');
  assert.ok(prefixes.includes('in') && prefixes.includes('int') && prefixes.includes('ine'), 'the "in" group has a head and parts');
  const whole = client(unsplit);
  const parts = client(split);
  const queries = ['Konzept', 'Integrationskonzept', 'Integration', 'in', 'int', 'Integr', 'Integrationsk', 'Sprache Beirat',
    'Auslaenderbeirat', 'Ausländer', 'Auslander', 'Steuerungsgruppe', 'Sp', 'Spr',
    // corrections: a swap after the third letter, a swap, deletion, insertion and substitution of the third
    'Integartion', 'Inetgration', 'Intgration', 'Inteegration', 'Inyegration', 'Konzpet', 'Stuerungsgruppe'];
  for (const q of queries) {
    const [a, b] = [await whole.search.search(q), await parts.search.search(q)];
    assert.deepEqual(b.results.map((r) => [r.url, r.score]), a.results.map((r) => [r.url, r.score]), q);
    assert.equal(b.status, a.status, q);
  }
  const swapped = client(split);
  assert.ok((await swapped.search.search('Inetgration')).results.length > 0, 'a swap of the third letter is corrected');
  assert.ok(swapped.fetched.filter((f) => f.startsWith('keys/')).length > 1, 'the correction looked in other parts');
  // A whole word fetches the shard of its longest listed prefix, smaller than its two-letter group's shard.
  const one = client(split);
  await one.search.search('Integrationskonzept');
  const [fetchedShard] = one.fetched.filter((f) => f.startsWith('keys/'));
  assert.equal(one.fetched.filter((f) => f.startsWith('keys/')).length, 1);
  const longest = prefixes.filter((p) => 'integrationskonzept'.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  assert.ok(longest.length > 2);
  assert.equal(fetchedShard, `keys/${split.manifest.keyShards[longest]}.json.gz`);
  const size = (index, rel) => JSON.stringify(readIndexFile(index.dir, rel)).length;
  assert.ok(size(split, fetchedShard) < size(unsplit, `keys/${unsplit.manifest.keyShards.in}.json.gz`));
});

test('a failed fetch makes the search fail, and a later search fetches the file again', async () => {
  let failing = true;
  const files = folderFetch(german.dir, BASE);
  const search = new SiteSearch(BASE, {
    fetch: (url) => (failing && url.includes('keys/') ? Promise.resolve(new Response('', { status: 503 })) : files.fetch(url)),
  });
  await assert.rejects(search.search('Konzept'));
  failing = false;
  assert.equal((await search.search('Konzept')).status, 'ok');
});

test('an index of another format version is refused', async () => {
  const search = new SiteSearch(BASE, {
    fetch: async () => new Response(JSON.stringify({ format: 1 })),
  });
  await assert.rejects(search.search('Konzept'), /format 1/);
});

test('files a host has already decompressed (Content-Encoding: gzip) are read too', async () => {
  const search = new SiteSearch(BASE, {
    fetch: async (url) => new Response(JSON.stringify(readIndexFile(german.dir, decodeURIComponent(url.slice(BASE.length))))),
  });
  assert.equal((await search.search('Konzept')).status, 'ok');
});
