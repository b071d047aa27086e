//! JSON in, JSON out: the functions the command-line tool and the wasm
//! boundary both call, so that they cannot disagree. Options are read here
//! with the same path-naming reader as submissions.

use crate::assessment::Assessment;
use crate::compare::{compare_in, Comparison};
use crate::date::Date;
use crate::engine::{effective_as_of, evaluate_in, read_submission_in};
use crate::error::{Error, Issue};
use crate::input::Reader;
use crate::json::Json;
use crate::model::{Audience, Submission};
use crate::policy::{LoadedPolicy, PolicyCheck, WageFloor};
use crate::text::{tr, Lang, Text};
use crate::watchlist::{Watchlist, MAX_ENTRIES};
use serde::Serialize;

/// Evaluation options as JavaScript passes them (`EvaluateOptions`).
#[derive(Debug, Clone, Default)]
pub struct EvaluateOptions {
    /// A custom policy; `None` uses the built-in `la-2026`.
    pub policy: Option<LoadedPolicy>,
    /// The date to evaluate at.
    pub as_of: Option<Date>,
    /// Watch lists.
    pub watchlists: Vec<Watchlist>,
    /// The locale (BCP 47) to write every text in: `es`, `es-MX`, `es-US`
    /// and any other `es` tag choose Spanish, anything else English. The
    /// JavaScript panel also formats with it.
    pub locale: Option<String>,
    /// Who the assessment is for: `vendor` adds to every finding and gap
    /// what the vendor can do before submitting (the vendor self-check).
    pub audience: Option<Audience>,
}

impl EvaluateOptions {
    /// The language the `locale` option chooses (English when none is given).
    pub fn lang(&self) -> Lang {
        self.locale.as_deref().map_or(Lang::En, Lang::from_locale)
    }

    /// The policy to use: the custom one or the built-in one.
    pub fn policy(&self) -> Result<&LoadedPolicy, Error> {
        match &self.policy {
            Some(p) => Ok(p),
            None => LoadedPolicy::builtin(),
        }
    }
}

/// A goods list passed in the options: its CSV text and the edition the
/// city names it by.
#[derive(Debug, Clone)]
struct GoodsListOption {
    csv: String,
    edition: String,
    published: Option<Date>,
}

/// Longest goods-list CSV accepted in the options (the built-in TVPRA list
/// is 28 KB).
const MAX_GOODS_LIST_BYTES: usize = 8 * 1024 * 1024;

fn read_goods_list(r: &mut Reader, value: &Json<'_>) -> Option<GoodsListOption> {
    let mut o = r.object(value)?;
    let csv = o.optional_with(r, "csv", |r, v| {
        let Json::Str(text) = v else {
            r.wrong_type(
                const { Text::new("the list's CSV text", "el texto CSV de la lista") },
                v,
            );
            return None;
        };
        if text.len() > MAX_GOODS_LIST_BYTES {
            let n = text.len();
            let message = tr!(
                r.lang,
                "is {n} bytes long; the limit is {limit}",
                "tiene {n} bytes; el límite es {limit}",
                n = crate::format::count(n),
                limit = crate::format::count(MAX_GOODS_LIST_BYTES)
            );
            r.limit(message);
            return None;
        }
        Some(text.to_string())
    });
    let has_csv = o.require(r, "csv");
    let edition: String = o.required(r, "edition");
    let published = o.optional(r, "published");
    o.finish(r);
    if edition.trim().is_empty() {
        r.at_key("edition", |r| {
            let message = tr!(
                r.lang,
                "must name the list's edition, such as 2026",
                "debe indicar la edición de la lista, como 2026"
            );
            r.issue(message)
        });
        return None;
    }
    Some(GoodsListOption {
        csv: csv.filter(|_| has_csv)?,
        edition,
        published,
    })
}

/// A wage floor of the options, read as in a policy and checked as the
/// policy's own are.
fn read_wage_floor(r: &mut Reader, value: &Json<'_>) -> Option<WageFloor> {
    let floor = <WageFloor as crate::input::Read>::read(value, r)?;
    if !(floor.hourly.is_finite() && floor.hourly > 0.0) {
        r.at_key("hourly", |r| {
            let message = tr!(r.lang, "must be a number > 0", "debe ser un número > 0");
            r.issue(message)
        });
        return None;
    }
    Some(floor)
}

