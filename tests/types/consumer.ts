// A strict TypeScript consumer of the package: compiled with
// `tsc --strict --noEmit` in `make test`. If a type is missing or wrong, this
// file stops compiling.
import {
  init, evaluateBid, evaluateBidJson, compareBids, validateSubmission, defaultPolicy, rules, version, fromForm,
  mountRiskPanel, CtipError, ocdsToBids, type OcdsProcess, type OcdsRead, type OcdsLineError,
  type Submission, type Assessment, type Finding, type Comparison, type CrossFinding, type Issue, type Policy,
  type RuleInfo, type EvaluateOptions, type Watchlist, type FieldMapping, type Severity, type Tier, type Sector,
} from 'ctip-screen';

export async function portal(form: HTMLFormElement, target: Element): Promise<Tier> {
  await init();
  await init({ wasm: new URL('https://portal.example/ctip.wasm'), ocdsWasm: '/static/ctip-ocds.wasm' });
  const mapping: FieldMapping = { vendorName: 'vendor.name', '#wage': { path: 'workforce.wageRates[0].hourly', type: 'number' } };
  const submission: Submission = fromForm(form, mapping);
  const watchlist: Watchlist = { name: 'Debarred', entries: [{ name: 'Acme' }, { identifiers: { uei: 'X' } }] };
  const policy: Policy = defaultPolicy();
  const options: EvaluateOptions = { asOf: '2026-03-02', watchlists: [watchlist], policy, locale: 'en-US' };
  const check: { valid: boolean; issues: Issue[] } = validateSubmission(submission);
  if (!check.valid) return 'low';
  let assessment: Assessment;
  try {
    assessment = evaluateBid(submission, options);
  } catch (e) {
    if (e instanceof CtipError) {
      const paths: string[] = e.issues.map((i) => i.path);
      console.log(e.code, paths);
    }
    throw e;
  }
  const worst: Severity | undefined = assessment.findings[0]?.severity;
  const first: Finding | undefined = assessment.findings[0];
  console.log(worst, first?.citations.join('; '), first?.evidence[0]?.path, assessment.policy.digest);
  mountRiskPanel(target, assessment, { locale: 'en-US' });
  const json: string = evaluateBidJson(JSON.stringify(submission));
  console.log(json.length, version());
  return assessment.tier;
}

export function compare(bids: Submission[]): CrossFinding[] {
  const comparison: Comparison = compareBids(bids);
  const median: number | null = comparison.statistics.median;
  console.log(median, comparison.assessments.map((a) => a.score));
  return comparison.findings;
}

export async function fromOcds(text: string): Promise<Comparison[]> {
  const read: OcdsRead = await ocdsToBids(text);
  const processes: OcdsProcess[] = read;
  const notRead: string[] = read.errors.map((e: OcdsLineError) => `line ${e.line}: ${e.error.message}`);
  console.log(notRead);
  return processes.filter((p) => p.bids.length > 0).map((p) => compareBids(p.bids));
}

export function catalogue(): string[] {
  const all: RuleInfo[] = rules();
  return all.filter((r) => r.group === 'A').map((r) => `${r.id} (${r.severity})`);
}

// Closed vocabularies are string-literal unions: this must not compile.
// @ts-expect-error 'cleaning' is not a Sector
export const wrongSector: Sector = 'cleaning';

export const minimal: Submission = { id: 'B-1', solicitation: {}, vendor: { name: 'Acme' } };
// @ts-expect-error vendor.name is required
export const missingName: Submission = { id: 'B-2', solicitation: {}, vendor: {} };

// CtipError.code is the union of SPEC codes, not any string: a switch over
// it is exhaustive (this would not compile if the type were `string`).
export function describeError(e: CtipError): string {
  switch (e.code) {
    case 'invalid-submission':
    case 'invalid-policy':
    case 'invalid-options':
      return `fix: ${e.issues.map((i) => i.path).join(', ')}`;
    case 'limit-exceeded':
      return 'too large';
    case 'not-initialized':
    case 'init-failed':
      return 'not loaded';
    case 'internal-error':
      return 'report it';
    default: {
      const unreachable: never = e.code;
      return unreachable;
    }
  }
}

// The element is typed through HTMLElementTagNameMap: no cast needed.
export function showSaved(saved: Assessment): void {
  const element = document.querySelector('ctip-risk-panel');
  if (element) element.assessment = saved;
  const made = document.createElement('ctip-risk-panel');
  made.assessment = null;
}
