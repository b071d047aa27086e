// The vendor questionnaire: a real HTML form whose field names are the JSON
// paths of a submission (so ctip-screen's fromForm() reads it with no
// mapping) and whose types are given by data-ctip-type. Built from the
// declarative SECTIONS below; rows of lists (wage rates, subcontractors, ...)
// can be added and removed. Labels are English here and Spanish in
// i18n.js (FORM_ES), by path.

import { FORM_ES, PAGE } from './i18n.js';

/** @type {'en' | 'es'} the language the form is being built in */
let lang = 'en';
/** @param {keyof typeof PAGE.en} key @param {Record<string, string | number>} [values] */
const say = (key, values = {}) => PAGE[lang][key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
const tri = () => [['', say('notStated')], ['true', say('yes')], ['false', say('no')]];
const SECTORS = ['construction', 'janitorial', 'landscaping', 'hospitality', 'event-staffing', 'food-service', 'security',
  'apparel', 'laundry', 'electronics', 'transportation', 'warehousing', 'agriculture', 'manufacturing',
  'professional-services', 'other'];
const opts = (words) => [['', null], ...words.map((w) => [w, w])];

/**
 * A field: [path, label, kind, options?]. Kinds: text, number, percent,
 * integer, date, tri (yes/no/not stated), select, list (comma separated),
 * checks (several checkboxes giving a list).
 */
export const SECTIONS = [
  { title: 'Bid', fields: [['id', 'Bid id', 'text'], ['submittedOn', 'Submitted on', 'date']] },
  {
    title: 'Solicitation',
    fields: [
      ['solicitation.id', 'Solicitation id', 'text'],
      ['solicitation.title', 'Title', 'text'],
      ['solicitation.jurisdiction', 'Jurisdiction', 'select', opts(['la-city', 'la-county', 'california', 'federal'])],
      ['solicitation.sector', 'Sector', 'select', opts(SECTORS)],
      ['solicitation.publicWork', 'Public work (prevailing wage)', 'tri'],
      ['solicitation.estimatedValue', 'Estimated value (USD)', 'number'],
      ['solicitation.procurementMethod', 'Procurement method', 'select', opts(['open', 'selective', 'limited', 'direct'])],
      ['solicitation.procurementCategory', 'Buys goods, services or works', 'select', opts(['goods', 'services', 'works'])],
      ['solicitation.tenderPeriod.start', 'Bids invited from', 'date'],
      ['solicitation.tenderPeriod.end', 'Bids due by', 'date'],
      ['solicitation.performancePeriod.start', 'Performance starts', 'date'],
      ['solicitation.performancePeriod.end', 'Performance ends', 'date'],
    ],
    lists: [{ path: 'solicitation.wageDeterminations', title: 'Wage determinations', item: 'determination',
      fields: [['role', 'Role', 'text'], ['hourly', 'Hourly rate (USD)', 'number'], ['source', 'Source', 'text']] }],
  },
  {
    title: 'Vendor',
    fields: [
      ['vendor.name', 'Legal name', 'text'],
      ['vendor.identifiers.uei', 'UEI', 'text'],
      ['vendor.identifiers.fein', 'FEIN', 'text'],
      ['vendor.identifiers.dir', 'DIR registration number', 'text'],
      ['vendor.incorporatedOn', 'Incorporated on', 'date'],
      ['vendor.address.street', 'Street', 'text'],
      ['vendor.address.city', 'City', 'text'],
      ['vendor.address.region', 'State', 'text'],
      ['vendor.address.postalCode', 'Postal code', 'text'],
      ['vendor.address.country', 'Country (ISO code)', 'text'],
      ['vendor.contact.email', 'E-mail', 'text'],
      ['vendor.contact.phone', 'Phone', 'text'],
      ['vendor.principals', 'Principals (comma separated)', 'list'],
      ['vendor.annualRevenue', 'Annual revenue (USD)', 'number'],
      ['vendor.businessType', 'Business type', 'select', opts(['retailer', 'manufacturer', 'services', 'other'])],
      ['vendor.laborBroker', 'Vendor is a labor broker or staffing agency', 'tri'],
    ],
  },
  {
    title: 'Price',
    fields: [
      ['price.total', 'Total price (USD)', 'number'],
      ['price.laborCost', 'Labor cost (USD)', 'number'],
      ['price.laborHours', 'Labor hours', 'number'],
      ['price.offshoreValue', 'Value performed or bought outside the US (USD)', 'number'],
      ['price.offshoreCotsOnly', 'Offshore part is only off-the-shelf items', 'tri'],
    ],
  },
  {
    title: 'Workforce',
    fields: [
      ['workforce.headcount', 'Usual headcount', 'integer'],
      ['workforce.peakHeadcount', 'Peak headcount', 'integer'],
      ['workforce.temporaryShare', 'Temporary workers (%)', 'percent'],
      ['workforce.independentContractorShare', 'Independent contractors (%)', 'percent'],
      ['workforce.recruitedAbroad', 'Workers recruited from abroad', 'integer'],
      ['workforce.temporaryWorkerProgram', 'Temporary-worker program (H-2A, H-2B)', 'select', opts(['h-2a', 'h-2b', 'other', 'none'])],
      ['workforce.languages', 'Languages workers speak (codes, comma separated)', 'list'],
      ['workforce.maxWeeklyHours', 'Longest scheduled week (hours)', 'number'],
      ['workforce.housingProvided', 'Employer provides housing', 'tri'],
      ['workforce.payFrequency', 'Workers are paid', 'select', opts(['weekly', 'biweekly', 'semimonthly', 'monthly'])],
      ['workforce.payHeldBack', 'Part of pay held back until the end of the job', 'tri'],
    ],
    lists: [
      { path: 'workforce.wageRates', title: 'Wage rates', item: 'wage rate',
        fields: [['role', 'Role', 'text'], ['hourly', 'Hourly wage (USD)', 'number'], ['workers', 'Workers', 'integer']] },
      { path: 'workforce.deductions', title: 'Deductions from pay', item: 'deduction',
        fields: [['kind', 'Kind', 'select', opts(['recruitment', 'visa', 'travel', 'housing', 'transport', 'uniform', 'tools', 'meals', 'deposit', 'other'])],
          ['amountPerWeek', 'Amount per week (USD)', 'number']] },
    ],
  },
  {
    title: 'Recruitment',
    fields: [
      ['recruitment.usesRecruiters', 'Uses recruiters or agencies', 'tri'],
      ['recruitment.workerPaidFees', 'Recruitment fees paid by workers (USD)', 'number'],
    ],
    lists: [{ path: 'recruitment.recruiters', title: 'Recruiters', item: 'recruiter',
      fields: [['name', 'Name', 'text'], ['licensed', 'Licensed', 'tri'], ['country', 'Country (ISO code)', 'text']] }],
  },
  {
    title: 'Subcontractors',
    fields: [],
    lists: [{ path: 'subcontractors', title: 'Subcontractors', item: 'subcontractor',
      fields: [['name', 'Name', 'text'], ['tier', 'Tier', 'integer'], ['shareOfValue', 'Share of value (%)', 'percent'],
        ['sector', 'Sector', 'select', opts(SECTORS)], ['laborBroker', 'Labor broker', 'tri'],
        ['flowDown', 'Clause flowed down', 'tri'], ['identifiers.dir', 'DIR number', 'text'], ['dirRegistered', 'DIR registered', 'tri']] }],
  },
  {
    title: 'Supply chain',
    fields: [],
    lists: [{ path: 'supplyItems', title: 'Supply items', item: 'supply item',
      fields: [['description', 'Description', 'text'], ['good', 'Good (as on DOL lists)', 'text'],
        ['countryOfOrigin', 'Country of origin (ISO code)', 'text'], ['value', 'Value (USD)', 'number'], ['supplier', 'Supplier', 'text']] }],
  },
  {
    title: 'Anti-trafficking compliance',
    fields: [
      ['compliance.certifications', 'Certifications', 'checks', [['far-52.222-50', 'FAR 52.222-50'], ['far-52.222-56', 'FAR 52.222-56'],
        ['far-52.222-18', 'FAR 52.222-18'], ['la-sweatfree', 'LA sweat-free']]],
      ['compliance.antiTraffickingPolicy', 'Written anti-trafficking policy', 'tri'],
      ['compliance.compliancePlan.provided', 'Compliance plan provided', 'tri'],
      ['compliance.compliancePlan.elements', 'Plan elements', 'checks', [['awareness', 'Awareness program'], ['reporting', 'Reporting process'],
        ['recruitment-wage', 'Recruitment and wage plan'], ['housing', 'Housing plan'], ['subcontractor-monitoring', 'Subcontractor monitoring']]],
      ['compliance.compliancePlan.posted', 'Plan posted at the workplace and on the website', 'tri'],
      ['compliance.compliancePlan.annualCertification', 'Plan certified every year', 'tri'],
      ['compliance.compliancePlan.subcontractorCertifications', 'Subcontractors certify before award', 'tri'],
      ['compliance.training', 'Staff trained on trafficking', 'tri'],
      ['compliance.grievanceMechanism', 'Grievance mechanism', 'tri'],
      ['compliance.hotlinePosted', 'Hotline notice posted', 'tri'],
      ['compliance.retainsWorkerDocuments', "Employer holds workers' identity documents", 'tri'],
      ['compliance.contractLanguages', 'Languages of employment contracts (codes, comma separated)', 'list'],
      ['compliance.returnTransportPolicy', 'Pays return transport', 'tri'],
      ['compliance.returnTransportAgreement', 'A written agreement with workers promises return transport', 'tri'],
      ['compliance.housingPlan', 'Housing plan', 'tri'],
      ['compliance.supplyChainDisclosureUrl', 'Supply-chain disclosure URL', 'text'],
    ],
  },
  {
    title: 'History',
    fields: [],
    lists: [
      { path: 'history.wageViolations', title: 'Wage violations', item: 'violation',
        fields: [['date', 'Date', 'date'], ['amount', 'Amount (USD)', 'number'],
          ['status', 'Status', 'select', opts(['unpaid', 'paid', 'contested'])], ['agency', 'Agency', 'text']] },
      { path: 'history.exclusions', title: 'Exclusions and debarments', item: 'exclusion',
        fields: [['list', 'List', 'text'], ['active', 'In force', 'tri'], ['until', 'Until', 'date']] },
      { path: 'history.traffickingFindings', title: 'Trafficking findings', item: 'finding',
        fields: [['date', 'Date', 'date'], ['source', 'Source', 'text'], ['description', 'Description', 'text']] },
    ],
  },
];

const TYPE_OF_KIND = { number: 'number', integer: 'integer', percent: 'percent', tri: 'boolean', list: 'list', checks: 'list', date: 'date' };

let uid = 0;
const fieldId = (path) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}-${++uid}`;

/**
 * Reads the value at `path` of an object (`a.b[0].c`).
 * @param {any} root @param {string} path
 */
export function getPath(root, path) {
  let node = root;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (node === null || node === undefined) return undefined;
    node = m[2] !== undefined ? node[Number(m[2])] : node[m[1]];
  }
  return node;
}

/**
 * Builds one labelled control for `path`, filled from `bid`.
 * @param {Document} doc @param {string} path @param {string} label @param {string} kind @param {any} options @param {any} bid
 */
function control(doc, path, label, kind, options, bid) {
  const value = getPath(bid, path);
  if (lang === 'es') label = FORM_ES.fields[path] ?? label;
  const wrap = doc.createElement('div');
  wrap.className = `field field-${kind}`;
  if (kind === 'checks') {
    const fs = doc.createElement('fieldset');
    fs.className = 'checks';
    const legend = doc.createElement('legend');
    legend.textContent = label;
    fs.append(legend);
    const chosen = Array.isArray(value) ? value : [];
    for (const [word, english] of options) {
      const text = lang === 'es' ? FORM_ES.choices[english] ?? english : english;
      const id = fieldId(`${path}-${word}`);
      const box = doc.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = path;
      box.value = word;
      box.dataset.ctipType = 'list';
      box.checked = chosen.includes(word);
      const l = doc.createElement('label');
      l.htmlFor = id;
      l.textContent = text;
      const item = doc.createElement('div');
      item.className = 'check';
      item.append(box, l);
      fs.append(item);
    }
    wrap.append(fs);
    return wrap;
  }
  const id = fieldId(path);
  const l = doc.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  let input;
  if (kind === 'tri' || kind === 'select') {
    input = doc.createElement('select');
    for (const [word, text] of kind === 'tri' ? tri() : options) {
      const o = doc.createElement('option');
      o.value = word;
      // The value is the vocabulary word SPEC fixes; what the list shows of
      // it is in the page's language, as is "not stated".
      o.textContent = text === null ? say('notStated') : lang === 'es' ? FORM_ES.words[text] ?? text : text;
      input.append(o);
    }
    input.value = value === undefined || value === null ? '' : String(value);
  } else {
    input = doc.createElement('input');
    input.type = kind === 'date' ? 'date' : 'text';
    if (kind === 'number' || kind === 'integer' || kind === 'percent') input.inputMode = 'decimal';
    input.value = formatValue(value, kind);
  }
  input.id = id;
  input.name = path;
  if (TYPE_OF_KIND[kind]) input.dataset.ctipType = TYPE_OF_KIND[kind];
  input.setAttribute('autocomplete', 'off');
  wrap.append(l, input);
  return wrap;
}

/** @param {unknown} value @param {string} kind */
function formatValue(value, kind) {
  if (value === undefined || value === null) return '';
  if (kind === 'percent' && typeof value === 'number') return String(Math.round(value * 10000) / 100);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Fills `form` with the questionnaire for `bid`, in `language`.
 * @param {HTMLFormElement} form @param {any} bid @param {'en' | 'es'} [language]
 */
export function buildQuestionnaire(form, bid, language = 'en') {
  lang = language;
  const doc = form.ownerDocument;
  form.replaceChildren();
  for (const section of SECTIONS) {
    const fs = doc.createElement('fieldset');
    fs.className = 'section';
    const legend = doc.createElement('legend');
    legend.textContent = lang === 'es' ? FORM_ES.sections[section.title] ?? section.title : section.title;
    fs.append(legend);
    const grid = doc.createElement('div');
    grid.className = 'fields';
    for (const [path, label, kind, options] of section.fields) grid.append(control(doc, path, label, kind, options, bid));
    fs.append(grid);
    for (const list of section.lists ?? []) fs.append(listEditor(doc, list, bid));
    form.append(fs);
  }
}

/**
 * A list's words in the form's language.
 * @param {any} list
 * @returns {{ title: string, item: string, label: (sub: string, english: string) => string }}
 */
function listWords(list) {
  const es = lang === 'es' ? FORM_ES.lists[list.path] : undefined;
  return {
    title: es?.title ?? list.title,
    item: es?.item ?? list.item,
    label: (sub, english) => (lang === 'es' ? FORM_ES.rowFields[sub] ?? english : english),
  };
}

/** @param {Document} doc @param {any} list @param {any} bid */
function listEditor(doc, list, bid) {
  const words = listWords(list);
  const box = doc.createElement('div');
  box.className = 'list-editor';
  box.dataset.path = list.path;
  const h = doc.createElement('h4');
  h.textContent = words.title;
  box.append(h);
  // Whether the bid gives the list at all: an empty list ("none") and an
  // absent one ("not stated") mean different things to the rules.
  const items = getPath(bid, list.path);
  const givenId = fieldId(`${list.path}-given`);
  const givenLabel = doc.createElement('label');
  givenLabel.htmlFor = givenId;
  givenLabel.textContent = say('listGiven', { title: words.title });
  const given = doc.createElement('select');
  given.id = givenId;
  given.name = list.path;
  given.dataset.ctipType = 'array';
  for (const [word, text] of [['', say('notStated')], ['given', say('statedRows')]]) {
    const o = doc.createElement('option');
    o.value = word;
    o.textContent = text;
    given.append(o);
  }
  given.value = Array.isArray(items) ? 'given' : '';
  const givenField = doc.createElement('div');
  givenField.className = 'field field-given';
  givenField.append(givenLabel, given);
  box.append(givenField);
  const rows = doc.createElement('ol');
  rows.className = 'rows';
  box.append(rows);
  const count = Array.isArray(items) ? items.length : 0;
  for (let i = 0; i < count; i++) rows.append(row(doc, list, i, bid));
  const add = doc.createElement('button');
  add.type = 'button';
  add.className = 'add-row';
  add.textContent = say('addRow', { item: words.item });
  add.addEventListener('click', () => {
    const index = rows.children.length;
    const r = row(doc, list, index, {});
    rows.append(r);
    given.value = 'given';
    r.querySelector('input, select')?.focus();
  });
  box.append(add);
  return box;
}

/** @param {Document} doc @param {any} list @param {number} index @param {any} bid */
function row(doc, list, index, bid) {
  const words = listWords(list);
  const li = doc.createElement('li');
  li.className = 'row';
  const grid = doc.createElement('div');
  grid.className = 'fields';
  for (const [sub, label, kind, options] of list.fields) {
    const path = `${list.path}[${index}].${sub}`;
    grid.append(control(doc, path, say('rowLabel', { label: words.label(sub, label), item: words.item, n: index + 1 }), kind, options, bid));
  }
  const remove = doc.createElement('button');
  remove.type = 'button';
  remove.className = 'remove-row';
  remove.textContent = say('removeRow', { item: words.item, n: index + 1 });
  remove.addEventListener('click', () => {
    const form = li.closest('form');
    const rows = li.parentElement;
    li.remove();
    if (rows) renumber(rows, list);
    form?.dispatchEvent(new Event('input', { bubbles: true }));
  });
  li.append(grid, remove);
  return li;
}

/** After a removal, renames the remaining rows so indices stay dense. */
function renumber(rows, list) {
  Array.from(rows.children).forEach((li, index) => {
    for (const el of li.querySelectorAll('[name]')) {
      el.setAttribute('name', el.getAttribute('name').replace(/\[\d+\]/, `[${index}]`));
    }
    for (const label of li.querySelectorAll('label')) {
      label.textContent = label.textContent.replace(/\d+\)$/, `${index + 1})`);
    }
    const remove = li.querySelector('.remove-row');
    if (remove) remove.textContent = say('removeRow', { item: listWords(list).item, n: index + 1 });
  });
}
