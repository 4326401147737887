// The search page contract (issue 4) on the built site, in headless Chromium: /<lang>/search.html?q=… runs on
// load and lists ordered links, best first, to existing pages and sections; typing and the keyboard work; the
// live region speaks the bundle's words; bad input shows a message and injects nothing; nothing is loaded from
// another host; without JavaScript the page says so and links to the list of documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveSite } from './serve.mjs';
import { siteDir } from './site-dir.mjs';
import { SiteSearch } from '../../assets/js/search.mjs';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const AXE_PATH = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));
const BUNDLES = fileURLToPath(new URL('../../templates/i18n/', import.meta.url));

// Per language: a query that must find something.
const QUERIES = { de: 'Konzept', en: 'integration', ar: 'الاندماج' };
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>';
const UNFOUND_HOSTILE = '<img src=qqxq onerror=alert(qqxq)>'; // finds nothing: the page shows it back

let server;
let browser;
const foreign = new Set(); // requests to another host, from any test
const dialogs = [];

before(async () => {
  server = await serveSite(siteDir);
  browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that blocks and records requests to other hosts, dialogs, and script errors. */
async function openPage(url, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  await page.route('**/*', (route) => {
    const target = route.request().url();
    requests.push(target);
    if (target.startsWith(server.url + '/') || /^(data|blob|about):/.test(target)) return route.continue();
    foreign.add(target);
    return route.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + url, { waitUntil: 'load' });
  return { page, errors, requests, close: () => context.close() };
}

/** The page's messages (data-msg-* of the form) and number locale. */
const messagesOf = (page) => page.$eval('#search-form', (form) => ({ ...form.dataset }));
const fill = (pattern, value) => pattern.replace('{0}', () => value);
const statusText = (page) => page.$eval('#search-status', (s) => s.textContent);

/** Waits until the live region has said something other than "searching", and returns it. */
async function announced(page) {
  await page.waitForFunction(() => {
    const said = document.getElementById('search-status').textContent.trim();
    return said !== '' && said !== document.getElementById('search-form').dataset.msgLoading;
  });
  return statusText(page);
}

/** What the client answers for `query` on the index of `lang`, read from the built site's files. */
function expected(lang, query) {
  const dir = path.join(siteDir, lang, 'search');
  const search = new SiteSearch('index:', { fetch: async (url) => new Response(readFileSync(path.join(dir, decodeURIComponent(url.slice(6))))) });
  return search.search(query, { limit: 10 });
}

const manifestOf = (lang) => JSON.parse(gunzipSync(readFileSync(path.join(siteDir, lang, 'search', 'manifest.json.gz'))));

/** The message bundle of `lang`, as the build reads it. */
function bundle(lang) {
  const entries = readFileSync(path.join(BUNDLES, `${lang}.properties`), 'utf8').split('\n')
    .filter((line) => /^[\w.]+=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

function countMessage(messages, n) {
  if (n === 1) return messages.msgResultsOne;
  if (n === 2) return messages.msgResultsTwo;
  return fill(messages.msgResultsOther, new Intl.NumberFormat(messages.numberLocale).format(n));
}

/** The results as the page shows them: resolved link, page title, snippet, marked words. */
const shownResults = (page) => page.$$eval('#search-results li', (items) => items.map((li) => ({
  href: li.querySelector('a')?.href,
  links: li.querySelectorAll('a').length,
  marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
})));

/** True if the site has the page of `href` and, when it names one, the element with that id. */
function existsInSite(href) {
  const url = new URL(href);
  if (url.origin !== server.url) return false;
  const file = path.join(siteDir, decodeURIComponent(url.pathname));
  if (!existsSync(file)) return false;
  if (!url.hash) return true;
  const id = decodeURIComponent(url.hash.slice(1));
  return readFileSync(file, 'utf8').includes(`id="${id}"`);
}

test('site folder has a search page and an index for each tested language', () => {
  for (const lang of Object.keys(QUERIES)) {
    assert.ok(existsSync(path.join(siteDir, lang, 'search.html')), `${lang}/search.html missing in ${siteDir}`);
    assert.ok(existsSync(path.join(siteDir, lang, 'search', 'manifest.json.gz')), `${lang}/search/ index missing`);
  }
});

for (const [lang, query] of Object.entries(QUERIES)) {
  test(`${lang}: search.html?q=${query} runs on load and lists links to pages and sections, best first`, async () => {
    const { page, errors, close } = await openPage(`/${lang}/search.html?q=${encodeURIComponent(query)}`);
    try {
      const messages = await messagesOf(page);
      const answer = await expected(lang, query);
      assert.equal(answer.status, 'ok');
      assert.equal(await announced(page), countMessage(messages, answer.total));
      assert.equal(await page.inputValue('#search-query'), query);
      assert.equal(await page.$eval('#search-results', (el) => el.tagName), 'OL');

      const shown = await shownResults(page);
      assert.equal(shown.length, answer.results.length);
      assert.deepEqual(shown.map((r) => r.href),
        answer.results.map((r) => new URL(r.url, `${server.url}/${lang}/search.html`).href), 'the order the index ranks');
      for (const r of shown) {
        assert.equal(r.links, 1);
        assert.ok(existsInSite(r.href), `${r.href} is no page or section of the site`);
      }
      assert.ok(shown.some((r) => r.marks.length > 0), 'matched words are marked');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('de: the issue\'s examples find their passages (compound part, no umlaut keyboard, typo)', async () => {
  const { page, close } = await openPage('/de/search.html?q=Konzept');
  try {
    await announced(page);
    let shown = await shownResults(page);
    assert.ok(shown.some((r) => /\/de\/(brandenburg|dresden)\//.test(r.href) && r.marks.some((m) => /integrationskonzept/i.test(m))),
      'Konzept finds a Brandenburg or Dresden passage with Integrationskonzept');

    for (const [query, mark] of [['Auslaenderbeauftragte', /ausländerbeauftragte/i], ['Integartion', /integration/i]]) {
      await page.fill('#search-query', query);
      await page.press('#search-query', 'Enter');
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
      await page.waitForFunction((re) => [...document.querySelectorAll('#search-results mark')]
        .some((m) => new RegExp(re, 'i').test(m.textContent)), mark.source);
      shown = await shownResults(page);
      assert.ok(shown.every((r) => existsInSite(r.href)));
    }
  } finally {
    await close();
  }
});

test('de: typing runs the search as you type, without reloading, and keeps ?q= shareable', async () => {
  const { page, errors, close } = await openPage('/de/search.html');
  try {
    assert.equal(await statusText(page), '');
    assert.equal(await page.$$eval('#search-results li', (li) => li.length), 0);
    await page.evaluate(() => { window.sameDocument = true; });
    await page.locator('#search-query').pressSequentially('Konzep', { delay: 40 });
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Konzep');
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'no reload');
    const messages = await messagesOf(page);
    const answer = await expected('de', 'Konzep');
    assert.equal(await statusText(page), countMessage(messages, answer.total));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('de: keyboard only — Tab to the box, type, Enter, Tab to the first result', async () => {
  const { page, close } = await openPage('/de/search.html');
  try {
    let tabs = 0;
    while (await page.evaluate(() => document.activeElement?.id) !== 'search-query') {
      assert.ok(++tabs <= 25, 'the search box is reachable with Tab');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Steuerungsgruppe');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li a').length > 0);
    for (let i = 0; i < 2 && !(await page.evaluate(() => document.activeElement?.closest('#search-results'))); i++) {
      await page.keyboard.press('Tab'); // past the submit button
    }
    const focused = await page.evaluate(() => {
      const first = document.querySelector('#search-results li a');
      return { isFirst: document.activeElement === first, visible: getComputedStyle(document.activeElement).outlineStyle };
    });
    assert.ok(focused.isFirst, 'Tab reaches the first result right after the form');
    assert.notEqual(focused.visible, 'none', 'the focused result shows its focus');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/search.html'));
    assert.ok(existsInSite(page.url()));
  } finally {
    await close();
  }
});

test('the live region is a status region and announces in the page\'s language', async () => {
  for (const lang of Object.keys(QUERIES)) {
    const { page, close } = await openPage(`/${lang}/search.html?q=`);
    try {
      assert.equal(await page.$eval('#search-status', (s) => s.getAttribute('role')), 'status');
      const words = bundle(lang);
      assert.equal(await announced(page), words['search.empty']);
      const messages = await messagesOf(page);
      assert.equal(messages.msgStopwords, words['search.onlyStopwords']);
      assert.equal(messages.msgFailed, words['search.failed']);
    } finally {
      await close();
    }
  }
});

test('bad input: empty, only stop words, 2,000 characters, HTML and script — a message, nothing injected', async () => {
  for (const lang of Object.keys(QUERIES)) {
    const { page, errors, requests, close } = await openPage(`/${lang}/search.html`);
    try {
      const messages = await messagesOf(page);
      const before = await page.evaluate(() => document.querySelectorAll('img, script, iframe, object, embed, [onerror]').length);
      const submit = async (query) => {
        await page.evaluate(() => { document.getElementById('search-status').textContent = ''; });
        await page.fill('#search-query', query);
        await page.press('#search-query', 'Enter');
        return announced(page);
      };

      assert.equal(await submit(''), messages.msgEmpty);
      assert.equal(await submit('   '), messages.msgEmpty);
      assert.equal(await page.$$eval('#search-results li', (li) => li.length), 0);

      const manifest = manifestOf(lang);
      const stopQuery = manifest.stopKeys.slice(0, 3).join(' ');
      assert.equal(await submit(stopQuery), messages.msgStopwords, `"${stopQuery}" is only stop words`);
      assert.equal(await page.$$eval('#search-results li', (li) => li.length), 0);

      const long = (QUERIES[lang] + ' ').repeat(2000).slice(0, 2000);
      const tooLong = fill(messages.msgTooLong, new Intl.NumberFormat(messages.numberLocale).format(manifest.maxQueryLength));
      const longAnswer = await expected(lang, long);
      assert.equal(await submit(long), `${tooLong} ${countMessage(messages, longAnswer.total)}`);
      assert.ok(await page.$$eval('#search-results li', (li) => li.length) > 0);

      for (const query of [HOSTILE, UNFOUND_HOSTILE]) {
        const hostile = await expected(lang, query);
        const said = await submit(query);
        if (hostile.status === 'none') {
          assert.equal(said, fill(messages.msgNoResults, query));
          assert.equal(await page.$eval('#search-status bdi', (b) => b.textContent), query, 'the query shown as text');
        } else {
          assert.equal(query, HOSTILE, `${query} must find nothing, so that it is shown back`);
          assert.equal(said, countMessage(messages, hostile.total));
        }
        await page.waitForTimeout(300); // give an injected onerror handler the time to fire
      }
      assert.equal(await page.evaluate(() => document.querySelectorAll('img, script, iframe, object, embed, [onerror]').length), before);
      assert.deepEqual(dialogs, []);
      assert.ok(!requests.some((r) => /\/(x|qqxq)$/.test(new URL(r).pathname)), 'no image requested from the query');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  }
});

test('de: right-to-left text typed into the left-to-right page is shown right-to-left and answered', async () => {
  const { page, errors, close } = await openPage('/de/search.html');
  try {
    const messages = await messagesOf(page);
    const arabic = 'الاندماج في المدينة';
    await page.fill('#search-query', arabic);
    await page.press('#search-query', 'Enter');
    const said = await announced(page);
    assert.equal(await page.$eval('#search-query', (i) => getComputedStyle(i).direction), 'rtl');
    const answer = await expected('de', arabic);
    if (answer.status === 'none') {
      assert.equal(said, fill(messages.msgNoResults, arabic));
      assert.equal(await page.$eval('#search-status bdi', (b) => b.textContent), arabic, 'the query is isolated in <bdi>');
    } else {
      assert.equal(said, countMessage(messages, answer.total));
    }
    assert.equal(await page.$eval('html', (h) => h.dir), 'ltr');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('an index that cannot be loaded gives the bundle\'s "failed" message, and a later search retries', async () => {
  const { page, close } = await openPage('/de/search.html');
  try {
    let failing = true;
    await page.route('**/search/manifest.json.gz', (route) => (failing ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    const messages = await messagesOf(page);
    await page.fill('#search-query', QUERIES.de);
    await page.press('#search-query', 'Enter');
    assert.equal(await announced(page), messages.msgFailed);
    assert.equal(messages.msgFailed, bundle('de')['search.failed']);
    failing = false;
    await page.press('#search-query', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
  } finally {
    await close();
  }
});

test('without JavaScript the page says so in its language and links to the list of documents', async () => {
  for (const lang of Object.keys(QUERIES)) {
    const { page, close } = await openPage(`/${lang}/search.html?q=Konzept`, { javaScriptEnabled: false });
    try {
      const note = page.locator('main p', { hasText: bundle(lang)['search.noscript'] });
      assert.equal(await note.count(), 1);
      assert.ok(await note.isVisible());
      const href = await note.locator('a').evaluate((a) => a.href);
      assert.equal(new URL(href).pathname, `/${lang}/dokumente/index.html`);
      assert.ok(existsInSite(href));
      assert.equal(await page.$$eval('#search-results li', (li) => li.length), 0);
    } finally {
      await close();
    }
  }
});

test('the page with results, messages and marks passes axe (WCAG 2.1 A and AA), in LTR and RTL', async () => {
  for (const [lang, query] of Object.entries(QUERIES)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.addInitScript({ path: AXE_PATH }); // not a <script> tag: the page's CSP would refuse it
      await page.goto(`${server.url}/${lang}/search.html?q=${encodeURIComponent(query + ' ' + HOSTILE)}`);
      await announced(page);
      const violations = await page.evaluate(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
      }).then((r) => r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`)));
      assert.deepEqual(violations, [], lang);
    } finally {
      await context.close();
    }
  }
});

test('no request went to another host', () => {
  assert.deepEqual([...foreign], []);
});
