// The browser half of `make bench`: evaluateBid and the JSON round trip on
// the same object in the same page of headless Chromium (Debian's, driven by
// playwright-core as in the browser tests). Evaluators run the package in a
// browser, whose JSON.stringify can be much faster than Node's, so the ratio
// to the round trip is measured there too. Prints JSON for scripts/bench.sh.
import { launch, serve, ROOT } from '../browser/helpers.mjs';

const browser = await launch();
const { server, url } = await serve({ '/pkg/': `${ROOT}pkg`, '/fixtures/': `${ROOT}tests/fixtures` });
try {
  const page = await browser.newPage();
  await page.goto(`${url}fixtures/typical-bid.json`);
  const figures = await page.evaluate(async (pkg) => {
    const ctip = await import(`${pkg}index.js`);
    await ctip.init();
    const typical = await (await fetch('typical-bid.json')).json();
    const options = { asOf: '2026-03-02' };
    // As in the Node harness: the median over rounds of the mean of a batch,
    // after warm-up. Batches are long enough for the page's coarse clock.
    const measure = (fn, batch = 200, rounds = 31, warmup = 500) => {
      for (let i = 0; i < warmup; i++) fn();
      const samples = [];
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) fn();
        samples.push(((performance.now() - t0) * 1e6) / batch);
      }
      samples.sort((a, b) => a - b);
      return samples[Math.floor(samples.length / 2)];
    };
    let sink = 0;
    const evaluate = measure(() => { sink += ctip.evaluateBid(typical, options).score; });
    const roundtrip = measure(() => { sink += JSON.parse(JSON.stringify(typical)).workforce.headcount; });
    return { evaluate, roundtrip, sink: sink > 0 };
  }, `${url}pkg/`);
  console.log(JSON.stringify({
    chromium_wasm_evaluate_ns: Math.round(figures.evaluate),
    chromium_js_json_roundtrip_ns: Math.round(figures.roundtrip),
    chromium_wasm_over_roundtrip: Number((figures.evaluate / figures.roundtrip).toFixed(2)),
    chromium_version: browser.version(),
    _sink: figures.sink,
  }));
} finally {
  await browser.close();
  server.close();
}