/// Reads `EvaluateOptions` from JSON; `null` means no options.
pub fn read_options(value: &Json<'_>) -> Result<EvaluateOptions, Error> {
    if value.is_null() {
        return Ok(EvaluateOptions::default());
    }
    let builtin = LoadedPolicy::builtin()?;
    // Problems with the options are named in the language they ask for.
    let lang = match value.get("locale") {
        Some(Json::Str(tag)) => Lang::from_locale(tag),
        _ => Lang::En,
    };
    let mut r = Reader::new(builtin.policy().read_limits()).in_lang(lang);
    let mut options = EvaluateOptions::default();
    let mut policy_value = None;
    let mut goods_lists: Vec<GoodsListOption> = Vec::new();
    let mut wage_floors: Vec<WageFloor> = Vec::new();
    if let Some(mut o) = r.object(value) {
        policy_value = o.get("policy");
        options.as_of = o.optional(&mut r, "asOf");
        options.watchlists = o
            .optional_with(&mut r, "watchlists", |r, v| r.list(v, Some(1000)))
            .unwrap_or_default();
        options.locale = o.optional(&mut r, "locale");
        options.audience = o.optional(&mut r, "audience");
        goods_lists = o
            .optional_with(&mut r, "goodsLists", |r, v| {
                r.list_with(v, Some(2), read_goods_list)
            })
            .unwrap_or_default();
        wage_floors = o
            .optional_with(&mut r, "wageFloors", |r, v| {
                r.list_with(v, Some(1000), read_wage_floor)
            })
            .unwrap_or_default();
        o.finish(&mut r);
    }
    let entries: usize = options.watchlists.iter().map(|w| w.entries.len()).sum();
    if entries > MAX_ENTRIES {
        r.at_key("watchlists", |r| {
            let message = tr!(
                r.lang,
                "hold {entries} entries in all; the limit is {limit}",
                "tienen {entries} entradas en total; el límite es {limit}",
                entries = crate::format::count(entries),
                limit = crate::format::count(MAX_ENTRIES)
            );
            r.limit(message)
        });
    }
    let (limits, issues) = r.finish();
    if !limits.is_empty() {
        return Err(Error::LimitExceeded(limits));
    }
    if !issues.is_empty() {
        return Err(Error::InvalidOptions(issues));
    }
    if let Some(p) = policy_value {
        let policy = LoadedPolicy::from_value_in(p, lang)?;
        crate::engine::check_policy_in(policy.policy(), lang)?;
        options.policy = Some(policy);
    }
    if !goods_lists.is_empty() || !wage_floors.is_empty() {
        let amended = amend(options.policy()?, &goods_lists, wage_floors, lang)?;
        options.policy = Some(amended);
    }
    Ok(options)
}

/// The policy with the goods lists and wage floors of the options: a city
/// brings a newer official list or a new minimum wage without waiting for
/// a release. The assessment's `policy` block then names the lists' editions
/// and digests, and the policy digest covers the added floors.
fn amend(
    policy: &LoadedPolicy,
    goods_lists: &[GoodsListOption],
    wage_floors: Vec<WageFloor>,
    lang: Lang,
) -> Result<LoadedPolicy, Error> {
    let mut lists = policy.goods().clone();
    for (i, list) in goods_lists.iter().enumerate() {
        lists = lists
            .with_list_in(&list.csv, &list.edition, list.published, lang)
            .map_err(|message| {
                Error::InvalidOptions(vec![Issue::new(format!("goodsLists[{i}].csv"), message)])
            })?;
    }
    let mut amended = policy.policy().clone();
    amended.wage_floors.extend(wage_floors);
    LoadedPolicy::with_lists_in(amended, std::sync::Arc::new(lists), lang)
}

