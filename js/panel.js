// The risk panel: an assessment as an evaluator reads it. Built from DOM
// nodes with text only (vendor-supplied strings can never become markup),
// keyboard-navigable (native <details>), and readable without color (the
// tier and each severity are written out). Style: ctip-risk-panel.css.

/** @typedef {import('./index.js').Assessment} Assessment */
/** @typedef {import('./index.js').Finding} Finding */

/**
 * The panel's own words in English and Spanish, side by side (the findings'
 * texts come from the engine, in the language the assessment records).
 * `{name}` is filled by `say`; both languages of a text name the same
 * placeholders (a test checks it). Spanish follows docs/glossary.md.
 */
export const WORDS = {
  en: {
    severity: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' },
    tier: { critical: 'Critical risk', high: 'High risk', elevated: 'Elevated risk', low: 'Low risk' },
    tierLower: { critical: 'critical risk', high: 'high risk', elevated: 'elevated risk', low: 'low risk' },
    point: '{n} point',
    points: '{n} points',
    criticalReason: '{tier}: {n} critical finding, whatever the score.',
    criticalReasons: '{tier}: {n} critical findings, whatever the score.',
    atLeast: '{tier}: {points}, {cutoff} or more.',
    under: '{tier}: {points}, under {cutoff}.',
    plain: '{tier}: {points}.',
    finding: '{n} finding',
    findings: '{n} findings',
    severityCount: '{n} {severity}',
    rule: '{n} rule',
    rules: '{n} rules',
    summary: 'Bid {id}: score {score} of 100, {tier}, {review}; {findings}, {gaps} lacking information.',
    reviewRequired: 'review required',
    noReviewRequired: 'no review required',
    ariaLabel: 'Risk assessment of bid {id}',
    heading: 'Risk indicators for bid {id}',
    score: 'Score ',
    reviewLine: 'Review required before award.',
    noReviewLine: 'No review required by the policy; use your judgement.',
    disclaimer: 'These are risk indicators for review, not conclusions. ctip-screen recommends; people decide.',
    findingsHeading: 'Findings ({n})',
    noneFound: 'No risk indicators found.',
    gapsHeading: 'Information missing ({n})',
    noGaps: 'Every applicable rule could be evaluated.',
    fields: 'Fields: ',
    ruleRef: '(rule {rule})',
    meta: 'As of {date} · policy {policy} · {percent}% of applicable rules evaluated · engine {engine}',
    digest: 'Policy digest: {digest}',
    pointsBadge: '+{n} points',
    nextStep: 'Next step: ',
    evidence: 'Evidence in the bid',
    law: 'Law or standard',
    evidenceAndLaw: 'Evidence and law',
    ruleFact: 'Rule',
    tvpra: 'TVPRA list',
    eo13126: 'EO 13126 list',
    listing: '(on the {list}, {edition} edition, as "{entry}": {status})',
    listingStatus: {
      confirmed: 'confirmed for this edition',
      'confirmed-flags-changed': 'confirmed for this edition, with changed labor types',
      added: 'new in this edition',
      'carried-over': 'known from the previous edition only; not confirmed for this one',
      listed: 'listed',
    },
    yes: 'Yes',
    no: 'No',
    vendorHeading: 'What the city will see in bid {id}',
    vendorReviewLine: "The city's evaluator will review this bid before award.",
    vendorNoReviewLine: 'The evaluator may still ask about any finding.',
    vendorGapsHeading: 'Information the city will ask for ({n})',
    beforeSubmitting: 'Before you submit: ',
    evaluatorStep: 'What the evaluator will do',
    keys: {
      hourly: 'Hourly wage',
      total: 'Total price',
      laborCost: 'Labor cost',
      laborHours: 'Labor hours',
      estimatedValue: 'Estimated value',
      offshoreValue: 'Value performed outside the US',
      workerPaidFees: 'Recruitment fees paid by workers',
      maxWeeklyHours: 'Longest scheduled week (hours)',
      countryOfOrigin: 'Country of origin',
      shareOfValue: 'Share of the contract value',
      dirRegistered: 'DIR public-works registration',
      flowDown: 'Anti-trafficking clause flowed down',
      amountPerWeek: 'Amount per week',
    },
    rows: {
      wageRates: 'wage rate',
      subcontractors: 'subcontractor',
      supplyItems: 'supply item',
      deductions: 'deduction',
      recruiters: 'recruiter',
      wageViolations: 'wage violation',
      exclusions: 'exclusion',
      traffickingFindings: 'finding',
      wageDeterminations: 'wage determination',
    },
  },
  es: {
    // Agreeing with gravedad (severity): "de gravedad alta".
    severity: { critical: 'Crítica', high: 'Alta', medium: 'Media', low: 'Baja', info: 'Informativa' },
    tier: { critical: 'Riesgo crítico', high: 'Riesgo alto', elevated: 'Riesgo elevado', low: 'Riesgo bajo' },
    tierLower: { critical: 'riesgo crítico', high: 'riesgo alto', elevated: 'riesgo elevado', low: 'riesgo bajo' },
    point: '{n} punto',
    points: '{n} puntos',
    criticalReason: '{tier}: {n} hallazgo crítico, sea cual sea la puntuación.',
    criticalReasons: '{tier}: {n} hallazgos críticos, sea cual sea la puntuación.',
    atLeast: '{tier}: {points}, {cutoff} o más.',
    under: '{tier}: {points}, menos de {cutoff}.',
    plain: '{tier}: {points}.',
    finding: '{n} hallazgo',
    findings: '{n} hallazgos',
    severityCount: '{n} de gravedad {severity}',
    rule: '{n} regla',
    rules: '{n} reglas',
    summary: 'Oferta {id}: puntuación {score} de 100, {tier}, {review}; {findings}, {gaps} con información faltante.',
    reviewRequired: 'se requiere revisión',
    noReviewRequired: 'no se requiere revisión',
    ariaLabel: 'Evaluación de riesgo de la oferta {id}',
    heading: 'Indicadores de riesgo de la oferta {id}',
    score: 'Puntuación ',
    reviewLine: 'Se requiere revisión antes de la adjudicación.',
    noReviewLine: 'No se requiere revisión según la política de evaluación; use su criterio.',
    disclaimer: 'Estos son indicadores de riesgo para revisar, no conclusiones. ctip-screen recomienda; las personas deciden.',
    findingsHeading: 'Hallazgos ({n})',
    noneFound: 'No se encontraron indicadores de riesgo.',
    gapsHeading: 'Información faltante ({n})',
    noGaps: 'Se pudieron evaluar todas las reglas aplicables.',
    fields: 'Campos: ',
    ruleRef: '(regla {rule})',
    meta: 'Fecha de evaluación {date} · política de evaluación {policy} · {percent}% de las reglas aplicables evaluadas · motor {engine}',
    digest: 'Huella de la política de evaluación: {digest}',
    pointsBadge: '+{n} puntos',
    nextStep: 'Siguiente paso: ',
    evidence: 'Evidencia en la oferta',
    law: 'Ley o norma',
    evidenceAndLaw: 'Evidencia y ley',
    ruleFact: 'Regla',
    tvpra: 'lista TVPRA',
    eo13126: 'lista EO 13126',
    listing: '(en la {list}, edición {edition}, como "{entry}": {status})',
    listingStatus: {
      confirmed: 'confirmado en esta edición',
      'confirmed-flags-changed': 'confirmado en esta edición, con otros tipos de trabajo',
      added: 'nuevo en esta edición',
      'carried-over': 'conocido solo por la edición anterior; no confirmado en esta',
      listed: 'en la lista',
    },
    yes: 'Sí',
    no: 'No',
    vendorHeading: 'Lo que la ciudad verá en la oferta {id}',
    vendorReviewLine: 'La persona evaluadora de la ciudad revisará esta oferta antes de la adjudicación.',
    vendorNoReviewLine: 'La persona evaluadora puede preguntar de todos modos por cualquier hallazgo.',
    vendorGapsHeading: 'Información que la ciudad pedirá ({n})',
    beforeSubmitting: 'Antes de presentar la oferta: ',
    evaluatorStep: 'Lo que hará la persona evaluadora',
    keys: {
      hourly: 'Salario por hora',
      total: 'Precio total',
      laborCost: 'Costo de mano de obra',
      laborHours: 'Horas de trabajo',
      estimatedValue: 'Valor estimado',
      offshoreValue: 'Valor ejecutado fuera de EE. UU.',
      workerPaidFees: 'Cuotas de reclutamiento pagadas por los trabajadores',
      maxWeeklyHours: 'Semana programada más larga (horas)',
      countryOfOrigin: 'País de origen',
      shareOfValue: 'Parte del valor del contrato',
      dirRegistered: 'Registro de obras públicas ante el DIR',
      flowDown: 'Cláusula contra la trata de personas trasladada',
      amountPerWeek: 'Monto por semana',
    },
    rows: {
      wageRates: 'salario',
      subcontractors: 'subcontratista',
      supplyItems: 'artículo de suministro',
      deductions: 'deducción',
      recruiters: 'reclutador',
      wageViolations: 'infracción salarial',
      exclusions: 'exclusión',
      traffickingFindings: 'determinación',
      wageDeterminations: 'determinación salarial',
    },
  },
};

