// The demo server: serves www/ at / and the npm package pkg/ at /pkg/, on
// 127.0.0.1 only, with a strict Content-Security-Policy (no inline script or
// style; WebAssembly allowed by 'wasm-unsafe-eval') and .wasm served as
// application/wasm. No dependencies: Node's http module.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
//
// Tests import startServer() and listen on port 0.

import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path to a file under one of the roots, or null.
 * @param {string} urlPath
 * @param {Record<string, string>} mounts URL prefix -> directory
 */
function locate(urlPath, mounts) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (path !== prefix.replace(/\/$/, '') && !path.startsWith(prefix)) continue;
    const dir = resolve(/** @type {string} */ (mounts[prefix]));
    let rest = path.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = resolve(join(dir, normalize(rest)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

/**
 * Starts the server. Resolves with { server, url }.
 * @param {{ port?: number, host?: string, mounts?: Record<string, string>, log?: boolean }} [options]
 */
export function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const mounts = options.mounts ?? { '/pkg/': join(ROOT, 'pkg'), '/': join(ROOT, 'www') };
  const server = createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    const file = locate(req.url ?? '/', mounts);
    let size = -1;
    try {
      if (file) {
        const st = statSync(file);
        if (st.isFile()) size = st.size;
      }
    } catch {
      size = -1;
    }
    if (!file || size < 0) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      if (options.log) console.log(`404 ${req.url}`);
      return;
    }
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({ server, url: `http://${host}:${port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(flag('--port') ?? process.env.PORT ?? 8080);
  const host = flag('--host') ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: '${flag('--port')}' is not a port number`);
    process.exit(1);
  }
  startServer({ port, host, log: true }).then(
    ({ url }) => {
      console.log(`ctip-screen demo: ${url}  (built-in policy la-2026; Ctrl-C to stop)`);
    },
    (error) => {
      console.error(`serve: cannot listen on ${host}:${port}: ${error.message}`);
      if (error.code === 'EADDRINUSE') console.error(`serve: try another port: make demo PORT=${port + 1}`);
      process.exit(1);
    },
  );
}