/// Evaluates a submission given as a JSON value.
pub fn evaluate_value(
    submission: &Json<'_>,
    options: &EvaluateOptions,
    today: Date,
) -> Result<Assessment, Error> {
    let policy = options.policy()?;
    let s = read_submission_in(submission, policy.policy(), options.lang())?;
    let as_of = effective_as_of(options.as_of, &s, today);
    let mut assessment = evaluate_in(&s, policy, as_of, &options.watchlists, options.lang());
    if options.audience == Some(Audience::Vendor) {
        for_vendor(&mut assessment, options.lang());
    }
    Ok(assessment)
}

/// Writes an assessment for the vendor's own check: every finding and gap
/// also says what the vendor can do before submitting (its rule's
/// `vendorAction`, in `lang`).
pub fn for_vendor(assessment: &mut Assessment, lang: Lang) {
    let vendor_action = |id: &str| crate::rules::rule(id).map(|r| r.vendor_action.get(lang));
    assessment.audience = Some(Audience::Vendor);
    for f in &mut assessment.findings {
        f.vendor_action = vendor_action(f.rule);
    }
    for g in &mut assessment.gaps {
        g.vendor_action = vendor_action(g.rule);
    }
}

/// Evaluates a submission given as JSON text, with options as a JSON value.
pub fn evaluate_text(text: &str, options: &Json<'_>, today: &str) -> Result<Assessment, Error> {
    let today = Date::parse(today).ok_or_else(|| {
        Error::InvalidOptions(vec![Issue::new(
            "today",
            "is not a date of the form YYYY-MM-DD",
        )])
    })?;
    let options = read_options(options)?;
    evaluate_value(&parse_json(text)?, &options, today)
}

/// Reads the bids of one solicitation from a JSON array, naming problems
/// in English.
pub fn read_bids(value: &Json<'_>, policy: &LoadedPolicy) -> Result<Vec<Submission>, Error> {
    read_bids_in(value, policy, Lang::En)
}

/// [`read_bids`], naming problems in `lang`.
pub fn read_bids_in(
    value: &Json<'_>,
    policy: &LoadedPolicy,
    lang: Lang,
) -> Result<Vec<Submission>, Error> {
    let Json::Array(items) = value else {
        let kind = crate::input::kind_in(value, lang);
        return Err(Error::InvalidSubmission(vec![Issue::new(
            "",
            tr!(
                lang,
                "must be an array of submissions, not {kind}",
                "debe ser un arreglo de ofertas, no {kind}"
            ),
        )]));
    };
    let limit = policy.policy().limits.bids;
    if items.len() > limit {
        let n = items.len();
        return Err(Error::LimitExceeded(vec![Issue::new(
            "",
            tr!(
                lang,
                "has {n} bids; the limit is {limit}",
                "tiene {n} ofertas; el límite es {limit}",
                n = crate::format::count(n),
                limit = crate::format::count(limit)
            ),
        )]));
    }
    let mut bids = Vec::with_capacity(items.len());
    let mut issues = Vec::new();
    let mut limited = false;
    for (i, item) in items.iter().enumerate() {
        match read_submission_in(item, policy.policy(), lang) {
            Ok(s) => bids.push(s),
            Err(e) => {
                limited |= matches!(e, Error::LimitExceeded(_));
                issues.extend(e.prefixed(&format!("[{i}]")).issues().iter().cloned());
            }
        }
        if issues.len() > 1000 {
            break; // enough to act on; the rest would only bury the first
        }
    }
    if !issues.is_empty() {
        return Err(if limited {
            Error::LimitExceeded(issues)
        } else {
            Error::InvalidSubmission(issues)
        });
    }
    check_one_solicitation(&bids, lang)?;
    Ok(bids)
}

/// Bids compared together must answer the same solicitation.
fn check_one_solicitation(bids: &[Submission], lang: Lang) -> Result<(), Error> {
    let Some(first) = bids.iter().find_map(|b| b.solicitation.id.as_deref()) else {
        return Ok(());
    };
    let issues: Vec<Issue> = bids
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.solicitation.id.as_deref() {
            Some(id) if id != first => Some(Issue::new(
                format!("[{i}].solicitation.id"),
                tr!(
                    lang,
                    "is '{id}', but the bids compared must answer one solicitation ('{first}')",
                    "es '{id}', pero las ofertas que se comparan deben responder a una misma convocatoria ('{first}')"
                ),
            )),
            _ => None,
        })
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidSubmission(issues))
    }
}

