// `ctip-screen schema` is a JSON Schema every example submission validates
// against (scenario fixtures, the demo's samples, bids read from OCDS), and
// that rejects what the engine rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PKG, ROOT, nativeCli, scenarios } from './helpers.mjs';

const schema = JSON.parse(execFileSync(nativeCli(), ['schema'], { encoding: 'utf8' }));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

test('every scenario fixture validates against the schema', () => {
  for (const s of scenarios()) {
    assert.ok(validate(s.value), `${s.name}: ${ajv.errorsText(validate.errors)}`);
  }
});

test("the demo's sample bids and the typical bid validate", () => {
  const samples = JSON.parse(readFileSync(`${ROOT}www/samples/la-samples.json`, 'utf8'));
  const bids = samples.solicitations.flatMap((s) => s.bids);
  bids.push(JSON.parse(readFileSync(`${ROOT}tests/fixtures/typical-bid.json`, 'utf8')));
  for (const bid of bids) assert.ok(validate(bid), `${bid.id}: ${ajv.errorsText(validate.errors)}`);
});

test('bids read from OCDS validate', async () => {
  const ctip = await import(`${PKG}index.js`);
  await ctip.init();
  const processes = await ctip.ocdsToBids(readFileSync(`${ROOT}tests/ocds/release-package.json`, 'utf8'));
  const bids = processes.flatMap((p) => p.bids);
  assert.ok(bids.length >= 5);
  for (const bid of bids) assert.ok(validate(bid), `${bid.id}: ${ajv.errorsText(validate.errors)}`);
});

test('the schema rejects unknown keys, missing required fields and closed-vocabulary typos', () => {
  const base = scenarios()[0].value;
  assert.equal(validate({ ...base, vendr: {} }), false);
  assert.equal(validate({ ...base, vendor: {} }), false);
  assert.equal(validate({ ...base, solicitation: { ...base.solicitation, sector: 'cleaning' } }), false);
  assert.equal(validate({ ...base, submittedOn: '02/03/2026' }), false);
});
