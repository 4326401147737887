// Measures the officer's loop with `serve`: from saving a document to the reloaded page in Chromium.
// Usage: node benchmarks/serve/reload.mjs <jar> <sources copy> [edits]
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [jar, root, editsArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 15);
const port = 18000 + Math.floor(Math.random() * 1000);
const page = 'de/brandenburg/aufgaben.html';
const source = join(root, 'content/de/brandenburg/aufgaben.adoc');

// -Dleitbild.serve.timings=true: the server prints, per update, when it heard the edit, its steps, and when it
// told the page to reload (wall clock), so that the time can be split into phases.
const server = spawn('java', ['-Xmx1g', '-Dleitbild.serve.timings=true', '-jar', jar, 'serve', '--root', root,
  '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
const updates = [];
let pending = '';
server.stdout.on('data', (chunk) => {
  pending += String(chunk);
  const lines = pending.split('\n');
  pending = lines.pop();
  for (const line of lines) {
    const m = /^timings: event-at (\d+), announced-at (\d+), \{(.*)\}, cpu \{(.*)\}$/.exec(line);
    if (m) {
      const map = (text) => Object.fromEntries(text.split(', ').map((kv) => kv.split('='))
        .map(([k, v]) => [k, Number(v)]));
      const cpu = map(m[4]);
      // A step's processor time (of the updating thread) next to its wall time.
      const steps = Object.fromEntries(Object.entries(map(m[3])).flatMap(([k, v]) => (k in cpu
        ? [[k, v], [`  ${k}, cpu`, cpu[k]]] : [[k, v]])));
      updates.push({ eventAt: Number(m[1]), announcedAt: Number(m[2]), steps });
    }
  }
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => { if (String(chunk).includes('Preview:')) resolve(); });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const tab = await browser.newPage();
await tab.goto(`http://127.0.0.1:${port}/${page}`);
await tab.waitForTimeout(3000); // the search index is written in the background after the first build

const times = [];
const loadTimes = [];
const phases = [];
for (let i = 0; i < edits; i += 1) {
  const marker = `Messpunkt${i}x${Date.now()}`;
  const loaded = tab.waitForEvent('load', { timeout: 30000 });
  const updatesBefore = updates.length;
  const start = performance.now();
  const savedAt = Date.now();
  appendFileSync(source, `\nDer Satz ${marker} steht jetzt im Text.\n`);
  await loaded;
  await tab.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 30000 });
  const seenAt = Date.now();
  times.push(performance.now() - start);
  // The reloaded page's navigation timing, in wall-clock milliseconds.
  const nav = await tab.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const at = (t) => performance.timeOrigin + t;
    return { start: performance.timeOrigin, response: at(n.responseEnd), load: at(n.loadEventEnd) };
  });
  loadTimes.push(nav.load - savedAt);
  await tab.waitForTimeout(300);
  // The update this edit caused (its report comes once the pages other than the open one are written too).
  const update = updates.length === updatesBefore + 1 ? updates[updatesBefore] : undefined;
  if (update) {
    phases.push({
      'save -> watcher event': update.eventAt - savedAt,
      ...update.steps,
      'announced -> reload starts': nav.start - update.announcedAt,
      'reload -> page received': nav.response - nav.start,
      'page received -> load event': nav.load - nav.response,
      'load event -> seen by benchmark': seenAt - nav.load,
    });
  }
}
await browser.close();
server.kill();

const warm = times.slice(2).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];
console.log(`save -> reloaded page, ${warm.length} warm edits (first 2 left out): ` +
  `median ${median.toFixed(0)} ms, min ${warm[0].toFixed(0)} ms, max ${warm[warm.length - 1].toFixed(0)} ms`);
console.log(`all: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
// The same edits up to the reloaded page's load event by the browser's own clock, without the time the
// benchmark takes to notice it (Playwright's round trips, which grow on a busy computer).
const warmLoads = loadTimes.slice(2).sort((a, b) => a - b);
console.log(`save -> load event of the reloaded page (browser clock): median ` +
  `${warmLoads[Math.floor(warmLoads.length / 2)].toFixed(0)} ms, min ${warmLoads[0].toFixed(0)} ms, ` +
  `max ${warmLoads[warmLoads.length - 1].toFixed(0)} ms`);
const warmPhases = phases.slice(2);
if (warmPhases.length > 0) {
  console.log(`phases (median of ${warmPhases.length} warm edits with one update each; server steps in ms):`);
  for (const name of Object.keys(warmPhases[0])) {
    const values = warmPhases.map((p) => p[name]).filter((v) => v !== undefined).sort((a, b) => a - b);
    console.log(`  ${name.padEnd(34)} ${values[Math.floor(values.length / 2)].toFixed(0).padStart(5)} ms`);
  }
} else {
  console.log('phases: not measured (the server printed no timings, or edits were merged into one update)');
}
