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

const server = spawn('java', ['-Xmx1g', '-jar', jar, 'serve', '--root', root, '--port', String(port)],
  { stdio: ['ignore', 'pipe', 'inherit'] });
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
for (let i = 0; i < edits; i += 1) {
  const marker = `Messpunkt${i}x${Date.now()}`;
  const loaded = tab.waitForEvent('load', { timeout: 30000 });
  const start = performance.now();
  appendFileSync(source, `\nDer Satz ${marker} steht jetzt im Text.\n`);
  await loaded;
  await tab.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 30000 });
  times.push(performance.now() - start);
  await tab.waitForTimeout(300);
}
await browser.close();
server.kill();

const warm = times.slice(2).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];
console.log(`save -> reloaded page, ${warm.length} warm edits (first 2 left out): ` +
  `median ${median.toFixed(0)} ms, min ${warm[0].toFixed(0)} ms, max ${warm[warm.length - 1].toFixed(0)} ms`);
console.log(`all: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
