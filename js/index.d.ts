// Types of the ctip-screen npm package (SPEC.md sections 2-6). The data
// types (Submission, Assessment, Comparison, Policy, ...) are generated from
// the Rust types into types.d.ts (scripts/gen-types.mjs); this file declares
// the functions and the types that exist only on the JavaScript side.
// Absent and null mean "not provided", never false or 0.

import type {
  Assessment, Comparison, DateString, OcdsProcess, Policy, PolicyCheck, RuleInfo, Submission, WageFloor, Watchlist,
} from './types.js';

export * from './types.js';

export type ErrorCode =
  | 'invalid-submission' | 'invalid-policy' | 'invalid-options' | 'limit-exceeded' | 'not-initialized'
  | 'init-failed' | 'internal-error';

export interface Issue { path: string; message: string }

/** A line of JSON Lines that could not be read; the lines around it were. */
export interface OcdsLineError {
  /** 1-based line number in the text given. */
  line: number;
  error: { code: ErrorCode; message: string };
}

/** What `ocdsToBids` resolves to: the processes, in input order, and the lines not read. */
export type OcdsRead = OcdsProcess[] & { errors: OcdsLineError[] };

/** How a reader checks a number of the policy. */
export interface Provenance {
  /** Primary (the law or official text), secondary (an account of it) or design (ctip-screen's own judgement). */
  sourceKind?: 'primary' | 'secondary' | 'design' | null;
  /** When the source was read. */
  read?: DateString | null;
  url?: string | null;
}

/** A newer DOL goods list: its CSV text (the columns of data/*.csv, or ILAB's own) and the edition to name it by. */
export interface GoodsListSource { csv: string; edition: string; published?: DateString }

export interface EvaluateOptions {
  policy?: Policy;
  asOf?: DateString;
  watchlists?: Watchlist[];
  /** The language of every text (BCP 47): `es`, `es-MX`, `es-US` or any `es` tag for Spanish, anything else English. The assessment records it in `locale`. */
  locale?: string;
  /** `vendor`: the vendor's own check before submitting; every finding and gap also says what to do (`vendorAction`). */
  audience?: 'evaluator' | 'vendor';
  /** Replace the built-in TVPRA or EO 13126 list (at most one of each); assessments name its edition and digest. */
  goodsLists?: GoodsListSource[];
  /** Wage floors added to the policy's (a new minimum wage, before a new policy is published). */
  wageFloors?: WageFloor[];
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'list' | 'percent' | 'array';
/**
 * Form field name, or CSS selector (starting with `#`, `.` or `[`), to a JSON path or `{ path, type, rows }`.
 * A path with `[]` (`workforce.wageRates[].hourly`) takes one row per value, or per container matching `rows`.
 */
export type FieldMapping = Record<string, string | { path: string; type?: FieldType; rows?: string; label?: string }>;

export interface PanelOptions {
  /** Formats numbers; the panel's words follow the assessment's own `locale` (the language its texts are in), else this. */
  locale?: string;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Open every finding's details (evidence and law). */
  openFindings?: boolean;
  /** Labels of submission paths as the portal's form names them; `[]` stands for any row (`workforce.wageRates[].hourly`). */
  labels?: Record<string, string>;
  /** The policy's tier cut-offs (`defaultPolicy().tiers`), to say why the tier is what it is. */
  tiers?: { high: number; elevated: number };
}

export class CtipError extends Error {
  constructor(code: ErrorCode, message: string, issues?: Issue[]);
  readonly code: ErrorCode;
  readonly issues: Issue[];
}

/** Where a WebAssembly module comes from: a URL, a Response, its bytes, or a compiled module. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;
/**
 * Loads the engine module (`wasm`; default: next to index.js). `ocdsWasm` says where the
 * OCDS import module is; it is only fetched when `ocdsToBids` is first called. `locale`
 * (`es`: Spanish) chooses the language of the error when loading fails.
 */
export function init(options?: { wasm?: WasmSource; ocdsWasm?: WasmSource; locale?: string }): Promise<void>;
export function evaluateBid(submission: Submission, options?: EvaluateOptions): Assessment;
export function evaluateBidJson(submissionJson: string, options?: EvaluateOptions): string;
export function compareBids(bids: Submission[], options?: EvaluateOptions): Comparison;
/** Checks a value against the submission contract; `locale` `es` names the problems in Spanish. Never throws. */
export function validateSubmission(value: unknown, options?: { locale?: string }): { valid: boolean; issues: Issue[] };
/**
 * Reads OCDS data (packages, releases, records, arrays or JSON Lines of any) into processes
 * and bids; a JSON Lines line that cannot be read is listed in `errors`, the rest still read.
 * Fetches the OCDS import module on the first call.
 */
export function ocdsToBids(text: string, options?: { locale?: string }): Promise<OcdsRead>;
export function defaultPolicy(): Policy;
/** Which dated series of the policy are older than they are expected to last, on `options.asOf` (default today). */
export function checkPolicy(options?: EvaluateOptions): PolicyCheck;
export function rules(options?: { locale?: string }): RuleInfo[];
export function version(): string;
export function fromForm(form: HTMLFormElement | FormData, mapping?: FieldMapping): Submission;
/** Labels of the mapped fields by path (the mapping's `label`, else the field's <label>), for `PanelOptions.labels`. */
export function formLabels(form: HTMLFormElement, mapping?: FieldMapping): Record<string, string>;
export function mountRiskPanel(target: Element, assessment: Assessment, options?: PanelOptions): void;
export function renderRiskPanel(doc: Document, assessment: Assessment, options?: PanelOptions): HTMLElement;
export function defineRiskPanelElement(): boolean;
/** The assessment in one sentence, in its own language: "Bid B-1: score 55 of 100, high risk, review required; 3 findings (1 critical), ..." */
export function summarizeAssessment(assessment: Assessment): string;
/** Why the tier is what it is, in the assessment's language: "Critical risk: 1 critical finding, whatever the score." */
export function tierReason(assessment: Assessment, tiers?: { high: number; elevated: number }): string;
/** A submission path as a portal user reads it: "Hourly wage (wage rate 2)"; with `locale` `es`, "Salario por hora (salario 2)". */
export function fieldLabel(path: string, labels?: Record<string, string>, locale?: string): string;

/** The `<ctip-risk-panel>` element that importing the package defines. */
export interface CtipRiskPanelElement extends HTMLElement {
  /** The assessment shown; setting it renders the panel (null empties it). */
  assessment: Assessment | null;
  /** As `PanelOptions.labels`; setting it re-renders. */
  labels: Record<string, string> | undefined;
  /** As `PanelOptions.tiers`; setting it re-renders. */
  tiers: { high: number; elevated: number } | undefined;
  /** The assessment in one sentence ('' when there is none). */
  readonly summary: string;
}

/** `ctip-render`: after each render. `ctip-finding-toggle`: a reader opened or closed a finding. */
export interface CtipRiskPanelEventMap {
  'ctip-render': CustomEvent<{ assessment: Assessment; summary: string }>;
  'ctip-finding-toggle': CustomEvent<{ rule: string; open: boolean }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'ctip-risk-panel': CtipRiskPanelElement;
  }
}
