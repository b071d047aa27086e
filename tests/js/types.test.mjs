// The package's data types (js/types.d.ts) are generated from the Rust
// types' JSON Schema (`ctip-screen schema --all`): this fails when a Rust
// type changed and the types were not generated again, and when the
// generator loses what the schema says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { generate, pathTypes, PATHS, TYPES } from '../../scripts/gen-types.mjs';
import { PKG, nativeCli } from './helpers.mjs';

const schema = JSON.parse(execFileSync(nativeCli(), ['schema', '--all'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const committed = readFileSync(TYPES, 'utf8');

test('js/types.d.ts is what the Rust types generate', async () => {
  assert.ok(
    (await generate(schema)) === committed,
    'js/types.d.ts is out of date: run `node scripts/gen-types.mjs` and commit it',
  );
});

test('js/paths.js (the field types fromForm falls back on) is what the Rust types generate', () => {
  assert.ok(pathTypes(schema) === readFileSync(PATHS, 'utf8'), 'js/paths.js is out of date: run `node scripts/gen-types.mjs` and commit it');
  assert.equal(readFileSync(`${PKG}paths.js`, 'utf8'), readFileSync(PATHS, 'utf8'));
});

test('the package ships the generated types', () => {
  assert.equal(readFileSync(`${PKG}types.d.ts`, 'utf8'), committed);
  assert.match(readFileSync(`${PKG}index.d.ts`, 'utf8'), /export \* from '\.\/types\.js';/);
});

test('every schema definition is an exported type, and closed vocabularies are unions of their words', () => {
  for (const name of Object.keys(schema.definitions)) {
    assert.match(committed, new RegExp(`^export (type|interface) ${name}\\b`, 'm'), name);
  }
  for (const [name, def] of Object.entries(schema.definitions)) {
    if (!def.enum) continue;
    const union = def.enum.map((w) => `'${w}'`).join(' | ');
    const flat = committed.replace(/\n\s*\|/g, ' |').replace(/=\s+\|/g, '=');
    assert.ok(flat.includes(`export type ${name} = ${union};`), `${name} = ${union}`);
  }
});

test('required fields are required, optional ones optional and nullable, always-written ones nullable', () => {
  assert.match(committed, /export interface Submission \{[\s\S]*?\n  id: string;/);
  assert.match(committed, /\n  submittedOn\?: DateString \| null;/);
  assert.match(committed, /\n  price\?: Price \| null;/);
  assert.match(committed, /\n  median: number \| null;/);
  assert.match(committed, /\n  value: unknown;/);
  // Thresholds are the names the rules declare, the optional ones optional.
  assert.match(committed, /\n  weeklyHoursHigh: Threshold;/);
  assert.match(committed, /\n  minimumPaydaysPerMonth\?: Threshold;/);
});
