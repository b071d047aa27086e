// fromForm on real HTML forms in Chromium, as a portal's form is: repeated
// rows by container, checkboxes shown and not shown, and the panel mounted
// before init() (neither needs the WebAssembly module).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, watchedPage } from './helpers.mjs';

let browser;
let server;
let url;
before(async () => {
  browser = await launch();
  ({ server, url } = await serve());
});
after(async () => {
  await browser?.close();
  server?.close();
});

const FORM = `
  <form id="bid">
    <input name="vendor" value="Acme LLC">
    <input type="checkbox" name="broker">
    <input type="checkbox" name="langs" value="en" data-ctip-type="list">
    <input type="checkbox" name="langs" value="es" data-ctip-type="list">
    <div class="wage-row"><input name="role" value="janitor"><input name="hourly" type="number" value="16.5">
      <input type="checkbox" name="overtime" checked></div>
    <div class="wage-row"><input name="role" value=""><input name="hourly" type="number" value="">
      <input type="checkbox" name="overtime"></div>
    <div class="wage-row"><input name="role" value="supervisor"><input name="hourly" type="number" value="21">
      <input type="checkbox" name="overtime"></div>
  </form>`;

/** Runs `body` in a page with FORM, the package imported as `c` (not initialized). */
async function inPage(body) {
  const { page, context, log } = await watchedPage(browser, url);
  await page.goto(`${url}pkg/package.json`);
  await page.setContent(`<!doctype html><html lang="en"><head><title>form</title></head><body>${FORM}<div id="panel"></div></body></html>`);
  const result = await page.evaluate(`(async () => { const c = await import('${url}pkg/index.js'); ${body} })()`);
  await context.close();
  return { result, log };
}

test('rows by container: one row per container, empty rows left out, checkboxes in rows read', async () => {
  const { result } = await inPage(`
    const bid = c.fromForm(document.getElementById('bid'), {
      vendor: 'vendor.name',
      role: { path: 'workforce.wageRates[].role', rows: '.wage-row' },
      hourly: { path: 'workforce.wageRates[].hourly', rows: '.wage-row' },
    });
    return bid;`);
  assert.deepEqual(result, {
    vendor: { name: 'Acme LLC' },
    workforce: { wageRates: [{ role: 'janitor', hourly: 16.5 }, { role: 'supervisor', hourly: 21 }] },
  });
});

test('a checkbox the form shows is an answer (unticked is false, none ticked is []); one it lacks is not given', async () => {
  const { result } = await inPage(`
    const form = document.getElementById('bid');
    const shown = c.fromForm(form, { vendor: 'vendor.name', broker: 'vendor.laborBroker', langs: 'workforce.languages' });
    const missing = c.fromForm(form, { vendor: 'vendor.name', nosuchbox: { path: 'vendor.laborBroker', type: 'boolean' } });
    form.querySelector('[name=broker]').checked = true;
    form.querySelector('[name=langs][value=es]').checked = true;
    const ticked = c.fromForm(form, { broker: 'vendor.laborBroker', langs: 'workforce.languages' });
    // FormData cannot tell an unticked box from a missing one: left out.
    const data = new FormData(form);
    data.delete('broker');
    const viaData = c.fromForm(data, { broker: { path: 'vendor.laborBroker', type: 'boolean' } });
    return { shown, missing, ticked, viaData };`);
  assert.deepEqual(result.shown, { vendor: { name: 'Acme LLC', laborBroker: false }, workforce: { languages: [] } });
  assert.deepEqual(result.missing, { vendor: { name: 'Acme LLC' } });
  assert.deepEqual(result.ticked, { vendor: { laborBroker: true }, workforce: { languages: ['es'] } });
  assert.deepEqual(result.viaData, {});
});

test('repeated fields mapped to one value, and checkboxes in rows without containers, are refused by name', async () => {
  const { result } = await inPage(`
    const form = document.getElementById('bid');
    const errors = [];
    for (const mapping of [
      { role: 'workforce.wageRates[0].role' },
      { overtime: 'workforce.wageRates[].overtime' },
    ]) {
      try { c.fromForm(form, mapping); errors.push('accepted'); } catch (e) { errors.push(e.message); }
    }
    return errors;`);
  assert.match(result[0], /'role' has 3 values but its path 'workforce\.wageRates\[0\]\.role' holds one/);
  assert.match(result[1], /checkboxes in repeated rows \('overtime'\) need rows/);
});

