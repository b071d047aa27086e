// The Node half of `make bench`: times the wasm package against plain
// JavaScript on the same objects in the same run, and measures its size and
// start-up. Prints JSON for scripts/bench.sh to merge with criterion's figures.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../../', import.meta.url);
const PKG = new URL('pkg/', ROOT);
const ctip = await import(new URL('index.js', PKG).href);
await ctip.init();

const typical = JSON.parse(readFileSync(new URL('tests/fixtures/typical-bid.json', ROOT), 'utf8'));
const options = { asOf: '2026-03-02' };

/** Median over `rounds` of the mean time of `batch` calls, in ns, after warm-up. */
function measure(fn, { batch = 200, rounds = 31, warmup = 500 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

let sink = 0;
const wasmEvaluate = measure(() => { sink += ctip.evaluateBid(typical, options).score; });
const roundtrip = measure(() => { sink += JSON.parse(JSON.stringify(typical)).workforce.headcount; });
// The ratio from batches of each taken in turn (the median of 31 ratios of
// neighbouring batches), so that the host's load changing between the two
// measurements above does not skew it.
const pairedRatio = (() => {
  const ratios = [];
  for (let r = 0; r < 31; r++) {
    let t0 = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) sink += ctip.evaluateBid(typical, options).score;
    const e = Number(process.hrtime.bigint() - t0);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) sink += JSON.parse(JSON.stringify(typical)).workforce.headcount;
    ratios.push(e / Number(process.hrtime.bigint() - t0));
  }
  ratios.sort((a, b) => a - b);
  return ratios[15];
})();
const wasmJson = measure(() => { sink += ctip.evaluateBidJson(JSON.stringify(typical), options).length; });

// The Rust part alone: the module's own export on the JSON text the shim
// left in its input buffer (kept between calls: no encoding on the way in),
// less the decoding of the result string on the way out, which is the
// JavaScript side of the boundary.
const glue = await import(new URL('ctip_screen_wasm.js', PKG).href);
const optionsText = JSON.stringify(options);
const inputBytes = new TextEncoder().encode(JSON.stringify(typical)).length;
ctip.evaluateBid(typical, options);
const resultText = glue.evaluateInput(inputBytes, optionsText);
if (JSON.parse(resultText).score !== ctip.evaluateBid(typical, options).score) throw new Error('bench: the input buffer does not hold the typical bid');
const resultBytes = new TextEncoder().encode(resultText);
const decoder = new TextDecoder();
const exportOnly = measure(() => { sink += glue.evaluateInput(inputBytes, optionsText).length; });
const decodeOnly = measure(() => { sink += decoder.decode(resultBytes).length; });

const bids = Array.from({ length: 1000 }, (_, i) => {
  const b = structuredClone(typical);
  b.id = `BID-${i}`;
  b.vendor.name = `Vendor ${i}`;
  b.vendor.identifiers = { uei: `UEI${String(i).padStart(9, '0')}` };
  b.vendor.contact = { email: `bids${i}@example.com` };
  b.vendor.principals = [`Person ${i}`];
  b.vendor.address.street = `${i} Main St`;
  b.price.total = 900000 + ((i * 37) % 200000);
  return b;
});
const compare1000 = measure(() => { sink += ctip.compareBids(bids, options).assessments.length; }, { batch: 1, rounds: 9, warmup: 2 }) / 1e6;

// init() in a fresh process each time: module read, compile, instantiate.
const initScript = `
  const t0 = performance.now();
  const c = await import(${JSON.stringify(new URL('index.js', PKG).href)});
  await c.init();
  console.log(performance.now() - t0);`;
const inits = Array.from({ length: 9 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', initScript], { encoding: 'utf8' })));
inits.sort((a, b) => a - b);

const wasmBytes = readFileSync(new URL('ctip_screen_wasm_bg.wasm', PKG));
// The OCDS import module, fetched only when ocdsToBids is first called.
const ocdsBytes = readFileSync(new URL('ctip_screen_ocds_bg.wasm', PKG));
// The engine module built without its Spanish texts (scripts/bench.sh), to
// weigh them; absent when this harness runs on its own.
const englishOnly = new URL('../../target/bench/english-only/ctip_screen_wasm_bg.wasm', import.meta.url);
const englishGzip = existsSync(englishOnly) ? gzipSync(readFileSync(englishOnly), { level: 9 }).length : null;
const wasmGzip = gzipSync(wasmBytes, { level: 9 }).length;
console.log(JSON.stringify({
  wasm_evaluate_ns: Math.round(wasmEvaluate),
  wasm_evaluate_json_ns: Math.round(wasmJson),
  wasm_rust_ns: Math.round(exportOnly - decodeOnly),
  js_json_roundtrip_ns: Math.round(roundtrip),
  wasm_over_roundtrip: Number(pairedRatio.toFixed(2)),
  compare_1000_ms: Number(compare1000.toFixed(1)),
  wasm_bytes: wasmBytes.length,
  wasm_gzip_bytes: wasmGzip,
  wasm_english_only_gzip_bytes: englishGzip,
  spanish_texts_gzip_bytes: englishGzip === null ? null : wasmGzip - englishGzip,
  ocds_wasm_bytes: ocdsBytes.length,
  ocds_wasm_gzip_bytes: gzipSync(ocdsBytes, { level: 9 }).length,
  init_ms_node: Number(inits[Math.floor(inits.length / 2)].toFixed(1)),
  _sink: sink > 0,
}));
