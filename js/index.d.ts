// Types of the ctip-screen npm package (SPEC.md sections 2-6).
// Absent and null mean "not provided", never false or 0.

/** ISO date `YYYY-MM-DD`. */
export type DateString = string;

export type Jurisdiction = 'la-city' | 'la-county' | 'california' | 'federal';
export type Sector =
  | 'construction' | 'janitorial' | 'landscaping' | 'hospitality' | 'event-staffing' | 'food-service'
  | 'security' | 'apparel' | 'laundry' | 'electronics' | 'transportation' | 'warehousing'
  | 'agriculture' | 'manufacturing' | 'professional-services' | 'other';
export type ProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';
export type BusinessType = 'retailer' | 'manufacturer' | 'services' | 'other';
export type DeductionKind = 'recruitment' | 'visa' | 'travel' | 'housing' | 'transport' | 'uniform' | 'tools' | 'meals' | 'deposit' | 'other';
export type ProcurementCategory = 'goods' | 'services' | 'works';
export type TemporaryWorkerProgram = 'h-2a' | 'h-2b' | 'other' | 'none';
export type PayFrequency = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';
export type PlanElement = 'awareness' | 'reporting' | 'recruitment-wage' | 'housing' | 'subcontractor-monitoring';
export type ViolationStatus = 'unpaid' | 'paid' | 'contested';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type Tier = 'low' | 'elevated' | 'high' | 'critical';
export type ErrorCode =
  | 'invalid-submission' | 'invalid-policy' | 'invalid-options' | 'limit-exceeded' | 'not-initialized'
  | 'init-failed' | 'internal-error';

type Opt<T> = T | null | undefined;

export interface Address {
  street?: Opt<string>; city?: Opt<string>; region?: Opt<string>; postalCode?: Opt<string>; country?: Opt<string>;
}

