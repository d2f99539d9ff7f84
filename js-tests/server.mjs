// A loopback static server for the browser tests and the web example: serves the repository's
// WASM build, test modules, vectors and examples/web from 127.0.0.1 (`.wasm` as application/wasm),
// plus `/__vectors__`, the list of vector files.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ROOT, VECTORS, vectorFiles } from './node-suite.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};
const ALLOWED = ['bindings-wasm/js/', 'bindings-wasm/pkg-web/', 'bindings-wasm/pkg-web-full/', 'bindings-wasm/pkg-web-files/', 'js-tests/', 'invoice-core/tests/vectors/', 'examples/web/'];

/** Starts the server on an ephemeral loopback port; resolves to {url, close}. */
export function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__vectors__') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      res.end(JSON.stringify(vectorFiles(VECTORS).map((f) => f.name)));
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    const file = join(ROOT, rel);
    const parts = rel.split(/[/\\]/);
    if (!ALLOWED.some((p) => rel.startsWith(p)) || parts.includes('..') || parts.includes('node_modules')) {
      res.writeHead(404).end('not found');
      return;
    }
    let st;
    try {
      st = statSync(file);
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    if (!st.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `node js-tests/server.mjs` serves until stopped (to open examples/web/ by hand).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { url } = await serve();
  console.log(`serving on ${url}/examples/web/index.html`);
}
