// The demo page: an evaluator's workspace in a mock city portal. Everything
// runs in this page; nothing is sent anywhere. Vendor text is only ever set
// with textContent or as form values, never as markup.

import * as ctip from '/pkg/index.js';
import { WORDS, formatDate } from '/pkg/panel.js';
import { buildQuestionnaire } from './questionnaire.js';
import { downloadJson, el, parseJson } from './dom.js';
import { priceChart } from './chart.js';
import { LANGUAGES, applyWords, fileError, initialLanguage, language, languageOf, PAGE, rememberLanguage, setLanguage, t } from './i18n.js';

/**
 * A date as the page's language writes it ("7 de diciembre de 2026" in
 * Spanish), as the panel does.
 * @param {string} iso
 */
const dateText = (iso) => formatDate(iso, language());

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('bid-form'));
const panel = /** @type {any} */ ($('risk-panel'));
const solicitationSelect = /** @type {HTMLSelectElement} */ ($('solicitation-select'));

/** @type {{ id: string, title: string, agency?: string, bids: any[] }[]} */
let solicitations = [];
let current = { solicitation: 0, bid: 0 };
/** @type {any} */
let lastAssessment = null;
/**
 * Options for every score on the page: a newer goods list or wage floors the
 * evaluator loaded (the policy section).
 * @type {{ goodsLists?: { csv: string, edition: string }[], wageFloors?: any[], locale?: string }}
 */
let options = {};
let announceTimer = 0;
/** Set once the engine is loaded: before, a language switch changes only the page's words. */
let engineReady = false;

// US English and US Spanish write amounts alike ($1,234.50).
const money = (n) => (typeof n === 'number' ? `$${n.toLocaleString('en-US')}` : t('noPrice'));
/** A tier in the page's language, as the panel writes it. @param {string} tier */
const tierWords = (tier) => WORDS[language()].tier[tier] ?? tier;
/** "3 findings" / "3 hallazgos". @param {number} n */
const findingCount = (n) => t(n === 1 ? 'findingOne' : 'findingsMany', { n });

/** Switches every text of the page, and every score, to `lang`. @param {'en' | 'es'} lang */
function switchLanguage(lang) {
  if (!LANGUAGES.some(([code]) => code === lang)) return;
  setLanguage(lang);
  options = { ...options, locale: lang };
  ruleTitles = null;
  applyWords(document, PAGE, lang);
  rememberLanguage(lang);
  if (!engineReady) return;
  $('engine-status').textContent = readyText();
  renderSolicitations();
  solicitationSelect.value = String(current.solicitation);
  // The questionnaire is rebuilt in the new language from the bid as edited.
  const s = solicitations[current.solicitation];
  if (s) s.bids[current.bid] = ctip.fromForm(form);
  renderBidOptions();
  selectBid(current.bid);
  renderComparison();
  renderPolicy();
}

function readyText() {
  const policy = ctip.defaultPolicy();
  return t('ready', { version: ctip.version(), policy: `${policy.id} ${policy.version}`, rules: ctip.rules().length });
}

async function start() {
  setLanguage(initialLanguage());
  options = { locale: language() };
  applyWords(document, PAGE, language());
  $('language-select').addEventListener('change', (event) => {
    switchLanguage(languageOf(/** @type {HTMLSelectElement} */ (event.target).value));
  });
  try {
    await ctip.init({ locale: language() });
  } catch (error) {
    $('engine-status').textContent = t('loadFailed', { error: error.message });
    return;
  }
  engineReady = true;
  const policy = ctip.defaultPolicy();
  panel.tiers = policy.tiers;
  panel.addEventListener('ctip-render', showScoreBar);
  $('engine-status').textContent = readyText();
  renderPolicy();
  const response = await fetch('samples/la-samples.json');
  const samples = await response.json();
  solicitations = samples.solicitations;
  renderSolicitations();
  selectSolicitation(0);
  wire();
}

function renderSolicitations() {
  solicitationSelect.replaceChildren();
  solicitations.forEach((s, i) => {
    const o = el('option', undefined, `${s.id} — ${s.title} (${t(s.bids.length === 1 ? 'bidCount' : 'bidsCount', { n: s.bids.length })})`);
    o.value = String(i);
    solicitationSelect.append(o);
  });
  solicitationSelect.disabled = false;
}

