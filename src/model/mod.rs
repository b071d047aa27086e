//! The submission: a vendor's bid as the portal hands it over (SPEC.md
//! section 2).
//!
//! Every field but `id`, `solicitation` and `vendor.name` is optional, and
//! `None` always means "not provided": a rule that needs it reports a gap
//! instead of guessing. Sections (`price`, `workforce`, ...) are plain
//! structs whose absence reads as all fields absent, which means the same.
//! Lists keep the difference between absent (`None`, not provided) and empty
//! (`Some(vec![])`, none exist).

mod read;
mod vocabulary;

pub use vocabulary::{
    Audience, BusinessType, DeductionKind, Jurisdiction, PayFrequency, PlanElement,
    ProcurementCategory, ProcurementMethod, Sector, Severity, TemporaryWorkerProgram, Tier,
    ViolationStatus,
};

use crate::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Identifiers such as `uei`, `fein`, `dir` (DIR registration number).
pub type Identifiers = BTreeMap<String, String>;

/// A vendor's bid submission.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    /// The portal's id for the bid.
    pub id: String,
    /// When the bid was submitted; the default `asOf` date.
    pub submitted_on: Option<Date>,
    /// What is being bought.
    pub solicitation: Solicitation,
    /// Who is bidding.
    pub vendor: Vendor,
    /// The price offered.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Price>"))]
    pub price: Price,
    /// The workforce that will do the work.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Workforce>"))]
    pub workforce: Workforce,
    /// How workers are recruited.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Recruitment>"))]
    pub recruitment: Recruitment,
    /// Subcontractors at every tier.
    pub subcontractors: Option<Vec<Subcontractor>>,
    /// Goods supplied under the contract.
    pub supply_items: Option<Vec<SupplyItem>>,
    /// Anti-trafficking compliance.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Compliance>"))]
    pub compliance: Compliance,
    /// Past violations, exclusions and findings.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<History>"))]
    pub history: History,
}

/// The solicitation the bid answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Solicitation {
    /// The solicitation's id; bids of one solicitation share it.
    pub id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Whose law applies.
    pub jurisdiction: Option<Jurisdiction>,
    /// The sector of the work.
    pub sector: Option<Sector>,
    /// A public work in the sense of Cal. Lab. Code 1720 (prevailing wage).
    pub public_work: Option<bool>,
    /// The buyer's estimate, in the solicitation's currency.
    pub estimated_value: Option<f64>,
    /// ISO 4217 currency code; USD when absent.
    pub currency: Option<String>,
    /// How it is procured.
    pub procurement_method: Option<ProcurementMethod>,
    /// Goods, services or works (OCDS `mainProcurementCategory`).
    pub procurement_category: Option<ProcurementCategory>,
    /// When bids could be submitted (OCDS `tender.tenderPeriod`).
    pub tender_period: Option<Period>,
    /// How many bids the solicitation (or its lot) received, when more
    /// were received than are given to compare: `single-bid` counts these.
    pub bids_received: Option<u32>,
    /// A total the solicitation sets as a ceiling rather than a price (a
    /// framework agreement's maximum value, which publishers write into
    /// every framework bid): bids at exactly this total are not compared on
    /// price (`abnormally-low-bid`, `identical-prices`).
    pub price_ceiling: Option<f64>,
    /// When the work is performed.
    pub performance_period: Option<Period>,
    /// Wage rates the solicitation requires, by role.
    pub wage_determinations: Option<Vec<WageDetermination>>,
}

/// A span of dates, both ends included.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Period {
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
}

/// A wage rate the solicitation requires for a role.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct WageDetermination {
    /// The role, matched case-insensitively to `workforce.wageRates[].role`.
    pub role: String,
    /// Hourly rate.
    pub hourly: f64,
    /// Where the rate comes from.
    pub source: Option<String>,
}

