// The price chart of the compare view: inline SVG drawn with DOM calls (no
// library, no inline style). Abnormally low bids are marked by a hatch
// pattern and the words "abnormally low", not by color alone.

const SVG = 'http://www.w3.org/2000/svg';

/** @param {Document} doc @param {string} tag @param {Record<string, string|number>} attrs */
function svg(doc, tag, attrs = {}) {
  const node = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const money = (n) => `$${Math.round(n).toLocaleString('en-US')}`;

/**
 * @param {Document} doc
 * @param {{ id: string, vendor: string, total: number | null, low: boolean }[]} bars
 * @param {number | null} mean
 * @param {{ narrow?: boolean, words?: { low: string, prices: string, mean: string, meanTitle: string } }} [layout]
 *   narrow: each label on its own line above its bar, 360 units wide, so
 *   that a phone shows it at full size; words: the chart's words in the
 *   page's language (English by default)
 * @returns {SVGSVGElement}
 */
export function priceChart(doc, bars, mean, layout = {}) {
  const priced = bars.filter((b) => typeof b.total === 'number');
  const narrow = layout.narrow ?? false;
  const words = layout.words ?? { low: 'abnormally low', prices: 'Bid prices', mean: 'mean', meanTitle: 'Mean' };
  const rowH = narrow ? 50 : 34;
  const labelOf = (/** @type {{ id: string, vendor: string, low: boolean }} */ b) => narrow
    ? `${b.id} · ${b.vendor.length > 30 ? `${b.vendor.slice(0, 29)}…` : b.vendor}${b.low ? ` · ${words.low}` : ''}`
    : `${b.id} · ${b.vendor.length > 22 ? `${b.vendor.slice(0, 21)}…` : b.vendor}`;
  // Room for the longest label at 13px (about 7.4 units a character), so
  // that none is cut at the left edge.
  const left = narrow ? 0 : Math.min(300, 16 + Math.ceil(7.4 * Math.max(10, ...priced.map((b) => labelOf(b).length))));
  const width = narrow ? 360 : 720;
  const plotW = width - left - (narrow ? 84 : 150);
  const height = priced.length * rowH + 50;
  const max = Math.max(1, ...priced.map((b) => /** @type {number} */ (b.total)));
  const root = /** @type {SVGSVGElement} */ (svg(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, class: narrow ? 'price-chart price-chart-narrow' : 'price-chart', role: 'img' }));
  const title = svg(doc, 'title');
  title.textContent = `${words.prices}. ${priced
    .map((b) => `${b.id} ${b.vendor}: ${money(/** @type {number} */ (b.total))}${b.low ? `, ${words.low}` : ''}`)
    .join('; ')}.${mean ? ` ${words.meanTitle} ${money(mean)}.` : ''}`;
  root.append(title);
  const defs = svg(doc, 'defs');
  const pattern = svg(doc, 'pattern', { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(svg(doc, 'rect', { width: 8, height: 8, class: 'hatch-bg' }), svg(doc, 'line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hatch-line' }));
  defs.append(pattern);
  root.append(defs);
  /** @type {SVGElement[]} */
  const values = [];
  priced.forEach((b, i) => {
    const y = 20 + i * rowH;
    const barY = narrow ? y + 18 : y;
    const barH = narrow ? 22 : rowH - 10;
    const w = Math.max(2, (/** @type {number} */ (b.total) / max) * plotW);
    const label = narrow
      ? svg(doc, 'text', { x: 0, y: y + 12, class: 'bar-label' })
      : svg(doc, 'text', { x: left - 8, y: y + 17, class: 'bar-label', 'text-anchor': 'end' });
    label.textContent = labelOf(b);
    const bar = svg(doc, 'rect', { x: left, y: barY, width: w, height: barH, class: b.low ? 'bar bar-low' : 'bar' });
    if (b.low) bar.setAttribute('fill', 'url(#hatch)');
    const value = svg(doc, 'text', { x: left + w + 6, y: barY + barH / 2 + 5, class: 'bar-value' });
    value.textContent = `${money(/** @type {number} */ (b.total))}${b.low && !narrow ? ` · ${words.low}` : ''}`;
    root.append(label, bar);
    values.push(value);
  });
  // The mean line over the bars, and the amounts over the line.
  if (mean) {
    const x = left + (mean / max) * plotW;
    root.append(svg(doc, 'line', { x1: x, y1: 10, x2: x, y2: height - 24, class: 'mean-line' }));
    const t = svg(doc, 'text', { x, y: height - 8, class: 'mean-label', 'text-anchor': 'middle' });
    t.textContent = `${words.mean} ${money(mean)}`;
    root.append(t);
  }
  root.append(...values);
  return root;
}
