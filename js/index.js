// ctip-screen: screens a vendor's bid for labor-trafficking risk indicators,
// in the browser or in Node, with nothing sent anywhere.
//
// This shim loads the WebAssembly module and gives it the small, typed API of
// SPEC.md section 6. Every function but init() is synchronous once init() has
// resolved. Types: index.d.ts.

import initWasm, * as wasm from './ctip_screen_wasm.js';
import { CtipError, toCtipError } from './errors.js';

export { CtipError } from './errors.js';
export { fromForm } from './form.js';
export { mountRiskPanel, renderRiskPanel, defineRiskPanelElement } from './panel.js';

/** @type {Promise<void> | null} */
let loading = null;
let ready = false;

/**
 * Loads the WebAssembly module. With no argument it finds the `.wasm` next to
 * this file: by URL in a browser, from disk in Node. Calling it again is
 * harmless. `options.wasm` may be a URL, a URL string, a Response, the bytes,
 * or a compiled WebAssembly.Module (for self-hosting or integrity pinning).
 *
 * @param {{ wasm?: URL | string | Response | BufferSource | WebAssembly.Module }} [options]
 * @returns {Promise<void>}
 */
export function init(options = {}) {
  if (ready) return Promise.resolve();
  if (!loading) {
    loading = load(options?.wasm).then(
      () => {
        ready = true;
      },
      (error) => {
        loading = null;
        throw new CtipError('init-failed', `ctip-screen: could not load the WebAssembly module: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }
  return loading;
}

/**
 * @param {URL | string | Response | BufferSource | WebAssembly.Module | undefined} source
 */
async function load(source) {
  if (source === undefined) {
    const url = new URL('./ctip_screen_wasm_bg.wasm', import.meta.url);
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
    wasm.initSync({ module: source });
  } else {
    await initWasm({ module_or_path: source });
  }
}

function requireReady() {
  if (!ready) {
    throw new CtipError('not-initialized', 'ctip-screen: call and await init() before using the API');
  }
}

/**
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
function call(fn) {
  requireReady();
  try {
    return fn();
  } catch (thrown) {
    throw toCtipError(thrown);
  }
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
  return call(() => wasm.evaluate(submission, options ?? null));
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
  return call(() => wasm.evaluateJson(String(submissionJson), JSON.stringify(options ?? null)));
}

/**
 * Compares the bids of one solicitation.
 *
 * @param {import('./index.js').Submission[]} bids
 * @param {import('./index.js').EvaluateOptions} [options]
 * @returns {import('./index.js').Comparison}
 */
export function compareBids(bids, options) {
  return call(() => wasm.compare(bids, options ?? null));
}

/**
 * Checks a value against the submission contract. Never throws (before
 * init() it reports that in `issues`).
 *
 * @param {unknown} value
 * @returns {{ valid: boolean, issues: import('./index.js').Issue[] }}
 */
export function validateSubmission(value) {
  if (!ready) {
    return { valid: false, issues: [{ path: '', message: 'ctip-screen is not initialized: await init() first' }] };
  }
  try {
    return wasm.validate(value);
  } catch (thrown) {
    return { valid: false, issues: toCtipError(thrown).issues };
  }
}

/** @returns {import('./index.js').Policy} The built-in policy `la-2026`. */
export function defaultPolicy() {
  return call(() => wasm.defaultPolicy());
}

/** @returns {import('./index.js').RuleInfo[]} The rule catalogue. */
export function rules() {
  return call(() => wasm.rules());
}

/** @returns {string} The engine version. */
export function version() {
  return call(() => wasm.version());
}
