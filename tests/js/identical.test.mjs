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

test('in Spanish too: every scenario, wasm equals `ctip-screen score --lang es` byte for byte', () => {
  for (const s of scenarios()) {
    const file = `${ROOT}tests/scenarios/${s.name}.json`;
    const native = nativeScore(file, '2026-03-02', 'es-US');
    const wasm = ctip.evaluateBidJson(s.text, { asOf: '2026-03-02', locale: 'es-US' });
    assert.equal(wasm, native, s.name);
    assert.equal(JSON.parse(wasm).locale, 'es', s.name);
  }
  const samples = JSON.parse(readFileSync(`${ROOT}www/samples/la-samples.json`, 'utf8'));
  for (const sol of samples.solicitations) {
    const native = nativeCompare(JSON.stringify(sol.bids), 'es');
    assert.equal(JSON.stringify(ctip.compareBids(sol.bids, { locale: 'es' })), JSON.stringify(JSON.parse(native)), sol.id);
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

test('randomly varied bids: wasm and native agree byte for byte', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/ctip-diff-`);
  // A small seeded generator, so a failure can be replayed.
  let seed = 20261129;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (items) => items[Math.floor(rand() * items.length)];
  const base = scenarios().filter((s) => s.value.workforce);
  let compared = 0;
  for (let n = 0; n < 60; n++) {
    const bid = structuredClone(pick(base).value);
    bid.id = `DIFF-${n}`;
    // Odd decimals exercise number formatting; deletions exercise gaps.
    for (const rate of bid.workforce.wageRates ?? []) rate.hourly = Math.round(rand() * 4000) / 100 + rand() / 1000;
    if (rand() < 0.5) bid.workforce.temporaryShare = Math.round(rand() * 1000) / 1000;
    if (rand() < 0.3) bid.workforce.maxWeeklyHours = 40 + rand() * 50;
    if (rand() < 0.3) delete bid.compliance;
    if (rand() < 0.3) delete bid.subcontractors;
    if (rand() < 0.3) bid.price = { total: 1e5 + rand() * 2e6, laborCost: rand() * 1e5, laborHours: 1 + rand() * 5e4 };
    if (rand() < 0.2) bid.vendor.name = `${bid.vendor.name} ü "quoted" \\ ${n}`;
    const file = `${dir}/bid-${n}.json`;
    writeFileSync(file, JSON.stringify(bid));
    const native = nativeScore(file, '2026-07-15');
    const wasm = ctip.evaluateBidJson(JSON.stringify(bid), { asOf: '2026-07-15' });
    assert.equal(wasm, native, `bid ${n}: ${JSON.stringify(bid).slice(0, 200)}`);
    compared++;
  }
  assert.equal(compared, 60);
});
