// The package's own words in English and Spanish (issue "Every text in
// Spanish and English"): every text has both languages with the same
// placeholders, and the Node-side helpers speak the assessment's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PKG, scenarios } from './helpers.mjs';

const panel = await import(`${PKG}panel.js`);
const ctip = await import(`${PKG}index.js`);
await ctip.init();

/** Every leaf of a words object, by its dotted key. */
function leaves(value, prefix = '', out = new Map()) {
  for (const [key, v] of Object.entries(value)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'string') out.set(at, v);
    else leaves(v, at, out);
  }
  return out;
}

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every text of the panel exists in English and Spanish with the same placeholders', () => {
  const en = leaves(panel.WORDS.en);
  const es = leaves(panel.WORDS.es);
  assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort(), 'the same keys in both languages');
  assert.ok(en.size > 60, `${en.size} texts`);
  for (const [key, text] of en) {
    const spanish = es.get(key) ?? '';
    assert.deepEqual(placeholders(spanish), placeholders(text), key);
    assert.ok(spanish.trim().length > 0, key);
  }
  // Translated, not copied: most Spanish texts differ from the English.
  const same = [...en].filter(([key, text]) => es.get(key) === text).map(([key]) => key);
  assert.ok(same.length <= 4, `untranslated: ${same.join(', ')}`);
  // Severity words agree with gravedad ("3 de gravedad alta"), as the engine's do.
  for (const word of Object.values(panel.WORDS.es.severity)) assert.match(word, /a$/, word);
});

test('the summary, the tier reason and field labels speak the assessment\'s language', () => {
  const s = scenarios().find((x) => x.name === 'janitorial-wage-below-floor');
  const en = ctip.evaluateBid(s.value, { asOf: '2026-03-02' });
  const es = ctip.evaluateBid(s.value, { asOf: '2026-03-02', locale: 'es-MX' });
  assert.equal(es.locale, 'es');
  assert.match(ctip.summarizeAssessment(en), /^Bid .*: score \d+ of 100, critical risk, review required/);
  assert.match(ctip.summarizeAssessment(es), /^Oferta .*: puntuación \d+ de 100, riesgo crítico, se requiere revisión/);
  assert.match(ctip.tierReason(es), /^Riesgo crítico: 1 hallazgo crítico, sea cual sea la puntuación\.$/);
  assert.equal(ctip.fieldLabel('workforce.wageRates[1].hourly'), 'Hourly wage (wage rate 2)');
  assert.equal(ctip.fieldLabel('workforce.wageRates[1].hourly', undefined, 'es-US'), 'Salario por hora (salario 2)');
  assert.equal(panel.panelLanguage({ locale: 'es' }), 'es');
  assert.equal(panel.panelLanguage(undefined, 'es_419'), 'es');
  assert.equal(panel.panelLanguage(undefined, 'fr'), 'en');
  assert.equal(panel.panelLanguage(undefined, 'estonian'), 'en');
});

test('rules({ locale }) gives the catalogue in Spanish with the same ids and severities, and the laws by their names', () => {
  const en = ctip.rules();
  const es = ctip.rules({ locale: 'es' });
  assert.deepEqual(es.map((r) => [r.id, r.severities, r.citations.length]), en.map((r) => [r.id, r.severities, r.citations.length]));
  assert.ok(es.find((r) => r.id === 'wage-below-floor')?.citations.includes('Código Laboral de California 1182.12'));
  assert.ok(es.find((r) => r.id === 'tip-certification-missing')?.citations.includes('FAR 52.222-50'));
  assert.equal(es.find((r) => r.id === 'wage-below-floor')?.title, 'Salario por debajo del salario mínimo aplicable');
  assert.deepEqual(ctip.rules({ locale: 'de' }), en);
});