/**
 * The panel's language: the assessment's own (`locale`, written by the
 * engine), else the one a locale tag chooses (`es`, `es-MX`: Spanish).
 * @param {{ locale?: string } | null | undefined} assessment
 * @param {string} [locale]
 * @returns {'en' | 'es'}
 */
export function panelLanguage(assessment, locale) {
  const tag = assessment?.locale ?? locale ?? '';
  return /^es(?:[-_]|$)/i.test(String(tag).trim()) ? 'es' : 'en';
}

/**
 * A text of `WORDS` with its placeholders filled.
 * @param {string} template
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
function say(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * Creates an element with classes and optional text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {Document} doc
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * @typedef {{ locale?: string, headingLevel?: 2|3|4|5|6, openFindings?: boolean,
 *   labels?: Record<string, string>, tiers?: { high: number, elevated: number } }} PanelOptions
 */

/**
 * Why the assessment has its tier, in words: "Critical risk: 1 critical
 * finding." or "High risk: 55 points, 50 or more." (the cut-off when
 * `tiers` gives the policy's).
 * @param {Assessment} assessment
 * @param {PanelOptions['tiers']} [tiers]
 * @returns {string}
 */
export function tierReason(assessment, tiers) {
  const w = WORDS[panelLanguage(assessment)];
  const tier = assessment.tier;
  const words = w.tier[tier] ?? String(tier);
  const critical = assessment.findings.filter((f) => f.severity === 'critical').length;
  const points = say(assessment.score === 1 ? w.point : w.points, { n: assessment.score });
  if (tier === 'critical' && critical > 0) {
    return say(critical === 1 ? w.criticalReason : w.criticalReasons, { tier: words, n: critical });
  }
  const cutoff = tier === 'high' ? tiers?.high : tier === 'elevated' ? tiers?.elevated : undefined;
  if (cutoff !== undefined) return say(w.atLeast, { tier: words, points, cutoff });
  if (tier === 'low' && tiers) return say(w.under, { tier: words, points, cutoff: tiers.elevated });
  return say(w.plain, { tier: words, points });
}

