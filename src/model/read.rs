//! Reading a submission from JSON, field by field (see `crate::input` for
//! why this is not serde's derive). Each function lists the fields of one
//! object of SPEC.md section 2, with the range each value must be in.

use super::*;
use crate::input::{read_country, read_languages, Read, Reader};
use crate::json::Json;
use crate::text::tr;

/// Largest amount of money accepted: a sanity bound far above any contract.
const MAX_MONEY: f64 = 1e15;
/// Most hours in a week.
const HOURS_IN_WEEK: f64 = 168.0;
/// Highest hourly wage taken as plausible; anything above is a typo.
const MAX_HOURLY: f64 = 10_000.0;

impl Read for Submission {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let limits = r.limits();
        let submission = Submission {
            id: o.required(r, "id"),
            submitted_on: o.optional(r, "submittedOn"),
            solicitation: o.required(r, "solicitation"),
            vendor: o.required(r, "vendor"),
            price: o.optional(r, "price").unwrap_or_default(),
            workforce: o.optional(r, "workforce").unwrap_or_default(),
            recruitment: o.optional(r, "recruitment").unwrap_or_default(),
            subcontractors: o.list(r, "subcontractors", Some(limits.subcontractors)),
            supply_items: o.list(r, "supplyItems", Some(limits.supply_items)),
            compliance: o.optional(r, "compliance").unwrap_or_default(),
            history: o.optional(r, "history").unwrap_or_default(),
        };
        o.finish(r);
        // Blank as given: a name refused for its length is not also "empty".
        if value
            .get("id")
            .is_some_and(|v| matches!(v, Json::Str(s) if s.trim().is_empty()))
        {
            r.at_key("id", not_empty);
        }
        Some(submission)
    }
}

impl Read for Solicitation {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let solicitation = Solicitation {
            id: o.optional(r, "id"),
            title: o.optional(r, "title"),
            jurisdiction: o.optional(r, "jurisdiction"),
            sector: o.optional(r, "sector"),
            public_work: o.optional(r, "publicWork"),
            estimated_value: o.number(r, "estimatedValue", 0.0, MAX_MONEY),
            currency: o.optional_with(r, "currency", read_currency),
            procurement_method: o.optional(r, "procurementMethod"),
            procurement_category: o.optional(r, "procurementCategory"),
            tender_period: o.optional(r, "tenderPeriod"),
            bids_received: o.count(r, "bidsReceived"),
            price_ceiling: o.number(r, "priceCeiling", 0.0, MAX_MONEY),
            performance_period: o.optional(r, "performancePeriod"),
            wage_determinations: o.list(r, "wageDeterminations", None),
        };
        o.finish(r);
        Some(solicitation)
    }
}

fn read_currency(r: &mut Reader, value: &Json<'_>) -> Option<String> {
    let code = String::read(value, r)?;
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Some(code)
    } else {
        let message = tr!(
            r.lang,
            "'{code}' is not an ISO 4217 currency code (three capital letters, such as USD)",
            "'{code}' no es un código de moneda ISO 4217 (tres letras mayúsculas, como USD)"
        );
        r.issue(message);
        None
    }
}

impl Read for Period {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let period = Period {
            start: o.optional(r, "start"),
            end: o.optional(r, "end"),
        };
        o.finish(r);
        if let (Some(start), Some(end)) = (period.start, period.end) {
            if end < start {
                r.at_key("end", |r| {
                    let message = tr!(
                        r.lang,
                        "must not be before start ({start})",
                        "no debe ser anterior al inicio ({start})"
                    );
                    r.issue(message)
                });
            }
        }
        Some(period)
    }
}

impl Read for WageDetermination {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let role = o.required(r, "role");
        let hourly = o
            .require(r, "hourly")
            .then(|| o.number(r, "hourly", 0.0, MAX_HOURLY))
            .flatten();
        let determination = WageDetermination {
            role,
            hourly: hourly.unwrap_or_default(),
            source: o.optional(r, "source"),
        };
        o.finish(r);
        Some(determination)
    }
}

