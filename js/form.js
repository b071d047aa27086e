// fromForm: turns a portal's existing HTML form into a Submission through a
// declarative mapping, so a portal need not change its form to use
// ctip-screen.
//
// A mapping key is a form field name, or a CSS selector when it starts with
// '#', '.' or '[' (selectors need an HTMLFormElement). Its value is a JSON
// path such as 'workforce.wageRates[0].hourly', or { path, type, rows }.
// Without a mapping, each field's name is its path. A field's type comes
// from the mapping, else data-ctip-type or the input's type, else the
// submission's own type for its path (js/paths.js, generated from the Rust
// types): FormData whose names are paths comes out typed.
//
// Repeated rows (one wage row per role, one subcontractor per row): write
// `[]` where the row number goes, as in 'workforce.wageRates[].hourly'. The
// field's values go to rows 0, 1, 2... in form order; with `rows`, a CSS
// selector for each row's container, the field is looked for in each
// container, and a row whose fields are all empty is left out. A field that
// has several values but a path that holds one is refused, naming it:
// nothing is dropped without a word.
//
// Empty fields are left out: in a submission, absent means "not provided",
// never false or 0. A checkbox is different: one the form shows is an
// answer, so an unticked box is `false` (and a group of unticked boxes of
// type 'list' is []); a checkbox the form does not have is not provided.
// With FormData instead of the form, an unticked box sends nothing and
// cannot be told from a missing one: pass the form. Type 'array' marks a
// list as given: any non-empty value gives [] (filled by the fields of its
// rows), so "no subcontractors" and "subcontractors not stated" stay
// different.

import { PATH_TYPES } from './paths.js';

/** @typedef {'string'|'number'|'integer'|'boolean'|'date'|'list'|'percent'|'array'} FieldType */
/** @typedef {Record<string, string | { path: string, type?: FieldType, rows?: string, label?: string }>} FieldMapping */

/** The field types a mapping or data-ctip-type may give. */
const TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'list', 'percent', 'array'];

