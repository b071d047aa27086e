// ctip-screen: screens a vendor's bid for labor-trafficking risk indicators,
// in the browser or in Node, with nothing sent anywhere.
//
// This shim loads the WebAssembly module and gives it the small, typed API of
// SPEC.md section 6. Every function but init() (and ocdsToBids, an extension
// whose module is fetched on first use) is synchronous once init() has
// resolved. Types: index.d.ts.

import initWasm, * as wasm from './ctip_screen_wasm.js';
import { CtipError, toCtipError } from './errors.js';

export { CtipError } from './errors.js';
import { fromForm as readForm } from './form.js';
export { formLabels } from './form.js';
import { mountRiskPanel as mountPanel, panelLanguage } from './panel.js';

export { renderRiskPanel, defineRiskPanelElement, summarizeAssessment, tierReason, fieldLabel } from './panel.js';

/** @type {Promise<void> | null} */
let loading = null;
let ready = false;
/** The engine module's memory, where `put` writes input text.
 * @type {WebAssembly.Memory} */
let memory;
/** Where the OCDS import module comes from (init's `ocdsWasm`), and its
 * loading promise once ocdsToBids has asked for it.
 * @type {WasmSource | undefined} */
let ocdsSource;
/** @type {Promise<OcdsGlue> | null} */
let ocdsLoading = null;

/** @typedef {URL | string | Response | BufferSource | WebAssembly.Module} WasmSource */
/** @typedef {{ memory: WebAssembly.Memory }} Exports */
/** @typedef {{ default: (init: { module_or_path: URL | string | Response }) => Promise<Exports>, initSync: (init: { module: BufferSource | WebAssembly.Module }) => Exports }} Glue */
/** @typedef {Glue & { ocdsToBids: (text: Uint8Array, locale?: string) => { processes: import('./index.js').OcdsProcess[], errors: import('./index.js').OcdsLineError[] } }} OcdsGlue */

/**
 * Loads the WebAssembly module. With no argument it finds the `.wasm` next to
 * this file: by URL in a browser, from disk in Node. Calling it again is
 * harmless. `options.wasm` may be a URL, a URL string, a Response, the bytes,
 * or a compiled WebAssembly.Module (for self-hosting or integrity pinning).
 * `options.ocdsWasm` does the same for the OCDS import module, which is only
 * fetched when ocdsToBids is first called.
 *
 * `options.locale` chooses the language of the error when loading fails
 * (`es`: Spanish), as in the other calls.
 *
 * @param {{ wasm?: WasmSource, ocdsWasm?: WasmSource, locale?: string }} [options]
 * @returns {Promise<void>}
 */