/// Compares the bids of one solicitation given as a JSON array.
pub fn compare_value(
    bids: &Json<'_>,
    options: &EvaluateOptions,
    today: Date,
) -> Result<Comparison, Error> {
    let policy = options.policy()?;
    let bids = read_bids_in(bids, policy, options.lang())?;
    let mut comparison = compare_in(
        &bids,
        policy,
        options.as_of,
        today,
        &options.watchlists,
        options.lang(),
    );
    if options.audience == Some(Audience::Vendor) {
        for a in &mut comparison.assessments {
            for_vendor(a, options.lang());
        }
    }
    Ok(comparison)
}

/// Checks the policy of the options (with their goods lists) for series
/// older than they are expected to last, on the options' `asOf`, else
/// `today` (`ctip-screen policy --check`, JavaScript `checkPolicy`).
pub fn check_policy(options: &EvaluateOptions, today: Date) -> Result<PolicyCheck, Error> {
    let policy = options.policy()?;
    Ok(policy.policy().check_in(
        policy.goods(),
        options.as_of.unwrap_or(today),
        options.lang(),
    ))
}

/// The result of `validateSubmission`: never an error, a list of issues.
#[derive(Debug, Clone, Serialize)]
pub struct Validation {
    /// True when the submission can be evaluated.
    pub valid: bool,
    /// Every problem, by path.
    pub issues: Vec<Issue>,
}

/// Checks a submission without evaluating it.
pub fn validate_value(value: &Json<'_>, options: &EvaluateOptions) -> Validation {
    let result = options
        .policy()
        .and_then(|p| read_submission_in(value, p.policy(), options.lang()));
    match result {
        Ok(_) => Validation {
            valid: true,
            issues: Vec::new(),
        },
        Err(e) => Validation {
            valid: false,
            issues: e.issues().to_vec(),
        },
    }
}

/// What [`ocds_to_bids`] reads: the processes, and the lines (of JSON
/// Lines) that could not be read, in input order.
#[derive(Debug, Clone, Serialize)]
pub struct OcdsRead {
    /// Each contracting process with its readable bids as submissions.
    pub processes: Vec<crate::ocds::Process>,
    /// The lines that could not be read, with their numbers.
    pub errors: Vec<crate::ocds::LineError>,
}

/// Reads OCDS data in any published form into processes with their bids as
/// submissions (`ocdsToBids`), without screening them. What was read before
/// a fatal error is kept, with the error among `errors`; fails only when
/// nothing can be read.
pub fn ocds_to_bids<R: std::io::Read>(input: R) -> Result<OcdsRead, Error> {
    ocds_to_bids_in(input, Lang::En)
}

/// [`ocds_to_bids`], giving the reasons a process or bid is left out in
/// `lang`.
pub fn ocds_to_bids_in<R: std::io::Read>(input: R, lang: Lang) -> Result<OcdsRead, Error> {
    let mut read = OcdsRead {
        processes: Vec::new(),
        errors: Vec::new(),
    };
    let result = crate::ocds::read_processes_in(input, lang, |item| match item {
        Ok(p) => read.processes.push(p),
        Err(e) => read.errors.push(e),
    });
    match result {
        Err(e) if !read.processes.is_empty() => read.errors.push(crate::ocds::LineError::new_in(
            e.line().unwrap_or(0),
            &e,
            lang,
        )),
        Err(e) => return Err(e.into_error_in(lang)),
        Ok(_) => {}
    }
    Ok(read)
}

/// The built-in policy `la-2026` (`defaultPolicy`, `ctip-screen policy`).
pub fn default_policy() -> Result<&'static crate::policy::Policy, Error> {
    Ok(LoadedPolicy::builtin()?.policy())
}

/// The rule catalogue (`rules()`, `ctip-screen rules`).
pub fn rule_infos() -> Vec<crate::rules::RuleInfo> {
    crate::rules::rule_infos()
}

