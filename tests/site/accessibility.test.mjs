// Opens every page of the built site in headless Chromium and checks it the
// way a visitor's browser sees it: axe-core (WCAG 2.1 A/AA) at desktop and
// mobile width, no request to any host but the local server, no console
// errors, no failed or 4xx/5xx same-origin requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite } from './serve.mjs';
import { siteDir, listHtmlFiles } from './site-dir.mjs';

const AXE_PATH = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 360, height: 740 },
};

// Debian's Chromium, never a browser downloaded by Playwright.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const pages = existsSync(siteDir) ? listHtmlFiles() : [];

let server;
let browser;

before(async () => {
  server = await serveSite(siteDir);
  browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('site folder has pages', () => {
  assert.ok(existsSync(siteDir), `site folder ${siteDir} missing: build the site first (or set SITE_DIR)`);
  assert.ok(pages.includes('index.html'), `${siteDir} has no root index.html`);
});

for (const rel of pages) {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`${rel} @ ${name} ${viewport.width}x${viewport.height}`, async () => {
      const problems = await checkPage(rel, viewport);
      assert.equal(problems.length, 0, `${rel} (${name}):\n  ${problems.join('\n  ')}`);
    });
  }
}

/** Loads one page in a fresh page (own context) and returns a list of problems found. */
async function checkPage(rel, viewport) {
  const origin = server.url;
  const problems = new Set(); // a Set: Chromium may report one fault more than once
  const httpErrors = new Set();
  const page = await browser.newPage({ viewport });
  try {
    // axe goes in as an init script (evaluated through the DevTools protocol):
    // an addScriptTag() <script> would be refused by the site's strict CSP, and
    // bypassCSP would hide the CSP violations this test is meant to catch.
    await page.addInitScript({ path: AXE_PATH });
    page.on('request', (req) => {
      if (!isLocal(req.url(), origin)) problems.add(`request to another host: ${req.url()}`);
    });
    // Nothing may leave the machine: foreign requests are aborted (and reported
    // above), so a stray font or analytics link fails fast instead of hanging.
    await page.route('**/*', (route) =>
      isLocal(route.request().url(), origin) ? route.continue() : route.abort('blockedbyclient'));
    page.on('response', (res) => {
      if (res.status() >= 400 && isLocal(res.url(), origin)) {
        httpErrors.add(res.url());
        problems.add(`HTTP ${res.status()}: ${res.url()}`);
      }
    });
    page.on('requestfailed', (req) => {
      // A 4xx/5xx is already reported above; Chromium then also "fails" the request.
      if (isLocal(req.url(), origin) && !httpErrors.has(req.url())) {
        problems.add(`request failed: ${req.url()} (${req.failure()?.errorText})`);
      }
    });
    page.on('console', (msg) => {
      // "Failed to load resource" only echoes a network fault the listeners above report.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
        problems.add(`console error: ${msg.text()} (${msg.location().url || 'inline'})`);
      }
    });
    page.on('pageerror', (err) => problems.add(`uncaught exception: ${err.message}`));

    await page.goto(`${origin}/${rel}`, { waitUntil: 'load' });
    // Web fonts are fetched only once layout needs them; wait so their requests are seen.
    await page.evaluate(() => document.fonts.ready);

    const violations = await page.evaluate(
      (tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          count: v.nodes.length,
          targets: v.nodes.slice(0, 3).map((n) => n.target.flat().join(' ')),
        }))),
      AXE_TAGS,
    );
    for (const v of violations) {
      problems.add(`axe ${v.id} [${v.impact}] ${v.help} (${v.count}x): ${v.targets.join(' | ')}`);
    }
  } finally {
    await page.close();
  }
  return [...problems];
}

function isLocal(url, origin) {
  // data:/blob:/about: URLs never touch the network.
  return url.startsWith(origin + '/') || /^(data|blob|about):/.test(url);
}