test('the panel mounts before init(), from an assessment saved earlier', async () => {
  const { result, log } = await inPage(`
    const saved = { submissionId: 'B-1', score: 40, tier: 'elevated', reviewRequired: false, completeness: 1,
      asOf: '2026-03-02', engineVersion: '0.1.0', gaps: [],
      policy: { id: 'la-2026', version: '2026.2', digest: 'sha256:00', lists: [] },
      findings: [{ rule: 'wage-below-floor', severity: 'critical', points: 40, title: 'Wage below the legal floor',
        message: 'A wage is below the floor.', evidence: [], citations: ['Cal. Lab. Code 1182.12'], action: 'Ask.' }] };
    c.mountRiskPanel(document.getElementById('panel'), saved);
    return document.getElementById('panel').textContent;`);
  assert.match(result, /Wage below the legal floor/);
  assert.deepEqual(log.errors, []);
});

const SAVED = `{ submissionId: 'B-1', score: 50, tier: 'high', reviewRequired: true, completeness: 1,
  asOf: '2026-03-02', engineVersion: '0.1.0', gaps: [{ rule: 'excessive-hours', paths: ['workforce.maxWeeklyHours'], message: 'Ask.' }],
  policy: { id: 'la-2026', version: '2026.2', digest: 'sha256:00', lists: [] },
  findings: [
    { rule: 'labor-cost-implausible', severity: 'high', points: 20, title: 'Labor cost too low', message: 'HIGH-MESSAGE',
      evidence: [{ path: 'workforce.wageRates[1].hourly', value: 16.5 }, { path: 'workforce.temporaryShare', value: 0.6 }],
      citations: ['Cal. Lab. Code 2810'], action: 'HIGH-ACTION' },
    { rule: 'event-window', severity: 'medium', points: 10, title: 'Event window', message: 'MEDIUM-MESSAGE',
      evidence: [], citations: ['x'], action: 'MEDIUM-ACTION' }] }`;

test('the panel: high findings show what and what next without a click, the tier says why, evidence reads as the form labels it', async () => {
  const { result } = await inPage(`
    const panel = document.createElement('ctip-risk-panel');
    document.body.append(panel);
    const renders = [];
    panel.addEventListener('ctip-render', (e) => renders.push(e.detail.summary));
    const toggles = [];
    panel.addEventListener('ctip-finding-toggle', (e) => toggles.push(e.detail));
    panel.tiers = { high: 50, elevated: 20 };
    panel.labels = { 'workforce.wageRates[].hourly': 'Hourly wage' };
    panel.assessment = ${SAVED};
    const visible = (sel) => { const n = panel.querySelector(sel); return !!n && n.checkVisibility(); };
    const shown = {
      highMessage: visible('[data-rule="labor-cost-implausible"] .ctip-message'),
      highAction: visible('[data-rule="labor-cost-implausible"] .ctip-next'),
      mediumMessage: visible('[data-rule="event-window"] .ctip-message'),
    };
    const details = panel.querySelector('[data-rule="event-window"] details');
    details.open = true;
    await new Promise((r) => setTimeout(r, 50));
    panel.setAttribute('open-findings', '');
    const allOpen = [...panel.querySelectorAll('details')].every((d) => d.open);
    return { shown, allOpen, renders, toggles, summary: panel.summary, text: panel.textContent,
      order: [...panel.querySelector('.ctip-panel').children].map((c) => c.className) };`);
  assert.deepEqual(result.shown, { highMessage: true, highAction: true, mediumMessage: false });
  assert.equal(result.allOpen, true);
  assert.match(result.text, /High risk: 50 points, 50 or more\./);
  assert.match(result.text, /Hourly wage \(wage rate 2\): 16\.50 \(workforce\.wageRates\[1\]\.hourly\)/);
  assert.match(result.text, /Temporary share: 60%/);
  assert.match(result.text, /Longest scheduled week \(hours\) \(workforce\.maxWeeklyHours\)/);
  assert.deepEqual(result.toggles[0], { rule: 'event-window', open: true });
  assert.ok(result.renders.length >= 2);
  assert.equal(result.summary, 'Bid B-1: score 50 of 100, high risk, review required; 2 findings (1 high), 1 rule lacking information.');
  // The record (date, policy, digest, engine) comes after the findings.
  assert.equal(result.order.at(-1), 'ctip-record');
});

test('printed with the package stylesheet alone, every finding is open', async () => {
  const { page, context } = await watchedPage(browser, url);
  await page.goto(`${url}pkg/package.json`);
  await page.setContent(`<!doctype html><html lang="en"><head><title>print</title>
    <link rel="stylesheet" href="${url}pkg/ctip-risk-panel.css"></head><body><div id="panel"></div></body></html>`);
  await page.evaluate(`(async () => { const c = await import('${url}pkg/index.js'); c.mountRiskPanel(document.getElementById('panel'), ${SAVED}); })()`);
  const visible = () => page.evaluate(() => document.querySelector('[data-rule="event-window"] .ctip-message').checkVisibility());
  assert.equal(await visible(), false, 'closed on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await visible(), true, 'open in print');
  await context.close();
});

