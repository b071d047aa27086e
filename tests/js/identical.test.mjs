// The wasm module and the native CLI give byte-identical assessments for the
// same input (the browser half of this check is in tests/browser/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PKG, ROOT, nativeCompare, nativeScore, scenarios } from './helpers.mjs';

const ctip = await import(`${PKG}index.js`);
await ctip.init();

test('every scenario: wasm evaluateBidJson equals `ctip-screen score` byte for byte', () => {
  for (const s of scenarios()) {
    const file = `${ROOT}tests/scenarios/${s.name}.json`;
    const native = nativeScore(file, '2026-03-02');
    const wasm = ctip.evaluateBidJson(s.text, { asOf: '2026-03-02' });
    assert.equal(wasm, native, s.name);
    if (s.value.submittedOn) {
      assert.equal(ctip.evaluateBidJson(s.text), nativeScore(file), `${s.name} (asOf from submittedOn)`);
    }
  }
});

test('the object API gives the same assessment as the JSON API', () => {
  for (const s of scenarios()) {
    const fromObject = JSON.stringify(ctip.evaluateBid(s.value, { asOf: '2026-03-02' }));
    const fromText = JSON.stringify(JSON.parse(ctip.evaluateBidJson(s.text, { asOf: '2026-03-02' })));
    assert.equal(fromObject, fromText, s.name);
  }
});

test('comparisons are identical too', () => {
  const samples = JSON.parse(readFileSync(`${ROOT}www/samples/la-samples.json`, 'utf8'));
  for (const sol of samples.solicitations) {
    const text = JSON.stringify(sol.bids);
    const native = nativeCompare(text);
    assert.equal(JSON.stringify(ctip.compareBids(sol.bids)), JSON.stringify(JSON.parse(native)), sol.id);
  }
});