/// The rule catalogue in the language a locale (BCP 47) chooses: Spanish
/// for `es` and its regional tags, else English.
pub fn rule_infos_for(locale: Option<&str>) -> Vec<crate::rules::RuleInfo> {
    crate::rules::rule_infos_in(locale.map_or(Lang::En, Lang::from_locale))
}

/// The engine version every assessment reports.
pub fn version() -> &'static str {
    crate::engine::ENGINE_VERSION
}

/// Parses JSON text (a UTF-8 byte order mark skipped); a syntax error is
/// `invalid-submission` naming the line and column.
pub fn parse_json(text: &str) -> Result<Json<'_>, Error> {
    crate::engine::parse_json(text)
}

/// [`parse_json`], naming a syntax error in `lang`.
pub fn parse_json_in(text: &str, lang: Lang) -> Result<Json<'_>, Error> {
    crate::engine::parse_json_in(text, lang)
}

/// Serializes a result as compact JSON, the byte-exact form shared by the
/// CLI and wasm.
pub fn to_json<T: Serialize>(value: &T) -> String {
    // The types serialized here hold only strings, numbers and collections
    // with string keys, which cannot fail; if one ever did, the caller still
    // gets JSON, naming the problem.
    crate::json::write::to_string(value).unwrap_or_else(|e| {
        let mut out = String::from("{\"error\":");
        crate::json::write::push_string(&mut out, &e.to_string());
        out.push('}');
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn j(v: &serde_json::Value) -> Json<'_> {
        Json::from(v)
    }

    #[test]
    fn unknown_option_is_named() {
        let err = read_options(&j(&json!({"asof": "2026-01-01"}))).unwrap_err();
        assert_eq!(err.code(), "invalid-options");
        assert_eq!(err.issues()[0].path, "asof");
    }

    #[test]
    fn bad_custom_policy_is_invalid_policy() {
        let err = read_options(&j(&json!({"policy": {"id": "x"}}))).unwrap_err();
        assert_eq!(err.code(), "invalid-policy");
    }

    #[test]
    fn disabled_rules_must_be_rule_ids() {
        let mut policy: serde_json::Value =
            serde_json::from_str(include_str!("policy/la-2026.json")).unwrap();
        policy["disabledRules"] = json!(["high-risk-sector", "no-such-rule"]);
        let err = read_options(&j(&json!({ "policy": policy }))).unwrap_err();
        assert_eq!(err.code(), "invalid-policy");
        assert_eq!(err.issues().len(), 1);
        assert_eq!(err.issues()[0].path, "disabledRules[1]");
        policy["disabledRules"] = json!(["high-risk-sector"]);
        let options = read_options(&j(&json!({ "policy": policy }))).unwrap();
        assert!(!options
            .policy()
            .unwrap()
            .policy()
            .is_enabled("high-risk-sector"));
    }

    #[test]
    fn watchlist_entries_need_a_name_or_identifier() {
        let err =
            read_options(&j(&json!({"watchlists": [{"name": "L", "entries": [{}]}]}))).unwrap_err();
        assert_eq!(err.issues()[0].path, "watchlists[0].entries[0]");
    }

    #[test]
    fn bids_of_different_solicitations_are_refused() {
        let a = json!({"id": "A", "solicitation": {"id": "R1"}, "vendor": {"name": "x"}});
        let b = json!({"id": "B", "solicitation": {"id": "R2"}, "vendor": {"name": "y"}});
        let bids = json!([a, b]);
        let err =
            compare_value(&j(&bids), &EvaluateOptions::default(), Date::from_days(0)).unwrap_err();
        assert_eq!(err.issues()[0].path, "[1].solicitation.id");
    }

    #[test]
    fn errors_inside_bids_carry_the_index() {
        let bids = json!([{"id": "A", "solicitation": {}, "vendor": {}}]);
        let err =
            compare_value(&j(&bids), &EvaluateOptions::default(), Date::from_days(0)).unwrap_err();
        assert_eq!(err.issues()[0].path, "[0].vendor.name");
    }
}

/// One line of `ctip-screen ocds` output: a contracting process screened.
#[derive(Debug, Clone, Serialize)]
pub struct OcdsResult {
    /// The process's ocid.
    pub ocid: String,
    /// One assessment per readable bid, cross-bid findings included.
    pub assessments: Vec<crate::assessment::Assessment>,
    /// Findings across the process's bids.
    pub findings: Vec<crate::compare::CrossFinding>,
    /// Price statistics of the readable bids.
    pub statistics: crate::compare::Statistics,
    /// Bids (or the whole process) that could not be read, and why.
    pub excluded: Vec<crate::ocds::Exclusion>,
    /// The tender's lots, with their estimates and the bids each received.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<crate::ocds::Lot>,
    /// For a process without lots: how many bids it received, where the
    /// data says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<crate::compare::BidCount>,
    /// For a process without lots: a total its awards give as a ceiling,
    /// not a price; bids at it are not compared on price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<crate::ocds::Ceiling>,
}

/// One line of `ctip-screen ocds` output: a contracting process screened,
/// or, in JSON Lines, a line that could not be read, in its place
/// (`{"line": N, "error": {"code", "message"}}`).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum OcdsOutput {
    /// A contracting process screened.
    Process(Box<OcdsResult>),
    /// A line that could not be read.
    Error(crate::ocds::LineError),
}

