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
 * Builds the panel for an assessment and returns it (not attached).
 * @param {Document} doc
 * @param {Assessment} assessment
 * @param {{ locale?: string, headingLevel?: 2|3|4|5|6, openFindings?: boolean }} [options]
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
  header.append(
    el(
      doc,
      'p',
      assessment.reviewRequired ? 'ctip-review ctip-review-required' : 'ctip-review',
      assessment.reviewRequired ? 'Review required before award.' : 'No review required by the policy; use your judgement.',
    ),
  );
  const meta = el(doc, 'p', 'ctip-meta');
  meta.textContent =
    `As of ${assessment.asOf} · policy ${assessment.policy.id} ${assessment.policy.version} · ` +
    `${Math.round(assessment.completeness * 100)}% of applicable rules evaluated · engine ${assessment.engineVersion}`;
  header.append(meta);
  const digest = el(doc, 'p', 'ctip-digest', `Policy digest: ${assessment.policy.digest}`);
  header.append(digest);
  header.append(el(doc, 'p', 'ctip-disclaimer', 'These are risk indicators for review, not conclusions. ctip-screen recommends; people decide.'));
  section.append(header);

  section.append(el(doc, sub, 'ctip-subheading', `Findings (${assessment.findings.length})`));
  if (assessment.findings.length === 0) {
    section.append(el(doc, 'p', 'ctip-none', 'No risk indicators found.'));
  } else {
    const list = el(doc, 'ol', 'ctip-findings');
    for (const finding of assessment.findings) list.append(renderFinding(doc, finding, options.openFindings ?? false));
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
        fields.append(el(doc, 'code', undefined, p));
      });
      item.append(fields, doc.createTextNode(' '), el(doc, 'span', 'ctip-rule-id', `(rule ${gap.rule})`));
      list.append(item);
    }
    section.append(list);
  }
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

/**
 * @param {Document} doc
 * @param {Finding} finding
 * @param {boolean} open
 */
function renderFinding(doc, finding, open) {
  const item = el(doc, 'li', `ctip-finding ctip-sev-${finding.severity}`);
  item.setAttribute('data-rule', finding.rule);
  const details = el(doc, 'details');
  details.open = open;
  const summary = el(doc, 'summary');
  summary.append(
    el(doc, 'span', `ctip-sev ctip-sev-${finding.severity}`, SEVERITY_WORDS[finding.severity] ?? finding.severity),
    doc.createTextNode(' '),
    el(doc, 'span', 'ctip-title', finding.title),
    doc.createTextNode(' '),
    el(doc, 'span', 'ctip-points', `+${finding.points} points`),
  );
  details.append(summary);
  details.append(el(doc, 'p', 'ctip-message', finding.message));
  const dl = el(doc, 'dl', 'ctip-facts');
  const evidence = el(doc, 'ul', 'ctip-evidence');
  for (const e of finding.evidence) {
    const li = el(doc, 'li');
    li.append(el(doc, 'code', 'ctip-path', e.path), doc.createTextNode(' = '), el(doc, 'code', 'ctip-value', JSON.stringify(e.value) ?? 'undefined'));
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
  addFact(doc, dl, 'Next step', el(doc, 'span', 'ctip-action', finding.action));
  addFact(doc, dl, 'Rule', el(doc, 'code', 'ctip-rule-id', finding.rule));
  details.append(dl);
  item.append(details);
  return item;
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
 * @param {{ locale?: string, headingLevel?: 2|3|4|5|6, openFindings?: boolean }} [options]
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
 * property to render; `locale` and `heading-level` attributes are read.
 * @returns {boolean} whether the element is defined
 */
export function defineRiskPanelElement() {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return false;
  if (customElements.get('ctip-risk-panel')) return true;
  class CtipRiskPanel extends HTMLElement {
    constructor() {
      super();
      /** @type {Assessment | null} */
      this._assessment = null;
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
    connectedCallback() {
      this.render();
    }
    render() {
      if (!this.isConnected) return;
      if (!this._assessment) {
        this.replaceChildren();
        return;
      }
      const level = Number(this.getAttribute('heading-level') ?? 3);
      mountRiskPanel(this, this._assessment, {
        locale: this.getAttribute('locale') ?? undefined,
        headingLevel: /** @type {2|3|4|5|6} */ (level >= 2 && level <= 6 ? level : 3),
      });
    }
  }
  customElements.define('ctip-risk-panel', CtipRiskPanel);
  return true;
}

defineRiskPanelElement();
