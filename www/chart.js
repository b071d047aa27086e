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
 * @returns {SVGSVGElement}
 */
export function priceChart(doc, bars, mean) {
  const priced = bars.filter((b) => typeof b.total === 'number');
  const rowH = 34;
  const labelOf = (/** @type {{ id: string, vendor: string }} */ b) => `${b.id} · ${b.vendor.length > 22 ? `${b.vendor.slice(0, 21)}…` : b.vendor}`;
  // Room for the longest label at 13px (about 7.4 units a character), so
  // that none is cut at the left edge.
  const left = Math.min(300, 16 + Math.ceil(7.4 * Math.max(10, ...priced.map((b) => labelOf(b).length))));
  const width = 720;
  const plotW = width - left - 150;
  const height = priced.length * rowH + 50;
  const max = Math.max(1, ...priced.map((b) => /** @type {number} */ (b.total)));
  const root = /** @type {SVGSVGElement} */ (svg(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, class: 'price-chart', role: 'img' }));
  const title = svg(doc, 'title');
  title.textContent = `Bid prices. ${priced
    .map((b) => `${b.id} ${b.vendor}: ${money(/** @type {number} */ (b.total))}${b.low ? ', abnormally low' : ''}`)
    .join('; ')}.${mean ? ` Mean ${money(mean)}.` : ''}`;
  root.append(title);
  const defs = svg(doc, 'defs');
  const pattern = svg(doc, 'pattern', { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(svg(doc, 'rect', { width: 8, height: 8, class: 'hatch-bg' }), svg(doc, 'line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hatch-line' }));
  defs.append(pattern);
  root.append(defs);
  priced.forEach((b, i) => {
    const y = 20 + i * rowH;
    const w = Math.max(2, (/** @type {number} */ (b.total) / max) * plotW);
    const label = svg(doc, 'text', { x: left - 8, y: y + 17, class: 'bar-label', 'text-anchor': 'end' });
    label.textContent = labelOf(b);
    const bar = svg(doc, 'rect', { x: left, y, width: w, height: rowH - 10, class: b.low ? 'bar bar-low' : 'bar' });
    if (b.low) bar.setAttribute('fill', 'url(#hatch)');
    const value = svg(doc, 'text', { x: left + w + 6, y: y + 17, class: 'bar-value' });
    value.textContent = `${money(/** @type {number} */ (b.total))}${b.low ? ' · abnormally low' : ''}`;
    root.append(label, bar, value);
  });
  if (mean) {
    const x = left + (mean / max) * plotW;
    root.append(svg(doc, 'line', { x1: x, y1: 10, x2: x, y2: height - 24, class: 'mean-line' }));
    const t = svg(doc, 'text', { x, y: height - 8, class: 'mean-label', 'text-anchor': 'middle' });
    t.textContent = `mean ${money(mean)}`;
    root.append(t);
  }
  return root;
}