/**
 * The assessment in one sentence, for a screen reader or a place of the
 * portal's own: "Bid B-1: score 55 of 100, high risk, review required; 3
 * findings (1 critical), 2 fields missing."
 * @param {Assessment} assessment
 * @returns {string}
 */
export function summarizeAssessment(assessment) {
  const lang = panelLanguage(assessment);
  const w = WORDS[lang];
  const n = assessment.findings.length;
  const bySeverity = /** @type {const} */ (['critical', 'high'])
    .map((sev) => /** @type {const} */ ([sev, assessment.findings.filter((f) => f.severity === sev).length]))
    .filter(([, count]) => count > 0)
    .map(([sev, count]) => say(w.severityCount, { n: count, severity: lang === 'en' ? sev : w.severity[sev].toLowerCase() }));
  const findings = say(n === 1 ? w.finding : w.findings, { n }) + (bySeverity.length ? ` (${bySeverity.join(', ')})` : '');
  const gaps = (assessment.gaps ?? []).length;
  return say(w.summary, {
    id: assessment.submissionId,
    score: assessment.score,
    tier: w.tierLower[assessment.tier] ?? assessment.tier,
    review: assessment.reviewRequired ? w.reviewRequired : w.noReviewRequired,
    findings,
    gaps: say(gaps === 1 ? w.rule : w.rules, { n: gaps }),
  });
}

/**
 * Builds the panel for an assessment and returns it (not attached).
 * @param {Document} doc
 * @param {Assessment} assessment
 * @param {PanelOptions} [options]
 * @returns {HTMLElement}
 */
