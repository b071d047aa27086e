// DOM helpers both pages use (app.js, vendor.js). Text is only ever set
// with textContent: vendor strings never become markup.

/**
 * Creates an element with a class and text.
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElement}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Parses JSON text from a file. Text that is not JSON is refused with the
 * engine's own words for where it stops being JSON, in the page's language
 * (the browser's message is English and worded otherwise); the browser's
 * message is kept when the engine has none.
 * @param {string} text
 * @param {{ evaluateBidJson: (text: string, options: { locale: string }) => string }} engine
 * @param {string} locale
 * @returns {unknown}
 */
export function parseJson(text, engine, locale) {
  try {
    return JSON.parse(text);
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    try {
      engine.evaluateBidJson(text, { locale });
    } catch (refusal) {
      const said = /** @type {{ issues?: { message?: unknown }[] }} */ (refusal)?.issues?.[0]?.message;
      if (typeof said === 'string') message = said;
    }
    throw new Error(message);
  }
}

/**
 * Offers `value` as a JSON file to download, its name made of `prefix` and
 * `id` (characters a file name should not hold become `_`).
 * @param {string} prefix
 * @param {unknown} id
 * @param {unknown} value
 * @returns {string} the file's name
 */
export function downloadJson(prefix, id, value) {
  const name = `${prefix}-${String(id).replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
  const blob = new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = /** @type {HTMLAnchorElement} */ (el('a'));
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
