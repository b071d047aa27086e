// The vendor page: a bidder answers the portal's questionnaire (or loads its
// bid as JSON) and sees, as it types, what the city's evaluator will see and
// what to do before submitting; builds a compliance-plan outline; downloads
// its answers as a Submission JSON. Everything runs in this page; nothing is
// sent anywhere. Vendor text is only ever set with textContent.

import * as ctip from '/pkg/index.js';
import { buildQuestionnaire } from './questionnaire.js';
import { downloadJson, el, parseJson } from './dom.js';
import { LANGUAGES, PLAN_PARTS, VENDOR, applyWords, fileError, initialLanguage, languageOf, rememberLanguage, textIn } from './i18n.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('bid-form'));
const planForm = /** @type {HTMLFormElement} */ ($('plan-form'));
const panel = /** @type {any} */ ($('risk-panel'));

/** @type {'en' | 'es'} */
let lang = 'en';
let engineReady = false;
let announceTimer = 0;
/** The plan builder's answers, by part: { status: '' | 'yes' | 'no', notes }. */
const plan = new Map(PLAN_PARTS.map((p) => [p.key, { status: '', notes: '' }]));

/**
 * A text of the vendor page in the current language, its placeholders filled.
 * @param {keyof typeof VENDOR.en} key
 * @param {Record<string, string | number>} [values]
 */
function t(key, values = {}) {
  return textIn(VENDOR, lang, key, values);
}

/** @param {'en' | 'es'} next */
function switchLanguage(next) {
  if (!LANGUAGES.some(([code]) => code === next)) return;
  // The questionnaire is rebuilt in the new language from the bid as edited.
  const bid = engineReady ? ctip.fromForm(form) : null;
  lang = next;
  applyWords(document, VENDOR, lang);
  rememberLanguage(lang);
  renderPlanForm();
  if (!engineReady || !bid) return;
  $('engine-status').textContent = readyText();
  showBid(bid);
}

function readyText() {
  const policy = ctip.defaultPolicy();
  return t('ready', { version: ctip.version(), policy: `${policy.id} ${policy.version}` });
}

/** @param {any} bid */
function showBid(bid) {
  buildQuestionnaire(form, bid ?? {}, lang);
  panel.labels = ctip.formLabels(form);
  syncPlanFromForm();
  rescore();
}

/** Reads the questionnaire and shows what the city will see, for the vendor. */
function rescore() {
  clearErrors();
  const bid = ctip.fromForm(form);
  try {
    const assessment = ctip.evaluateBid(bid, { locale: lang, audience: 'vendor' });
    panel.assessment = assessment;
    const n = assessment.findings.length;
    announce(t('announce', { findings: t(n === 1 ? 'findingOne' : 'findingsMany', { n }), gaps: assessment.gaps.length }));
  } catch (error) {
    panel.assessment = null;
    showErrors(error.issues?.length ? error.issues : [{ path: '', message: error.message }]);
  }
  renderOutline();
}

function announce(text) {
  clearTimeout(announceTimer);
  announceTimer = window.setTimeout(() => {
    $('score-announcer').textContent = text;
  }, 600);
}

function clearErrors() {
  const box = $('form-errors');
  box.hidden = true;
  box.replaceChildren();
}

/** @param {{ path: string, message: string }[]} issues */
function showErrors(issues) {
  const box = $('form-errors');
  box.append(el('p', 'errors-title', t('errorsTitle')));
  const list = el('ul');
  for (const issue of issues) {
    list.append(el('li', undefined, issue.path
      ? `${ctip.fieldLabel(issue.path, panel.labels, lang)}: ${issue.message} (${issue.path})`
      : issue.message));
  }
  box.append(list);
  box.hidden = false;
}

/** The plan builder: one question per part of the plan, with notes. */
function renderPlanForm() {
  planForm.replaceChildren();
  for (const part of PLAN_PARTS) {
    const answer = plan.get(part.key) ?? { status: '', notes: '' };
    const fs = el('fieldset', 'plan-part');
    fs.append(el('legend', undefined, `FAR 52.222-50${part.paragraph}`));
    fs.append(el('p', 'plan-text', part[lang]));
    const status = /** @type {HTMLSelectElement} */ (el('select'));
    status.id = `plan-${part.key}`;
    status.dataset.part = part.key;
    for (const [value, key] of [['', 'planUndecided'], ['yes', 'planYes'], ['no', 'planNo']]) {
      const o = /** @type {HTMLOptionElement} */ (el('option', undefined, t(/** @type {any} */ (key))));
      o.value = value;
      status.append(o);
    }
    status.value = answer.status;
    const statusLabel = /** @type {HTMLLabelElement} */ (el('label', undefined, t('planStatus')));
    statusLabel.htmlFor = status.id;
    const notes = /** @type {HTMLTextAreaElement} */ (el('textarea'));
    notes.id = `plan-${part.key}-notes`;
    notes.dataset.part = part.key;
    notes.rows = 2;
    notes.value = answer.notes;
    const notesLabel = /** @type {HTMLLabelElement} */ (el('label', undefined, t('planNotes')));
    notesLabel.htmlFor = notes.id;
    const row = el('div', 'fields');
    const a = el('div', 'field');
    a.append(statusLabel, status);
    const b = el('div', 'field field-notes');
    b.append(notesLabel, notes);
    row.append(a, b);
    fs.append(row);
    planForm.append(fs);
  }
}

