// The wasm module in headless Chromium: byte-identical to the native CLI on
// every scenario, and the packed npm tarball installed into a scratch
// project works from a plain page with a <script type="module">.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, watchedPage, ROOT } from './helpers.mjs';
import { installPacked, nativeScore, scenarios } from '../js/helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every scenario: wasm in Chromium equals `ctip-screen score` byte for byte', async () => {
  const { server, url } = await serve();
  after(() => server.close());
  const { page, context, log } = await watchedPage(browser, url);
  await page.goto(url);
  await page.waitForSelector('ctip-risk-panel .ctip-panel');
  const all = scenarios();
  const outputs = await page.evaluate(async (texts) => {
    const c = await import('/pkg/index.js');
    await c.init();
    return texts.map((t) => c.evaluateBidJson(t, { asOf: '2026-03-02' }));
  }, all.map((s) => s.text));
  all.forEach((s, i) => {
    assert.equal(outputs[i], nativeScore(`${ROOT}tests/scenarios/${s.name}.json`, '2026-03-02'), s.name);
  });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the packed tarball works in a scratch project served to Chromium', async () => {
  const { project } = installPacked('site');
  writeFileSync(join(project, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,">
    <link rel="stylesheet" href="node_modules/ctip-screen/ctip-risk-panel.css">
    <script type="module" src="main.js"></script></head><body><main><ctip-risk-panel id="panel"></ctip-risk-panel>
    <p id="out">loading</p></main></body></html>`);
  writeFileSync(join(project, 'main.js'), `
    import { init, evaluateBid, ocdsToBids } from './node_modules/ctip-screen/index.js';
    await init();
    const ocds = await ocdsToBids('{"releases": [{"ocid": "ocds-x-1", "id": "1", "date": "2026-01-01", "tag": ["tender"],'
      + ' "bids": {"details": [{"id": "b1", "tenderers": [{"name": "Acme"}], "value": {"amount": 100, "currency": "USD"}}]}}]}');
    const a = evaluateBid({ id: 'WEB-1', solicitation: { jurisdiction: 'la-city' }, vendor: { name: 'Acme' },
      workforce: { wageRates: [{ role: 'janitor', hourly: 15 }] } }, { asOf: '2026-03-02' });
    document.getElementById('panel').assessment = a;
    document.getElementById('out').textContent = a.tier + ' ' + a.findings[0].rule + ' ' + ocds[0].bids.length;`);
  const { server, url } = await serve({ '/': project });
  after(() => server.close());
  const { page, context, log } = await watchedPage(browser, url);
  await page.goto(url);
  await page.locator('#out').filter({ hasText: 'critical' }).waitFor();
  assert.equal(await page.locator('#out').textContent(), 'critical wage-below-floor 1');
  assert.equal(await page.locator('#panel .ctip-tier-badge').textContent(), 'Critical risk');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.offOrigin, []);
  await context.close();
});
