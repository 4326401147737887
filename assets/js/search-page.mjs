// The search page (templates/search.ftl): runs ?q= on load, on submit and as the reader types, and shows the
// answer as a list of links plus a sentence in the live region. Every text comes from the page's data-msg-*
// attributes (rendered from the message bundles); page text from the index is only ever inserted as text,
// except the snippet, which search.mjs has escaped.
import { SiteSearch } from './search.mjs';

const form = document.getElementById('search-form');
const input = document.getElementById('search-query');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const msg = form.dataset;
const search = new SiteSearch(new URL(msg.index, document.baseURI).href);
const numbers = new Intl.NumberFormat(msg.numberLocale);
const pageLang = document.documentElement.lang;
const LIMIT = 10;
let latest = 0;
let typing;

/** A message with its {0} filled by `value`, isolated (bdi) so right-to-left text cannot reorder the sentence. */
function message(pattern, value) {
  const at = pattern.indexOf('{0}');
  if (at < 0) return [pattern];
  const bdi = document.createElement('bdi');
  bdi.textContent = value;
  return [pattern.slice(0, at), bdi, pattern.slice(at + 3)];
}

function say(...nodes) {
  status.replaceChildren(...nodes);
}

function countMessage(n) {
  if (n === 1) return [msg.msgResultsOne];
  if (n === 2) return [msg.msgResultsTwo];
  return message(msg.msgResultsOther, numbers.format(n));
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function resultItem(result) {
  const href = new URL(result.url, document.baseURI);
  if (href.origin !== location.origin) return null; // the index links only into the site
  const link = element('a', { href: href.href }, element('span', { class: 'search-result__page', dir: 'auto' }, result.page));
  if (result.heading && result.heading !== result.page) {
    link.append(element('span', { class: 'search-result__section' }, ...message(msg.msgInSection, result.heading)));
  }
  const snippet = element('p', { class: 'search-result__snippet', dir: 'auto' });
  snippet.innerHTML = result.snippetHtml; // escaped by search.mjs; only <mark> is markup
  const item = element('li', {}, link, snippet);
  if (result.lang && result.lang !== pageLang) item.lang = result.lang;
  return item;
}

async function run(query) {
  const ticket = ++latest;
  // Say "searching" only when the answer is slow (the first query loads the index), not on every key.
  const slow = setTimeout(() => ticket === latest && say(msg.msgLoading), 400);
  let answer;
  try {
    answer = await search.search(query, { limit: LIMIT });
  } catch {
    answer = { status: 'failed', results: [] };
  } finally {
    clearTimeout(slow);
  }
  if (ticket !== latest) return; // a newer query has been started meanwhile
  const cut = answer.truncatedTo ? [msg.msgTooLong.replace('{0}', () => numbers.format(answer.truncatedTo)), ' '] : [];
  const shown = [...query.trim()].slice(0, answer.truncatedTo ?? Infinity).join('');
  list.replaceChildren(...answer.results.map(resultItem).filter(Boolean));
  switch (answer.status) {
    case 'ok': return say(...cut, ...countMessage(answer.total));
    case 'none': return say(...cut, ...message(msg.msgNoResults, shown));
    case 'stopwords': return say(...cut, msg.msgStopwords);
    case 'empty': return say(...cut, msg.msgEmpty);
    default: return say(msg.msgFailed);
  }
}

/** Keeps the address shareable: ?q= is always the query on screen. */
function remember(query) {
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
  history.replaceState(history.state, '', url);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  remember(input.value);
  run(input.value);
});

input.addEventListener('input', (event) => {
  if (event.isComposing) return;
  clearTimeout(typing);
  typing = setTimeout(() => {
    remember(input.value);
    if (input.value.trim()) {
      run(input.value);
    } else {
      latest++; // cleared while typing: forget the old answer quietly instead of scolding
      list.replaceChildren();
      say();
    }
  }, 150);
});

input.addEventListener('focus', () => search.preload().catch(() => {}), { once: true });

const initial = new URLSearchParams(location.search).get('q');
if (initial !== null) {
  input.value = initial;
  run(initial);
}