/** The plan's answers from the questionnaire's compliance-plan fields (after a load). */
function syncPlanFromForm() {
  const bid = ctip.fromForm(form);
  const p = bid.compliance?.compliancePlan ?? {};
  for (const part of PLAN_PARTS) {
    const answer = plan.get(part.key);
    if (!answer) continue;
    const value = part.field.element
      ? (Array.isArray(p.elements) ? p.elements.includes(part.field.element) : undefined)
      : p[part.field.path?.split('.').pop() ?? ''];
    answer.status = value === true ? 'yes' : value === false && !part.field.element ? 'no' : answer.status === 'no' ? 'no' : '';
  }
  renderPlanForm();
}

/** Writes one plan answer into the questionnaire, and re-scores. @param {string} key */
function syncFormFromPlan(key) {
  const part = PLAN_PARTS.find((p) => p.key === key);
  const answer = plan.get(key);
  if (!part || !answer) return;
  if (part.field.element) {
    const box = /** @type {HTMLInputElement | null} */ (form.querySelector(
      `input[name="compliance.compliancePlan.elements"][value="${CSS.escape(part.field.element)}"]`));
    if (box) box.checked = answer.status === 'yes';
    // A plan with any element is a plan the bid provides.
    const provided = /** @type {HTMLSelectElement | null} */ (form.querySelector('[name="compliance.compliancePlan.provided"]'));
    if (provided && answer.status === 'yes') provided.value = 'true';
  } else if (part.field.path) {
    const select = /** @type {HTMLSelectElement | null} */ (form.querySelector(`[name="${CSS.escape(part.field.path)}"]`));
    if (select) select.value = answer.status === 'yes' ? 'true' : answer.status === 'no' ? 'false' : '';
  }
  rescore();
}

/** The printable outline and checklist, from the plan's answers. */
function renderOutline() {
  const box = $('plan-outline');
  box.replaceChildren();
  const vendor = ctip.fromForm(form).vendor?.name?.trim() || t('aVendor');
  box.append(el('h3', undefined, t('outlineTitle', { vendor })));
  box.append(el('p', 'hint', t('outlineNote')));
  const outline = el('ol', 'outline');
  const todo = [];
  for (const part of PLAN_PARTS) {
    const answer = plan.get(part.key) ?? { status: '', notes: '' };
    const li = el('li');
    const state = answer.status === 'yes' ? t('outlineDone') : answer.status === 'no' ? t('outlineNo') : t('outlineTodo');
    li.append(el('strong', undefined, `FAR 52.222-50${part.paragraph} · ${state}`), el('p', undefined, part[lang]),
      el('p', 'outline-notes', answer.notes.trim() || t('outlineNoNotes')));
    outline.append(li);
    if (answer.status !== 'yes') todo.push(`FAR 52.222-50${part.paragraph}: ${part[lang]}`);
  }
  box.append(outline);
  box.append(el('h3', undefined, t('checklistTitle')));
  if (todo.length === 0) {
    box.append(el('p', undefined, t('checklistDone')));
  } else {
    const list = el('ul', 'checklist');
    for (const item of todo) list.append(el('li', undefined, item));
    box.append(list);
  }
}

function download() {
  const bid = ctip.fromForm(form);
  const name = downloadJson('submission', bid.id ?? 'bid', bid);
  $('export-status').textContent = t('downloaded', { file: name });
}

/** @param {File} file */
async function importFile(file) {
  const status = $('import-status');
  let text;
  try {
    text = await file.text();
  } catch (error) {
    status.textContent = t('importFailed', { file: file.name, error: fileError(error, lang) });
    return;
  }
  try {
    const bid = parseJson(text, ctip, lang);
    if (!bid || typeof bid !== 'object' || Array.isArray(bid)) throw new Error(t('notABid'));
    showBid(bid);
    status.textContent = t('imported', { file: file.name });
  } catch (error) {
    status.textContent = t('importFailed', { file: file.name, error: error.message });
  }
}

async function start() {
  lang = initialLanguage();
  applyWords(document, VENDOR, lang);
  renderPlanForm();
  $('language-select').addEventListener('change', (event) => {
    switchLanguage(languageOf(/** @type {HTMLSelectElement} */ (event.target).value));
  });
  try {
    await ctip.init({ locale: lang });
  } catch (error) {
    $('engine-status').textContent = t('loadFailed', { error: error.message });
    return;
  }
  engineReady = true;
  panel.tiers = ctip.defaultPolicy().tiers;
  $('engine-status').textContent = readyText();
  // The demo starts from a sample bid; a vendor would start from its own.
  const samples = await (await fetch('samples/la-samples.json')).json();
  showBid(samples.solicitations[0]?.bids[1] ?? {});
  let pending = 0;
  const onEdit = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(rescore);
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  form.addEventListener('submit', (e) => e.preventDefault());
  planForm.addEventListener('submit', (e) => e.preventDefault());
  planForm.addEventListener('change', (event) => {
    const target = /** @type {HTMLSelectElement | HTMLTextAreaElement} */ (event.target);
    const key = target.dataset.part ?? '';
    const answer = plan.get(key);
    if (!answer) return;
    if (target instanceof HTMLSelectElement) {
      answer.status = target.value;
      syncFormFromPlan(key);
    } else {
      answer.notes = target.value;
      renderOutline();
    }
  });
  planForm.addEventListener('input', (event) => {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement) {
      const answer = plan.get(target.dataset.part ?? '');
      if (answer) answer.notes = target.value;
      renderOutline();
    }
  });
  $('download-submission').addEventListener('click', download);
  $('print-plan').addEventListener('click', () => window.print());
  $('import-file').addEventListener('change', (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (file) importFile(file).finally(() => { input.value = ''; });
  });
}

start();