impl Read for Vendor {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let vendor = Vendor {
            name: o.required(r, "name"),
            identifiers: o.optional(r, "identifiers"),
            incorporated_on: o.optional(r, "incorporatedOn"),
            address: o.optional(r, "address"),
            contact: o.optional(r, "contact"),
            principals: o.list(r, "principals", Some(200)),
            annual_revenue: o.number(r, "annualRevenue", 0.0, MAX_MONEY),
            business_type: o.optional(r, "businessType"),
            labor_broker: o.optional(r, "laborBroker"),
        };
        o.finish(r);
        if value
            .get("name")
            .is_some_and(|v| matches!(v, Json::Str(s) if s.trim().is_empty()))
        {
            r.at_key("name", not_empty);
        }
        Some(vendor)
    }
}

impl Read for Address {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let address = Address {
            street: o.optional(r, "street"),
            city: o.optional(r, "city"),
            region: o.optional(r, "region"),
            postal_code: o.optional(r, "postalCode"),
            country: o.optional_with(r, "country", read_country),
        };
        o.finish(r);
        Some(address)
    }
}

impl Read for Contact {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let contact = Contact {
            email: o.optional_with(r, "email", read_email),
            phone: o.optional(r, "phone"),
        };
        o.finish(r);
        Some(contact)
    }
}

fn read_email(r: &mut Reader, value: &Json<'_>) -> Option<String> {
    let email = String::read(value, r)?;
    let plausible = email.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !email.contains(char::is_whitespace)
    });
    if plausible {
        Some(email)
    } else {
        let message = tr!(
            r.lang,
            "'{email}' is not an e-mail address",
            "'{email}' no es una dirección de correo electrónico"
        );
        r.issue(message);
        None
    }
}

impl Read for Price {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let price = Price {
            total: o.number(r, "total", 0.0, MAX_MONEY),
            labor_cost: o.number(r, "laborCost", 0.0, MAX_MONEY),
            labor_hours: o.number(r, "laborHours", 0.0, MAX_MONEY),
            offshore_value: o.number(r, "offshoreValue", 0.0, MAX_MONEY),
            offshore_cots_only: o.optional(r, "offshoreCotsOnly"),
        };
        o.finish(r);
        Some(price)
    }
}

impl Read for Workforce {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let limits = r.limits();
        let workforce = Workforce {
            headcount: o.count(r, "headcount"),
            peak_headcount: o.count(r, "peakHeadcount"),
            temporary_share: o.share(r, "temporaryShare"),
            independent_contractor_share: o.share(r, "independentContractorShare"),
            recruited_abroad: o.count(r, "recruitedAbroad"),
            temporary_worker_program: o.optional(r, "temporaryWorkerProgram"),
            languages: o.optional_with(r, "languages", read_languages),
            max_weekly_hours: o.number(r, "maxWeeklyHours", 0.0, HOURS_IN_WEEK),
            wage_rates: o.list(r, "wageRates", Some(limits.wage_rates)),
            housing_provided: o.optional(r, "housingProvided"),
            deductions: o.list(r, "deductions", None),
            pay_frequency: o.optional(r, "payFrequency"),
            pay_held_back: o.optional(r, "payHeldBack"),
        };
        o.finish(r);
        Some(workforce)
    }
}

impl Read for WageRate {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let hourly = o
            .require(r, "hourly")
            .then(|| o.number(r, "hourly", 0.0, MAX_HOURLY))
            .flatten();
        let rate = WageRate {
            role: o.optional(r, "role"),
            hourly: hourly.unwrap_or_default(),
            workers: o.count(r, "workers"),
        };
        o.finish(r);
        Some(rate)
    }
}

impl Read for Deduction {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let kind = o
            .require(r, "kind")
            .then(|| o.optional(r, "kind"))
            .flatten();
        let amount_per_week = o.number(r, "amountPerWeek", 0.0, MAX_MONEY);
        o.finish(r);
        Some(Deduction {
            kind: kind?,
            amount_per_week,
        })
    }
}

impl Read for Recruitment {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let recruitment = Recruitment {
            uses_recruiters: o.optional(r, "usesRecruiters"),
            recruiters: o.list(r, "recruiters", None),
            worker_paid_fees: o.number(r, "workerPaidFees", 0.0, MAX_MONEY),
        };
        o.finish(r);
        Some(recruitment)
    }
}

