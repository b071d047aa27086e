// Merges criterion's estimates and the wasm harnesses' figures (Node and
// headless Chromium) into target/bench/results.json and prints the table for
// the README.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const read = (p) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const median = (name) => {
  const file = `target/bench-build/criterion/${name}/new/estimates.json`;
  return existsSync(new URL(file, root)) ? read(file).median.point_estimate : null;
};

const wasm = read('target/bench/wasm.json');
delete wasm._sink;
const chromium = existsSync(new URL('target/bench/chromium.json', root)) ? read('target/bench/chromium.json') : {};
delete chromium._sink;
const nativeEvaluate = median('native_evaluate');
const nativeEndToEnd = median('native_end_to_end');
const nativeCompare = median('compare/native_compare_1000');
const ocds = median('ocds/native_ocds_jsonl');
const ocdsReal = median('ocds/native_ocds_ted_100k');
const parseLimit = median('ocds/parse_limit_jsonl');
const parseLimitReal = median('ocds/parse_limit_ted_100k');
const parseTree = median('ocds/parse_tree_jsonl');
const parseTreeReal = median('ocds/parse_tree_ted_100k');
const ocdsRealReleases = existsSync(new URL('target/bench/ocds-real-releases.txt', root)) ? Number(readFileSync(new URL('target/bench/ocds-real-releases.txt', root), 'utf8')) : null;
const ocdsReleases = existsSync(new URL('target/bench/ocds-releases.txt', root)) ? Number(readFileSync(new URL('target/bench/ocds-releases.txt', root), 'utf8')) : null;
const results = {
  native_evaluate_ns: nativeEvaluate && Math.round(nativeEvaluate),
  native_end_to_end_ns: nativeEndToEnd && Math.round(nativeEndToEnd),
  ...wasm,
  native_compare_1000_ms: nativeCompare && Number((nativeCompare / 1e6).toFixed(1)),
  ocds_releases_per_s: ocds && ocdsReleases ? Math.round(ocdsReleases / (ocds / 1e9)) : null,
  ocds_ted_releases_per_s: ocdsReal && ocdsRealReleases ? Math.round(ocdsRealReleases / (ocdsReal / 1e9)) : null,
  // Screening against serde_json merely parsing the same lines on as many threads.
  ocds_over_parse_limit: ocds && parseLimit ? Number((parseLimit / ocds).toFixed(2)) : null,
  ocds_ted_over_parse_limit: ocdsReal && parseLimitReal ? Number((parseLimitReal / ocdsReal).toFixed(2)) : null,
  // Parsing alone into the crate's value tree, the first step of screening,
  // over the same limit: the most screening could reach with this parser.
  ocds_parse_tree_over_parse_limit: parseTree && parseLimit ? Number((parseLimit / parseTree).toFixed(2)) : null,
  ocds_ted_parse_tree_over_parse_limit: parseTreeReal && parseLimitReal ? Number((parseLimitReal / parseTreeReal).toFixed(2)) : null,
  wasm_rust_over_native: wasm.wasm_rust_ns && nativeEndToEnd ? Number((wasm.wasm_rust_ns / nativeEndToEnd).toFixed(2)) : null,
  compare_wasm_over_native: wasm.compare_1000_ms && nativeCompare ? Number((wasm.compare_1000_ms / (nativeCompare / 1e6)).toFixed(2)) : null,
  ...chromium,
};
// The largest inputs the limits allow: each one's time per item as a
// multiple of the typical bid's time per item (end to end), in this run.
const limitItems = existsSync(new URL('target/bench/limits.json', root)) ? read('target/bench/limits.json') : {};
const perTypicalItem = nativeEndToEnd && limitItems.typical_items ? nativeEndToEnd / limitItems.typical_items : null;
for (const name of ['native_max_bid', 'native_watchlist_100k', 'native_compare_10k', 'native_ocds_10k_bids_200k_parties']) {
  const t = median(`limits/${name}`);
  if (t === null || !limitItems[name]) continue;
  results[`limits_${name}_ms`] = Number((t / 1e6).toFixed(1));
  if (perTypicalItem) results[`limits_${name}_per_item_x`] = Number((t / limitItems[name] / perTypicalItem).toFixed(2));
}
writeFileSync(new URL('target/bench/results.json', root), JSON.stringify(results, null, 2) + '\n');

// Budgets (issue "One-way layers ..."): every speed goal is a ratio to a
// baseline measured in the same run, because absolute times move threefold
// between machines of one kind; the module size is a regression guard.
const goals = {
  wasm_gzip_bytes: ['<= 200 KB', (v) => v <= 200 * 1024],
  wasm_rust_over_native: ['<= 1.7x', (v) => v <= 1.7],
  wasm_over_roundtrip: ['<= 3x', (v) => v <= 3],
  chromium_wasm_over_roundtrip: ['<= 3x', (v) => v <= 3],
  compare_wasm_over_native: ['<= 3x', (v) => v <= 3],
  ocds_over_parse_limit: ['>= 0.5', (v) => v >= 0.5],
  ocds_ted_over_parse_limit: ['>= 0.5', (v) => v >= 0.5],
  chromium_keystroke_p95_ms: ['< 16 ms (one frame)', (v) => v < 16],
  limits_native_max_bid_per_item_x: ['<= 100x', (v) => v <= 100],
  limits_native_watchlist_100k_per_item_x: ['<= 100x', (v) => v <= 100],
  limits_native_compare_10k_per_item_x: ['<= 100x', (v) => v <= 100],
  limits_native_ocds_10k_bids_200k_parties_per_item_x: ['<= 100x', (v) => v <= 100],
};
console.log('\n| figure | value | goal | met |\n|---|---:|---|---|');
for (const [key, value] of Object.entries(results)) {
  const [goal, ok] = goals[key] ?? ['', null];
  const shown = typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
  console.log(`| ${key} | ${shown} | ${goal} | ${ok ? (value === null ? '?' : ok(value) ? 'yes' : 'NO') : ''} |`);
}
console.log('\nwritten: target/bench/results.json');