export function renderRiskPanel(doc, assessment, options = {}) {
  if (!assessment || typeof assessment !== 'object' || !Array.isArray(assessment.findings)) {
    throw new TypeError('mountRiskPanel: expected an Assessment from evaluateBid()');
  }
  const level = options.headingLevel ?? 3;
  const heading = /** @type {'h2'|'h3'|'h4'|'h5'|'h6'} */ (`h${level}`);
  const sub = /** @type {'h2'|'h3'|'h4'|'h5'|'h6'} */ (`h${Math.min(level + 1, 6)}`);
  const tier = assessment.tier;
  const lang = panelLanguage(assessment, options.locale);
  const w = WORDS[lang];
  const section = el(doc, 'section', `ctip-panel ctip-tier-${tier}`);
  // Screen readers switch voice with the language of the texts.
  section.lang = lang;
  section.setAttribute('aria-label', say(w.ariaLabel, { id: assessment.submissionId }));

  const header = el(doc, 'div', 'ctip-summary');
  // The vendor's own check (audience: 'vendor'): what the city will see, and
  // what to do before submitting; never a verdict.
  const forVendor = assessment.audience === 'vendor';
  header.append(el(doc, heading, 'ctip-heading', say(forVendor ? w.vendorHeading : w.heading, { id: assessment.submissionId })));
  const scoreLine = el(doc, 'p', 'ctip-scoreline');
  const score = el(doc, 'span', 'ctip-score');
  score.append(el(doc, 'span', 'ctip-score-value', formatNumber(assessment.score, options.locale)), doc.createTextNode(' / 100'));
  scoreLine.append(el(doc, 'span', 'ctip-label', w.score), score);
  const badge = el(doc, 'span', `ctip-tier-badge ctip-tier-${tier}`, w.tier[tier] ?? String(tier));
  scoreLine.append(doc.createTextNode(' '), badge);
  header.append(scoreLine);
  header.append(el(doc, 'p', 'ctip-tier-reason', tierReason(assessment, options.tiers)));
  header.append(
    el(
      doc,
      'p',
      assessment.reviewRequired ? 'ctip-review ctip-review-required' : 'ctip-review',
      forVendor
        ? (assessment.reviewRequired ? w.vendorReviewLine : w.vendorNoReviewLine)
        : (assessment.reviewRequired ? w.reviewLine : w.noReviewLine),
    ),
  );
  header.append(el(doc, 'p', 'ctip-disclaimer', w.disclaimer));
  section.append(header);

  section.append(el(doc, sub, 'ctip-subheading', say(w.findingsHeading, { n: assessment.findings.length })));
  if (assessment.findings.length === 0) {
    section.append(el(doc, 'p', 'ctip-none', w.noneFound));
  } else {
    const list = el(doc, 'ol', 'ctip-findings');
    for (const finding of assessment.findings) list.append(renderFinding(doc, finding, options, lang));
    section.append(list);
  }

  const gaps = assessment.gaps ?? [];
  section.append(el(doc, sub, 'ctip-subheading', say(forVendor ? w.vendorGapsHeading : w.gapsHeading, { n: gaps.length })));
  if (gaps.length === 0) {
    section.append(el(doc, 'p', 'ctip-none', w.noGaps));
  } else {
    const list = el(doc, 'ul', 'ctip-gaps');
    for (const gap of gaps) {
      const item = el(doc, 'li', 'ctip-gap');
      item.append(el(doc, 'span', 'ctip-gap-message', gap.message), doc.createTextNode(' '));
      const fields = el(doc, 'span', 'ctip-gap-paths');
      fields.append(doc.createTextNode(w.fields));
      gap.paths.forEach((p, i) => {
        if (i > 0) fields.append(doc.createTextNode(', '));
        fields.append(el(doc, 'span', 'ctip-field-label', fieldLabel(p, options.labels, lang)), doc.createTextNode(' '),
          el(doc, 'code', 'ctip-path', `(${p})`));
      });
      item.append(fields, doc.createTextNode(' '), el(doc, 'span', 'ctip-rule-id', say(w.ruleRef, { rule: gap.rule })));
      if (gap.vendorAction) {
        const todo = el(doc, 'p', 'ctip-vendor-action');
        todo.append(el(doc, 'span', 'ctip-next-label', w.beforeSubmitting), el(doc, 'span', 'ctip-action', gap.vendorAction));
        item.append(todo);
      }
      list.append(item);
    }
    section.append(list);
  }

  // For the audit record: when, under which policy and engine.
  const footer = el(doc, 'div', 'ctip-record');
  footer.append(el(doc, 'p', 'ctip-meta', say(w.meta, {
    date: formatDate(assessment.asOf, lang),
    policy: `${assessment.policy.id} ${assessment.policy.version}`,
    percent: Math.round(assessment.completeness * 100),
    engine: assessment.engineVersion,
  })));
  footer.append(el(doc, 'p', 'ctip-digest', say(w.digest, { digest: assessment.policy.digest })));
  section.append(footer);
  return section;
}