/// The bidding vendor.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Vendor {
    /// Legal name.
    pub name: String,
    /// Identifiers (`uei`, `fein`, `dir`, ...).
    pub identifiers: Option<Identifiers>,
    /// Date of incorporation.
    pub incorporated_on: Option<Date>,
    /// Business address.
    pub address: Option<Address>,
    /// Contact details.
    pub contact: Option<Contact>,
    /// Owners and officers.
    pub principals: Option<Vec<String>>,
    /// Annual gross receipts.
    pub annual_revenue: Option<f64>,
    /// Kind of business.
    pub business_type: Option<BusinessType>,
    /// The vendor supplies labor as a broker or staffing agency.
    pub labor_broker: Option<bool>,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Street and number.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or region.
    pub region: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
}

/// Contact details.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Contact {
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number, any format.
    pub phone: Option<String>,
}

/// The price offered.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// Total bid price.
    pub total: Option<f64>,
    /// The part of the price that pays for labor.
    pub labor_cost: Option<f64>,
    /// The hours of labor the price covers.
    pub labor_hours: Option<f64>,
    /// Value of supplies or services acquired or performed outside the US.
    pub offshore_value: Option<f64>,
    /// The offshore part is entirely commercially available off-the-shelf items.
    pub offshore_cots_only: Option<bool>,
}

/// The workforce that will perform the contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Workforce {
    /// Usual number of workers.
    pub headcount: Option<u32>,
    /// Highest number of workers at once.
    pub peak_headcount: Option<u32>,
    /// Share of workers on temporary contracts.
    pub temporary_share: Option<f64>,
    /// Share of workers engaged as independent contractors.
    pub independent_contractor_share: Option<f64>,
    /// Number of workers recruited from outside the US.
    pub recruited_abroad: Option<u32>,
    /// The temporary-worker program workers come through (`none` if none).
    pub temporary_worker_program: Option<TemporaryWorkerProgram>,
    /// Languages the workers speak (BCP 47).
    pub languages: Option<Vec<String>>,
    /// Longest scheduled week, in hours.
    pub max_weekly_hours: Option<f64>,
    /// Hourly wage by role.
    pub wage_rates: Option<Vec<WageRate>>,
    /// The employer provides or arranges housing.
    pub housing_provided: Option<bool>,
    /// Deductions from workers' pay.
    pub deductions: Option<Vec<Deduction>>,
    /// How often workers are paid.
    pub pay_frequency: Option<PayFrequency>,
    /// Part of workers' pay is held back until the end of the job or season.
    pub pay_held_back: Option<bool>,
}

/// An hourly wage paid for a role.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct WageRate {
    /// The role.
    pub role: Option<String>,
    /// Hourly wage.
    pub hourly: f64,
    /// Number of workers paid this rate.
    pub workers: Option<u32>,
}

/// A deduction from workers' pay.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Deduction {
    /// What it is for.
    pub kind: DeductionKind,
    /// Amount per week.
    pub amount_per_week: Option<f64>,
}

/// How workers are recruited.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Recruitment {
    /// Recruiters or recruitment agencies are used.
    pub uses_recruiters: Option<bool>,
    /// The recruiters.
    pub recruiters: Option<Vec<Recruiter>>,
    /// Total recruitment fees paid by workers.
    pub worker_paid_fees: Option<f64>,
}

/// A recruiter or recruitment agency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Recruiter {
    /// Its name.
    pub name: Option<String>,
    /// It holds the license its country requires.
    pub licensed: Option<bool>,
    /// Where it operates (ISO 3166-1 alpha-2).
    pub country: Option<String>,
}

/// A subcontractor at any tier.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Subcontractor {
    /// Its name.
    pub name: Option<String>,
    /// 1 for a direct subcontractor, 2 for its subcontractor, ...
    pub tier: Option<u32>,
    /// Its share of the contract value.
    pub share_of_value: Option<f64>,
    /// Its sector.
    pub sector: Option<Sector>,
    /// It supplies labor as a broker or staffing agency.
    pub labor_broker: Option<bool>,
    /// The anti-trafficking clause is flowed down to it.
    pub flow_down: Option<bool>,
    /// Its identifiers.
    pub identifiers: Option<Identifiers>,
    /// Its address.
    pub address: Option<Address>,
    /// It is registered with the California DIR for public works.
    pub dir_registered: Option<bool>,
}