export function init(options = {}) {
  if (options?.ocdsWasm !== undefined && !ocdsLoading) ocdsSource = options.ocdsWasm;
  if (ready) return Promise.resolve();
  if (!loading) {
    // A literal URL next to import.meta.url, so that bundlers emit the module.
    const next = () => new URL('./ctip_screen_wasm_bg.wasm', import.meta.url);
    loading = load(initWasm, wasm.initSync, options?.wasm, next, 'wasm', languageOf(options)).then(
      (exports) => {
        memory = exports.memory;
        ready = true;
      },
      (error) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

/**
 * The `init-failed` error: what went wrong, where the module was looked
 * for, and how to serve it.
 * @param {unknown} error
 * @param {string} tried where the module came from (a URL, or what was given)
 * @param {'wasm' | 'ocdsWasm'} option the init() option that says where it is
 * @param {Lang} lang
 */
function loadFailed(error, tried, option, lang) {
  const file = option === 'wasm' ? 'ctip_screen_wasm_bg.wasm' : 'ctip_screen_ocds_bg.wasm';
  const reason = error instanceof Error ? error.message : String(error);
  return new CtipError('init-failed', SAYS[lang].loadFailed(option, tried, reason, file));
}

/**
 * Where a module source comes from, for error messages.
 * @param {WasmSource} source
 * @param {Lang} lang
 * @returns {string}
 */
function describe(source, lang) {
  if (source instanceof URL) return source.href;
  if (typeof source === 'string') return source;
  if (typeof Response !== 'undefined' && source instanceof Response) return source.url || SAYS[lang].given.response;
  if (source instanceof WebAssembly.Module) return SAYS[lang].given.module;
  return SAYS[lang].given.bytes;
}

/**
 * Instantiates a wasm-bindgen module from `source`, or, when there is none,
 * from the URL `next` gives (the file next to this script). Resolves to the
 * module's exports, or rejects with an `init-failed` CtipError that says
 * where it looked and what to do.
 * @param {Glue['default']} initAsync
 * @param {Glue['initSync']} initSync
 * @param {WasmSource | undefined} source
 * @param {() => URL} next
 * @param {'wasm' | 'ocdsWasm'} option
 * @param {Lang} lang the language of the error
 * @returns {Promise<Exports>}
 */
async function load(initAsync, initSync, source, next, option, lang) {
  const tried = source === undefined ? next().href : describe(source, lang);
  try {
    return await instantiate(initAsync, initSync, source, next);
  } catch (error) {
    throw loadFailed(error, tried, option, lang);
  }
}

/**
 * @param {Glue['default']} initAsync
 * @param {Glue['initSync']} initSync
 * @param {WasmSource | undefined} source
 * @param {() => URL} next
 * @returns {Promise<Exports>}
 */
async function instantiate(initAsync, initSync, source, next) {
  if (source === undefined) {
    const url = next();
    if (url.protocol === 'file:') {
      // Node: fetch() cannot read file: URLs, so read the bytes. The module
      // name is in a variable so that bundlers do not try to resolve it.
      const fsName = 'node:fs/promises';
      const fs = await import(/* @vite-ignore */ /* webpackIgnore: true */ fsName);
      source = /** @type {BufferSource} */ (await fs.readFile(url));
    } else {
      source = url;
    }
  }
  if (source instanceof WebAssembly.Module || source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return initSync({ module: source });
  }
  return initAsync({ module_or_path: source });
}

/** The OCDS import module, loaded once on first use.
 * @param {Lang} lang the language of the error, if it cannot be loaded
 * @returns {Promise<OcdsGlue>} */
function ocdsModule(lang) {
  if (!ocdsLoading) {
    ocdsLoading = import('./ctip_screen_ocds.js').then(async (glue) => {
      const next = () => new URL('./ctip_screen_ocds_bg.wasm', import.meta.url);
      await load(glue.default, glue.initSync, ocdsSource, next, 'ocdsWasm', lang);
      return /** @type {OcdsGlue} */ (/** @type {unknown} */ (glue));
    }).catch((error) => {
      ocdsLoading = null;
      throw error instanceof CtipError ? error : loadFailed(error, './ctip_screen_ocds.js', 'ocdsWasm', lang);
    });
  }
  return ocdsLoading;
}

/** @param {unknown} options whose locale chooses the error's language */
function requireReady(options) {
  if (!ready) {
    throw new CtipError('not-initialized', SAYS[languageOf(options)].notInitialized);
  }
}

/**
 * @template T
 * @param {() => T} fn
 * @param {unknown} [options] the call's options (their locale)
 * @returns {T}
 */
function call(fn, options) {
  requireReady(options);
  try {
    return fn();
  } catch (thrown) {
    throw toCtipError(thrown);
  }
}

/**
 * The most entries an array (or keys an object) may have: the ceiling on
 * every limit a policy can set (LIMIT_CEILING in src/policy/mod.rs). Longer
 * ones are refused before they are iterated, so that a sparse array of
 * length 2^32 - 1, or a Proxy that reports a length of 1e9, is an error and
 * not a hang.
 */
const MAX_ENTRIES = 1_000_000;
/**
 * The longest JSON text handed to the module, in UTF-16 code units: room
 * for a comparison of 10,000 typical bids (14 KB each); a longer text is
 * refused before it is encoded, so that the module never runs out of
 * memory reading it.
 */
const MAX_TEXT = 192 * 1024 * 1024;

/** @typedef {'en' | 'es'} Lang */

/**
 * The language `options.locale` chooses, as the module reads it: any `es`
 * tag (`es`, `es-MX`, `es_US`) is Spanish, anything else English. Read
 * before the options are checked, and never throws.
 * @param {unknown} options
 * @returns {Lang}
 */
function languageOf(options) {
  try {
    const locale = /** @type {{ locale?: unknown } | null | undefined} */ (options)?.locale;
    return typeof locale === 'string' ? panelLanguage(undefined, locale) : 'en';
  } catch {
    return 'en';
  }
}

/**
 * A count as English and US Spanish write it, as the engine does
 * (`16,777,216`).
 * @param {number} n
 */
const count = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The shim's own messages, in both languages. */
const SAYS = {
  en: {
    'limit-exceeded': 'limit exceeded',
    'invalid-options': 'invalid options',
    'invalid-submission': 'invalid submission',
    tooLong: (/** @type {number} */ n) => `the JSON text is ${count(n)} characters long; the most this package reads is ${count(MAX_TEXT)}`,
    unreadable: (/** @type {string} */ what) => `could not be read: ${what}`,
    entries: (/** @type {number} */ n) => `has ${count(n)} entries; no limit allows more than ${count(MAX_ENTRIES)}`,
    keys: () => `has more than ${count(MAX_ENTRIES)} keys`,
    tooLarge: (/** @type {string} */ what) => `the value is too large to encode as JSON text (${what})`,
    noRoom: (/** @type {number} */ n) => `the input (${count(n)} characters of JSON) does not fit in the module's memory`,
    notEncoded: 'the input text could not be encoded',
    notPlain: 'must be plain JSON data (finite numbers, strings, arrays and plain objects)',
    notReady: 'ctip-screen is not initialized: await init() first',
    notInitialized: 'ctip-screen: call and await init() before using the API',
    loadFailed: (/** @type {'wasm' | 'ocdsWasm'} */ option, /** @type {string} */ tried, /** @type {string} */ reason, /** @type {string} */ file) =>
      `ctip-screen: could not load the ${option === 'wasm' ? 'WebAssembly module' : 'OCDS import module'} from ${tried}: ${reason}. ` +
      `Serve ${file} next to ctip-screen's index.js (with a bundler, copy it next to the bundle), ` +
      `or say where it is with init({ ${option}: url }).`,
    given: { response: 'the Response given', module: 'the WebAssembly.Module given', bytes: 'the bytes given' },
  },
  es: {
    'limit-exceeded': 'límite superado',
    'invalid-options': 'opciones no válidas',
    'invalid-submission': 'oferta no válida',
    tooLong: (/** @type {number} */ n) => `el texto JSON tiene ${count(n)} caracteres; este paquete lee como máximo ${count(MAX_TEXT)}`,
    unreadable: (/** @type {string} */ what) => `no se pudo leer: ${what}`,
    entries: (/** @type {number} */ n) => `tiene ${count(n)} elementos; ningún límite permite más de ${count(MAX_ENTRIES)}`,
    keys: () => `tiene más de ${count(MAX_ENTRIES)} claves`,
    tooLarge: (/** @type {string} */ what) => `el valor es demasiado grande para escribirlo como texto JSON (${what})`,
    noRoom: (/** @type {number} */ n) => `la entrada (${count(n)} caracteres de JSON) no cabe en la memoria del módulo`,
    notEncoded: 'no se pudo codificar el texto de la entrada',
    notPlain: 'deben ser datos JSON simples (números finitos, cadenas de texto, arreglos y objetos simples)',
    notReady: 'ctip-screen no está inicializado: espere a init() primero',
    notInitialized: 'ctip-screen: llame a init() y espere a que termine antes de usar la API',
    loadFailed: (/** @type {'wasm' | 'ocdsWasm'} */ option, /** @type {string} */ tried, /** @type {string} */ reason, /** @type {string} */ file) =>
      `ctip-screen: no se pudo cargar el ${option === 'wasm' ? 'módulo WebAssembly' : 'módulo de importación OCDS'} desde ${tried}: ${reason}. ` +
      `Sirva ${file} junto al index.js de ctip-screen (con un empaquetador, cópielo junto al paquete generado), ` +
      `o diga dónde está con init({ ${option}: url }).`,
    given: { response: 'la Response dada', module: 'el WebAssembly.Module dado', bytes: 'los bytes dados' },
  },
};

/**
 * @param {import('./index.js').ErrorCode} code
 * @param {string} path
 * @param {string} message
 * @param {Lang} lang
 */
function refusal(code, path, message, lang) {
  const what = SAYS[lang][code === 'limit-exceeded' || code === 'invalid-options' ? code : 'invalid-submission'];
  return new CtipError(code, `ctip-screen: ${what}: ${path ? `${path}: ` : ''}${message}`, [{ path, message }]);
}

/**
 * @param {number} length
 * @param {Lang} lang
 */
function checkText(length, lang) {
  if (length > MAX_TEXT) {
    throw refusal('limit-exceeded', '', SAYS[lang].tooLong(length), lang);
  }
}

/**
 * Reads every value of `value` once, as JSON.stringify will: is it plain
 * JSON data, which JSON.stringify copies faithfully? Non-finite numbers,
 * functions, symbols, BigInts, class instances and cycles are not: those
 * values go through the slower object path, whose errors name the field.
 * Throws CtipError, naming the field, for an array or object with more than
 * MAX_ENTRIES entries (limit-exceeded) and for a value that cannot be read,
 * such as a getter or a Proxy trap that throws (`code`, "could not be
 * read: <what it threw>").
 * @param {unknown} value
 * @param {import('./index.js').ErrorCode} code invalid-submission or invalid-options
 * @param {Lang} lang
 * @returns {boolean}
 */
function inspect(value, code, lang) {
  try {
    // The fast walk keeps no path: it is the one every call pays for.
    return walk(value, null, 0, lang);
  } catch {
    // Walk again, now noting where: the same value fails at the same place.
  }
  /** @type {string[]} */
  const path = [];
  try {
    return walk(value, path, 0, lang);
  } catch (thrown) {
    if (thrown instanceof CtipError) throw thrown;
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    throw refusal(code, path.join(''), SAYS[lang].unreadable(message), lang);
  }
}

/** Thrown by the fast walk, which cannot say where. */
const TOO_LONG = new Error('too long');

/**
 * @param {unknown} value
 * @param {string[] | null} path where `value` is (`workforce`, `.wageRates`,
 *   `[2]`), kept only on the second walk, after the first one failed
 * @param {number} depth
 * @param {Lang} lang
 * @returns {boolean}
 */
function walk(value, path, depth, lang) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  // Deeper than any submission: the object path refuses it by name.
  if (depth > 64) return false;
  let plain = true;
  if (Array.isArray(value)) {
    const length = value.length;
    if (!(length <= MAX_ENTRIES)) {
      if (path === null) throw TOO_LONG;
      throw refusal('limit-exceeded', path.join(''), SAYS[lang].entries(length), lang);
    }
    for (let i = 0; i < length; i++) {
      if (path !== null) path.push(`[${i}]`);
      if (!walk(value[i], path, depth + 1, lang)) plain = false;
      if (path !== null) path.pop();
    }
    return plain;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Typed arrays and the like: the object path reads them, or refuses them.
    if (ArrayBuffer.isView(value)) return false;
    plain = false;
  }
  const record = /** @type {Record<string, unknown>} */ (value);
  let keys = 0;
  for (const key in record) {
    if (++keys > MAX_ENTRIES) {
      if (path === null) throw TOO_LONG;
      throw refusal('limit-exceeded', path.join(''), SAYS[lang].keys(), lang);
    }
    if (path !== null) path.push(path.length === 0 ? key : `.${key}`);
    if (!walk(record[key], path, depth + 1, lang)) plain = false;
    if (path !== null) path.pop();
  }
  return plain;
}

/**
 * JSON text for a value, or undefined when it is not plain JSON data.
 * Throws CtipError as `inspect` does, and for text longer than MAX_TEXT.
 * @param {unknown} value
 * @param {import('./index.js').ErrorCode} code
 * @param {Lang} lang
 * @returns {string | undefined}
 */
function encode(value, code, lang) {
  if (value === undefined || !inspect(value, code, lang)) return undefined;
  let text;
  try {
    text = JSON.stringify(value);
  } catch (thrown) {
    // V8 refuses strings longer than about 2^29 characters.
    throw refusal('limit-exceeded', '', SAYS[lang].tooLarge(thrown instanceof Error ? thrown.message : String(thrown)), lang);
  }
  checkText(text.length, lang);
  return text;
}

/**
 * Runs the fast JSON-text export when both inputs are plain JSON data (one
 * string across the boundary each way), else the serde-wasm-bindgen export.
 * Both give the same results and the same errors.
 * @param {unknown} input
 * @param {unknown} options
 * @param {(length: number, options: string) => string} viaText
 * @param {(input: unknown, options: unknown) => unknown} viaObjects
 */
function run(input, options, viaText, viaObjects) {
  const lang = languageOf(options);
  const inputText = encode(input, 'invalid-submission', lang);
  const optionsText = encodeOptions(options, lang);
  if (inputText !== undefined && optionsText !== undefined) return JSON.parse(viaText(put(inputText, lang), optionsText));
  return viaObjects(input, options ?? null);
}

/**
 * The options' JSON text (`null` for none), or undefined when they are not
 * plain JSON data.
 * @param {unknown} options
 * @param {Lang} lang
 */
function encodeOptions(options, lang) {
  return options === undefined || options === null ? 'null' : encode(options, 'invalid-options', lang);
}

/** Encodes the JSON text handed to the module. */
const utf8 = new TextEncoder();

/**
 * Writes `text` as UTF-8 straight into the module's input buffer and returns
 * the number of bytes written. One pass with `encodeInto`: encoding into a
 * new array and copying that in took 13 µs more for the typical bid in
 * Chromium (and wasm-bindgen passes a string character by character).
 * Room for one byte per character first (JSON text is mostly ASCII), then,
 * if the text did not fit, for three (the most a UTF-16 code unit takes).
 * @param {string} text
 * @param {Lang} lang
 * @returns {number}
 */
function put(text, lang) {
  for (const room of [text.length, text.length * 3]) {
    const at = wasm.inputBuffer(room);
    if (at === 0) {
      throw refusal('limit-exceeded', '', SAYS[lang].noRoom(text.length), lang);
    }
    const { read, written } = utf8.encodeInto(text, new Uint8Array(memory.buffer, at, room));
    if (read === text.length) return written;
  }
  throw refusal('invalid-submission', '', SAYS[lang].notEncoded, lang);
}

/**
 * Scores one bid. Throws CtipError (invalid-submission, invalid-options,
 * invalid-policy, limit-exceeded) naming every bad field.
 *
 * @param {import('./index.js').Submission} submission
 * @param {import('./index.js').EvaluateOptions} [options]
 * @returns {import('./index.js').Assessment}
 */
export function evaluateBid(submission, options) {
  return call(() => run(submission, options, wasm.evaluateInput, wasm.evaluate), options);
}

/**
 * Scores one bid given as JSON text and returns the assessment as JSON text,
 * byte for byte what `ctip-screen score` prints (without its newline).
 *
 * @param {string} submissionJson
 * @param {import('./index.js').EvaluateOptions} [options]
 * @returns {string}
 */
export function evaluateBidJson(submissionJson, options) {
  return call(() => {
    const lang = languageOf(options);
    const text = String(submissionJson);
    checkText(text.length, lang);
    const optionsText = encodeOptions(options, lang);
    // Options that are not plain JSON data cannot be given as text.
    if (optionsText === undefined) throw refusal('invalid-options', '', SAYS[lang].notPlain, lang);
    return wasm.evaluateInput(put(text, lang), optionsText);
  }, options);
}

/**
 * Compares the bids of one solicitation.
 *
 * @param {import('./index.js').Submission[]} bids
 * @param {import('./index.js').EvaluateOptions} [options]
 * @returns {import('./index.js').Comparison}
 */
export function compareBids(bids, options) {
  return call(() => run(bids, options, wasm.compareInput, wasm.compare), options);
}

/**
 * Checks a value against the submission contract, naming problems in the
 * language `options.locale` chooses (`es`: Spanish). Never throws (before
 * init() it reports that in `issues`).
 *
 * @param {unknown} value
 * @param {{ locale?: string }} [options]
 * @returns {{ valid: boolean, issues: import('./index.js').Issue[] }}
 */
export function validateSubmission(value, options) {
  const lang = languageOf(options);
  if (!ready) {
    return { valid: false, issues: [{ path: '', message: SAYS[lang].notReady }] };
  }
  try {
    const text = encode(value, 'invalid-submission', lang);
    // Plain JSON data crosses as one string (as in evaluateBid); anything
    // else goes value by value, whose errors name the field.
    const locale = typeof options?.locale === 'string' ? options.locale : undefined;
    return text === undefined ? wasm.validate(value, locale) : JSON.parse(wasm.validateInput(put(text, lang), locale));
  } catch (thrown) {
    return { valid: false, issues: toCtipError(thrown).issues };
  }
}

/**
 * Reads Open Contracting (OCDS) data: a release or record package, a release
 * or record, an array of them, or JSON Lines of any. Resolves to each
 * contracting process with its readable bids as submissions, and the bids
 * that could not be read with the reason. In JSON Lines a line that cannot
 * be read does not stop the rest: it is listed, with its number, in the
 * array's `errors`. Rejects only when nothing can be read. Asynchronous
 * because the OCDS import lives in a module of its own, fetched on the first
 * call (see init's `ocdsWasm`); later calls reuse it.
 *
 * With `options.locale` `es`, the reasons are in Spanish.
 *
 * @param {string} text
 * @param {{ locale?: string }} [options]
 * @returns {Promise<import('./index.js').OcdsRead>}
 */
export async function ocdsToBids(text, options) {
  requireReady(options);
  const ocds = await ocdsModule(languageOf(options));
  /** @type {{ processes: import('./index.js').OcdsProcess[], errors: import('./index.js').OcdsLineError[] }} */
  const read = call(() => {
    const input = String(text);
    checkText(input.length, languageOf(options));
    const locale = typeof options?.locale === 'string' ? options.locale : undefined;
    return ocds.ocdsToBids(utf8.encode(input), locale);
  });
  return Object.assign(read.processes, { errors: read.errors });
}

/** @returns {import('./index.js').Policy} The built-in policy `la-2026`. */
export function defaultPolicy() {
  return call(() => wasm.defaultPolicy());
}

/**
 * Which dated series of the policy (wage floors, thresholds, the TVPRA
 * list's edition) are older than they are expected to last, on
 * `options.asOf` (default today). Takes the same options as evaluateBid, so
 * a newer goods list or wage floor loaded there is checked too.
 *
 * @param {import('./index.js').EvaluateOptions} [options]
 * @returns {import('./index.js').PolicyCheck}
 */
export function checkPolicy(options) {
  return call(() => {
    const lang = languageOf(options);
    const optionsText = encodeOptions(options, lang);
    if (optionsText === undefined) throw refusal('invalid-options', '', SAYS[lang].notPlain, lang);
    return JSON.parse(wasm.checkPolicy(optionsText));
  }, options);
}

/**
 * The rule catalogue, in the language `options.locale` chooses (`es`,
 * `es-MX`, `es-US`: Spanish; anything else: English).
 * @param {{ locale?: string }} [options]
 * @returns {import('./index.js').RuleInfo[]}
 */
export function rules(options) {
  return call(() => {
    const locale = options?.locale;
    return wasm.rules(typeof locale === 'string' ? locale : undefined);
  }, options);
}

/**
 * Turns a portal's form (or FormData) into a submission through a declarative
 * mapping (see form.js). It runs in JavaScript alone, so it works before
 * init() has loaded the module.
 *
 * @param {HTMLFormElement | FormData} form
 * @param {import('./index.js').FieldMapping} [mapping]
 * @returns {import('./index.js').Submission}
 */
export function fromForm(form, mapping) {
  return /** @type {import('./index.js').Submission} */ (/** @type {unknown} */ (readForm(form, mapping)));
}

/**
 * Renders the risk panel for an assessment into `target` (text nodes only).
 * It needs no WebAssembly, so it works before init(), as for an assessment
 * saved earlier.
 *
 * @param {Element} target
 * @param {import('./index.js').Assessment} assessment
 * @param {import('./index.js').PanelOptions} [options]
 */
export function mountRiskPanel(target, assessment, options) {
  mountPanel(target, assessment, options);
}

/** @returns {string} The engine version. */
export function version() {
  return call(() => wasm.version());
}
