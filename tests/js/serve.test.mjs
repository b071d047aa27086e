// The demo server (scripts/serve.mjs) serves regular files under its roots
// and nothing else, answers every error, and never exits on a bad request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, chmodSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, CSP } from '../../scripts/serve.mjs';

let dir, server, url;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ctip-serve-'));
  const www = join(dir, 'www');
  mkdirSync(www);
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(www, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(www, 'app.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'outside the roots');
  writeFileSync(join(dir, 'pkg', 'm.wasm'), Buffer.from([0, 97, 115, 109]));
  symlinkSync('/etc/passwd', join(www, 'passwd.txt'));
  symlinkSync(join(dir, 'secret.txt'), join(www, 'secret.txt'));
  symlinkSync(join(www, 'app.js'), join(www, 'alias.js'));
  symlinkSync(dir, join(www, 'up'));
  mkdirSync(join(www, 'folder.js'));
  execFileSync('mkfifo', [join(www, 'pipe.txt')]);
  writeFileSync(join(www, 'locked.txt'), 'no');
  chmodSync(join(www, 'locked.txt'), 0o000);
  ({ server, url } = await startServer({ mounts: { '/pkg/': join(dir, 'pkg'), '/': www } }));
});

after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** @param {string} path */
const get = (path) => fetch(new URL(path, url));

test('regular files under the roots are served with the security headers', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), CSP);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  const wasm = await get('/pkg/m.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  // A link to a file inside the root is that file.
  assert.equal(await (await get('/alias.js')).text(), 'export {};');
});

test('links out of the roots, paths out of them, and what is not a regular file are not found', async () => {
  for (const path of ['/passwd.txt', '/secret.txt', '/up/secret.txt', '/../secret.txt', '/%2e%2e/secret.txt',
    '/pkg/../secret.txt', '/pkg/%2e%2e%2fsecret.txt', '/folder.js', '/pipe.txt', '/%00', '/%E0%A4%A']) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    assert.equal(r.headers.get('content-security-policy'), CSP, path);
    assert.doesNotMatch(await r.text(), /root:|outside the roots/, path);
  }
  // Only root reads a file without permissions; for anyone else it is not found.
  if (process.getuid?.() !== 0) assert.equal((await get('/locked.txt')).status, 404);
  assert.equal((await get('/app.js')).status, 200, 'still serving');
});

test('other methods are 405', async () => {
  const r = await fetch(new URL('/', url), { method: 'POST', body: 'x' });
  assert.equal(r.status, 405);
  assert.equal(r.headers.get('allow'), 'GET, HEAD');
  assert.equal(r.headers.get('content-security-policy'), CSP);
});

/** @param {string} raw */
function rawRequest(raw) {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(raw));
    let data = '';
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

test('requests Node cannot parse get 400 or 431 with the security headers, and the server goes on', async () => {
  const bad = await rawRequest('NOT A REQUEST\r\n\r\n');
  assert.match(bad, /^HTTP\/1\.1 400 /);
  assert.match(bad, new RegExp(`Content-Security-Policy: ${CSP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const big = await rawRequest(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40000)}\r\n\r\n`);
  assert.match(big, /^HTTP\/1\.1 431 /);
  assert.match(big, /X-Content-Type-Options: nosniff/);
  assert.equal((await get('/')).status, 200);
});