/**
 * A date (YYYY-MM-DD) as the panel's language writes it: as it is in
 * English (the assessment's own form), "2 de marzo de 2026" in Spanish, as
 * the engine's Spanish messages write it.
 * @param {string} iso
 * @param {'en' | 'es'} lang
 */
export function formatDate(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (lang === 'en' || !m) return iso;
  const months = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
  return `${Number(m[3])} de ${months[Number(m[2]) - 1]} de ${m[1]}`;
}

/** Severities whose message and next step show without a click. */
const SHOWN = new Set(['critical', 'high']);

/**
 * @param {Document} doc
 * @param {Finding} finding
 * @param {PanelOptions} options
 * @param {'en' | 'es'} lang
 */
function renderFinding(doc, finding, options, lang) {
  const w = WORDS[lang];
  const item = el(doc, 'li', `ctip-finding ctip-sev-${finding.severity}`);
  item.setAttribute('data-rule', finding.rule);
  const title = () => {
    const line = [
      el(doc, 'span', `ctip-sev ctip-sev-${finding.severity}`, w.severity[finding.severity] ?? finding.severity),
      doc.createTextNode(' '),
      el(doc, 'span', 'ctip-title', finding.title),
      doc.createTextNode(' '),
      el(doc, 'span', 'ctip-points', say(w.pointsBadge, { n: finding.points })),
    ];
    return line;
  };
  const message = el(doc, 'p', 'ctip-message', finding.message);
  const next = el(doc, 'p', 'ctip-next');
  if (finding.vendorAction) {
    // For the vendor: what to do before submitting; the evaluator's next
    // step stays with the evidence and the law.
    next.append(el(doc, 'span', 'ctip-next-label', w.beforeSubmitting), el(doc, 'span', 'ctip-action', finding.vendorAction));
  } else {
    next.append(el(doc, 'span', 'ctip-next-label', w.nextStep), el(doc, 'span', 'ctip-action', finding.action));
  }
  const details = el(doc, 'details');
  details.open = options.openFindings ?? false;
  const summary = el(doc, 'summary');
  const dl = el(doc, 'dl', 'ctip-facts');
  const evidence = el(doc, 'ul', 'ctip-evidence');
  for (const e of finding.evidence) {
    const li = el(doc, 'li');
    li.append(
      el(doc, 'span', 'ctip-field-label', fieldLabel(e.path, options.labels, lang)),
      doc.createTextNode(': '),
      el(doc, 'span', 'ctip-value', formatValue(e.path, e.value, options.locale, lang)),
      doc.createTextNode(' '),
      el(doc, 'code', 'ctip-path', `(${e.path})`),
    );
    if (e.listing) {
      // The list entry the value matched, so the claim can be checked against the list itself.
      li.append(doc.createTextNode(' '), el(doc, 'span', 'ctip-listing', say(w.listing, {
        list: e.listing.list === 'tvpra' ? w.tvpra : w.eo13126,
        edition: e.listing.edition,
        entry: e.listing.entry,
        status: w.listingStatus[e.listing.status] ?? e.listing.status,
      })));
    }
    evidence.append(li);
  }
  addFact(doc, dl, w.evidence, evidence);
  addFact(doc, dl, w.law, el(doc, 'span', 'ctip-citations', finding.citations.join('; ')));
  if (finding.vendorAction) addFact(doc, dl, w.evaluatorStep, el(doc, 'span', 'ctip-evaluator-action', finding.action));
  if (SHOWN.has(finding.severity)) {
    // What an evaluator must read first, without a click: what was found
    // and what to do. The evidence and the law stay one click away.
    const head = el(doc, 'p', 'ctip-finding-head');
    head.append(...title());
    item.append(head, message, next);
    summary.append(w.evidenceAndLaw);
  } else {
    summary.append(...title());
    details.append(message, next);
  }
  addFact(doc, dl, w.ruleFact, el(doc, 'code', 'ctip-rule-id', finding.rule));
  details.prepend(summary);
  details.append(dl);
  item.append(details);
  return item;
}

