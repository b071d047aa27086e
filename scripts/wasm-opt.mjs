// Shrinks a wasm module in place with wasm-opt from the npm package
// `binaryen` (wasm-pack would download one): the step every module the
// package ships goes through (scripts/package.mjs), and the module `make
// bench` builds without the Spanish texts to weigh them.
// Usage as a script: node scripts/wasm-opt.mjs FILE.wasm
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
// Rust >= 1.87 emits these post-MVP features; wasm-opt must be told.
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** @param {string} path a .wasm file, rewritten shrunk */
export function shrink(path) {
  execFileSync(new URL('node_modules/.bin/wasm-opt', root).pathname,
    ['-Oz', '--strip-debug', '--strip-producers', ...features, path, '-o', path], { stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of process.argv.slice(2)) shrink(path);
}