/// A good supplied under the contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SupplyItem {
    /// What it is.
    pub description: Option<String>,
    /// The good, as named on the DOL lists (`Garments`, `Bricks`).
    pub good: Option<String>,
    /// Country of origin (ISO 3166-1 alpha-2).
    pub country_of_origin: Option<String>,
    /// Value.
    pub value: Option<f64>,
    /// Who supplies it.
    pub supplier: Option<String>,
}

/// Anti-trafficking compliance.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Compliance {
    /// Certifications given (`far-52.222-50`, `far-52.222-56`, `far-52.222-18`, `la-sweatfree`, ...).
    pub certifications: Option<Vec<String>>,
    /// Has a written anti-trafficking policy.
    pub anti_trafficking_policy: Option<bool>,
    /// The compliance plan of FAR 52.222-50(h).
    pub compliance_plan: Option<CompliancePlan>,
    /// Trains its staff on trafficking.
    pub training: Option<bool>,
    /// Has a grievance mechanism.
    pub grievance_mechanism: Option<bool>,
    /// Posts the trafficking hotline.
    pub hotline_posted: Option<bool>,
    /// Holds workers' identity documents.
    pub retains_worker_documents: Option<bool>,
    /// Languages employment contracts are given in.
    pub contract_languages: Option<Vec<String>>,
    /// Pays return transport for workers recruited from abroad.
    pub return_transport_policy: Option<bool>,
    /// A written agreement with the workers promises return transport.
    pub return_transport_agreement: Option<bool>,
    /// Has a housing plan meeting host-country standards.
    pub housing_plan: Option<bool>,
    /// Where the supply-chain disclosure is published.
    pub supply_chain_disclosure_url: Option<String>,
}

/// A compliance plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CompliancePlan {
    /// A plan was provided.
    pub provided: Option<bool>,
    /// Its elements.
    pub elements: Option<Vec<PlanElement>>,
    /// The plan will be posted at the workplace and on the vendor's website
    /// (FAR 52.222-50(h)(4)).
    pub posted: Option<bool>,
    /// The vendor will certify the plan's implementation every year
    /// (FAR 52.222-50(h)(5)).
    pub annual_certification: Option<bool>,
    /// Subcontractors certify before their subcontract is awarded
    /// (FAR 52.222-50(i)(2)).
    pub subcontractor_certifications: Option<bool>,
}

/// The vendor's record.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// Wage violations.
    pub wage_violations: Option<Vec<WageViolation>>,
    /// Debarments and exclusions.
    pub exclusions: Option<Vec<Exclusion>>,
    /// Trafficking findings against the vendor.
    pub trafficking_findings: Option<Vec<TraffickingFinding>>,
}

/// A wage violation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct WageViolation {
    /// When it was found.
    pub date: Option<Date>,
    /// Amount assessed.
    pub amount: Option<f64>,
    /// Whether it was paid.
    pub status: Option<ViolationStatus>,
    /// Which agency found it.
    pub agency: Option<String>,
}

/// An exclusion or debarment.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Exclusion {
    /// The list (`SAM`, `LA County debarment`, ...).
    pub list: Option<String>,
    /// In force now.
    pub active: Option<bool>,
    /// When it ends.
    pub until: Option<Date>,
}

/// A trafficking finding.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct TraffickingFinding {
    /// When.
    pub date: Option<Date>,
    /// By whom.
    pub source: Option<String>,
    /// What was found.
    pub description: Option<String>,
}

impl Submission {
    /// Certifications given, or none.
    pub fn has_certification(&self, name: &str) -> Option<bool> {
        self.compliance
            .certifications
            .as_ref()
            .map(|c| c.iter().any(|x| x.trim().eq_ignore_ascii_case(name)))
    }
}