function selectSolicitation(index) {
  current = { solicitation: index, bid: 0 };
  solicitationSelect.value = String(index);
  renderBidOptions();
  selectBid(0);
  renderComparison();
}

function renderBidOptions() {
  const box = $('bid-options');
  box.replaceChildren();
  const s = solicitations[current.solicitation];
  if (!s) return;
  s.bids.forEach((bid, i) => {
    const id = `bid-option-${i}`;
    const wrap = el('div', 'bid-option');
    const radio = /** @type {HTMLInputElement} */ (el('input'));
    radio.type = 'radio';
    radio.name = 'bid';
    radio.id = id;
    radio.value = String(i);
    radio.checked = i === current.bid;
    radio.addEventListener('change', () => selectBid(i));
    const label = /** @type {HTMLLabelElement} */ (el('label'));
    label.htmlFor = id;
    label.append(el('span', 'bid-id', bid.id ?? t('noId')), document.createTextNode(' '),
      el('span', 'bid-vendor', bid.vendor?.name ?? t('noVendor')), document.createTextNode(' '),
      el('span', 'bid-price', money(bid.price?.total)));
    wrap.append(radio, label);
    box.append(wrap);
  });
}

function selectBid(index) {
  current.bid = index;
  const bid = solicitations[current.solicitation]?.bids[index];
  const radio = /** @type {HTMLInputElement | null} */ (document.getElementById(`bid-option-${index}`));
  if (radio) radio.checked = true;
  buildQuestionnaire(form, bid ?? {}, language());
  // Evidence and missing fields read as the questionnaire labels them.
  panel.labels = ctip.formLabels(form);
  rescore();
}

