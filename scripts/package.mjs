// Finishes pkg/ after wasm-pack: shrinks the modules with wasm-opt
// (scripts/wasm-opt.mjs), copies the shim, types and CSS
// from js/, and writes package.json and the modules' integrity hashes.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { shrink } from './wasm-opt.mjs';

const root = new URL('../', import.meta.url);
const at = (p) => new URL(p, root).pathname;
// The engine module, and the OCDS import module the shim loads on first use.
const modules = ['ctip_screen_wasm_bg.wasm', 'ctip_screen_ocds_bg.wasm'];
const built = modules.map((name) => {
  const path = at(`pkg/${name}`);
  const before = statSync(path).size;
  shrink(path);
  const bytes = readFileSync(path);
  return { name, before, bytes, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
});

for (const file of ['index.js', 'index.d.ts', 'types.d.ts', 'paths.js', 'errors.js', 'form.js', 'panel.js', 'ctip-risk-panel.css']) {
  copyFileSync(at(`js/${file}`), at(`pkg/${file}`));
}
for (const stray of ['.gitignore', 'ctip_screen_ocds_bg.wasm.d.ts']) {
  if (existsSync(at(`pkg/${stray}`))) rmSync(at(`pkg/${stray}`));
}

const cargo = readFileSync(at('Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? '0.0.0';
writeFileSync(at('pkg/integrity.json'), JSON.stringify(Object.fromEntries(built.map((m) => [m.name, m.integrity])), null, 2) + '\n');

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
    './ctip_screen_ocds_bg.wasm': './ctip_screen_ocds_bg.wasm',
    './ctip-risk-panel.css': './ctip-risk-panel.css',
    './integrity.json': './integrity.json',
    './package.json': './package.json',
  },
  files: [
    'index.js', 'index.d.ts', 'types.d.ts', 'paths.js', 'errors.js', 'form.js', 'panel.js', 'ctip-risk-panel.css',
    'ctip_screen_wasm.js', 'ctip_screen_wasm.d.ts', 'ctip_screen_wasm_bg.wasm', 'ctip_screen_wasm_bg.wasm.d.ts',
    'ctip_screen_ocds.js', 'ctip_screen_ocds.d.ts', 'ctip_screen_ocds_bg.wasm',
    'integrity.json', 'README.md',
  ],
  // panel.js defines the <ctip-risk-panel> element when imported, and the
  // stylesheet is imported for its effect: webpack drops side-effect-free
  // imports, and the panel would ship unstyled.
  sideEffects: ['./panel.js', './index.js', './ctip-risk-panel.css', '*.css'],
  engines: { node: '>=20' },
  keywords: ['procurement', 'trafficking', 'webassembly', 'compliance', 'far-52.222-50'],
};
writeFileSync(at('pkg/package.json'), JSON.stringify(pkg, null, 2) + '\n');
for (const m of built) {
  const gz = gzipSync(m.bytes, { level: 9 }).length;
  console.log(`package: pkg/${m.name}: ${m.bytes.length} bytes (${m.before} before wasm-opt), ${gz} gzip; ${m.integrity}`);
}