export interface Submission {
  id: string;
  submittedOn?: Opt<DateString>;
  solicitation: {
    id?: Opt<string>;
    title?: Opt<string>;
    jurisdiction?: Opt<Jurisdiction>;
    sector?: Opt<Sector>;
    publicWork?: Opt<boolean>;
    estimatedValue?: Opt<number>;
    currency?: Opt<string>;
    procurementMethod?: Opt<ProcurementMethod>;
    procurementCategory?: Opt<ProcurementCategory>;
    tenderPeriod?: Opt<{ start?: Opt<DateString>; end?: Opt<DateString> }>;
    /** Bids the solicitation (or lot) received, when more than are compared: single-bid counts these. */
    bidsReceived?: Opt<number>;
    /** A total set as a ceiling, not a price (a framework maximum): bids at it are not compared on price. */
    priceCeiling?: Opt<number>;
    performancePeriod?: Opt<{ start?: Opt<DateString>; end?: Opt<DateString> }>;
    wageDeterminations?: Opt<{ role: string; hourly: number; source?: Opt<string> }[]>;
  };
  vendor: {
    name: string;
    identifiers?: Opt<Record<string, string>>;
    incorporatedOn?: Opt<DateString>;
    address?: Opt<Address>;
    contact?: Opt<{ email?: Opt<string>; phone?: Opt<string> }>;
    principals?: Opt<string[]>;
    annualRevenue?: Opt<number>;
    businessType?: Opt<BusinessType>;
    laborBroker?: Opt<boolean>;
  };
  price?: Opt<{
    total?: Opt<number>; laborCost?: Opt<number>; laborHours?: Opt<number>;
    offshoreValue?: Opt<number>; offshoreCotsOnly?: Opt<boolean>;
  }>;
  workforce?: Opt<{
    headcount?: Opt<number>; peakHeadcount?: Opt<number>;
    temporaryShare?: Opt<number>; independentContractorShare?: Opt<number>;
    recruitedAbroad?: Opt<number>; temporaryWorkerProgram?: Opt<TemporaryWorkerProgram>;
    languages?: Opt<string[]>; maxWeeklyHours?: Opt<number>;
    wageRates?: Opt<{ role?: Opt<string>; hourly: number; workers?: Opt<number> }[]>;
    housingProvided?: Opt<boolean>;
    deductions?: Opt<{ kind: DeductionKind; amountPerWeek?: Opt<number> }[]>;
    payFrequency?: Opt<PayFrequency>; payHeldBack?: Opt<boolean>;
  }>;
  recruitment?: Opt<{
    usesRecruiters?: Opt<boolean>;
    recruiters?: Opt<{ name?: Opt<string>; licensed?: Opt<boolean>; country?: Opt<string> }[]>;
    workerPaidFees?: Opt<number>;
  }>;
  subcontractors?: Opt<{
    name?: Opt<string>; tier?: Opt<number>; shareOfValue?: Opt<number>; sector?: Opt<Sector>;
    laborBroker?: Opt<boolean>; flowDown?: Opt<boolean>; identifiers?: Opt<Record<string, string>>;
    address?: Opt<Address>; dirRegistered?: Opt<boolean>;
  }[]>;
  supplyItems?: Opt<{
    description?: Opt<string>; good?: Opt<string>; countryOfOrigin?: Opt<string>; value?: Opt<number>; supplier?: Opt<string>;
  }[]>;
  compliance?: Opt<{
    certifications?: Opt<string[]>;
    antiTraffickingPolicy?: Opt<boolean>;
    compliancePlan?: Opt<{
      provided?: Opt<boolean>; elements?: Opt<PlanElement[]>;
      posted?: Opt<boolean>; annualCertification?: Opt<boolean>; subcontractorCertifications?: Opt<boolean>;
    }>;
    training?: Opt<boolean>; grievanceMechanism?: Opt<boolean>; hotlinePosted?: Opt<boolean>;
    retainsWorkerDocuments?: Opt<boolean>; contractLanguages?: Opt<string[]>;
    returnTransportPolicy?: Opt<boolean>; returnTransportAgreement?: Opt<boolean>;
    housingPlan?: Opt<boolean>; supplyChainDisclosureUrl?: Opt<string>;
  }>;
  history?: Opt<{
    wageViolations?: Opt<{ date?: Opt<DateString>; amount?: Opt<number>; status?: Opt<ViolationStatus>; agency?: Opt<string> }[]>;
    exclusions?: Opt<{ list?: Opt<string>; active?: Opt<boolean>; until?: Opt<DateString> }[]>;
    traffickingFindings?: Opt<{ date?: Opt<DateString>; source?: Opt<string>; description?: Opt<string> }[]>;
  }>;
}

/** How a (good, country) entry stands in a goods list's edition. */
export type Listing = 'confirmed' | 'confirmed-flags-changed' | 'added' | 'carried-over' | 'listed';
/** The goods lists: the TVPRA list of goods and the EO 13126 list of products. */
export type ListKind = 'tvpra' | 'eo13126';

/** The entry of a reference list that a value of the bid matched. */
export interface ListEntry { list: ListKind; edition: string; entry: string; status: Listing }

export interface Evidence {
  path: string;
  value: unknown;
  /** Present when the value matched a reference list (the TVPRA list). */
  listing?: ListEntry;
}

export interface Finding {
  rule: string;
  severity: Severity;
  points: number;
  title: string;
  message: string;
  evidence: Evidence[];
  citations: string[];
  action: string;
}

export interface Gap { rule: string; paths: string[]; message: string }

/** A goods list as an assessment names it: edition and SHA-256 of the exact text used. */
export interface ListRef { list: ListKind; edition: string; title: string; digest: string; rows: number; published?: DateString }

export interface PolicyRef { id: string; version: string; digest: string; lists: ListRef[] }

export interface Assessment {
  submissionId: string;
  score: number;
  tier: Tier;
  reviewRequired: boolean;
  findings: Finding[];
  gaps: Gap[];
  completeness: number;
  asOf: DateString;
  policy: PolicyRef;
  engineVersion: string;
}

export interface CrossFinding {
  rule: string;
  severity: Severity;
  points: number;
  bids: string[];
  /** The lot the bids were for, when the solicitation has lots. */
  lot?: string;
  message: string;
  evidence: Evidence[];
  citations: string[];
  action: string;
}

