// The risk panel: an assessment as an evaluator reads it. Built from DOM
// nodes with text only (vendor-supplied strings can never become markup),
// keyboard-navigable (native <details>), and readable without color (the
// tier and each severity are written out). Style: ctip-risk-panel.css.

/** @typedef {import('./index.js').Assessment} Assessment */
/** @typedef {import('./index.js').Finding} Finding */

const SEVERITY_WORDS = /** @type {const} */ ({
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
});

const TIER_WORDS = /** @type {const} */ ({
  critical: 'Critical risk',
  high: 'High risk',
  elevated: 'Elevated risk',
  low: 'Low risk',
});

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
  const tier = assessment.tier;
  const words = TIER_WORDS[tier] ?? String(tier);
  const critical = assessment.findings.filter((f) => f.severity === 'critical').length;
  const points = `${assessment.score} ${assessment.score === 1 ? 'point' : 'points'}`;
  if (tier === 'critical' && critical > 0) {
    return `${words}: ${critical} critical ${critical === 1 ? 'finding' : 'findings'}, whatever the score.`;
  }
  const cutoff = tier === 'high' ? tiers?.high : tier === 'elevated' ? tiers?.elevated : undefined;
  if (cutoff !== undefined) return `${words}: ${points}, ${cutoff} or more.`;
  if (tier === 'low' && tiers) return `${words}: ${points}, under ${tiers.elevated}.`;
  return `${words}: ${points}.`;
}

/**
 * The assessment in one sentence, for a screen reader or a place of the
 * portal's own: "Bid B-1: score 55 of 100, high risk, review required; 3
 * findings (1 critical), 2 fields missing."
 * @param {Assessment} assessment
 * @returns {string}
 */
export function summarizeAssessment(assessment) {
  const n = assessment.findings.length;
  const bySeverity = ['critical', 'high']
    .map((sev) => [sev, assessment.findings.filter((f) => f.severity === sev).length])
    .filter(([, count]) => Number(count) > 0)
    .map(([sev, count]) => `${count} ${sev}`);
  const findings = `${n} ${n === 1 ? 'finding' : 'findings'}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}`;
  const gaps = (assessment.gaps ?? []).length;
  return `Bid ${assessment.submissionId}: score ${assessment.score} of 100, ${(TIER_WORDS[assessment.tier] ?? assessment.tier).toLowerCase()}, ` +
    `${assessment.reviewRequired ? 'review required' : 'no review required'}; ${findings}, ` +
    `${gaps} ${gaps === 1 ? 'rule' : 'rules'} lacking information.`;
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
  const section = el(doc, 'section', `ctip-panel ctip-tier-${tier}`);
  section.setAttribute('aria-label', `Risk assessment of bid ${assessment.submissionId}`);

  const header = el(doc, 'div', 'ctip-summary');
  header.append(el(doc, heading, 'ctip-heading', `Risk indicators for bid ${assessment.submissionId}`));
  const scoreLine = el(doc, 'p', 'ctip-scoreline');
  const score = el(doc, 'span', 'ctip-score');
  score.append(el(doc, 'span', 'ctip-score-value', formatNumber(assessment.score, options.locale)), doc.createTextNode(' / 100'));
  scoreLine.append(el(doc, 'span', 'ctip-label', 'Score '), score);
  const badge = el(doc, 'span', `ctip-tier-badge ctip-tier-${tier}`, TIER_WORDS[tier] ?? String(tier));
  scoreLine.append(doc.createTextNode(' '), badge);
  header.append(scoreLine);
  header.append(el(doc, 'p', 'ctip-tier-reason', tierReason(assessment, options.tiers)));
  header.append(
    el(
      doc,
      'p',
      assessment.reviewRequired ? 'ctip-review ctip-review-required' : 'ctip-review',
      assessment.reviewRequired ? 'Review required before award.' : 'No review required by the policy; use your judgement.',
    ),
  );
  header.append(el(doc, 'p', 'ctip-disclaimer', 'These are risk indicators for review, not conclusions. ctip-screen recommends; people decide.'));
  section.append(header);

  section.append(el(doc, sub, 'ctip-subheading', `Findings (${assessment.findings.length})`));
  if (assessment.findings.length === 0) {
    section.append(el(doc, 'p', 'ctip-none', 'No risk indicators found.'));
  } else {
    const list = el(doc, 'ol', 'ctip-findings');
    for (const finding of assessment.findings) list.append(renderFinding(doc, finding, options));
    section.append(list);
  }

  const gaps = assessment.gaps ?? [];
  section.append(el(doc, sub, 'ctip-subheading', `Information missing (${gaps.length})`));
  if (gaps.length === 0) {
    section.append(el(doc, 'p', 'ctip-none', 'Every applicable rule could be evaluated.'));
  } else {
    const list = el(doc, 'ul', 'ctip-gaps');
    for (const gap of gaps) {
      const item = el(doc, 'li', 'ctip-gap');
      item.append(el(doc, 'span', 'ctip-gap-message', gap.message), doc.createTextNode(' '));
      const fields = el(doc, 'span', 'ctip-gap-paths');
      fields.append(doc.createTextNode('Fields: '));
      gap.paths.forEach((p, i) => {
        if (i > 0) fields.append(doc.createTextNode(', '));
        fields.append(el(doc, 'span', 'ctip-field-label', fieldLabel(p, options.labels)), doc.createTextNode(' '),
          el(doc, 'code', 'ctip-path', `(${p})`));
      });
      item.append(fields, doc.createTextNode(' '), el(doc, 'span', 'ctip-rule-id', `(rule ${gap.rule})`));
      list.append(item);
    }
    section.append(list);
  }

  // For the audit record: when, under which policy and engine.
  const footer = el(doc, 'div', 'ctip-record');
  footer.append(el(doc, 'p', 'ctip-meta',
    `As of ${assessment.asOf} · policy ${assessment.policy.id} ${assessment.policy.version} · ` +
    `${Math.round(assessment.completeness * 100)}% of applicable rules evaluated · engine ${assessment.engineVersion}`));
  footer.append(el(doc, 'p', 'ctip-digest', `Policy digest: ${assessment.policy.digest}`));
  section.append(footer);
  return section;
}

