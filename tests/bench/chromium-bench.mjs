// The browser half of `make bench`: evaluateBid and the JSON round trip on
// the same object in the same page of headless Chromium (Debian's, driven by
// playwright-core as in the browser tests). Evaluators run the package in a
// browser, whose JSON.stringify can be much faster than Node's, so the ratio
// to the round trip is measured there too. Prints JSON for scripts/bench.sh.
import { launch, serve, ROOT } from '../browser/helpers.mjs';

const browser = await launch();
const { server, url } = await serve({ '/pkg/': `${ROOT}pkg`, '/fixtures/': `${ROOT}tests/fixtures`, '/': `${ROOT}www` });
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
    const evaluateOnce = () => { sink += ctip.evaluateBid(typical, options).score; };
    const roundtripOnce = () => { sink += JSON.parse(JSON.stringify(typical)).workforce.headcount; };
    const evaluate = measure(evaluateOnce);
    const roundtrip = measure(roundtripOnce);
    // The ratio from batches of each taken in turn, so that a change in
    // the host's load between the two measurements above does not skew it:
    // the median of the 31 ratios of neighbouring batches.
    const ratios = [];
    for (let r = 0; r < 31; r++) {
      let t0 = performance.now();
      for (let i = 0; i < 200; i++) evaluateOnce();
      const e = performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < 200; i++) roundtripOnce();
      ratios.push(e / (performance.now() - t0));
    }
    ratios.sort((a, b) => a - b);
    return { evaluate, roundtrip, ratio: ratios[15], sink: sink > 0 };
  }, `${url}pkg/`);
  // Keystroke to repainted risk panel on the demo page: one wage field
  // edited 200 times. For each edit, the page's own work in the frame that
  // re-scores: from the start of that frame's callbacks (one registered
  // before the edit, so it runs first) to the end of a forced layout after
  // the page's re-score. Also, as first defined, from the frame's timestamp
  // (the argument of requestAnimationFrame's callback) to the same end, and
  // the same for a frame with no edit: headless Chromium starts running a
  // frame's callbacks 9 ms (median) to 17 ms (p95) after that timestamp on
  // an idle page, which no page can shorten.
  const demo = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await demo.goto(url);
  await demo.locator('ctip-risk-panel .ctip-tier-badge').waitFor();
  await demo.check('#bid-option-0');
  const keystrokes = await demo.evaluate(async () => {
    const field = /** @type {HTMLInputElement} */ (document.querySelector('[name="workforce.wageRates[0].hourly"]'));
    const run = async (edit) => {
      const work = [];
      const fromFrame = [];
      for (let i = 0; i < 200; i++) {
        let start = 0;
        requestAnimationFrame(() => { start = performance.now(); });
        if (edit) {
          field.value = (14 + (i % 12) + i / 1000).toFixed(3);
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }
        // Registered after the page's own frame callback, so it runs after
        // the re-score in the same frame.
        await new Promise((resolve) => requestAnimationFrame((frameStart) => {
          void document.body.offsetHeight;
          const end = performance.now();
          work.push(end - start);
          fromFrame.push(end - frameStart);
          resolve(undefined);
        }));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const at = (a, q) => a.sort((x, y) => x - y)[Math.floor(a.length * q)] ?? NaN;
      return { median: at(work, 0.5), p95: at(work, 0.95), fromFrameMedian: at(fromFrame, 0.5), fromFrameP95: at(fromFrame, 0.95) };
    };
    const edits = await run(true);
    const idle = await run(false);
    return { edits, idle };
  });
  await demo.close();
  console.log(JSON.stringify({
    chromium_keystroke_median_ms: Number(keystrokes.edits.median.toFixed(1)),
    chromium_keystroke_p95_ms: Number(keystrokes.edits.p95.toFixed(1)),
    chromium_keystroke_from_frame_p95_ms: Number(keystrokes.edits.fromFrameP95.toFixed(1)),
    chromium_idle_frame_from_frame_p95_ms: Number(keystrokes.idle.fromFrameP95.toFixed(1)),
    chromium_wasm_evaluate_ns: Math.round(figures.evaluate),
    chromium_js_json_roundtrip_ns: Math.round(figures.roundtrip),
    chromium_wasm_over_roundtrip: Number(figures.ratio.toFixed(2)),
    chromium_version: browser.version(),
    _sink: figures.sink,
  }));
} finally {
  await browser.close();
  server.close();
}
