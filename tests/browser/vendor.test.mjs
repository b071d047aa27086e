// The vendor self-check page (www/vendor.html) in headless Chromium: a
// bidder sees what the evaluator will see and what to do before submitting,
// fixes a finding and sees it go, builds the compliance-plan outline,
// exports its answers, and the evaluator's page gives the same assessment
// from them. Strict CSP, nothing sent off the origin, axe, keyboard, and
// both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertClean, launch, serve, watchedPage, ROOT, SHOTS } from './helpers.mjs';

const ctip = await import(`${ROOT}pkg/index.js`);
await ctip.init();
const samples = JSON.parse(readFileSync(`${ROOT}www/samples/la-samples.json`, 'utf8'));
const start = samples.solicitations[0].bids[1];

let browser, server, url;
before(async () => {
  browser = await launch();
  ({ server, url } = await serve());
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function open(query = '', options) {
  const w = await watchedPage(browser, url, options);
  const response = await w.page.goto(`${url}vendor.html${query}`);
  await w.page.waitForSelector('ctip-risk-panel .ctip-panel');
  return { ...w, response };
}


test('the whole flow: see, fix a finding, build the plan, export, and the evaluator gets the same assessment', async () => {
  const { page, context, log, response } = await open();
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline scripts');
  // What the evaluator will see, written for the vendor.
  const expected = ctip.evaluateBid(start, { audience: 'vendor' });
  assert.equal(await page.locator('ctip-risk-panel .ctip-heading').textContent(), `What the city will see in bid ${start.id}`);
  assert.equal(await page.locator('ctip-risk-panel .ctip-score-value').textContent(), String(expected.score));
  const wage = expected.findings.find((f) => f.rule === 'wage-below-floor');
  assert.ok(wage?.vendorAction);
  const item = page.locator('ctip-risk-panel .ctip-finding[data-rule="wage-below-floor"]');
  assert.match(await item.locator('.ctip-next').textContent(), /^Before you submit: /);
  assert.equal(await item.locator('.ctip-next .ctip-action').textContent(), wage.vendorAction);
  // No verdict anywhere: no pass, no fail.
  assert.doesNotMatch(await page.locator('main').textContent(), /\b(passed|failed|rejected)\b/i);
  await page.screenshot({ path: `${SHOTS}vendor-check.png` });

  // Fix one finding: pay the janitors the floor, and the finding goes.
  await page.fill('[name="workforce.wageRates[0].hourly"]', '30');
  await page.fill('[name="workforce.wageRates[1].hourly"]', '32');
  await item.waitFor({ state: 'detached' });

  // The plan builder: the housing part is missing; answering yes fills the questionnaire.
  await page.selectOption('#plan-housing', 'yes');
  await page.fill('#plan-housing-notes', 'Workers live at home; no housing is provided or arranged.');
  await page.locator('#plan-housing-notes').dispatchEvent('change');
  assert.equal(await page.locator('input[name="compliance.compliancePlan.elements"][value="housing"]').isChecked(), true);
  await page.selectOption('#plan-subcontractor-certifications', 'yes');
  assert.equal(await page.locator('[name="compliance.compliancePlan.subcontractorCertifications"]').inputValue(), 'true');
  const outline = page.locator('#plan-outline');
  assert.match(await outline.textContent(), /FAR 52\.222-50\(h\)\(3\)\(iv\) · Answered yes/);
  assert.match(await outline.textContent(), /Workers live at home/);
  assert.match(await outline.textContent(), /not legal advice/);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await outline.isVisible(), 'the outline prints');
  assert.equal(await page.locator('#bid-form').isVisible(), false, 'the questionnaire does not print');
  await page.screenshot({ path: `${SHOTS}vendor-plan-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Export the answers as a Submission JSON.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-submission')]);
  const saved = `${SHOTS}vendor-submission.json`;
  await download.saveAs(saved);
  const submission = JSON.parse(readFileSync(saved, 'utf8'));
  assert.equal(submission.id, start.id);
  assert.equal(submission.workforce.wageRates[0].hourly, 30);
  assert.ok(submission.compliance.compliancePlan.elements.includes('housing'));
  assert.equal(ctip.validateSubmission(submission).valid, true);
  assertClean(log);

  // Imported on the evaluator's page, it gives the assessment the engine gives it.
  const evaluator = await watchedPage(browser, url);
  await evaluator.page.goto(url);
  await evaluator.page.waitForSelector('ctip-risk-panel .ctip-panel');
  await evaluator.page.setInputFiles('#import-file', { name: 'vendor-submission.json', mimeType: 'application/json', buffer: readFileSync(saved) });
  await evaluator.page.locator('ctip-risk-panel .ctip-heading').filter({ hasText: `Risk indicators for bid ${start.id}` }).waitFor();
  const theirs = ctip.evaluateBid(submission);
  assert.equal(await evaluator.page.locator('ctip-risk-panel .ctip-score-value').textContent(), String(theirs.score));
  assert.equal(await evaluator.page.locator('ctip-risk-panel .ctip-finding[data-rule="wage-below-floor"]').count(), 0);
  assertClean(evaluator.log);
  await evaluator.context.close();
  await context.close();
});

test('in Spanish, by keyboard, with axe: the vendor page passes again', async () => {
  const { page, context, log } = await open('?lang=es');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.match(await page.locator('ctip-risk-panel .ctip-heading').textContent(), /^Lo que la ciudad verá en la oferta /);
  assert.match(await page.locator('ctip-risk-panel .ctip-finding .ctip-next').first().textContent(), /^Antes de presentar la oferta: /);
  assert.match(await page.locator('#plan-outline').textContent(), /no asesoría legal/);
  // A saved bid the browser cannot read is reported in Spanish.
  await page.evaluate(() => {
    File.prototype.text = () => Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError'));
  });
  await page.setInputFiles('#import-file', { name: 'oferta.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await page.locator('#import-status').filter({ hasText: 'oferta.json: no se pudo leer el archivo' }).waitFor();
  // The skip link first, then every control reachable and named.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ir al contenido principal');
  await page.focus('#plan-awareness');
  await page.keyboard.press('ArrowDown');
  const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, button, textarea'))
    .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.textContent?.trim()).length);
  assert.equal(unnamed, 0);
  await page.screenshot({ path: `${SHOTS}vendor-es.png` });
  const axeSource = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  for (const lang of ['es', 'en']) {
    if (lang === 'en') {
      await page.selectOption('#language-select', 'en');
      await page.locator('ctip-risk-panel .ctip-heading').filter({ hasText: 'What the city will see' }).waitFor();
    }
    await page.evaluate(axeSource);
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`), [], lang);
  }
  assertClean(log);
  await context.close();
});

test('on a phone: no sideways scroll', async () => {
  const { page, context, log } = await open('', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await page.screenshot({ path: `${SHOTS}vendor-phone.png` });
  assertClean(log);
  await context.close();
});
