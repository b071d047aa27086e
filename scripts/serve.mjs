// The demo server: serves www/ at / and the npm package pkg/ at /pkg/, on
// 127.0.0.1 only, with a strict Content-Security-Policy (no inline script or
// style; WebAssembly allowed by 'wasm-unsafe-eval') and .wasm served as
// application/wasm. No dependencies: Node's http module.
//
// It serves regular files whose real path (symbolic links resolved) lies
// under www/ or pkg/, and nothing else. Every error is an answer (404, 405,
// 500; 400 and 431 for requests Node cannot parse, with the same security
// headers), never an exit.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
//
// Tests import startServer() and listen on port 0.

import { createServer } from 'node:http';
import { constants, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
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
 * Maps a URL path to a file under one of the roots, or null: the path as
 * written (`..` cannot leave the root), then its real path, which must
 * still be under the root's real path (a symbolic link out of www/ is not
 * followed).
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
    let dir;
    try {
      dir = realpathSync(resolve(/** @type {string} */ (mounts[prefix])));
    } catch {
      return null;
    }
    let rest = path.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = resolve(join(dir, normalize(rest)));
    if (!file.startsWith(dir + sep)) return null;
    let real;
    try {
      real = realpathSync(file);
    } catch {
      return null;
    }
    return real.startsWith(dir + sep) ? real : null;
  }
  return null;
}

/** The headers of every answer. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Serves one request. Resolves when the answer is under way; never rejects.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Record<string, string>} mounts
 * @param {boolean} log
 */
async function answer(req, res, mounts, log) {
  const text = (/** @type {number} */ status, /** @type {string} */ body, extra = {}) => {
    if (log) console.log(`${status} ${req.method} ${req.url}`);
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(`${body}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'method not allowed', { Allow: 'GET, HEAD' });
  const file = locate(req.url ?? '/', mounts);
  if (!file) return text(404, 'not found');
  /** @type {import('node:fs/promises').FileHandle | undefined} */
  let handle;
  try {
    // Opened once and checked through the open file, so that what is
    // checked is what is sent.
    // Non-blocking: a FIFO without a writer would otherwise hold the open.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      return text(404, 'not found');
    }
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': st.size });
    if (req.method === 'HEAD') {
      await handle.close();
      res.end();
      return;
    }
    // The stream owns the handle from here and closes it.
    const stream = handle.createReadStream();
    handle = undefined;
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  } catch (error) {
    await handle?.close().catch(() => {});
    const code = /** @type {{ code?: string }} */ (error).code;
    // A file the server may see but not read is not there for the client.
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'EISDIR' || code === 'ELOOP') return text(404, 'not found');
    if (res.headersSent) return res.destroy();
    return text(500, 'the file could not be read');
  }
}

/**
 * The raw answer to a request Node could not parse (400, or 431 for headers
 * too large), with the security headers every answer carries.
 * @param {Error & { code?: string }} error
 * @param {import('node:stream').Duplex} socket
 */
function clientError(error, socket) {
  if (!socket.writable) return socket.destroy();
  const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const headers = Object.entries({ ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
    .map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const body = `${reason.toLowerCase()}\n`;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/**
 * Starts the server. Resolves with { server, url }.
 * @param {{ port?: number, host?: string, mounts?: Record<string, string>, log?: boolean }} [options]
 */
export function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const mounts = options.mounts ?? { '/pkg/': join(ROOT, 'pkg'), '/': join(ROOT, 'www') };
  const server = createServer((req, res) => {
    answer(req, res, mounts, Boolean(options.log)).catch(() => res.destroy());
  });
  server.on('clientError', clientError);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      // After listening, an error is logged, never an exit.
      server.on('error', (error) => console.error(`serve: ${error.message}`));
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