/** How a list entry stands in its edition, in words. */
const LISTING_WORDS = {
  confirmed: 'confirmed for this edition',
  'confirmed-flags-changed': 'confirmed for this edition, with changed labor types',
  added: 'new in this edition',
  'carried-over': 'known from the previous edition only; not confirmed for this one',
  listed: 'listed',
};

/** Severities whose message and next step show without a click. */
const SHOWN = new Set(['critical', 'high']);

/**
 * @param {Document} doc
 * @param {Finding} finding
 * @param {PanelOptions} options
 */
function renderFinding(doc, finding, options) {
  const item = el(doc, 'li', `ctip-finding ctip-sev-${finding.severity}`);
  item.setAttribute('data-rule', finding.rule);
  const title = () => {
    const line = [
      el(doc, 'span', `ctip-sev ctip-sev-${finding.severity}`, SEVERITY_WORDS[finding.severity] ?? finding.severity),
      doc.createTextNode(' '),
      el(doc, 'span', 'ctip-title', finding.title),
      doc.createTextNode(' '),
      el(doc, 'span', 'ctip-points', `+${finding.points} points`),
    ];
    return line;
  };
  const message = el(doc, 'p', 'ctip-message', finding.message);
  const next = el(doc, 'p', 'ctip-next');
  next.append(el(doc, 'span', 'ctip-next-label', 'Next step: '), el(doc, 'span', 'ctip-action', finding.action));
  const details = el(doc, 'details');
  details.open = options.openFindings ?? false;
  const summary = el(doc, 'summary');
  const dl = el(doc, 'dl', 'ctip-facts');
  const evidence = el(doc, 'ul', 'ctip-evidence');
  for (const e of finding.evidence) {
    const li = el(doc, 'li');
    li.append(
      el(doc, 'span', 'ctip-field-label', fieldLabel(e.path, options.labels)),
      doc.createTextNode(': '),
      el(doc, 'span', 'ctip-value', formatValue(e.path, e.value, options.locale)),
      doc.createTextNode(' '),
      el(doc, 'code', 'ctip-path', `(${e.path})`),
    );
    if (e.listing) {
      // The list entry the value matched, so the claim can be checked against the list itself.
      const list = e.listing.list === 'tvpra' ? 'TVPRA list' : 'EO 13126 list';
      li.append(doc.createTextNode(' '), el(doc, 'span', 'ctip-listing',
        `(on the ${list}, ${e.listing.edition} edition, as "${e.listing.entry}": ${LISTING_WORDS[e.listing.status] ?? e.listing.status})`));
    }
    evidence.append(li);
  }
  addFact(doc, dl, 'Evidence in the bid', evidence);
  addFact(doc, dl, 'Law or standard', el(doc, 'span', 'ctip-citations', finding.citations.join('; ')));
  if (SHOWN.has(finding.severity)) {
    // What an evaluator must read first, without a click: what was found
    // and what to do. The evidence and the law stay one click away.
    const head = el(doc, 'p', 'ctip-finding-head');
    head.append(...title());
    item.append(head, message, next);
    summary.append('Evidence and law');
  } else {
    summary.append(...title());
    details.append(message, next);
  }
  addFact(doc, dl, 'Rule', el(doc, 'code', 'ctip-rule-id', finding.rule));
  details.prepend(summary);
  details.append(dl);
  item.append(details);
  return item;
}

/** Words for the last key of a path, where the key alone reads poorly. */
const KEY_WORDS = /** @type {Record<string, string>} */ ({
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
});

/** Words for an array of a path, for "(wage rate 2)". */
const ROW_WORDS = /** @type {Record<string, string>} */ ({
  wageRates: 'wage rate',
  subcontractors: 'subcontractor',
  supplyItems: 'supply item',
  deductions: 'deduction',
  recruiters: 'recruiter',
  wageViolations: 'wage violation',
  exclusions: 'exclusion',
  traffickingFindings: 'finding',
  wageDeterminations: 'wage determination',
});

/**
 * The label of a submission path as a portal user reads it: the mapping's
 * label when the portal gave one (by exact path, or with `[]` for any row),
 * else the words for its last key, with the row: `Hourly wage (wage rate 2)`.
 * @param {string} path
 * @param {Record<string, string>} [labels]
 * @returns {string}
 */
export function fieldLabel(path, labels) {
  const anyRow = path.replace(/\[\d+\]/g, '[]');
  const given = labels?.[path] ?? labels?.[anyRow];
  const rows = [...path.matchAll(/(\w+)\[(\d+)\]/g)].map((m) => `${ROW_WORDS[m[1] ?? ''] ?? m[1]} ${Number(m[2]) + 1}`);
  const where = rows.length ? ` (${rows.join(', ')})` : '';
  if (given) return labels?.[path] ? given : `${given}${where}`;
  const last = /(\w+)(?:\[\d+\])?$/.exec(path)?.[1] ?? path;
  const words = KEY_WORDS[last] ?? last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
  return `${words}${where}`;
}

/**
 * A value of the bid as the form shows it: numbers grouped, shares as
 * percentages, yes or no, text as it is.
 * @param {string} path
 * @param {unknown} value
 * @param {string} [locale]
 * @returns {string}
 */
function formatValue(path, value, locale) {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
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