/**
 * The label of a submission path as a portal user reads it: the mapping's
 * label when the portal gave one (by exact path, or with `[]` for any row),
 * else the words for its last key, with the row: `Hourly wage (wage rate 2)`
 * (`Salario por hora (salario 2)` in Spanish).
 * @param {string} path
 * @param {Record<string, string>} [labels]
 * @param {string} [locale] the language of the words: `es` (or any `es` tag) for Spanish, else English
 * @returns {string}
 */
export function fieldLabel(path, labels, locale) {
  const w = WORDS[panelLanguage(null, locale)];
  /** @type {Record<string, string>} */
  const rowWords = w.rows;
  /** @type {Record<string, string>} */
  const keyWords = w.keys;
  const anyRow = path.replace(/\[\d+\]/g, '[]');
  const given = labels?.[path] ?? labels?.[anyRow];
  const rows = [...path.matchAll(/(\w+)\[(\d+)\]/g)].map((m) => `${rowWords[m[1] ?? ''] ?? m[1]} ${Number(m[2]) + 1}`);
  const where = rows.length ? ` (${rows.join(', ')})` : '';
  if (given) return labels?.[path] ? given : `${given}${where}`;
  const last = /(\w+)(?:\[\d+\])?$/.exec(path)?.[1] ?? path;
  const words = keyWords[last] ?? last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
  return `${words}${where}`;
}

/**
 * A value of the bid as the form shows it: numbers grouped, shares as
 * percentages, yes or no, text as it is.
 * @param {string} path
 * @param {unknown} value
 * @param {string | undefined} locale
 * @param {'en' | 'es'} lang
 * @returns {string}
 */
function formatValue(path, value, locale, lang) {
  if (typeof value === 'boolean') return value ? WORDS[lang].yes : WORDS[lang].no;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    try {
      if (/Share$/.test(path)) return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
      const money = /(hourly|total|laborCost|estimatedValue|offshoreValue|workerPaidFees|amount|amountPerWeek|value|annualRevenue)$/.test(path);
      return new Intl.NumberFormat(locale, money ? { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 } : {}).format(value);
    } catch {
      return String(value);
    }
  }
  return JSON.stringify(value) ?? '';
}

/** @param {Document} doc @param {HTMLElement} dl @param {string} term @param {Node} value */
function addFact(doc, dl, term, value) {
  const dd = el(doc, 'dd');
  dd.append(value);
  dl.append(el(doc, 'dt', undefined, term), dd);
}

/** @param {number} n @param {string} [locale] */
function formatNumber(n, locale) {
  try {
    return new Intl.NumberFormat(locale).format(n);
  } catch {
    return String(n);
  }
}

/**
 * Renders an assessment into `target`: the first time, replacing what was
 * there; after that, changing only what changed (opened findings stay open).
 * @param {Element} target
 * @param {Assessment} assessment
 * @param {PanelOptions} [options]
 */
export function mountRiskPanel(target, assessment, options = {}) {
  if (!target || typeof target.replaceChildren !== 'function') {
    throw new TypeError('mountRiskPanel: expected a DOM Element as target');
  }
  const doc = target.ownerDocument;
  const next = renderRiskPanel(doc, assessment, options);
  const current = target.firstElementChild;
  if (target.childNodes.length === 1 && current && current.classList.contains('ctip-panel')) {
    // Re-rendered while the bid is edited: change only what changed, so a
    // keystroke costs a few text updates, not a new panel, and the findings
    // a reader has opened stay open.
    morph(current, next);
  } else {
    target.replaceChildren(next);
  }
}

/**
 * Makes `old` look like `next`, reusing its nodes where they have the same
 * kind and tag: text is updated in place, attributes copied, children
 * matched in order (findings by their rule). A `<details>` keeps the open
 * state the reader gave it.
 * @param {Node} old
 * @param {Node} next
 */