impl Read for Recruiter {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let recruiter = Recruiter {
            name: o.optional(r, "name"),
            licensed: o.optional(r, "licensed"),
            country: o.optional_with(r, "country", read_country),
        };
        o.finish(r);
        Some(recruiter)
    }
}

impl Read for Subcontractor {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let sub = Subcontractor {
            name: o.optional(r, "name"),
            tier: o.optional_with(r, "tier", read_tier),
            share_of_value: o.share(r, "shareOfValue"),
            sector: o.optional(r, "sector"),
            labor_broker: o.optional(r, "laborBroker"),
            flow_down: o.optional(r, "flowDown"),
            identifiers: o.optional(r, "identifiers"),
            address: o.optional(r, "address"),
            dir_registered: o.optional(r, "dirRegistered"),
        };
        o.finish(r);
        Some(sub)
    }
}

/// "must not be empty" at the reader's path.
fn not_empty(r: &mut Reader) {
    let message = tr!(r.lang, "must not be empty", "no debe estar vacío");
    r.issue(message);
}

fn read_tier(r: &mut Reader, value: &Json<'_>) -> Option<u32> {
    let tier = r.count(value)?;
    if (1..=100).contains(&tier) {
        Some(tier)
    } else {
        let message = tr!(
            r.lang,
            "must be a tier from 1 (direct subcontractor) to 100",
            "debe ser un nivel de 1 (subcontratista directo) a 100"
        );
        r.issue(message);
        None
    }
}

impl Read for SupplyItem {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let item = SupplyItem {
            description: o.optional(r, "description"),
            good: o.optional(r, "good"),
            country_of_origin: o.optional_with(r, "countryOfOrigin", read_country),
            value: o.number(r, "value", 0.0, MAX_MONEY),
            supplier: o.optional(r, "supplier"),
        };
        o.finish(r);
        Some(item)
    }
}

impl Read for Compliance {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let compliance = Compliance {
            certifications: o.list(r, "certifications", Some(200)),
            anti_trafficking_policy: o.optional(r, "antiTraffickingPolicy"),
            compliance_plan: o.optional(r, "compliancePlan"),
            training: o.optional(r, "training"),
            grievance_mechanism: o.optional(r, "grievanceMechanism"),
            hotline_posted: o.optional(r, "hotlinePosted"),
            retains_worker_documents: o.optional(r, "retainsWorkerDocuments"),
            contract_languages: o.optional_with(r, "contractLanguages", read_languages),
            return_transport_policy: o.optional(r, "returnTransportPolicy"),
            return_transport_agreement: o.optional(r, "returnTransportAgreement"),
            housing_plan: o.optional(r, "housingPlan"),
            supply_chain_disclosure_url: o.optional(r, "supplyChainDisclosureUrl"),
        };
        o.finish(r);
        Some(compliance)
    }
}

impl Read for CompliancePlan {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let plan = CompliancePlan {
            provided: o.optional(r, "provided"),
            elements: o.list(r, "elements", Some(50)),
            posted: o.optional(r, "posted"),
            annual_certification: o.optional(r, "annualCertification"),
            subcontractor_certifications: o.optional(r, "subcontractorCertifications"),
        };
        o.finish(r);
        Some(plan)
    }
}

impl Read for History {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let history = History {
            wage_violations: o.list(r, "wageViolations", None),
            exclusions: o.list(r, "exclusions", None),
            trafficking_findings: o.list(r, "traffickingFindings", None),
        };
        o.finish(r);
        Some(history)
    }
}

impl Read for WageViolation {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let violation = WageViolation {
            date: o.optional(r, "date"),
            amount: o.number(r, "amount", 0.0, MAX_MONEY),
            status: o.optional(r, "status"),
            agency: o.optional(r, "agency"),
        };
        o.finish(r);
        Some(violation)
    }
}

impl Read for Exclusion {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let exclusion = Exclusion {
            list: o.optional(r, "list"),
            active: o.optional(r, "active"),
            until: o.optional(r, "until"),
        };
        o.finish(r);
        Some(exclusion)
    }
}

impl Read for TraffickingFinding {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let finding = TraffickingFinding {
            date: o.optional(r, "date"),
            source: o.optional(r, "source"),
            description: o.optional(r, "description"),
        };
        o.finish(r);
        Some(finding)
    }
}
