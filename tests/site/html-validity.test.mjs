// Runs the Nu Html Checker (vnu.jar from the vnu-jar npm package, on the
// machine's Java 17+) over every HTML and CSS file of the built site.
// Errors fail; warnings are printed only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { siteDir, listFiles, listHtmlFiles } from './site-dir.mjs';

// Call java directly: the package's own wrapper would try to download a JRE
// (not reachable here, and not wanted) when it can't find one.
const VNU_JAR = path.join(path.dirname(fileURLToPath(import.meta.resolve('vnu-jar'))), 'build', 'dist', 'vnu.jar');
const JAVA = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

test('Nu Html Checker: no errors in HTML and CSS', async () => {
  assert.ok(existsSync(siteDir), `site folder ${siteDir} missing: build the site first (or set SITE_DIR)`);
  const html = listHtmlFiles();
  assert.ok(html.length > 0, `no .html files below ${siteDir}`);
  const files = [...html, ...listFiles('.css')];

  const { stdout } = await promisify(execFile)(
    JAVA,
    ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always',
      '--skip-non-html', '--also-check-css', ...files],
    { cwd: siteDir, maxBuffer: 64 * 1024 * 1024 },
  );
  const { messages } = JSON.parse(stdout);

  const where = (m) => {
    const file = m.url ? path.relative(siteDir, fileURLToPath(m.url)) : '?';
    return `${file}:${m.lastLine ?? m.firstLine ?? 0}:${m.firstColumn ?? m.lastColumn ?? 0}`;
  };
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning'
    // vnu checks file: URLs, where a CSP meta tag's 'self' never matches the site's own
    // stylesheet; the browser test enforces the CSP over HTTP, where it means something.
    && !m.message.startsWith('Resource violates Content Security Policy'));

  for (const m of warnings) console.log(`warning: ${where(m)}: ${m.message}`);
  console.log(`vnu checked ${files.length} files: ${errors.length} errors, ${warnings.length} warnings`);

  assert.equal(errors.length, 0,
    `${errors.length} HTML/CSS errors:\n${errors.map((m) => `${where(m)}: ${m.message}`).join('\n')}`);
});