const SELECTOR_START = /^[#.[]/;

/**
 * The type the submission gives `path` (rows as `[]`), for a field whose
 * mapping and element say none.
 * @param {string} path
 * @returns {FieldType | undefined}
 */
function pathType(path) {
  return PATH_TYPES[path.replace(/\[\d*\]/g, '[]')];
}

/**
 * @param {HTMLFormElement | FormData} form
 * @param {FieldMapping} [mapping]
 * @returns {Record<string, unknown>}
 */
export function fromForm(form, mapping) {
  /** @type {Record<string, unknown>} */
  const out = {};
  const isElement = typeof HTMLFormElement !== 'undefined' && form instanceof HTMLFormElement;
  const data = isElement ? new FormData(/** @type {HTMLFormElement} */ (form)) : /** @type {FormData} */ (form);
  if (!isElement && !(data instanceof FormData)) {
    throw new TypeError('fromForm: expected an HTMLFormElement or FormData');
  }
  const entries = mapping ? Object.entries(mapping) : defaultMapping(data, isElement ? /** @type {HTMLFormElement} */ (form) : null);
  /** @type {Set<string>} paths of the arrays rows were written into */
  const rowArrays = new Set();
  for (const [key, target] of entries) {
    const { path, type, rows } = typeof target === 'string' ? { path: target, type: undefined, rows: undefined } : target;
    if (type !== undefined && !TYPES.includes(type)) {
      throw new TypeError(`fromForm: unknown type '${String(type)}' for '${key}'; the types are ${TYPES.join(', ')}`);
    }
    if (path.includes('[]')) {
      readRows(isElement ? /** @type {HTMLFormElement} */ (form) : null, data, key, path, type, rows, out);
      rowArrays.add(path.slice(0, path.indexOf('[]')));
      continue;
    }
    if (rows !== undefined) {
      throw new TypeError(`fromForm: '${key}' gives rows but its path '${path}' has no [] for the row number`);
    }
    let raw;
    let fieldType = type;
    if (SELECTOR_START.test(key)) {
      if (!isElement) throw new TypeError(`fromForm: the selector '${key}' needs an HTMLFormElement, not FormData`);
      const element = /** @type {HTMLFormElement} */ (form).querySelector(key);
      if (!element) continue;
      raw = readElement(element);
      fieldType ??= typeOf(element) ?? pathType(path);
    } else {
      const element = isElement ? namedElement(/** @type {HTMLFormElement} */ (form), key) : null;
      const single = isElement && element !== null && /** @type {HTMLFormElement} */ (form).elements.namedItem(key) === element;
      fieldType ??= (element ? typeOf(element) : undefined) ?? pathType(path);
      if (element && single && isCheckbox(element) && fieldType !== 'list') {
        // A lone checkbox is a yes/no answer: unchecked is an answer too.
        raw = /** @type {HTMLInputElement} */ (element).checked;
      } else {
        const all = data.getAll(key).filter((v) => typeof v === 'string');
        if (all.length > 1 && fieldType !== 'list' && fieldType !== 'array') {
          throw new TypeError(
            `fromForm: '${key}' has ${all.length} values but its path '${path}' holds one; ` +
              `map it to a path with [] for one row per value (such as 'workforce.wageRates[].hourly'), or give it type 'list'`,
          );
        }
        raw = all.length > 1 || fieldType === 'list' ? all : all[0];
      }
    }
    if (fieldType === 'array') {
      const given = (Array.isArray(raw) ? raw : [raw]).some((v) => v !== undefined && v !== null && v !== false && String(v).trim() !== '');
      if (given && getPath(out, path) === undefined) setPath(out, path, []);
      continue;
    }
    let value = convert(raw, fieldType ?? 'string', key);
    if (value === undefined && checkboxGroup(form, key, fieldType)) {
      // Checkboxes are an answer even when none is ticked: "none of these".
      value = [];
    }
    if (value !== undefined) setPath(out, path, value);
  }
  // Rows with no value at all left holes: close them up.
  for (const base of rowArrays) {
    const rowsAt = getPath(out, base);
    if (Array.isArray(rowsAt)) setPath(out, base, rowsAt.filter((row) => row !== undefined));
  }
  return out;
}

/**
 * The labels of a form's mapped fields, by submission path, for the risk
 * panel's evidence and missing-information lines: the mapping's `label`
 * where it gives one, else the text of the field's <label> (without the
 * text of the controls inside it), else its aria-label.
 * @param {HTMLFormElement} form
 * @param {FieldMapping} [mapping]
 * @returns {Record<string, string>}
 */
export function formLabels(form, mapping) {
  /** @type {Record<string, string>} */
  const out = {};
  const entries = mapping ? Object.entries(mapping) : defaultMapping(new FormData(form), form);
  for (const [key, target] of entries) {
    const { path, label } = typeof target === 'string' ? { path: target, label: undefined } : target;
    if (label) {
      out[path] = label;
      continue;
    }
    const element = SELECTOR_START.test(key) ? form.querySelector(key) : namedElement(form, key);
    const text = element ? labelOf(element) : '';
    if (text) out[path] = text;
  }
  return out;
}

/** @param {Element} element @returns {string} */
function labelOf(element) {
  const label = /** @type {HTMLInputElement} */ (element).labels?.[0];
  let text = '';
  if (label) {
    const copy = /** @type {HTMLElement} */ (label.cloneNode(true));
    for (const control of Array.from(copy.querySelectorAll('input, select, textarea, button'))) control.remove();
    text = copy.textContent ?? '';
  }
  if (!text.trim()) text = element.getAttribute('aria-label') ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reads a field of repeated rows into the array its path names, one row per
 * value (in form order) or per container matching `rows`.
 * @param {HTMLFormElement | null} form the form, or null when given FormData
 * @param {FormData} data
 * @param {string} key
 * @param {string} path with `[]` where the row number goes
 * @param {FieldType | undefined} type
 * @param {string | undefined} rows a CSS selector for each row's container
 * @param {Record<string, unknown>} out
 */
function readRows(form, data, key, path, type, rows, out) {
  if (path.indexOf('[]') !== path.lastIndexOf('[]')) {
    throw new TypeError(`fromForm: '${path}' has more than one []; rows within rows are not supported`);
  }
  /** @type {{ raw: unknown, type: FieldType | undefined }[]} */
  const values = [];
  if (rows !== undefined) {
    if (!form) throw new TypeError(`fromForm: rows ('${rows}') need an HTMLFormElement, not FormData`);
    for (const container of Array.from(form.querySelectorAll(rows))) {
      const element = SELECTOR_START.test(key)
        ? container.querySelector(key)
        : container.querySelector(`[name="${cssString(key)}"]`);
      values.push(element ? { raw: readElement(element), type: type ?? typeOf(element) } : { raw: undefined, type });
    }
  } else {
    if (SELECTOR_START.test(key)) {
      if (!form) throw new TypeError(`fromForm: the selector '${key}' needs an HTMLFormElement, not FormData`);
      for (const element of Array.from(form.querySelectorAll(key))) {
        values.push({ raw: readElement(element), type: type ?? typeOf(element) });
      }
    } else {
      const first = form ? namedElement(form, key) : null;
      if (first && isCheckbox(first)) {
        // An unticked box sends nothing: its row could not be known.
        throw new TypeError(`fromForm: checkboxes in repeated rows ('${key}') need rows: a selector for each row's container`);
      }
      for (const raw of data.getAll(key)) {
        if (typeof raw === 'string') values.push({ raw, type: type ?? (first ? typeOf(first) : undefined) });
      }
    }
  }
  values.forEach(({ raw, type: fieldType }, i) => {
    const value = convert(raw, fieldType ?? pathType(path) ?? 'string', key);
    if (value !== undefined) setPath(out, path.replace('[]', `[${i}]`), value);
  });
}

/** `text` for a quoted CSS attribute value. @param {string} text */
function cssString(text) {
  return text.replace(/["\\]/g, '\\$&');
}

/**
 * @param {FormData} data
 * @param {HTMLFormElement | null} form
 * @returns {[string, string][]}
 */
function defaultMapping(data, form) {
  const names = new Set();
  if (form) {
    for (const element of Array.from(form.elements)) {
      const name = /** @type {HTMLInputElement} */ (element).name;
      if (name && !/** @type {HTMLInputElement} */ (element).disabled) names.add(name);
    }
  } else {
    for (const [name] of data.entries()) names.add(name);
  }
  return Array.from(names, (name) => [name, name]);
}

/** @param {HTMLFormElement} form @param {string} name */
function namedElement(form, name) {
  const found = form.elements.namedItem(name);
  if (!found) return null;
  return found instanceof Element ? found : /** @type {Element | null} */ (found.item(0));
}

/**
 * True when `key` names checkboxes that together give a list.
 * @param {HTMLFormElement | FormData} form @param {string} key @param {FieldType | undefined} type
 */
function checkboxGroup(form, key, type) {
  if (type !== 'list' || typeof HTMLFormElement === 'undefined' || !(form instanceof HTMLFormElement)) return false;
  const first = namedElement(form, key);
  return first !== null && isCheckbox(first);
}

/** @param {Element} el */
function isCheckbox(el) {
  return el.tagName === 'INPUT' && /** @type {HTMLInputElement} */ (el).type === 'checkbox';
}

/** @param {Element} el @returns {unknown} */
function readElement(el) {
  if (isCheckbox(el)) return /** @type {HTMLInputElement} */ (el).checked;
  if (el.tagName === 'SELECT' && /** @type {HTMLSelectElement} */ (el).multiple) {
    return Array.from(/** @type {HTMLSelectElement} */ (el).selectedOptions, (o) => o.value);
  }
  if ('value' in el) return /** @type {HTMLInputElement} */ (el).value;
  return el.textContent ?? '';
}

/** @param {Element} el @returns {FieldType | undefined} */
function typeOf(el) {
  const declared = el.getAttribute('data-ctip-type');
  if (declared) return /** @type {FieldType} */ (declared);
  if (el.tagName !== 'INPUT') return undefined;
  const type = /** @type {HTMLInputElement} */ (el).type;
  if (type === 'number' || type === 'range') return 'number';
  if (type === 'checkbox') return 'boolean';
  if (type === 'date') return 'date';
  return undefined;
}

/**
 * @param {unknown} raw
 * @param {FieldType} type
 * @param {string} key
 * @returns {unknown}
 */
function convert(raw, type, key) {
  if (raw === undefined || raw === null) return undefined;
  if (type === 'list') {
    const items = (Array.isArray(raw) ? raw : [raw]).flatMap((s) => String(s).split(','));
    const list = items.map((s) => String(s).trim()).filter((s) => s !== '');
    return list.length ? list : undefined;
  }
  if (typeof raw === 'boolean') return type === 'boolean' ? raw : String(raw);
  const text = Array.isArray(raw) ? String(raw[0] ?? '') : String(raw);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (type) {
    case 'number':
    case 'integer':
    case 'percent': {
      const n = Number(trimmed.replace(/[$,\s]/g, ''));
      // A value that is not a number is passed on as text, so that
      // validation names the field instead of the field silently vanishing.
      if (!Number.isFinite(n)) return trimmed;
      return type === 'percent' ? n / 100 : n;
    }
    case 'boolean': {
      const t = trimmed.toLowerCase();
      if (['true', 'yes', 'on', '1', 'y'].includes(t)) return true;
      if (['false', 'no', 'off', '0', 'n'].includes(t)) return false;
      return trimmed;
    }
    case 'date':
    case 'string':
      return trimmed;
    default:
      throw new TypeError(`fromForm: unknown type '${String(type)}' for '${key}'; the types are ${TYPES.join(', ')}`);
  }
}

/**
 * The value at a path like `a.b[0].c`, or undefined.
 * @param {Record<string, unknown>} root
 * @param {string} path
 * @returns {unknown}
 */
function getPath(root, path) {
  /** @type {any} */
  let node = root;
  for (const part of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/**
 * Sets `value` at a path like `a.b[0].c`, creating objects and arrays.
 * @param {Record<string, unknown>} root
 * @param {string} path
 * @param {unknown} value
 */
export function setPath(root, path, value) {
  const parts = parsePath(path);
  /** @type {any} */
  let node = root;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (last) {
      node[part] = value;
      return;
    }
    const next = parts[i + 1];
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object') {
      node[part] = typeof next === 'number' ? [] : {};
    }
    node = node[part];
  });
}

/** @param {string} path @returns {(string|number)[]} */
function parsePath(path) {
  /** @type {(string|number)[]} */
  const parts = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path)) !== null) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[1] !== undefined) parts.push(m[1]);
  }
  if (parts.length === 0) throw new TypeError(`fromForm: '${path}' is not a JSON path`);
  for (const p of parts) {
    if (p === '__proto__' || p === 'constructor' || p === 'prototype') {
      throw new TypeError(`fromForm: '${path}' is not an allowed path`);
    }
    if (typeof p === 'number' && p > 10000) throw new TypeError(`fromForm: index too large in '${path}'`);
  }
  return parts;
}