export interface Statistics {
  count: number; priced: number;
  min: number | null; max: number | null; mean: number | null; median: number | null;
}

export interface Comparison { assessments: Assessment[]; findings: CrossFinding[]; statistics: Statistics }

export interface Issue { path: string; message: string }

/** How many bids a solicitation or lot received, and where the number comes from. */
export interface BidCount { count: number; source: string }

export interface OcdsProcess {
  ocid: string;
  title: string | null;
  /** Readable bids. A bid on a lot answers a solicitation of its own (its `solicitation.id` names the lot). */
  bids: Submission[];
  excluded: { bid: string | null; lot?: string; reason: string }[];
  /** The tender's lots, with their estimates and the bids each received. */
  lots?: { id: string; title?: string; estimate?: number; currency?: string; received?: BidCount; ceiling?: Ceiling }[];
  /** For a process without lots: the bids received, where the data says. */
  received?: BidCount;
  /** For a process without lots: a total the awards give as a ceiling (bids at it are not compared on price). */
  ceiling?: Ceiling;
}

/**
 * A total the data gives as a ceiling, not a price: an award's `maximumValue`, or one value
 * shared by several awards on a lot (parallel framework agreements).
 */
export interface Ceiling { amount: number; source: string }

/** A line of JSON Lines that could not be read; the lines around it were. */
export interface OcdsLineError {
  /** 1-based line number in the text given. */
  line: number;
  error: { code: ErrorCode; message: string };
}

/** What `ocdsToBids` resolves to: the processes, in input order, and the lines not read. */
export type OcdsRead = OcdsProcess[] & { errors: OcdsLineError[] };

export interface Threshold extends Provenance { value: number; source: string }

/** How a reader checks a number of the policy. */
export interface Provenance {
  /** Primary (the law or official text), secondary (an account of it) or design (ctip-screen's own judgement). */
  sourceKind?: 'primary' | 'secondary' | 'design';
  /** When the source was read. */
  read?: DateString;
  url?: string;
}

export interface WageFloor extends Provenance {
  scope: 'california' | 'la-city' | 'la-county'; sector?: Sector; hourly: number; effective: DateString;
  healthPayment?: number; source: string;
}

export interface Policy {
  id: string;
  version: string;
  title?: string;
  published: DateString;
  currency: string;
  /** The FAR text the citations follow. */
  far?: { edition: string; note?: string; source: string } & Provenance;
  /** What changed in each version, and why (newest first). */
  changelog?: { version: string; date: DateString; changes: string[] }[];
  points: { critical: number; high: number; medium: number; low: number; info: number; source?: string };
  tiers: { high: number; elevated: number; source?: string };
  highRiskSectors: Sector[];
  highRiskSectorsSource?: string;
  wageFloors: WageFloor[];
  compliancePlanThresholds: ({ amount: number; effective: DateString; source: string } & Provenance)[];
  /** Dated exchange rates into the policy's currency: units of it per unit of `currency`. */
  exchangeRates?: ({ currency: string; rate: number; effective: DateString; source: string } & Provenance)[];
  thresholds: Record<
    | 'localCompliancePlanValue' | 'housingDeductionShare' | 'weeklyHoursMedium' | 'weeklyHoursHigh' | 'payrollBurden'
    | 'priceBelowEstimate' | 'maxSubcontractingTier' | 'subcontractedShare' | 'independentContractorShare'
    | 'peakHeadcountRatio' | 'temporaryShare' | 'newVendorMonths' | 'prevailingWageConstructionValue'
    | 'prevailingWageMaintenanceValue' | 'sweatfreeValue' | 'sweatfreeMonths' | 'disclosureRevenue'
    | 'wageViolationYears' | 'policyStaleMonths' | 'abnormallyLowTwoBids' | 'abnormallyLowManyBids'
    | 'abnormallyLowOutlier',
    Threshold
  > & Partial<Record<'abnormallyLowBelowEstimate' | 'minimumPaydaysPerMonth', Threshold>>;
  /** Requirements the city sets for its contracts; one the policy does not name is off. */
  requirements?: { contractsInWorkersLanguages?: { value: boolean; source: string } };
  /** Dated minimum tender periods by procurement method. */
  tenderPeriods?: ({ method: ProcurementMethod; days: number; effective: DateString; source: string } & Provenance)[];
  eventWindows: ({ name: string; start: DateString; end: DateString; buildUpDays: number; source: string } & Provenance)[];
  disabledRules?: string[];
  limits: { subcontractors: number; supplyItems: number; wageRates: number; bids: number; stringLength: number; /** Largest OCDS release, record or JSON Lines line read, in bytes (default 16 MiB). */ releaseBytes?: number };
}

export interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  severities: Severity[];
  group: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';
  groupTitle: string;
  citations: string[];
  description: string;
  action: string;
}

export interface Watchlist {
  name: string;
  entries: { name?: string; identifiers?: Record<string, string> }[];
}

/** One dated series of a policy and how current it is. */
export interface SeriesStatus {
  series: string; newest: DateString; source: string;
  /** Whole months from `newest` to the date checked (negative: still to come). */
  monthsOld: number;
  expectedMonths: number;
  /** A newer entry is probably due that the policy lacks. */
  stale: boolean;
}
export interface PolicyCheck { policy: string; version: string; asOf: DateString; stale: number; series: SeriesStatus[] }

/** A newer DOL goods list: its CSV text (the columns of data/*.csv, or ILAB's own) and the edition to name it by. */
export interface GoodsListSource { csv: string; edition: string; published?: DateString }

export interface EvaluateOptions {
  policy?: Policy;
  asOf?: DateString;
  watchlists?: Watchlist[];
  locale?: string;
  /** Replace the built-in TVPRA or EO 13126 list (at most one of each); assessments name its edition and digest. */
  goodsLists?: GoodsListSource[];
  /** Wage floors added to the policy's (a new minimum wage, before a new policy is published). */
  wageFloors?: WageFloor[];
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'list' | 'percent' | 'array';
/** Form field name, or CSS selector (starting with `#`, `.` or `[`), to a JSON path or `{ path, type }`. */
export type FieldMapping = Record<string, string | { path: string; type?: FieldType }>;

export interface PanelOptions { locale?: string; headingLevel?: 2 | 3 | 4 | 5 | 6; openFindings?: boolean }

export class CtipError extends Error {
  constructor(code: ErrorCode, message: string, issues?: Issue[]);
  readonly code: ErrorCode;
  readonly issues: Issue[];
}

/** Where a WebAssembly module comes from: a URL, a Response, its bytes, or a compiled module. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;
/**
 * Loads the engine module (`wasm`; default: next to index.js). `ocdsWasm` says where the
 * OCDS import module is; it is only fetched when `ocdsToBids` is first called.
 */
export function init(options?: { wasm?: WasmSource; ocdsWasm?: WasmSource }): Promise<void>;
export function evaluateBid(submission: Submission, options?: EvaluateOptions): Assessment;
export function evaluateBidJson(submissionJson: string, options?: EvaluateOptions): string;
export function compareBids(bids: Submission[], options?: EvaluateOptions): Comparison;
export function validateSubmission(value: unknown): { valid: boolean; issues: Issue[] };
/**
 * Reads OCDS data (packages, releases, records, arrays or JSON Lines of any) into processes
 * and bids; a JSON Lines line that cannot be read is listed in `errors`, the rest still read.
 * Fetches the OCDS import module on the first call.
 */
export function ocdsToBids(text: string): Promise<OcdsRead>;
export function defaultPolicy(): Policy;
/** Which dated series of the policy are older than they are expected to last, on `options.asOf` (default today). */
export function checkPolicy(options?: EvaluateOptions): PolicyCheck;
export function rules(): RuleInfo[];
export function version(): string;
export function fromForm(form: HTMLFormElement | FormData, mapping?: FieldMapping): Submission;
export function mountRiskPanel(target: Element, assessment: Assessment, options?: PanelOptions): void;
export function renderRiskPanel(doc: Document, assessment: Assessment, options?: PanelOptions): HTMLElement;
export function defineRiskPanelElement(): boolean;
