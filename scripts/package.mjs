// Finishes pkg/ after wasm-pack: runs wasm-opt from the npm package
// `binaryen` (wasm-pack would download one), copies the shim, types and CSS
// from js/, and writes package.json and the module's integrity hash.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const at = (p) => new URL(p, root).pathname;
const wasmPath = at('pkg/ctip_screen_wasm_bg.wasm');

const before = statSync(wasmPath).size;
// Rust >= 1.87 emits these post-MVP features; wasm-opt must be told.
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
execFileSync(at('node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', ...features, wasmPath, '-o', wasmPath], { stdio: 'inherit' });
const bytes = readFileSync(wasmPath);

for (const file of ['index.js', 'index.d.ts', 'errors.js', 'form.js', 'panel.js', 'ctip-risk-panel.css']) {
  copyFileSync(at(`js/${file}`), at(`pkg/${file}`));
}
if (existsSync(at('pkg/.gitignore'))) rmSync(at('pkg/.gitignore'));

const cargo = readFileSync(at('Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? '0.0.0';
const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
writeFileSync(at('pkg/integrity.json'), JSON.stringify({ 'ctip_screen_wasm_bg.wasm': integrity }, null, 2) + '\n');

const pkg = {
  name: 'ctip-screen',
  version,
  description: 'Screens public-contract bids for labor-trafficking risk indicators, in the browser. Nothing leaves the page.',
  license: 'Apache-2.0',
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', import: './index.js', default: './index.js' },
    './ctip_screen_wasm_bg.wasm': './ctip_screen_wasm_bg.wasm',
    './ctip-risk-panel.css': './ctip-risk-panel.css',
    './integrity.json': './integrity.json',
    './package.json': './package.json',
  },
  files: [
    'index.js', 'index.d.ts', 'errors.js', 'form.js', 'panel.js', 'ctip-risk-panel.css',
    'ctip_screen_wasm.js', 'ctip_screen_wasm.d.ts', 'ctip_screen_wasm_bg.wasm', 'ctip_screen_wasm_bg.wasm.d.ts',
    'integrity.json', 'README.md',
  ],
  // panel.js defines the <ctip-risk-panel> element when imported.
  sideEffects: ['./panel.js', './index.js'],
  engines: { node: '>=20' },
  keywords: ['procurement', 'trafficking', 'webassembly', 'compliance', 'far-52.222-50'],
};
writeFileSync(at('pkg/package.json'), JSON.stringify(pkg, null, 2) + '\n');
const gz = gzipSync(bytes, { level: 9 }).length;
console.log(`package: pkg/ ready: .wasm ${bytes.length} bytes (${before} before wasm-opt), ${gz} gzip; ${integrity}`);
