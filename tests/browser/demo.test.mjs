// The demo page in a real browser: loads under the strict CSP, scores every
// sample, re-scores on edit, imports files, renders hostile vendor text as
// text, sends nothing anywhere, passes axe-core, works by keyboard, and
// leaves screenshots under target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertClean, launch, serve, watchedPage, ROOT, SHOTS } from './helpers.mjs';

const ctip = await import(`${ROOT}pkg/index.js`);
await ctip.init();
const samples = JSON.parse(readFileSync(`${ROOT}www/samples/la-samples.json`, 'utf8'));

let browser, server, url;
before(async () => {
  browser = await launch();
  ({ server, url } = await serve());
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function open(options) {
  const w = await watchedPage(browser, url, options);
  const response = await w.page.goto(url);
  await w.page.waitForSelector('ctip-risk-panel .ctip-panel');
  return { ...w, response };
}


test('the page loads under a strict CSP and the engine starts', async () => {
  const { page, context, log, response } = await open();
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const wasm = await page.request.get(`${url}pkg/ctip_screen_wasm_bg.wasm`);
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  assert.match(await page.locator('#engine-status').textContent(), /Engine ready/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline scripts');
  assert.equal(await page.locator('[style]').count(), 0, 'no inline styles');
  await page.screenshot({ path: `${SHOTS}demo-evaluate.png`, fullPage: false });
  assertClean(log);
  await context.close();
});

test('every sample bid shows the tier the engine gives it', async () => {
  const { page, context, log } = await open();
  let checked = 0;
  for (const [si, sol] of samples.solicitations.entries()) {
    await page.selectOption('#solicitation-select', String(si));
    for (const [bi, bid] of sol.bids.entries()) {
      await page.check(`#bid-option-${bi}`);
      const expected = ctip.evaluateBid(bid);
      const badge = page.locator('ctip-risk-panel .ctip-tier-badge');
      await assert.doesNotReject(badge.waitFor());
      assert.equal(await page.locator('ctip-risk-panel .ctip-heading').textContent(), `Risk indicators for bid ${bid.id}`);
      const tierText = { critical: 'Critical risk', high: 'High risk', elevated: 'Elevated risk', low: 'Low risk' }[expected.tier];
      assert.equal(await badge.textContent(), tierText, `${bid.id}`);
      assert.equal(await page.locator('ctip-risk-panel .ctip-score-value').textContent(), String(expected.score), bid.id);
      checked++;
    }
  }
  assert.ok(checked >= 8, `only ${checked} sample bids`);
  assertClean(log);
  await context.close();
});

test('editing a wage below the floor makes the finding appear at once', async () => {
  const { page, context, log } = await open();
  await page.check('#bid-option-0');
  assert.equal(await page.locator('ctip-risk-panel [data-rule="wage-below-floor"]').count(), 0);
  const wage = page.locator('[name="workforce.wageRates[0].hourly"]');
  await wage.fill('12.50');
  const finding = page.locator('ctip-risk-panel [data-rule="wage-below-floor"]');
  await finding.waitFor();
  await finding.locator('summary').click();
  assert.match(await finding.textContent(), /\$12\.50\/h/);
  assert.match(await finding.textContent(), /Next step/);
  assert.equal(await page.locator('ctip-risk-panel .ctip-tier-badge').textContent(), 'Critical risk');
  await page.locator('#evaluate').screenshot({ path: `${SHOTS}demo-wage-edit.png` });
  // invalid input is named next to its field, not scored
  await wage.fill('-3');
  await page.locator('#form-errors').waitFor();
  // Named as the form labels the field, with its path for the record.
  assert.match(await page.locator('#form-errors').textContent(), /Hourly wage \(USD\) \(wage rate 1\): must be >= 0 \(workforce\.wageRates\[0\]\.hourly\)/);
  assert.equal(await wage.getAttribute('aria-invalid'), 'true');
  await wage.fill('21');
  await page.locator('#form-errors').waitFor({ state: 'hidden' });
  assertClean(log);
  await context.close();
});

test('while the bid is edited the panel changes in place: an opened finding stays open; the comparison follows when typing pauses', async () => {
  const { page, context, log } = await open();
  await page.check('#bid-option-0');
  const wage = page.locator('[name="workforce.wageRates[0].hourly"]');
  await wage.fill('12.50');
  const finding = page.locator('ctip-risk-panel [data-rule="wage-below-floor"]');
  await finding.waitFor();
  await finding.locator('summary').click();
  assert.equal(await finding.locator('details').getAttribute('open'), '');
  const before = await finding.elementHandle();
  await wage.fill('12.40');
  await page.waitForFunction(() => /\$12\.40\/h/.test(document.querySelector('ctip-risk-panel [data-rule="wage-below-floor"]')?.textContent ?? ''));
  // The same element, still open, its text updated.
  assert.equal(await page.evaluate((el) => el?.isConnected && el.querySelector('details')?.open, before), true);
  await wage.fill('40');
  await finding.waitFor({ state: 'detached' });
  // The comparison is redrawn once typing pauses, with the new price.
  await page.locator('[name="price.total"]').fill('123457');
  await page.waitForFunction(() => /\$123,457/.test(document.querySelector('#compare tbody')?.textContent ?? ''), undefined, { timeout: 5000 });
  assertClean(log);
  await context.close();
});

test('vendor text is shown as text and runs nothing', async () => {
  const { page, context, log } = await open();
  const hostile = '<img src=x onerror=alert(1)>';
  const bid = structuredClone(samples.solicitations[0].bids[0]);
  bid.id = 'BID-XSS';
  bid.vendor.name = hostile;
  bid.supplyItems = [{ description: '<script>alert(2)</script>', good: 'Garments', countryOfOrigin: 'BD', supplier: hostile }];
  await page.setInputFiles('#import-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bid)) });
  await page.locator('#import-status').filter({ hasText: 'Loaded 1 bid' }).waitFor();
  assert.equal(await page.locator('.bid-vendor').first().textContent(), hostile);
  assert.equal(await page.locator('[name="vendor.name"]').inputValue(), hostile);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('main script').count(), 0);
  await page.waitForTimeout(200);
  assertClean(log);
  await context.close();
});

test('loads an array of bids and a broken file from disk', async () => {
  const { page, context, log } = await open();
  const bids = samples.solicitations[1].bids;
  await page.setInputFiles('#import-file', { name: 'bids.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bids)) });
  await page.locator('#import-status').filter({ hasText: `Loaded ${bids.length} bids` }).waitFor();
  assert.equal(await page.locator('.bid-option').count(), bids.length);
  await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": ') });
  await page.locator('#import-status').filter({ hasText: 'Could not load broken.json' }).waitFor();
  assertClean(log);
  await context.close();
});

test('the policy section names the lists and the stale numbers; a newer goods list and wage floor are used for every score', async () => {
  const { page, context, log } = await open();
  const section = page.locator('#policy');
  await section.locator('.policy-facts').waitFor();
  assert.match(await section.textContent(), /Goods list \(tvpra\)2024 edition, 476 rows, sha256:/);
  // The uniforms bid whose garments come from Bangladesh and India.
  await page.selectOption('#solicitation-select', '2');
  await page.check('#bid-option-0');
  const goods = page.locator('ctip-risk-panel [data-rule="forced-labor-goods"]');
  assert.equal(await goods.count(), 1);
  const csv = 'Country,Good,Child Labor,Forced Labor,Forced Child Labor\nMalaysia,Palm Fruit,X,X,\n';
  await page.setInputFiles('#goods-list-file', { name: 'tvpra-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#policy-status').filter({ hasText: 'Loaded tvpra-2026.csv' }).waitFor();
  assert.match(await section.textContent(), /Goods list \(tvpra\)tvpra-2026 edition, 1 rows/);
  assert.equal(await page.locator('ctip-risk-panel [data-rule="forced-labor-goods"]').count(), 0, 'garments from BD and IN, and gloves from MY, are not on the loaded list');
  await page.setInputFiles('#wage-floors-file', { name: 'floors.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ scope: 'la-city', hourly: 40, effective: '2026-01-01', source: 'test' }])) });
  await page.locator('#policy-status').filter({ hasText: 'Loaded floors.json' }).waitFor();
  assert.equal(await page.locator('ctip-risk-panel [data-rule="wage-below-floor"]').count(), 1);
  await page.setInputFiles('#goods-list-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('good,country,child_labor\nx,Narnia,x\n') });
  await page.locator('#policy-status').filter({ hasText: 'Could not use bad.csv: goodsLists' }).waitFor();
  await page.click('#reset-policy-data');
  await page.locator('#policy-status').filter({ hasText: 'built-in' }).waitFor();
  assert.equal(await page.locator('ctip-risk-panel [data-rule="forced-labor-goods"]').count(), 1);
  await section.screenshot({ path: `${SHOTS}demo-policy.png` });
  assertClean(log);
  await context.close();
});

test('the compare view charts prices and marks the abnormally low bid in words', async () => {
  const { page, context, log } = await open();
  const chart = page.locator('#compare svg.price-chart');
  await chart.waitFor();
  assert.match(await chart.textContent(), /abnormally low/);
  assert.equal(await page.locator('#compare .bar-low').count(), 1);
  // The caption says hatched: the low bar is drawn with the hatch pattern, not only outlined.
  assert.match(await page.locator('#compare .bar-low').evaluate((el) => getComputedStyle(el).fill), /url\(.*#hatch.*\)/);
  // No label is cut at the chart's left edge.
  const lefts = await page.locator('#compare .bar-label').evaluateAll((els) => els.map((el) => /** @type {SVGTextElement} */ (el).getBBox().x));
  assert.ok(lefts.length > 0 && lefts.every((x) => x >= 0), `label left edges ${lefts}`);
  assert.equal(await page.locator('#compare [data-rule="shared-identity"]').count(), 1);
  assert.equal(await page.locator('#compare tbody tr').count(), samples.solicitations[0].bids.length);
  await page.locator('#compare').screenshot({ path: `${SHOTS}demo-compare.png` });
  assertClean(log);
  await context.close();
});

test('download the assessment and print a clean audit record', async () => {
  const { page, context, log } = await open();
  await page.check('#bid-option-1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-assessment')]);
  const saved = `${SHOTS}downloaded-assessment.json`;
  await download.saveAs(saved);
  const assessment = JSON.parse(readFileSync(saved, 'utf8'));
  assert.equal(assessment.submissionId, samples.solicitations[0].bids[1].id);
  assert.match(assessment.policy.digest, /^sha256:[0-9a-f]{64}$/);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const record = page.locator('.print-record');
  assert.ok(await record.isVisible());
  const text = await record.textContent();
  for (const s of ['la-2026', assessment.policy.digest, assessment.asOf, `ctip-screen ${assessment.engineVersion}`]) assert.ok(text.includes(s), s);
  // The findings across bids that concern this bid are part of the record.
  assert.match(text, /Findings across bids.*Abnormally low bid \(high\)/s);
  assert.equal(await page.locator('#bid-form').isVisible(), false);
  await page.screenshot({ path: `${SHOTS}demo-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}demo-print.pdf` });
  assertClean(log);
  await context.close();
});

test('usable by keyboard alone', async () => {
  const { page, context, log } = await open();
  // The skip link is the first stop and moves focus into the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  // Reach the bid radios and change the bid with arrow keys.
  await page.focus('#bid-option-0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'bid-option-1');
  await page.locator('ctip-risk-panel .ctip-heading').filter({ hasText: samples.solicitations[0].bids[1].id }).waitFor();
  // Open a finding's details with the keyboard.
  const summary = page.locator('ctip-risk-panel summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('ctip-risk-panel details').first().getAttribute('open'), '');
  // Every interactive element has an accessible name.
  const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, button'))
    .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.textContent?.trim()).length);
  assert.equal(unnamed, 0);
  assertClean(log);
  await context.close();
});

test('on a 390x844 phone: no sideways scroll, the score at the top on load and while the form is edited, the panel before the form', async () => {
  const { page, context, log } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const bar = page.locator('#score-bar');
  await bar.waitFor();
  const state = () => page.evaluate(() => {
    const box = document.getElementById('score-bar').getBoundingClientRect();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      barTop: box.top,
      barBottom: box.bottom,
      panelBeforeForm: document.getElementById('risk-panel').getBoundingClientRect().top < document.getElementById('bid-form').getBoundingClientRect().top,
    };
  });
  const atLoad = await state();
  assert.ok(atLoad.scrollWidth <= 390, `page is ${atLoad.scrollWidth} px wide`);
  assert.ok(atLoad.barTop >= 0 && atLoad.barBottom <= 844, `score bar at ${atLoad.barTop}-${atLoad.barBottom}`);
  assert.ok(atLoad.panelBeforeForm);
  assert.match(await bar.textContent(), /\d+\/100, (Low|Elevated|High|Critical) risk, \d+ findings?/);
  // Editing a wage far down the form: the bar is still on screen and follows.
  const wage = page.locator('[name="workforce.wageRates[0].hourly"]');
  await wage.scrollIntoViewIfNeeded();
  await wage.fill('12.40');
  await page.waitForFunction(() => /Critical risk/.test(document.getElementById('score-bar')?.textContent ?? ''));
  const editing = await state();
  assert.ok(editing.barTop >= 0 && editing.barTop < 5, `score bar at ${editing.barTop} while editing`);
  assert.ok(editing.scrollWidth <= 390, `page is ${editing.scrollWidth} px wide while editing`);
  await page.screenshot({ path: `${SHOTS}demo-phone-editing.png` });
  // The compare view fits too.
  await page.locator('#compare').scrollIntoViewIfNeeded();
  assert.ok((await state()).scrollWidth <= 390);
  await page.locator('#compare').screenshot({ path: `${SHOTS}demo-phone-compare.png` });
  assertClean(log);
  await context.close();
});

test('axe-core finds no serious or critical violations', async () => {
  const { page, context, log } = await open();
  const axeSource = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  // Injected over the DevTools protocol, so the page's CSP stays as served.
  await page.evaluate(axeSource);
  for (const [si, bi] of [[0, 0], [0, 1], [1, 1]]) {
    await page.selectOption('#solicitation-select', String(si));
    await page.check(`#bid-option-${bi}`);
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`), [], `solicitation ${si} bid ${bi}`);
  }
  assertClean(log);
  await context.close();
});

test('loads an OCDS release package and JSON Lines from disk', async () => {
  const { page, context, log } = await open();
  for (const [file, processes] of [['release-package.json', 2], ['releases.jsonl', 1]]) {
    await page.setInputFiles('#import-file', `${ROOT}tests/ocds/${file}`);
    await page.locator('#import-status').filter({ hasText: `Loaded ${processes} contracting process` }).waitFor();
  }
  // the JSON Lines file's process without bids is reported, not dropped
  assert.match(await page.locator('#import-status').textContent(), /Not read: 1 \(ocds-la0001-RFP-2026-100: no bids/);
  assert.equal(await page.locator('.bid-option').count(), 5);
  assert.equal(await page.locator('#compare [data-rule="abnormally-low-bid"]').count(), 1);
  // Cross-bid findings are titled as the catalogue titles them, the id kept for the record.
  assert.match(await page.locator('#compare [data-rule="abnormally-low-bid"]').textContent(), /Abnormally low bid — .*Rule: abnormally-low-bid/s);
  assertClean(log);
  await context.close();
});

test('in Spanish: the switch changes every text, lang and the scores\' words; axe and the keyboard pass again', async () => {
  const { page, context, log } = await open();
  const bid = samples.solicitations[0].bids[0];
  const axeSource = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  await page.evaluate(axeSource);
  // By keyboard: the language switch is a labelled select in the header.
  await page.focus('#language-select');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.locator('label[for="language-select"]').textContent(), 'Idioma');
  assert.equal(await page.locator('.skip-link').textContent(), 'Ir al contenido principal');
  assert.match(await page.locator('#engine-status').textContent(), /^Motor listo/);
  assert.match(new URL(page.url()).search, /lang=es/);
  // The panel: its own words, and the engine's texts in Spanish, with lang set.
  await page.locator('ctip-risk-panel .ctip-heading').filter({ hasText: 'Indicadores de riesgo de la oferta' }).waitFor();
  const expected = ctip.evaluateBid(bid, { locale: 'es' });
  assert.equal(await page.locator('ctip-risk-panel .ctip-panel').getAttribute('lang'), 'es');
  const tierText = { critical: 'Riesgo crítico', high: 'Riesgo alto', elevated: 'Riesgo elevado', low: 'Riesgo bajo' }[expected.tier];
  assert.equal(await page.locator('ctip-risk-panel .ctip-tier-badge').textContent(), tierText);
  if (expected.findings[0]) {
    assert.equal(await page.locator('ctip-risk-panel .ctip-finding .ctip-title').first().textContent(), expected.findings[0].title);
  }
  // The questionnaire, the compare view and the policy section follow.
  assert.equal(await page.locator('label', { hasText: 'Nombre legal' }).count(), 1);
  assert.match(await page.locator('#compare-body').textContent(), /ofertas · la más baja/);
  assert.match(await page.locator('#policy-summary').textContent(), /Política de evaluación/);
  // Editing still re-scores, in Spanish.
  await page.fill('[name="workforce.wageRates[0].hourly"]', '12.40');
  await page.locator('ctip-risk-panel .ctip-title', { hasText: 'Salario por debajo del salario mínimo aplicable' }).waitFor();
  await page.screenshot({ path: `${SHOTS}demo-es.png`, fullPage: false });
  // axe, with every finding open, in Spanish.
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`), []);
  // Every interactive element still has an accessible name.
  const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, button'))
    .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.textContent?.trim()).length);
  assert.equal(unnamed, 0);
  // And back to English.
  await page.selectOption('#language-select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('ctip-risk-panel .ctip-heading').filter({ hasText: 'Risk indicators for bid' }).waitFor();
  assertClean(log);
  await context.close();
});

test('?lang=es opens the page in Spanish', async () => {
  const w = await watchedPage(browser, url);
  await w.page.goto(`${url}?lang=es`);
  await w.page.waitForSelector('ctip-risk-panel .ctip-panel');
  assert.equal(await w.page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await w.page.locator('h1').textContent(), 'Evaluación del riesgo de trata laboral');
  assert.match(await w.page.locator('ctip-risk-panel .ctip-heading').textContent(), /^Indicadores de riesgo de la oferta /);
  // The policy's own texts (its changelog, FAR edition and sources) come
  // from its translations.es.
  const policyText = await w.page.locator('#policy-summary').textContent();
  assert.match(policyText, /La FAR codificada hasta la FAC 2025-06/);
  assert.match(policyText, /Los textos propios de la política de evaluación/);
  assert.doesNotMatch(policyText, /The policy's own texts|as codified through/);
  const checkText = await w.page.locator('#policy-check').textContent();
  assert.match(checkText, /según Econostrum/);
  assert.doesNotMatch(checkText, /as reported by/);
  // The file pickers speak the page's language (the browser's own button
  // speaks its interface's), and the real input still takes the click.
  const picker = w.page.locator('#import-file + .file-button');
  assert.equal(await picker.textContent(), 'Elegir un archivo…');
  const [chooser] = await Promise.all([w.page.waitForEvent('filechooser'), picker.click({ force: true })]);
  assert.equal(await chooser.element().getAttribute('id'), 'import-file');
  // A file the browser cannot read (as File.text() fails for a file moved
  // since it was chosen) is reported in Spanish, not in the browser's English.
  await w.page.evaluate(() => {
    File.prototype.text = () => Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError'));
  });
  await w.page.setInputFiles('#import-file', { name: 'movida.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await w.page.locator('#import-status').filter({ hasText: 'No se pudo leer movida.json: no se pudo leer el archivo' }).waitFor();
  assert.doesNotMatch(await w.page.locator('#import-status').textContent(), /requested|permission/);
  assertClean(w.log);
  await w.context.close();
});
