// Tiny static file server for the site tests: node:http only, loopback only,
// ephemeral port, so the browser under test can reach nothing but the site.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml; charset=utf-8',
};

/** Serves `folder` on 127.0.0.1:<random port>; resolves to {url, close()}. */
export async function serveSite(folder) {
  const root = path.resolve(folder);

  const server = createServer(async (req, res) => {
    const fail = (code) => {
      res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${code}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);

    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return fail(400); // malformed percent-encoding
    }
    // A NUL byte or backslash has no business in a site path; reject rather than guess.
    if (rel.includes('\0') || rel.includes('\\')) return fail(400);
    // "/de/" means "/de/index.html", as on any static host.
    if (rel.endsWith('/')) rel += 'index.html';

    const file = path.resolve(root, '.' + rel);
    // Traversal guard: the resolved path must stay inside the site folder
    // (URL parsing already folds plain "..", this also catches encoded "%2e%2e").
    if (file !== root && !file.startsWith(root + path.sep)) return fail(403);

    let info;
    try {
      info = await stat(file);
    } catch {
      return fail(404);
    }
    if (info.isDirectory()) {
      // As static hosts do: "/de" -> "/de/" when it has an index page; never a listing.
      const hasIndex = await stat(path.join(file, 'index.html')).then((s) => s.isFile(), () => false);
      if (!hasIndex) return fail(404);
      res.writeHead(301, { location: new URL(req.url, 'http://x').pathname + '/' });
      return res.end();
    }
    if (!info.isFile()) return fail(404);

    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // don't wait for the browser's keep-alive sockets
        server.close(() => resolve());
      }),
  };
}