function clearErrors() {
  const box = $('form-errors');
  box.hidden = true;
  box.replaceChildren();
  for (const field of form.querySelectorAll('[aria-invalid="true"]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  for (const msg of form.querySelectorAll('.field-error')) msg.remove();
}

/** Shows validation issues next to their fields and in a list of links to them. */
function showErrors(issues) {
  const box = $('form-errors');
  box.append(el('p', 'errors-title', t(issues.length === 1 ? 'errorsOne' : 'errorsMany')));
  const list = el('ul');
  issues.forEach((issue, n) => {
    const field = /** @type {HTMLElement | null} */ (form.querySelector(`[name="${CSS.escape(issue.path)}"]`));
    const item = el('li');
    // As the questionnaire labels the field; the path stays for the record.
    const text = issue.path
      ? `${ctip.fieldLabel(issue.path, panel.labels, language())}: ${issue.message} (${issue.path})`
      : t('bidIssue', { message: issue.message });
    if (field) {
      const id = `field-error-${n}`;
      const msg = el('span', 'field-error', issue.message);
      msg.id = id;
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', id);
      field.insertAdjacentElement('afterend', msg);
      const link = /** @type {HTMLButtonElement} */ (el('button', 'link-button', text));
      link.type = 'button';
      link.addEventListener('click', () => field.focus());
      item.append(link);
    } else {
      item.textContent = text;
    }
    list.append(item);
  });
  box.append(list);
  box.hidden = false;
}

/** Reads the questionnaire, scores it, and updates the panel. */
function rescore() {
  clearErrors();
  const bid = ctip.fromForm(form);
  const s = solicitations[current.solicitation];
  if (s) s.bids[current.bid] = bid;
  // evaluateBid checks the bid itself and names every problem by path: no
  // separate validateSubmission call reads it a second time.
  try {
    lastAssessment = ctip.evaluateBid(bid, options);
  } catch (error) {
    showErrors(error.issues?.length ? error.issues : [{ path: '', message: error.message }]);
    lastAssessment = null;
    panel.assessment = null;
    showScoreBar();
    setActions(false);
    announce(t('cannotScore'));
    return;
  }
  panel.assessment = lastAssessment;
  setActions(true);
  announce(t('announce', {
    score: lastAssessment.score,
    tier: tierWords(lastAssessment.tier),
    findings: findingCount(lastAssessment.findings.length),
  }));
}

function setActions(enabled) {
  /** @type {HTMLButtonElement} */ ($('download-assessment')).disabled = !enabled;
  /** @type {HTMLButtonElement} */ ($('print-record')).disabled = !enabled;
}

function announce(text) {
  // Typing fires many re-scores; announce the settled result once.
  clearTimeout(announceTimer);
  announceTimer = window.setTimeout(() => {
    $('score-announcer').textContent = text;
  }, 600);
}

/** A phone-sized screen, where the chart puts its labels above the bars. */
const NARROW = window.matchMedia('(max-width: 600px)');

function renderComparison() {
  const body = $('compare-body');
  body.replaceChildren();
  const s = solicitations[current.solicitation];
  if (!s) return;
  let comparison;
  try {
    comparison = ctip.compareBids(s.bids, options);
  } catch (error) {
    const issues = (error.issues ?? []).slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
    body.append(el('p', 'status', t('cannotCompare', { issues })));
    return;
  }
  const stats = comparison.statistics;
  body.append(el('p', 'compare-stats', t('stats', {
    count: stats.count,
    min: money(stats.min),
    max: money(stats.max),
    mean: money(stats.mean === null ? null : Math.round(stats.mean)),
    median: money(stats.median),
  })));
  body.append(el('p', 'hint', t('meansHint')));

  const lowIds = new Set(comparison.findings.filter((f) => f.rule === 'abnormally-low-bid').flatMap((f) => f.bids));
  const figure = el('figure', 'chart');
  // It scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it.
  figure.tabIndex = 0;
  figure.append(priceChart(document, s.bids.map((b) => ({ id: b.id, vendor: b.vendor?.name ?? '', total: b.price?.total ?? null, low: lowIds.has(b.id) })), stats.mean,
    { narrow: NARROW.matches, words: { low: t('chartLow'), prices: t('chartPrices'), mean: t('chartMean'), meanTitle: t('chartMeanTitle') } }));
  figure.append(el('figcaption', undefined, t('chartCaption')));
  body.append(figure);

  const table = el('table', 'compare-table');
  table.append(el('caption', undefined, t('tableCaption', { id: s.id })));
  const head = el('tr');
  for (const h of [t('colBid'), t('colVendor'), t('colPrice'), t('colScore'), t('colTier'), t('colReview')]) {
    const th = el('th', undefined, h);
    th.setAttribute('scope', 'col');
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const tbody = el('tbody');
  comparison.assessments.forEach((a, i) => {
    const tr = el('tr');
    const th = el('th', undefined, a.submissionId);
    th.setAttribute('scope', 'row');
    const cells = [
      [t('colVendor'), el('td', undefined, s.bids[i]?.vendor?.name ?? '')],
      [t('colPrice'), el('td', 'num', money(s.bids[i]?.price?.total))],
      [t('colScore'), el('td', 'num', String(a.score))],
      [t('colTier'), el('td', `tier-cell tier-${a.tier}`, tierWords(a.tier))],
      [t('colReview'), el('td', undefined, a.reviewRequired ? t('required') : t('notRequired'))],
    ];
    // The column's name, which a phone shows beside the cell (its table head is hidden).
    for (const [name, cell] of cells) cell.setAttribute('data-label', name);
    tr.append(th, ...cells.map(([, cell]) => cell));
    tbody.append(tr);
  });
  table.append(tbody);
  // On a narrow screen the table scrolls sideways inside its own region
  // (focusable, so that the keyboard can scroll it too).
  const scroller = el('div', 'table-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', t('tableRegion', { id: s.id }));
  scroller.append(table);
  body.append(scroller);

  body.append(el('h3', undefined, t('crossTitle', { n: comparison.findings.length })));
  if (comparison.findings.length === 0) {
    body.append(el('p', 'hint', t('noCross')));
  } else {
    const list = el('ul', 'cross-findings');
    for (const f of comparison.findings) {
      const li = el('li', `cross-finding ctip-sev-${f.severity}`);
      li.setAttribute('data-rule', f.rule);
      li.append(el('span', `ctip-sev ctip-sev-${f.severity}`, WORDS[language()].severity[f.severity] ?? f.severity), document.createTextNode(' '),
        el('strong', undefined, ruleTitle(f.rule)), document.createTextNode(' — '), el('span', undefined, f.message));
      li.append(el('p', 'cross-meta', t('crossMeta', { bids: f.bids.join(', '), citations: f.citations.join('; '), action: f.action, rule: f.rule })));
      list.append(li);
    }
    body.append(list);
  }
}

/** A rule's title from the catalogue (its id if the catalogue lacks it). @param {string} id */
function ruleTitle(id) {
  ruleTitles ??= new Map(ctip.rules({ locale: language() }).map((r) => [r.id, r.title]));
  return ruleTitles.get(id) ?? id;
}
/** @type {Map<string, string> | null} */
let ruleTitles = null;

function download() {
  if (!lastAssessment) return;
  downloadJson('assessment', lastAssessment.submissionId, lastAssessment);
}

function fillPrintRecord() {
  const meta = $('print-meta');
  meta.replaceChildren();
  if (!lastAssessment) return;
  const s = solicitations[current.solicitation];
  const bid = s?.bids[current.bid];
  const rows = [
    [t('recSolicitation'), `${s?.id ?? ''} — ${s?.title ?? ''}`],
    [t('recBid'), `${lastAssessment.submissionId} — ${bid?.vendor?.name ?? ''}`],
    [t('recScore'), `${lastAssessment.score} / 100, ${tierWords(lastAssessment.tier)}`],
    [t('recAsOf'), dateText(lastAssessment.asOf)],
    [t('recPolicy'), t('recPolicyValue', { id: lastAssessment.policy.id, version: lastAssessment.policy.version })],
    [t('recDigest'), lastAssessment.policy.digest],
    ...lastAssessment.policy.lists.map((l) => [t('recList', { list: l.list }), t('recListValue', { edition: l.edition, rows: l.rows, digest: l.digest })]),
    [t('recEngine'), `ctip-screen ${lastAssessment.engineVersion}`],
    [t('recPrinted'), new Date().toISOString()],
    [t('recNote'), t('recNoteValue')],
  ];
  // The findings across the bids that concern this one: part of the record.
  try {
    const cross = s ? ctip.compareBids(s.bids, options).findings.filter((f) => f.bids.includes(lastAssessment.submissionId)) : [];
    rows.splice(3, 0, [t('recCross'), cross.length === 0 ? t('recCrossNone')
      : cross.map((f) => t('recCrossItem', {
        title: ruleTitle(f.rule),
        severity: (WORDS[language()].severity[f.severity] ?? f.severity).toLowerCase(),
        message: f.message,
        action: f.action,
      })).join(' | ')]);
  } catch (error) {
    rows.splice(3, 0, [t('recCross'), t('recCrossError', { error: error.message })]);
  }
  for (const [k, v] of rows) meta.append(el('dt', undefined, k), el('dd', undefined, v));
}

/**
 * A file's text, or null after saying in `status` why it could not be read.
 * @param {File} file
 * @param {HTMLElement} status
 */
async function readText(file, status) {
  try {
    return await file.text();
  } catch (error) {
    status.textContent = t('readFailed', { file: file.name, error: fileError(error, language()) });
    return null;
  }
}

async function importFile(file) {
  const status = $('import-status');
  const text = await readText(file, status);
  if (text === null) return;
  let bids;
  let title = file.name;
  try {
    const trimmed = text.trim();
    const isJsonLines = file.name.endsWith('.jsonl') || (/^\{/.test(trimmed) && /\}\s*\n\s*\{/.test(trimmed));
    const parsed = isJsonLines ? null : parseJson(trimmed, ctip, language());
    const isOcds = (v) => v && typeof v === 'object' && ('releases' in v || 'records' in v || 'ocid' in v);
    if (isJsonLines || isOcds(parsed) || (Array.isArray(parsed) && isOcds(parsed[0]))) {
      // The OCDS reader is fetched on first use: say so while it loads.
      status.textContent = t('readingOcds', { file: file.name });
      const processes = await ctip.ocdsToBids(text, { locale: language() });
      const usable = processes.filter((p) => p.bids.length > 0);
      const skipped = [
        ...processes.errors.map((e) => e.error.message),
        ...processes.flatMap((p) => p.excluded.map((x) => (x.bid
          ? t('excludedBid', { ocid: p.ocid, bid: x.bid, reason: x.reason })
          : `${p.ocid}: ${x.reason}`))),
      ];
      if (usable.length === 0) throw new Error(t('noOcdsBids', { skipped: skipped.slice(0, 3).join('; ') }));
      // Bids on different lots answer different solicitations: one entry per lot.
      let added = 0;
      for (const p of usable) {
        const byLot = new Map();
        for (const bid of p.bids) {
          const key = bid.solicitation?.id ?? p.ocid;
          if (!byLot.has(key)) byLot.set(key, []);
          byLot.get(key).push(bid);
        }
        for (const [key, bids] of byLot) {
          solicitations.push({ id: key, title: t('importedOcds', { title: bids[0]?.solicitation?.title ?? p.title ?? p.ocid }), bids });
          added += 1;
        }
      }
      renderSolicitations();
      selectSolicitation(solicitations.length - added);
      status.textContent = t('loadedOcds', { n: usable.length, file: file.name }) +
        (skipped.length ? t('notRead', { n: skipped.length, list: `${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}` }) : '');
      return;
    }
    if (Array.isArray(parsed)) {
      bids = parsed;
      title = t('importedBids', { file: file.name });
    } else if (parsed && typeof parsed === 'object') {
      bids = [parsed];
      title = t('importedBid', { file: file.name });
    } else {
      throw new Error(t('notSubmission'));
    }
  } catch (error) {
    status.textContent = t('loadFailedFile', { file: file.name, error: error.message });
    return;
  }
  const first = bids[0] ?? {};
  solicitations.push({ id: first?.solicitation?.id ?? 'IMPORTED', title, bids });
  renderSolicitations();
  selectSolicitation(solicitations.length - 1);
  status.textContent = t(bids.length === 1 ? 'loadedBid' : 'loadedBids', { n: bids.length, file: file.name });
}

/** The policy section: what the scores rest on, and which dated numbers may be out of date. */
function renderPolicy() {
  const policy = ctip.defaultPolicy();
  // The policy's own texts in the page's language, where it gives them.
  const said = (/** @type {string} */ text) => (language() === 'es' ? policy.translations?.es?.[text] : undefined) ?? text;
  const summary = $('policy-summary');
  summary.replaceChildren();
  const facts = el('dl', 'policy-facts');
  const add = (k, v) => facts.append(el('dt', undefined, k), el('dd', undefined, v));
  add(t('polPolicy'), t('polPolicyValue', { id: policy.id, version: policy.version, published: dateText(policy.published) }));
  if (policy.far) add(t('polFar'), said(policy.far.edition));
  const check = ctip.checkPolicy(options);
  // The lists as an assessment names them (with any list loaded here).
  const lists = lastAssessment?.policy.lists ?? ctip.evaluateBid({ id: 'POLICY-VIEW', solicitation: {}, vendor: { name: 'x' } }, options).policy.lists;
  for (const l of lists) add(t('polList', { list: l.list }), t('recListValue', { edition: l.edition, rows: l.rows, digest: l.digest }));
  if (options.wageFloors?.length) add(t('polFloors'), t('polFloorsValue', { n: options.wageFloors.length }));
  summary.append(facts);
  const changes = policy.changelog?.[0];
  if (changes) {
    const details = el('details', 'changelog');
    details.append(el('summary', undefined, t('polChanges', { version: changes.version, date: dateText(changes.date) })));
    const list = el('ul');
    for (const c of changes.changes) list.append(el('li', undefined, said(c)));
    details.append(list);
    summary.append(details);
  }
  const box = $('policy-check');
  box.replaceChildren();
  box.append(el('p', 'status', check.stale === 0
    ? t('polNoneStale', { date: dateText(check.asOf) })
    : t('polStale', { date: dateText(check.asOf), stale: check.stale, total: check.series.length })));
  const list = el('ul', 'series-list');
  for (const s of check.series) {
    const age = s.monthsOld < 0 ? t('polFuture', { n: -s.monthsOld }) : t('polAge', { n: s.monthsOld });
    const li = el('li', s.stale ? 'series stale' : 'series');
    li.append(el('strong', undefined, s.stale ? t('polMayBeStale') : t('polCurrent')),
      document.createTextNode(t('polSeries', { series: s.series, newest: dateText(s.newest), age, months: s.expectedMonths })),
      el('span', 'series-source', s.source));
    list.append(li);
  }
  box.append(list);
}

/** Reads a goods list or wage floors from disk into the page's options, and re-scores. */
async function loadPolicyData(kind, file) {
  const status = $('policy-status');
  const text = await readText(file, status);
  if (text === null) return;
  const next = { ...options };
  try {
    if (kind === 'goods') {
      const edition = file.name.replace(/\.csv$/i, '');
      // A newer list replaces the one of its kind (TVPRA, or EO 13126 with its `product` column).
      const isEo = (list) => /(^|,)\s*"?product"?\s*(,|$)/i.test(list.csv.split(/\r?\n/, 1)[0]);
      const fresh = { csv: text, edition };
      next.goodsLists = [...(options.goodsLists ?? []).filter((l) => isEo(l) !== isEo(fresh)), fresh];
    } else {
      const floors = parseJson(text, ctip, language());
      if (!Array.isArray(floors)) throw new Error(t('floorsNotArray'));
      next.wageFloors = [...(options.wageFloors ?? []), ...floors];
    }
    // Checked before it is used: a list that cannot be read is refused with its line.
    ctip.checkPolicy(next);
    ctip.evaluateBid({ id: 'CHECK', solicitation: {}, vendor: { name: 'x' } }, next);
  } catch (error) {
    const detail = error.issues?.length ? error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : error.message;
    status.textContent = t('useFailed', { file: file.name, detail });
    return;
  }
  options = next;
  rescore();
  renderComparison();
  renderPolicy();
  status.textContent = t('useLoaded', { file: file.name });
}

/** The score bar a narrow screen keeps at the top: the panel's result in a line. */
function showScoreBar() {
  const bar = $('score-bar');
  const a = lastAssessment;
  bar.hidden = !a;
  if (!a) return;
  const n = a.findings.length;
  $('score-bar-text').textContent = t('scoreBar', { id: a.submissionId, score: a.score, tier: tierWords(a.tier), findings: findingCount(n) });
}

function wire() {
  NARROW.addEventListener('change', renderComparison);
  let pending = 0;
  let comparing = 0;
  const onEdit = () => {
    cancelAnimationFrame(pending);
    // The bid's own panel in the next frame; the comparison of every bid
    // once typing pauses, so that a keystroke repaints within one frame.
    pending = requestAnimationFrame(rescore);
    clearTimeout(comparing);
    comparing = window.setTimeout(renderComparison, 300);
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  form.addEventListener('submit', (e) => e.preventDefault());
  solicitationSelect.addEventListener('change', () => selectSolicitation(Number(solicitationSelect.value)));
  $('download-assessment').addEventListener('click', download);
  $('print-record').addEventListener('click', () => {
    fillPrintRecord();
    window.print();
  });
  window.addEventListener('beforeprint', () => {
    fillPrintRecord();
    for (const d of document.querySelectorAll('ctip-risk-panel details')) /** @type {HTMLDetailsElement} */ (d).open = true;
  });
  for (const [id, kind] of [['goods-list-file', 'goods'], ['wage-floors-file', 'floors']]) {
    $(id).addEventListener('change', (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      const file = input.files?.[0];
      if (file) loadPolicyData(kind, file).finally(() => { input.value = ''; });
    });
  }
  $('reset-policy-data').addEventListener('click', () => {
    options = { locale: language() };
    rescore();
    renderComparison();
    renderPolicy();
    $('policy-status').textContent = t('useBuiltin');
  });
  $('import-file').addEventListener('change', (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (file) importFile(file).finally(() => { input.value = ''; });
  });
}

start();
