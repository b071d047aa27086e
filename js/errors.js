// CtipError: every failure of the API is one of these, with a stable code
// and the list of problems by JSON path (SPEC.md section 6).

/** @typedef {import('./index.js').Issue} Issue */
/** @typedef {import('./index.js').ErrorCode} ErrorCode */

/**
 * An error from ctip-screen.
 *
 * `code` is one of `invalid-submission`, `invalid-policy`, `invalid-options`,
 * `limit-exceeded`, `not-initialized`, `init-failed` (the `.wasm` could not
 * be loaded), or `internal-error` (a defect of ctip-screen). `issues` names
 * every bad field by path.
 */
export class CtipError extends Error {
  /**
   * @param {ErrorCode} code
   * @param {string} message
   * @param {Issue[]} [issues]
   */
  constructor(code, message, issues = []) {
    super(message);
    this.name = 'CtipError';
    /** @type {ErrorCode} */
    this.code = code;
    /** @type {Issue[]} */
    this.issues = issues;
  }
}

/**
 * Turns whatever the wasm module threw into a CtipError.
 * @param {unknown} thrown
 * @returns {CtipError}
 */
export function toCtipError(thrown) {
  if (thrown instanceof CtipError) return thrown;
  if (thrown && typeof thrown === 'object' && 'code' in thrown && 'issues' in thrown) {
    const report = /** @type {{code: string, message?: string, issues: Issue[]}} */ (thrown);
    // The module reports only the codes of SPEC section 6.
    const code = /** @type {ErrorCode} */ (String(report.code));
    return new CtipError(code, String(report.message ?? report.code), Array.isArray(report.issues) ? report.issues : []);
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new CtipError('internal-error', `ctip-screen: unexpected failure: ${message}`);
}