function morph(old, next) {
  if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName) {
    /** @type {ChildNode} */ (old).replaceWith(next);
    return;
  }
  if (old.nodeType === 3) {
    if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
    return;
  }
  if (old.nodeType !== 1) return;
  const a = /** @type {Element} */ (old);
  const b = /** @type {Element} */ (next);
  if (a.getAttribute('data-rule') !== b.getAttribute('data-rule')) {
    a.replaceWith(b);
    return;
  }
  for (const { name, value } of Array.from(b.attributes)) {
    if (name !== 'open' && a.getAttribute(name) !== value) a.setAttribute(name, value);
  }
  for (const { name } of Array.from(a.attributes)) {
    if (name !== 'open' && !b.hasAttribute(name)) a.removeAttribute(name);
  }
  const olds = Array.from(a.childNodes);
  const nexts = Array.from(b.childNodes);
  nexts.forEach((child, i) => {
    const match = olds[i];
    if (match) morph(match, child);
    else a.append(child);
  });
  for (const extra of olds.slice(nexts.length)) extra.remove();
}

/**
 * Defines the <ctip-risk-panel> element (once). Set its `assessment`
 * property to render. It re-renders when its `locale`, `heading-level` or
 * `open-findings` attribute changes, or its `labels` or `tiers` property is
 * set; it fires `ctip-render` after each render (`detail: { assessment,
 * summary }`) and `ctip-finding-toggle` when a reader opens or closes a
 * finding (`detail: { rule, open }`). Its `summary` property is the
 * assessment in one sentence, for the portal to place elsewhere.
 * @returns {boolean} whether the element is defined
 */
export function defineRiskPanelElement() {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return false;
  if (customElements.get('ctip-risk-panel')) return true;
  class CtipRiskPanel extends HTMLElement {
    static get observedAttributes() {
      return ['locale', 'heading-level', 'open-findings'];
    }
    constructor() {
      super();
      /** @type {Assessment | null} */
      this._assessment = null;
      /** @type {Record<string, string> | undefined} */
      this._labels = undefined;
      /** @type {PanelOptions['tiers']} */
      this._tiers = undefined;
      // `toggle` does not bubble: listened for on the way down.
      this.addEventListener('toggle', (event) => {
        const details = /** @type {HTMLDetailsElement} */ (event.target);
        const rule = details.closest('[data-rule]')?.getAttribute('data-rule');
        if (rule) this.dispatchEvent(new CustomEvent('ctip-finding-toggle', { detail: { rule, open: details.open }, bubbles: true }));
      }, true);
    }
    /** @returns {Assessment | null} */
    get assessment() {
      return this._assessment;
    }
    /** @param {Assessment | null} value */
    set assessment(value) {
      this._assessment = value;
      this.render();
    }
    /** @returns {Record<string, string> | undefined} labels of submission paths, as the portal's form names them */
    get labels() {
      return this._labels;
    }
    /** @param {Record<string, string> | undefined} value */
    set labels(value) {
      this._labels = value;
      this.render();
    }
    /** @returns {PanelOptions['tiers']} the policy's tier cut-offs, to say why a tier is what it is */
    get tiers() {
      return this._tiers;
    }
    /** @param {PanelOptions['tiers']} value */
    set tiers(value) {
      this._tiers = value;
      this.render();
    }
    /** @returns {string} the assessment in one sentence ('' when there is none) */
    get summary() {
      return this._assessment ? summarizeAssessment(this._assessment) : '';
    }
    connectedCallback() {
      this.render();
    }
    attributeChangedCallback() {
      // Drawn afresh: `open-findings` must reach details a reader toggled.
      this.replaceChildren();
      this.render();
    }
    render() {
      if (!this.isConnected) return;
      if (!this._assessment) {
        this.replaceChildren();
        return;
      }
      const level = Number(this.getAttribute('heading-level') ?? 3);
      const open = this.getAttribute('open-findings');
      mountRiskPanel(this, this._assessment, {
        locale: this.getAttribute('locale') ?? undefined,
        headingLevel: /** @type {2|3|4|5|6} */ (level >= 2 && level <= 6 ? level : 3),
        openFindings: open !== null && open !== 'false',
        labels: this._labels,
        tiers: this._tiers,
      });
      this.dispatchEvent(new CustomEvent('ctip-render', { detail: { assessment: this._assessment, summary: this.summary } }));
    }
  }
  customElements.define('ctip-risk-panel', CtipRiskPanel);
  return true;
}

defineRiskPanelElement();