test('every text of the demo page and its questionnaire exists in English and Spanish', async () => {
  const { PAGE, FORM_ES } = await import('../../www/i18n.js');
  const { SECTIONS } = await import('../../www/questionnaire.js');
  const en = leaves(PAGE.en);
  const es = leaves(PAGE.es);
  assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort(), 'the same keys in both languages');
  for (const [key, text] of en) assert.deepEqual(placeholders(es.get(key) ?? ''), placeholders(text), key);
  const same = [...en].filter(([key, text]) => es.get(key) === text).map(([key]) => key);
  assert.ok(same.length <= 4, `untranslated: ${same.join(', ')}`);
  // The questionnaire: every section, field, list, row field and choice.
  const missing = [];
  for (const section of SECTIONS) {
    if (!FORM_ES.sections[section.title]) missing.push(`section ${section.title}`);
    for (const [path, , kind, options] of section.fields) {
      if (!FORM_ES.fields[path]) missing.push(path);
      if (kind === 'checks') {
        for (const [word, text] of options) if (!/^FAR /.test(text) && !FORM_ES.choices[text]) missing.push(`${path} ${word}`);
      }
      if (kind === 'select') {
        for (const [word] of options) if (word && !FORM_ES.words[word]) missing.push(`${path} ${word}`);
      }
    }
    for (const list of section.lists ?? []) {
      if (!FORM_ES.lists[list.path]) missing.push(list.path);
      for (const [sub, , kind, options] of list.fields) {
        if (!FORM_ES.rowFields[sub]) missing.push(`${list.path}[].${sub}`);
        if (kind === 'select') {
          for (const [word] of options) if (word && !FORM_ES.words[word]) missing.push(`${list.path}[].${sub} ${word}`);
        }
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('validation problems are named in the locale\'s language, at the same paths', () => {
  const bad = { id: 'X', solicitation: { currency: 'usd' }, vendor: { name: '' }, workforce: { wageRates: [{ hourly: -3 }] } };
  const en = ctip.validateSubmission(bad);
  const es = ctip.validateSubmission(bad, { locale: 'es-US' });
  assert.deepEqual(es.issues.map((i) => i.path), en.issues.map((i) => i.path));
  assert.deepEqual(es.issues.map((i) => i.message), [
    "'usd' no es un código de moneda ISO 4217 (tres letras mayúsculas, como USD)",
    'no debe estar vacío',
    'debe ser >= 0',
  ]);
  // evaluateBid throws the same problems in Spanish when asked for Spanish.
  assert.throws(() => ctip.evaluateBid(bad, { locale: 'es' }), (e) => e.code === 'invalid-submission' && e.issues[2].message === 'debe ser >= 0');
  // And the options' own problems, in the language the options ask for.
  assert.throws(() => ctip.evaluateBid(bad, { locale: 'es', asof: '2026-01-01' }),
    (e) => e.code === 'invalid-options' && e.issues[0].path === 'asof' && e.issues[0].message.startsWith("campo desconocido 'asof'"));
  // The object path (values JSON cannot hold as text) speaks Spanish too.
  const withDate = { ...bad, submittedOn: new Date(0) };
  assert.ok(ctip.validateSubmission(withDate, { locale: 'es' }).issues.some((i) => i.message === 'no debe estar vacío'));
});

test('audience vendor: the same findings, each finding and gap with what to do before submitting, in the locale\'s language', () => {
  const s = scenarios().find((x) => x.name === 'janitorial-wage-below-floor');
  for (const locale of ['en', 'es']) {
    const evaluator = ctip.evaluateBid(s.value, { asOf: '2026-03-02', locale });
    const vendor = ctip.evaluateBid(s.value, { asOf: '2026-03-02', locale, audience: 'vendor' });
    assert.equal(vendor.audience, 'vendor');
    assert.equal(evaluator.audience, undefined);
    assert.deepEqual(vendor.findings.map((f) => [f.rule, f.severity]), evaluator.findings.map((f) => [f.rule, f.severity]));
    assert.equal(vendor.score, evaluator.score);
    const catalogue = new Map(ctip.rules({ locale }).map((r) => [r.id, r.vendorAction]));
    for (const f of vendor.findings) assert.equal(f.vendorAction, catalogue.get(f.rule), f.rule);
    for (const g of vendor.gaps) assert.equal(g.vendorAction, catalogue.get(g.rule), g.rule);
    for (const f of evaluator.findings) assert.equal(f.vendorAction, undefined);
  }
  assert.throws(() => ctip.evaluateBid(s.value, { audience: 'bidder' }), (e) => e.code === 'invalid-options' && e.issues[0].path === 'audience');
});

test('the vendor page and the plan builder have every text in both languages', async () => {
  const { VENDOR, PLAN_PARTS } = await import('../../www/i18n.js');
  const en = leaves(VENDOR.en);
  const es = leaves(VENDOR.es);
  assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
  for (const [key, text] of en) assert.deepEqual(placeholders(es.get(key) ?? ''), placeholders(text), key);
  // Each part of the plan names its paragraph of FAR 52.222-50, in both languages.
  assert.deepEqual(PLAN_PARTS.map((p) => p.paragraph), ['(h)(3)(i)', '(h)(3)(ii)', '(h)(3)(iii)', '(h)(3)(iv)', '(h)(3)(v)', '(h)(4)', '(h)(5)', '(i)(2)']);
  for (const p of PLAN_PARTS) assert.ok(p.en && p.es && p.en !== p.es, p.key);
});

test('ocdsToBids gives its reasons in the locale\'s language', async () => {
  const text = JSON.stringify({ releases: [{ ocid: 'ocds-x-1', id: '1', date: '2026-01-01', tag: ['tender'],
    bids: { details: [{ id: 'b1', value: { amount: 1, currency: 'USD' } }] } }] });
  const en = await ctip.ocdsToBids(text);
  const es = await ctip.ocdsToBids(text, { locale: 'es-MX' });
  assert.equal(en[0].excluded[0].reason, 'the bid names no tenderer');
  assert.equal(es[0].excluded[0].reason, 'la oferta no nombra ningún licitante');
});

test('values JSON cannot hold, and values that cannot be read, are named in the locale\'s language', () => {
  const bid = (headcount) => ({ id: 'x', solicitation: { id: 's' }, vendor: { name: 'v' }, workforce: { headcount } });
  const cases = [
    [() => 1, 'not a function', 'no una función'],
    [Symbol('q'), 'not a symbol', 'no un símbolo'],
    [new Uint8Array([1]), 'not a byte array', 'no un arreglo de bytes'],
    [Infinity, 'must be a finite number (not NaN or Infinity)', 'debe ser un número finito (no NaN ni Infinity)'],
  ];
  for (const [value, en, es] of cases) {
    assert.throws(() => ctip.evaluateBid(bid(value)), (e) => e.issues[0].path === 'workforce.headcount'
      && e.issues[0].message.endsWith(en) && e.message.startsWith('invalid submission: '), en);
    assert.throws(() => ctip.evaluateBid(bid(value), { locale: 'es-MX' }), (e) => e.issues[0].path === 'workforce.headcount'
      && e.issues[0].message.endsWith(es) && e.message.startsWith('oferta no válida: '), es);
    const checked = ctip.validateSubmission(bid(value), { locale: 'es' });
    assert.equal(checked.valid, false);
    assert.ok(checked.issues[0].message.endsWith(es), checked.issues[0].message);
  }
  // The options' own problems, read from an options object that is not plain data.
  assert.throws(() => ctip.evaluateBid(bid(3), { locale: 'es', asOf: NaN }),
    (e) => e.code === 'invalid-options' && e.message === 'opciones no válidas: asOf: debe ser un número finito (no NaN ni Infinity)');
  // The shim's own refusals: a getter that throws, an array too long to walk.
  const vendor = {};
  Object.defineProperty(vendor, 'name', { enumerable: true, get() { throw new Error('boom'); } });
  assert.throws(() => ctip.evaluateBid({ id: 'x', vendor }, { locale: 'es' }),
    (e) => e.issues[0].path === 'vendor.name' && e.issues[0].message === 'no se pudo leer: boom' && e.message === 'ctip-screen: oferta no válida: vendor.name: no se pudo leer: boom');
  const long = { id: 'x', supplyItems: [] };
  long.supplyItems.length = 2_000_000;
  assert.throws(() => ctip.evaluateBid(long, { locale: 'es' }),
    (e) => e.code === 'limit-exceeded' && e.issues[0].message === 'tiene 2,000,000 elementos; ningún límite permite más de 1,000,000');
  // Options whose locale cannot be read: named in English, at the field.
  const options = {};
  Object.defineProperty(options, 'locale', { enumerable: true, get() { throw new Error('no locale'); } });
  assert.throws(() => ctip.evaluateBid(bid(3), options),
    (e) => e.code === 'invalid-options' && e.issues[0].path === 'locale' && e.issues[0].message === 'could not be read: no locale');
  // The summary of several problems.
  assert.throws(() => ctip.evaluateBid({ id: 'x' }, { locale: 'es' }), (e) => / \(y 1 más\)$/.test(e.message));
  assert.throws(() => ctip.evaluateBid({ id: 'x' }), (e) => / \(and 1 more\)$/.test(e.message));
});

test('ocdsToBids names the lines it cannot read in the locale\'s language', async () => {
  const text = '{"ocid": "ocds-x-1", "tender": tru}\n{"hello": 1}\n'
    + JSON.stringify({ ocid: 'ocds-x-2', id: '2', date: '2026-01-01', tag: ['tender'] });
  const en = await ctip.ocdsToBids(text);
  const es = await ctip.ocdsToBids(text, { locale: 'es' });
  assert.deepEqual(en.errors.map((e) => e.line), [1, 2]);
  assert.deepEqual(es.errors.map((e) => e.line), [1, 2]);
  assert.equal(en.errors[0].error.message, 'line 1: not valid JSON: expected value at column 32');
  assert.equal(es.errors[0].error.message, 'línea 1: no es JSON válido: se esperaba un valor en la columna 32');
  assert.match(es.errors[1].error.message, /^línea 2: no es OCDS: se esperaba una entrega \(release\)/);
  // Nothing readable at all: the promise rejects, in the language asked for.
  await assert.rejects(ctip.ocdsToBids('{"hello": 1}', { locale: 'es-US' }),
    (e) => e.code === 'invalid-submission' && /^línea 1: no es OCDS/.test(e.issues[0].message));
});

test('a policy given in the options is checked in the options\' language', () => {
  const policy = structuredClone(ctip.defaultPolicy());
  policy.tiers.elevated = 90;
  const s = scenarios().find((x) => x.name === 'minimal-bid');
  assert.throws(() => ctip.evaluateBid(s.value, { locale: 'es', policy }),
    (e) => e.code === 'invalid-policy' && e.issues.some((i) => i.path === 'tiers.elevated' && i.message === 'no debe ser mayor que tiers.high'));
  assert.throws(() => ctip.evaluateBid(s.value, { policy }),
    (e) => e.issues.some((i) => i.message === 'must not be above tiers.high'));
});

// The glossary (docs/glossary.md), as tests/docs.rs reads it for the
// engine's texts: wherever an English text uses a term, its Spanish uses
// the glossary's Spanish term (longer terms first; plurals and feminines
// count).
const GLOSSARY = (() => {
  const text = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
  const terms = (cell) => cell.replace(/\(.*$/, '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  return text.split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| English') && !l.startsWith('|---'))
    .map((l) => l.replace(/^\||\|$/g, '').split(' | ').map((c) => c.trim()))
    .map(([en, es]) => [terms(en), terms(es)])
    .sort((a, b) => Math.max(...b[0].map((t) => t.length)) - Math.max(...a[0].map((t) => t.length)));
})();

/** Does `text` hold `term` as words (an English plural in -s too)? */
function hasWords(text, term) {
  for (const t of [term, term.charAt(0).toUpperCase() + term.slice(1)]) {
    let i = text.indexOf(t);
    while (i >= 0) {
      const before = text[i - 1];
      let rest = text.slice(i + t.length);
      if (rest.startsWith('s')) rest = rest.slice(1);
      if (!(before && /[\p{L}\p{N}]/u.test(before)) && !/^[\p{L}\p{N}]/u.test(rest)) return true;
      i = text.indexOf(t, i + 1);
    }
  }
  return false;
}

const spanishWords = (text) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);

const usesSpanish = (words, term) => {
  const t = spanishWords(term);
  return t.length > 0 && words.some((_, i) => t.every((g, j) => (words[i + j] ?? '').startsWith(g)));
};

/** The glossary misses among [label, english, spanish] texts. */
function glossaryMisses(texts) {
  const misses = [];
  for (const [label, en, es] of texts) {
    let english = en.replace(/\{\w+\}/g, ' ');
    const spanish = spanishWords(es.replace(/\{\w+\}/g, ' '));
    for (const [enTerms, esTerms] of GLOSSARY) {
      const term = enTerms.find((t) => hasWords(english, t));
      if (term === undefined) continue;
      if (!esTerms.some((t) => usesSpanish(spanish, t))) misses.push(`${label}: '${term}' is not '${esTerms.join("' or '")}'`);
      for (const t of enTerms) english = english.split(t).join(' ');
    }
  }
  return misses;
}

test('the panel, the pages and the questionnaire use the glossary\'s terms', async () => {
  assert.ok(GLOSSARY.length >= 40, `${GLOSSARY.length} glossary rows`);
  const { PAGE, VENDOR, FORM_ES, PLAN_PARTS, FILE_ERRORS } = await import('../../www/i18n.js');
  const { SECTIONS } = await import('../../www/questionnaire.js');
  const texts = [];
  for (const [name, words] of [['panel', panel.WORDS], ['page', PAGE], ['vendor page', VENDOR], ['file error', FILE_ERRORS]]) {
    const es = leaves(words.es);
    for (const [key, en] of leaves(words.en)) texts.push([`${name} ${key}`, en, es.get(key) ?? '']);
  }
  for (const part of PLAN_PARTS) texts.push([`plan ${part.key}`, part.en, part.es]);
  for (const section of SECTIONS) {
    texts.push([`section ${section.title}`, section.title, FORM_ES.sections[section.title] ?? '']);
    for (const [path, label] of section.fields) texts.push([`field ${path}`, label, FORM_ES.fields[path] ?? '']);
  }
  for (const [en, es] of Object.entries(FORM_ES.choices)) texts.push([`choice ${en}`, en, es]);
  for (const [word, es] of Object.entries(FORM_ES.words)) texts.push([`word ${word}`, word.replace(/-/g, ' '), es]);
  assert.ok(texts.length > 200, `${texts.length} texts`);
  assert.deepEqual(glossaryMisses(texts), []);
});

test('the demo writes dates as its language does (the panel\'s formatDate)', () => {
  assert.equal(panel.formatDate('2026-03-02', 'es'), '2 de marzo de 2026');
  assert.equal(panel.formatDate('2026-12-31', 'es'), '31 de diciembre de 2026');
  assert.equal(panel.formatDate('not a date', 'es'), 'not a date');
  assert.equal(panel.formatDate('2026-03-02', 'en'), '2026-03-02');
});

test('the pages name where a file stops being JSON in their language', async () => {
  const { parseJson } = await import('../../www/dom.js');
  assert.deepEqual(parseJson('{"a": [1, 2]}', ctip, 'es'), { a: [1, 2] });
  assert.throws(() => parseJson('{"a" 1}', ctip, 'es'), { message: 'JSON no válido: se esperaba `:` en la línea 1, columna 6' });
  assert.throws(() => parseJson('{"a" 1}', ctip, 'en'), (e) => /^not valid JSON: expected `:`/.test(e.message));
});

test('the pages say why a file could not be read in their language, not the browser\'s English', async () => {
  const { FILE_ERRORS, fileError } = await import('../../www/i18n.js');
  assert.deepEqual(Object.keys(FILE_ERRORS.es).sort(), Object.keys(FILE_ERRORS.en).sort());
  // What Chromium throws from File.text() for a file changed since it was chosen.
  const moved = new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError');
  assert.equal(fileError(moved, 'es'), FILE_ERRORS.es.NotReadableError);
  assert.equal(fileError(moved, 'en'), FILE_ERRORS.en.NotReadableError);
  assert.match(fileError(moved, 'es'), /^no se pudo leer el archivo/);
  assert.equal(fileError(new DOMException('gone', 'NotFoundError'), 'es'), FILE_ERRORS.es.NotFoundError);
  // Any other reason keeps its own message; a name on the prototype chain is not a key.
  assert.equal(fileError(new Error('disk on fire'), 'es'), 'disk on fire');
  assert.equal(fileError(new DOMException('x', 'toString'), 'es'), 'x');
  assert.equal(fileError('plain', 'en'), 'plain');
});

test('a goods list that cannot be read is named in the locale\'s language', () => {
  const bid = JSON.parse(readFileSync(new URL('../scenarios/minimal-bid.json', import.meta.url), 'utf8'));
  const goodsLists = [{ csv: 'good,country,child_labor\nBricks,Narnia,x\n', edition: '2026' }];
  for (const [locale, expected] of [['es', /^línea 2: el país 'Narnia' no tiene código iso2/], ['en', /^line 2: the country 'Narnia' has no iso2 code/]]) {
    assert.throws(() => ctip.evaluateBid(bid, { goodsLists, locale }), (e) => e.code === 'invalid-options'
      && e.issues[0].path === 'goodsLists[0].csv' && expected.test(e.issues[0].message));
  }
});