impl OcdsOutput {
    /// The process's results, if this is one.
    pub fn process(&self) -> Option<&OcdsResult> {
        match self {
            OcdsOutput::Process(p) => Some(p),
            OcdsOutput::Error(_) => None,
        }
    }
}

/// Screens every contracting process of an OCDS input (release package,
/// record package, releases, records, JSON Lines of any), streaming: `sink`
/// receives each output, in input order, soon after its process is read.
/// Returns how many outputs there were.
pub fn screen_ocds<R: std::io::Read>(
    input: R,
    options: &EvaluateOptions,
    today: Date,
    sink: impl FnMut(OcdsOutput),
) -> Result<usize, Error> {
    screen_ocds_map(input, options, today, |output| output, sink)
}

/// How OCDS input is screened: the options, the date, and how many threads.
#[derive(Debug, Clone)]
pub struct OcdsScreening<'o> {
    /// Policy, `asOf` and watch lists.
    pub options: &'o EvaluateOptions,
    /// Today, for bids without `submittedOn` when `options.as_of` is unset.
    pub today: Date,
    /// Worker threads; `None` is one per core (always one in WebAssembly).
    pub threads: Option<usize>,
}

impl<'o> OcdsScreening<'o> {
    /// Screening with `options` on `today`, one thread per core.
    pub fn new(options: &'o EvaluateOptions, today: Date) -> OcdsScreening<'o> {
        OcdsScreening {
            options,
            today,
            threads: None,
        }
    }

    /// Screens every process of `input`, applies `map` to each result and
    /// gives it to `sink`, in input order. Natively, releases are screened
    /// (and mapped, so that serializing the results can be done there too)
    /// by worker threads that live as long as the input lasts, and memory
    /// stays bounded (a few chunks per worker in flight). With one thread,
    /// or in WebAssembly, everything runs on the calling thread.
    pub fn run<R: std::io::Read, T: Send>(
        &self,
        input: R,
        map: impl Fn(OcdsOutput) -> T + Sync,
        mut sink: impl FnMut(T),
    ) -> Result<usize, Error> {
        let (options, today) = (self.options, self.today);
        let policy = options.policy()?;
        let screen = |raw: &crate::ocds::RawRelease| -> Result<Vec<T>, crate::ocds::OcdsError> {
            match raw.processes_in(options.lang()) {
                Ok(processes) => Ok(processes
                    .into_iter()
                    .map(|p| {
                        map(OcdsOutput::Process(Box::new(screen_process(
                            p, policy, options, today,
                        ))))
                    })
                    .collect()),
                // A line of JSON Lines that cannot be read is reported in
                // its place; the run goes on.
                Err(e) if raw.recovers() => Ok(vec![map(OcdsOutput::Error(
                    crate::ocds::LineError::new_in(raw.line(), &e, options.lang()),
                ))]),
                Err(e) => Err(e),
            }
        };
        let workers = self.threads.unwrap_or_else(crate::ocds::parallel::workers);
        let mut outputs = 0usize;
        let max_bytes = policy.policy().limits.release_bytes;
        crate::ocds::parallel::screen(input, workers, max_bytes, &screen, &mut |t| {
            outputs += 1;
            sink(t);
        })
        .map_err(|e| e.into_error_in(options.lang()))?;
        Ok(outputs)
    }
}

/// [`screen_ocds`], with `map` applied to each result (on the thread that
/// screened it) before `sink` gets it: [`OcdsScreening::run`] with one
/// thread per core.
pub fn screen_ocds_map<R: std::io::Read, T: Send>(
    input: R,
    options: &EvaluateOptions,
    today: Date,
    map: impl Fn(OcdsOutput) -> T + Sync,
    sink: impl FnMut(T),
) -> Result<usize, Error> {
    OcdsScreening::new(options, today).run(input, map, sink)
}

/// Screens one contracting process.
fn screen_process(
    mut process: crate::ocds::Process,
    policy: &LoadedPolicy,
    options: &EvaluateOptions,
    today: Date,
) -> OcdsResult {
    let limit = policy.policy().limits.bids;
    if process.bids.len() > limit {
        process.excluded.push(crate::ocds::Exclusion {
            bid: None,
            lot: None,
            reason: {
                let n = process.bids.len();
                tr!(
                    options.lang(),
                    "{n} bids, above the policy's limit of {limit}",
                    "{n} ofertas, por encima del límite de la política de evaluación de {limit}"
                )
            },
        });
        process.bids.clear();
    }
    // Bids are compared only with bids on the same lot: one group per
    // solicitation (a lot's bids share its solicitation id), in input order.
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (i, bid) in process.bids.iter().enumerate() {
        let key = bid.solicitation.id.clone();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    let lot_of = |bid: &crate::model::Submission| {
        let id = bid.solicitation.id.as_deref()?;
        id.rsplit_once(" lot ").map(|(_, lot)| lot.to_owned())
    };
    let mut assessments: Vec<Option<crate::assessment::Assessment>> =
        vec![None; process.bids.len()];
    let mut findings = Vec::new();
    for (_, members) in &groups {
        let bids: Vec<crate::model::Submission> = members
            .iter()
            .filter_map(|&i| process.bids.get(i).cloned())
            .collect();
        let lot = bids.first().and_then(lot_of);
        let (received, ceiling) = match &lot {
            Some(key) => process
                .lots
                .iter()
                .find(|l| l.id == *key)
                .map_or((None, None), |l| (l.received.clone(), l.ceiling.clone())),
            None => (process.received.clone(), process.ceiling.clone()),
        };
        let group = crate::compare::BidGroup {
            lot,
            received,
            ceiling: ceiling.map(|c| c.amount),
        };
        let comparison = crate::compare::compare_group(
            &bids,
            policy,
            options.as_of,
            today,
            &options.watchlists,
            &group,
            options.lang(),
        );
        for (&i, a) in members.iter().zip(comparison.assessments) {
            if let Some(slot) = assessments.get_mut(i) {
                *slot = Some(a);
            }
        }
        findings.extend(comparison.findings);
    }
    // What the data says of lots, or a process, whose bids are not given.
    let p = policy.policy();
    for lot in &process.lots {
        let has_bids = groups.iter().any(|(k, _)| {
            k.as_deref()
                .is_some_and(|k| k.ends_with(&format!(" lot {}", lot.id)))
        });
        if let (false, Some(received)) = (has_bids, &lot.received) {
            findings.extend(crate::compare::single_bid_without_details(
                process.method,
                received,
                Some(&lot.id),
                p,
                options.lang(),
            ));
        }
    }
    if let (true, true, Some(received)) = (
        process.lots.is_empty(),
        process.bids.is_empty(),
        &process.received,
    ) {
        findings.extend(crate::compare::single_bid_without_details(
            process.method,
            received,
            None,
            p,
            options.lang(),
        ));
    }
    OcdsResult {
        ocid: process.ocid,
        statistics: crate::compare::statistics(&process.bids),
        assessments: assessments.into_iter().flatten().collect(),
        findings,
        excluded: process.excluded,
        lots: process.lots,
        received: process.received,
        ceiling: process.ceiling,
    }
}
