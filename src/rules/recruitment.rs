//! Group B: recruitment and control, the prohibitions of FAR 52.222-50(b)
//! and the ILO forced-labour indicators. `recruitedAbroad` matters here only
//! through the duties it triggers (fees, documents, return transport,
//! language), never as a risk by itself.

use super::{quoted, Context, Group, Outcome, Rule, Text};
use crate::assessment::Evidence;
use crate::model::{DeductionKind, Severity, TemporaryWorkerProgram};
use crate::policy::{ThresholdSpec, SHARE};
use crate::text::{tr, Lang};
use serde_json::Value;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &RECRUITMENT_FEES,
    &DOCUMENT_RETENTION,
    &RECRUITER_UNVERIFIED,
    &RETURN_TRANSPORT_MISSING,
    &CONTRACT_LANGUAGE_GAP,
    &EMPLOYER_HOUSING,
    &EXCESSIVE_HOURS,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "recruitment-fees",
        r#"{"recruitment": {"workerPaidFees": null}}"#,
        "recruitment.workerPaidFees",
    ),
    (
        "document-retention",
        r#"{"compliance": {"retainsWorkerDocuments": null}}"#,
        "compliance.retainsWorkerDocuments",
    ),
    (
        "recruiter-unverified",
        r#"{"recruitment": {"usesRecruiters": null}}"#,
        "recruitment.usesRecruiters",
    ),
    (
        "return-transport-missing",
        r#"{"workforce": {"recruitedAbroad": null, "temporaryWorkerProgram": null}}"#,
        "workforce.temporaryWorkerProgram",
    ),
    (
        "contract-language-gap",
        r#"{"workforce": {"languages": null}}"#,
        "workforce.languages",
    ),
    (
        "employer-housing",
        r#"{"workforce": {"housingProvided": null}}"#,
        "workforce.housingProvided",
    ),
    (
        "excessive-hours",
        r#"{"workforce": {"maxWeeklyHours": null}}"#,
        "workforce.maxWeeklyHours",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &[];

/// `recruitment-fees`
pub static RECRUITMENT_FEES: Rule = Rule {
    id: "recruitment-fees",
    group: Group::B,
    title: Text::new("Workers pay recruitment fees", "Los trabajadores pagan cuotas de reclutamiento"),
    severities: &[Severity::Critical],
    citations: &[
        "FAR 52.222-50(b)(6)",
        "FAR 52.222-50(a) (definition of recruitment fees, FAC 2019-01)",
        "ILO forced labour indicator: debt bondage",
    ],
    description: Text::new("Workers pay recruitment fees, or have recruitment, visa or travel costs deducted from their pay. Charging workers recruitment fees is prohibited and is the most common path into debt bondage.", "Los trabajadores pagan cuotas de reclutamiento, o se les descuentan de su salario costos de reclutamiento, visa o viaje. Cobrar cuotas de reclutamiento a los trabajadores está prohibido y es el camino más común hacia la servidumbre por deudas."),
    action: Text::new("Ask for the fee schedule and pay records; require the vendor to reimburse fees paid and to bear recruitment costs. Consider referral to the contracting officer.", "Pida la tabla de cuotas y los registros de pago; exija que el proveedor reembolse las cuotas pagadas y asuma los costos de reclutamiento. Considere remitir el caso al oficial de contratación."),
    vendor_action: Text::new("Do not charge workers recruitment fees or deduct recruitment, visa or travel costs from their pay; bear those costs yourself, reimburse any fees already paid, and say so in the bid.", "No cobre cuotas de reclutamiento a los trabajadores ni descuente de su salario costos de reclutamiento, visa o viaje; asuma esos costos, reembolse las cuotas ya pagadas e indíquelo en la oferta."),
    thresholds: &[],
    check: Some(recruitment_fees),
};

const FEE_DEDUCTIONS: [DeductionKind; 3] = [
    DeductionKind::Recruitment,
    DeductionKind::Visa,
    DeductionKind::Travel,
];

fn recruitment_fees(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let mut evidence = Vec::new();
    let mut what = Vec::new();
    if let Some(fees) = s.recruitment.worker_paid_fees.filter(|f| *f > 0.0) {
        what.push(tr!(
            c.lang,
            "workers paid {fees} in recruitment fees",
            "los trabajadores pagaron {fees} en cuotas de reclutamiento",
            fees = c.money(fees)
        ));
        evidence.push(Evidence::new("recruitment.workerPaidFees", fees));
    }
    for (i, d) in s.workforce.deductions.iter().flatten().enumerate() {
        if FEE_DEDUCTIONS.contains(&d.kind) {
            let amount = d
                .amount_per_week
                .map(|a| {
                    let a = c.money(a);
                    tr!(c.lang, " of {a} a week", " de {a} a la semana")
                })
                .unwrap_or_default();
            what.push(match c.lang {
                Lang::En => format!("a {} deduction{amount} is taken from pay", d.kind),
                Lang::Es => {
                    let kind = match d.kind {
                        DeductionKind::Recruitment => "de reclutamiento",
                        DeductionKind::Visa => "de visa",
                        DeductionKind::Travel => "de viaje",
                        _ => "",
                    };
                    format!("se descuenta del salario una deducción {kind}{amount}")
                }
            });
            evidence.push(Evidence::new(
                format!("workforce.deductions[{i}].kind"),
                d.kind.as_str(),
            ));
        }
    }
    if !what.is_empty() {
        return Outcome::fired(
            Severity::Critical,
            tr!(
                c.lang,
                "Risk indicator of debt bondage: {what}.",
                "Indicador de riesgo de servidumbre por deudas: {what}.",
                what = what.join("; ")
            ),
            evidence,
        );
    }
    if s.recruitment.worker_paid_fees.is_none() {
        return Outcome::gap(
            "recruitment.workerPaidFees",
            tr!(
                c.lang,
                "The bid does not say whether workers pay any recruitment fees; ask.",
                "La oferta no dice si los trabajadores pagan cuotas de reclutamiento; pregunte."
            ),
        );
    }
    Outcome::Clear
}

/// `document-retention`
pub static DOCUMENT_RETENTION: Rule = Rule {
    id: "document-retention",
    group: Group::B,
    title: Text::new("Employer holds workers' identity documents", "El empleador retiene documentos de identidad de los trabajadores"),
    severities: &[Severity::Critical],
    citations: &["FAR 52.222-50(b)(4)", "ILO forced labour indicator: retention of identity documents"],
    description: Text::new("The vendor keeps workers' passports, visas or other identity documents. Destroying, concealing or denying access to them is prohibited; holding them is a classic means of control.", "El proveedor guarda pasaportes, visas u otros documentos de identidad de los trabajadores. Destruirlos, ocultarlos o negar el acceso a ellos está prohibido; retenerlos es un medio clásico de control."),
    action: Text::new("Require the vendor to return documents to workers at once and to describe its document practice in writing; refer to the contracting officer.", "Exija que el proveedor devuelva de inmediato los documentos a los trabajadores y describa por escrito su práctica con los documentos; remita el caso al oficial de contratación."),
    vendor_action: Text::new("Do not hold workers' passports, visas or other identity documents; return any you hold and say in the bid that workers keep their own documents.", "No guarde pasaportes, visas ni otros documentos de identidad de los trabajadores; devuelva los que tenga e indique en la oferta que los trabajadores conservan sus propios documentos."),
    thresholds: &[],
    check: Some(document_retention),
};

fn document_retention(c: &Context<'_>) -> Outcome {
    match c.submission.compliance.retains_worker_documents {
        Some(true) => Outcome::fired(
            Severity::Critical,
            tr!(
                c.lang,
                "Risk indicator of forced labor: the vendor states it holds workers' identity documents.",
                "Indicador de riesgo de trabajo forzoso: el proveedor declara que guarda los documentos de identidad de los trabajadores."
            ),
            vec![Evidence::new("compliance.retainsWorkerDocuments", true)],
        ),
        Some(false) => Outcome::Clear,
        None => Outcome::gap(
            "compliance.retainsWorkerDocuments",
            tr!(
                c.lang,
                "The bid does not say whether the vendor holds workers' identity documents; ask.",
                "La oferta no dice si el proveedor guarda documentos de identidad de los trabajadores; pregunte."
            ),
        ),
    }
}

/// `recruiter-unverified`
pub static RECRUITER_UNVERIFIED: Rule = Rule {
    id: "recruiter-unverified",
    group: Group::B,
    title: Text::new("Recruiter unnamed or unlicensed", "Reclutador sin nombre o sin licencia"),
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(b)(5)(ii)", "FAR 52.222-50(h)(3)(iii)"],
    description: Text::new("The vendor uses recruiters, and at least one is not named or not shown to hold the license its country requires. Only recruiters that comply with local labor law may be used.", "El proveedor usa reclutadores, y al menos uno no tiene nombre o no demuestra tener la licencia que exige su país. Solo se pueden usar reclutadores que cumplan la ley laboral local."),
    action: Text::new("Ask for each recruiter's name, license number and the issuing authority, and verify them.", "Pida el nombre, el número de licencia y la autoridad que emitió la licencia de cada reclutador, y verifíquelos."),
    vendor_action: Text::new("Name every recruiter or agency you use, with its license number and the authority that issued it, and use only licensed recruiters.", "Indique el nombre de cada reclutador o agencia que usa, con su número de licencia y la autoridad que la emitió, y use solo reclutadores con licencia."),
    thresholds: &[],
    check: Some(recruiter_unverified),
};

fn recruiter_unverified(c: &Context<'_>) -> Outcome {
    let r = &c.submission.recruitment;
    match r.uses_recruiters {
        Some(false) => return Outcome::NotApplicable,
        None => {
            return Outcome::gap(
                "recruitment.usesRecruiters",
                tr!(
                    c.lang,
                    "The bid does not say whether recruiters are used; ask.",
                    "La oferta no dice si se usan reclutadores; pregunte."
                ),
            )
        }
        Some(true) => {}
    }
    let recruiters = match &r.recruiters {
        Some(list) if !list.is_empty() => list,
        _ => {
            return Outcome::gap(
                "recruitment.recruiters",
                tr!(
                    c.lang,
                    "The bid says recruiters are used but does not list them; ask for their names and licenses.",
                    "La oferta dice que se usan reclutadores pero no los nombra; pida sus nombres y licencias."
                ),
            )
        }
    };
    let mut problems = Vec::new();
    let mut evidence = Vec::new();
    for (i, rec) in recruiters.iter().enumerate() {
        let unnamed = rec.name.as_deref().is_none_or(|n| n.trim().is_empty());
        if unnamed {
            let n = i + 1;
            problems.push(tr!(
                c.lang,
                "recruiter {n} has no name",
                "el reclutador {n} no tiene nombre"
            ));
            evidence.push(Evidence::new(
                format!("recruitment.recruiters[{i}].name"),
                Value::from(rec.name.clone()),
            ));
        }
        if rec.licensed != Some(true) {
            let state = match (c.lang, rec.licensed == Some(false)) {
                (Lang::En, true) => "is not licensed",
                (Lang::En, false) => "has no license on record",
                (Lang::Es, true) => "no tiene licencia",
                (Lang::Es, false) => "no tiene licencia registrada",
            };
            let unnamed = match c.lang {
                Lang::En => "an unnamed recruiter",
                Lang::Es => "un reclutador sin nombre",
            };
            problems.push(format!("{} {state}", quoted(rec.name.as_deref(), unnamed)));
            evidence.push(Evidence::new(
                format!("recruitment.recruiters[{i}].licensed"),
                Value::from(rec.licensed),
            ));
        }
    }
    if problems.is_empty() {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        tr!(
            c.lang,
            "Recruiters cannot be verified: {problems}.",
            "No se puede verificar a los reclutadores: {problems}.",
            problems = problems.join("; ")
        ),
        evidence,
    )
}

/// `return-transport-missing`
pub static RETURN_TRANSPORT_MISSING: Rule = Rule {
    id: "return-transport-missing",
    group: Group::B,
    title: Text::new("Return transport owed but not committed", "Se debe el transporte de regreso y no hay compromiso"),
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(b)(7)(ii)"],
    description: Text::new("Workers come to the US through a temporary-worker program (H-2A, H-2B or similar) or under a written agreement that requires the employer to pay their return transportation, and the vendor does not commit to pay it, which can leave workers unable to leave. For work in the US the clause requires return transport only where such a program or agreement does; where workers were recruited abroad but neither applies, nothing is owed and the rule does not fire (recruiting abroad is never a risk by itself).", "Los trabajadores vienen a EE. UU. por un programa de trabajadores temporales (H-2A, H-2B o similar) o con un acuerdo escrito que obliga al empleador a pagar su transporte de regreso, y el proveedor no se compromete a pagarlo, lo que puede dejar a los trabajadores sin poder irse. Para el trabajo en EE. UU., la cláusula exige el transporte de regreso solo cuando lo exige ese programa o acuerdo; cuando los trabajadores fueron reclutados en el extranjero pero no aplica ninguno de los dos, no se debe nada y la regla no se activa (reclutar en el extranjero nunca es un riesgo por sí solo)."),
    action: Text::new("Require a written commitment to pay return transportation at the end of employment for every worker the program or agreement covers.", "Exija un compromiso escrito de pagar el transporte de regreso al terminar el empleo para cada trabajador que cubra el programa o el acuerdo."),
    vendor_action: Text::new("Where workers come through a temporary-worker program or a written agreement that requires it, commit in the bid to pay their return transportation at the end of employment.", "Cuando los trabajadores vengan por un programa de trabajadores temporales o con un acuerdo escrito que lo exija, comprométase en la oferta a pagar su transporte de regreso al terminar el empleo."),
    thresholds: &[],
    check: Some(return_transport_missing),
};

/// Why return transport is owed, if the bid says it is.
fn return_transport_owed(s: &crate::model::Submission, lang: Lang) -> Option<(String, Evidence)> {
    if let Some(program) = s.workforce.temporary_worker_program {
        if program != TemporaryWorkerProgram::None {
            let name = match (lang, program) {
                (Lang::En, TemporaryWorkerProgram::H2a) => "the H-2A temporary-worker program",
                (Lang::En, TemporaryWorkerProgram::H2b) => "the H-2B temporary-worker program",
                (Lang::En, _) => "a temporary-worker program",
                (Lang::Es, TemporaryWorkerProgram::H2a) => {
                    "el programa de trabajadores temporales H-2A"
                }
                (Lang::Es, TemporaryWorkerProgram::H2b) => {
                    "el programa de trabajadores temporales H-2B"
                }
                (Lang::Es, _) => "un programa de trabajadores temporales",
            };
            return Some((
                tr!(
                    lang,
                    "Workers come through {name}, which requires return transport",
                    "Los trabajadores vienen por {name}, que exige el transporte de regreso"
                ),
                Evidence::new("workforce.temporaryWorkerProgram", program.as_str()),
            ));
        }
    }
    (s.compliance.return_transport_agreement == Some(true)).then(|| {
        (
            tr!(
                lang,
                "A written agreement with the workers promises return transport",
                "Un acuerdo escrito con los trabajadores promete el transporte de regreso"
            ),
            Evidence::new("compliance.returnTransportAgreement", true),
        )
    })
}

fn return_transport_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some((why, evidence)) = return_transport_owed(s, c.lang) else {
        // Nothing is owed unless a program or an agreement says so. Ask only
        // where workers may have come from abroad and it is not known.
        let program_unknown = s.workforce.temporary_worker_program.is_none()
            && s.compliance.return_transport_agreement.is_none();
        return if program_unknown && s.workforce.recruited_abroad != Some(0) {
            Outcome::gap(
                "workforce.temporaryWorkerProgram",
                tr!(
                    c.lang,
                    "The bid does not say whether workers come through a temporary-worker program (H-2A, H-2B) or a written agreement that promises return transport; ask.",
                    "La oferta no dice si los trabajadores vienen por un programa de trabajadores temporales (H-2A, H-2B) o con un acuerdo escrito que promete el transporte de regreso; pregunte."
                ),
            )
        } else {
            Outcome::NotApplicable
        };
    };
    match s.compliance.return_transport_policy {
        Some(true) => Outcome::Clear,
        Some(false) => Outcome::fired(
            Severity::High,
            tr!(
                c.lang,
                "{why}, and the vendor does not commit to pay it.",
                "{why}, y el proveedor no se compromete a pagarlo."
            ),
            vec![
                evidence,
                Evidence::new("compliance.returnTransportPolicy", false),
            ],
        ),
        None => Outcome::gap(
            "compliance.returnTransportPolicy",
            tr!(
                c.lang,
                "{why}; ask whether the vendor commits to pay it.",
                "{why}; pregunte si el proveedor se compromete a pagarlo."
            ),
        ),
    }
}

/// `contract-language-gap`
pub static CONTRACT_LANGUAGE_GAP: Rule = Rule {
    id: "contract-language-gap",
    group: Group::B,
    title: Text::new("Workers' language missing from employment contracts", "Contratos de trabajo sin el idioma de los trabajadores"),
    severities: &[Severity::Medium],
    citations: &[
        "FAR 52.222-50(b)(9) (where law or the contract requires written work documents)",
        "The city's contract requirement (policy requirements.contractsInWorkersLanguages)",
    ],
    description: Text::new("Workers speak a language in which the vendor does not provide the employment contract. FAR 52.222-50(b)(9) requires written work documents in a language the employee understands where law or the contract requires them; the rule runs only where the city's policy makes that a requirement of its contracts (on in la-2026), and gives one finding per bid listing the languages.", "Los trabajadores hablan un idioma en el que el proveedor no entrega el contrato de trabajo. FAR 52.222-50(b)(9) exige documentos de trabajo escritos en un idioma que el empleado entienda cuando la ley o el contrato los exigen; la regla solo se aplica cuando la política de evaluación de la ciudad lo hace un requisito de sus contratos (activado en la-2026), y da un hallazgo por oferta con la lista de idiomas."),
    action: Text::new("Require employment contracts in every language the workers speak, before work starts.", "Exija contratos de trabajo en cada idioma que hablan los trabajadores, antes de que empiece el trabajo."),
    vendor_action: Text::new("Give employment contracts in every language your workers speak, and list those languages in the bid.", "Entregue los contratos de trabajo en cada idioma que hablan sus trabajadores, e indique esos idiomas en la oferta."),
    thresholds: &[],
    check: Some(contract_language_gap),
};

/// Does a contract in language `contract` serve a worker who speaks `worker`?
/// Equal tags match, and a shorter tag covers its extensions (`es` covers `es-MX`).
fn language_covers(contract: &str, worker: &str) -> bool {
    let contract = contract.to_ascii_lowercase();
    let worker = worker.to_ascii_lowercase();
    worker == contract
        || worker
            .strip_prefix(&contract)
            .is_some_and(|rest| rest.starts_with('-'))
}

fn contract_language_gap(c: &Context<'_>) -> Outcome {
    if !c.policy.requirements.contracts_in_workers_languages() {
        return Outcome::NotApplicable;
    }
    let s = c.submission;
    let Some(spoken) = &s.workforce.languages else {
        return Outcome::gap(
            "workforce.languages",
            tr!(
                c.lang,
                "The bid does not say which languages the workers speak; ask.",
                "La oferta no dice qué idiomas hablan los trabajadores; pregunte."
            ),
        );
    };
    let Some(contract) = &s.compliance.contract_languages else {
        return Outcome::gap(
            "compliance.contractLanguages",
            tr!(
                c.lang,
                "The bid does not say in which languages employment contracts are given; ask.",
                "La oferta no dice en qué idiomas se entregan los contratos de trabajo; pregunte."
            ),
        );
    };
    let uncovered: Vec<(usize, &String)> = spoken
        .iter()
        .enumerate()
        .filter(|(_, w)| !contract.iter().any(|c| language_covers(c, w)))
        .collect();
    if uncovered.is_empty() {
        return Outcome::Clear;
    }
    let names: Vec<&str> = uncovered.iter().map(|(_, l)| l.as_str()).collect();
    let mut evidence: Vec<Evidence> = uncovered
        .iter()
        .map(|(i, l)| Evidence::new(format!("workforce.languages[{i}]"), l.as_str()))
        .collect();
    evidence.push(Evidence::new(
        "compliance.contractLanguages",
        Value::from(contract.clone()),
    ));
    Outcome::fired(
        Severity::Medium,
        {
            let spoken = names.join(", ");
            if contract.is_empty() {
                tr!(
                    c.lang,
                    "Workers speak {spoken} but employment contracts are given in no language.",
                    "Los trabajadores hablan {spoken} pero los contratos de trabajo no se entregan en ningún idioma."
                )
            } else {
                tr!(
                    c.lang,
                    "Workers speak {spoken} but employment contracts are given only in {given}.",
                    "Los trabajadores hablan {spoken} pero los contratos de trabajo se entregan solo en {given}.",
                    given = contract.join(", ")
                )
            }
        },
        evidence,
    )
}

/// `thresholds.housingDeductionShare` of the policy, read by `employer-housing`.
pub static HOUSING_DEDUCTION_SHARE: ThresholdSpec =
    ThresholdSpec::required("housingDeductionShare", SHARE);

/// `employer-housing`
pub static EMPLOYER_HOUSING: Rule = Rule {
    id: "employer-housing",
    group: Group::B,
    title: Text::new("Employer housing without a plan, or with heavy deductions", "Vivienda del empleador sin plan, o con deducciones altas"),
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(b)(8)", "ILO forced labour indicator: abusive living conditions"],
    description: Text::new("The employer provides housing but has no housing plan meeting host-country standards, or deducts for housing more than the policy's share of the lowest weekly wage at 40 hours.", "El empleador proporciona vivienda pero no tiene un plan de vivienda que cumpla las normas del país anfitrión, o descuenta por vivienda más de la parte del salario semanal más bajo (a 40 horas) que permite la política de evaluación."),
    action: Text::new("Ask for the housing plan, the housing address and the deduction schedule; inspect before award where possible.", "Pida el plan de vivienda, la dirección de la vivienda y la tabla de deducciones; inspeccione antes de la adjudicación cuando sea posible."),
    vendor_action: Text::new("Where you provide housing, have a housing plan that meets the host country's standards, keep housing deductions within the share of the lowest weekly wage the city allows, and give the plan and the deductions in the bid.", "Si proporciona vivienda, tenga un plan de vivienda que cumpla las normas del país anfitrión, mantenga las deducciones por vivienda dentro de la parte del salario semanal más bajo que permite la ciudad, e indique el plan y las deducciones en la oferta."),
    thresholds: &[&HOUSING_DEDUCTION_SHARE],
    check: Some(employer_housing),
};

fn employer_housing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    match s.workforce.housing_provided {
        Some(false) => return Outcome::NotApplicable,
        None => {
            return Outcome::gap(
                "workforce.housingProvided",
                tr!(
                    c.lang,
                    "The bid does not say whether the employer provides housing; ask.",
                    "La oferta no dice si el empleador proporciona vivienda; pregunte."
                ),
            )
        }
        Some(true) => {}
    }
    let mut problems = Vec::new();
    let mut evidence = vec![Evidence::new("workforce.housingProvided", true)];
    if s.compliance.housing_plan == Some(false) {
        problems.push(tr!(
            c.lang,
            "there is no housing plan",
            "no hay plan de vivienda"
        ));
        evidence.push(Evidence::new("compliance.housingPlan", false));
    }
    let housing_per_week: f64 = s
        .workforce
        .deductions
        .iter()
        .flatten()
        .filter(|d| d.kind == DeductionKind::Housing)
        .filter_map(|d| d.amount_per_week)
        .sum();
    let lowest_wage = s
        .workforce
        .wage_rates
        .iter()
        .flatten()
        .map(|w| w.hourly)
        .min_by(f64::total_cmp);
    let Some(share) = c.threshold(&HOUSING_DEDUCTION_SHARE) else {
        return c.no_threshold(&HOUSING_DEDUCTION_SHARE);
    };
    if let Some(wage) = lowest_wage {
        let weekly = wage * 40.0;
        if housing_per_week > 0.0 && housing_per_week > share * weekly {
            problems.push(tr!(
                c.lang,
                "housing deductions of {housing} a week exceed {share} of the lowest weekly wage ({weekly} at 40 hours)",
                "las deducciones por vivienda de {housing} a la semana superan el {share} del salario semanal más bajo ({weekly} a 40 horas)",
                housing = c.money(housing_per_week),
                share = super::percent(share),
                weekly = c.money(weekly)
            ));
            evidence.push(Evidence::new("workforce.deductions", housing_per_week));
        }
    }
    if !problems.is_empty() {
        return Outcome::fired(
            Severity::High,
            tr!(
                c.lang,
                "The employer provides housing and {problems}.",
                "El empleador proporciona vivienda y {problems}.",
                problems = problems.join(match c.lang {
                    Lang::En => ", and ",
                    Lang::Es => ", y ",
                })
            ),
            evidence,
        );
    }
    if s.compliance.housing_plan.is_none() {
        return Outcome::gap(
            "compliance.housingPlan",
            tr!(
                c.lang,
                "The employer provides housing; ask for its housing plan.",
                "El empleador proporciona vivienda; pida su plan de vivienda."
            ),
        );
    }
    Outcome::Clear
}

/// `thresholds.weeklyHoursMedium` of the policy, read by `excessive-hours`.
pub static WEEKLY_HOURS_MEDIUM: ThresholdSpec = ThresholdSpec::required("weeklyHoursMedium", 168.0);
/// `thresholds.weeklyHoursHigh` of the policy, read by `excessive-hours`.
pub static WEEKLY_HOURS_HIGH: ThresholdSpec = ThresholdSpec::required("weeklyHoursHigh", 168.0);

/// `excessive-hours`
pub static EXCESSIVE_HOURS: Rule = Rule {
    id: "excessive-hours",
    group: Group::B,
    title: Text::new("Excessive weekly hours", "Horas semanales excesivas"),
    severities: &[Severity::Medium, Severity::High],
    citations: &["ILO forced labour indicator: excessive overtime"],
    description: Text::new("Scheduled weeks exceed the policy's limits (60 hours: medium; 72 hours: high). Excessive overtime is an ILO indicator of forced labor.", "Las semanas programadas superan los límites de la política de evaluación (60 horas: gravedad media; 72 horas: gravedad alta). Las horas extras excesivas son un indicador de trabajo forzoso de la OIT."),
    action: Text::new("Ask for the shift schedule and overtime policy, and whether overtime is voluntary and paid at overtime rates.", "Pida el horario de turnos y la política de horas extras, y pregunte si las horas extras son voluntarias y se pagan con la tarifa de horas extras."),
    vendor_action: Text::new("Schedule weeks within the city's limits (60 hours at most), keep overtime voluntary and paid at overtime rates, and give the longest scheduled week in the bid.", "Programe semanas dentro de los límites de la ciudad (60 horas como máximo), mantenga las horas extras voluntarias y pagadas con la tarifa de horas extras, e indique en la oferta la semana programada más larga."),
    thresholds: &[&WEEKLY_HOURS_MEDIUM, &WEEKLY_HOURS_HIGH],
    check: Some(excessive_hours),
};

fn excessive_hours(c: &Context<'_>) -> Outcome {
    let Some(hours) = c.submission.workforce.max_weekly_hours else {
        return Outcome::gap(
            "workforce.maxWeeklyHours",
            tr!(
                c.lang,
                "The bid does not give the longest scheduled week; ask.",
                "La oferta no indica la semana programada más larga; pregunte."
            ),
        );
    };
    let Some(high) = c.threshold(&WEEKLY_HOURS_HIGH) else {
        return c.no_threshold(&WEEKLY_HOURS_HIGH);
    };
    let Some(medium) = c.threshold(&WEEKLY_HOURS_MEDIUM) else {
        return c.no_threshold(&WEEKLY_HOURS_MEDIUM);
    };
    let severity = if hours > high {
        Severity::High
    } else if hours > medium {
        Severity::Medium
    } else {
        return Outcome::Clear;
    };
    let limit = if severity == Severity::High {
        high
    } else {
        medium
    };
    Outcome::fired(
        severity,
        tr!(
            c.lang,
            "Workers may be scheduled for {hours} hours a week, over {limit}.",
            "Se puede programar a los trabajadores {hours} horas a la semana, más de {limit}.",
            hours = super::number((hours * 10.0).round() / 10.0),
            limit = super::number(limit)
        ),
        vec![Evidence::new("workforce.maxWeeklyHours", hours)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn recruitment_fees() {
        let r = &RECRUITMENT_FEES;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(r, json!({"recruitment": {"workerPaidFees": 1500}}))),
            Some(Severity::Critical)
        );
        let visa = json!({"workforce": {"deductions": [{"kind": "uniform", "amountPerWeek": 5}, {"kind": "visa", "amountPerWeek": 40}]}});
        let out = run(r, visa);
        assert_eq!(fired(&out), Some(Severity::Critical));
        if let Outcome::Fired(hit) = out {
            assert_eq!(hit.evidence[0].path, "workforce.deductions[1].kind");
        }
        let uniform =
            json!({"workforce": {"deductions": [{"kind": "uniform", "amountPerWeek": 5}]}});
        assert_eq!(run(r, uniform), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"recruitment": {"workerPaidFees": null}})),
            "recruitment.workerPaidFees"
        ));
    }

    #[test]
    fn document_retention() {
        let r = &DOCUMENT_RETENTION;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"compliance": {"retainsWorkerDocuments": true}})
            )),
            Some(Severity::Critical)
        );
        assert!(gap_at(
            &run(r, json!({"compliance": {"retainsWorkerDocuments": null}})),
            "compliance.retainsWorkerDocuments"
        ));
    }

    #[test]
    fn recruiter_unverified() {
        let r = &RECRUITER_UNVERIFIED;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let licensed = json!({"recruitment": {"usesRecruiters": true, "recruiters": [{"name": "A", "licensed": true, "country": "MX"}]}});
        assert_eq!(run(r, licensed), Outcome::Clear);
        let unlicensed = json!({"recruitment": {"usesRecruiters": true, "recruiters": [{"name": "A", "licensed": true}, {"name": "B"}]}});
        assert_eq!(fired(&run(r, unlicensed)), Some(Severity::High));
        let unnamed =
            json!({"recruitment": {"usesRecruiters": true, "recruiters": [{"licensed": true}]}});
        assert_eq!(fired(&run(r, unnamed)), Some(Severity::High));
        let unlisted = json!({"recruitment": {"usesRecruiters": true, "recruiters": []}});
        assert!(gap_at(&run(r, unlisted), "recruitment.recruiters"));
        assert!(gap_at(
            &run(r, json!({"recruitment": {"usesRecruiters": null}})),
            "recruitment.usesRecruiters"
        ));
    }

    /// FAR 52.222-50(b)(7)(ii): for work in the US, return transport is
    /// owed only where a temporary-worker program or a written agreement
    /// requires it. Workers recruited abroad without either owe nothing and
    /// raise nothing: recruiting abroad is not a risk by itself.
    #[test]
    fn return_transport() {
        let r = &RETURN_TRANSPORT_MISSING;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let abroad_no_program = json!({"workforce": {"recruitedAbroad": 12}, "compliance": {"returnTransportPolicy": false}});
        assert_eq!(run(r, abroad_no_program), Outcome::NotApplicable);
        let h2b = json!({"workforce": {"recruitedAbroad": 12, "temporaryWorkerProgram": "h-2b"}, "compliance": {"returnTransportPolicy": false}});
        let out = run(r, h2b);
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = out {
            assert!(hit.message.contains("H-2B"), "{}", hit.message);
        }
        let agreement = json!({"compliance": {"returnTransportAgreement": true, "returnTransportPolicy": false}});
        assert_eq!(fired(&run(r, agreement)), Some(Severity::High));
        let unknown = json!({"workforce": {"temporaryWorkerProgram": "h-2a"}, "compliance": {"returnTransportPolicy": null}});
        assert!(gap_at(&run(r, unknown), "compliance.returnTransportPolicy"));
        let committed = json!({"workforce": {"temporaryWorkerProgram": "h-2a"}});
        assert_eq!(run(r, committed), Outcome::Clear);
        // Recruited abroad, program not stated: ask, do not fire.
        let ask = json!({"workforce": {"recruitedAbroad": 12, "temporaryWorkerProgram": null}, "compliance": {"returnTransportPolicy": false}});
        assert!(gap_at(&run(r, ask), "workforce.temporaryWorkerProgram"));
    }

    #[test]
    fn contract_languages() {
        let r = &CONTRACT_LANGUAGE_GAP;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"workforce": {"languages": ["en", "es", "tl"]}})
            )),
            Some(Severity::Medium)
        );
        assert_eq!(
            run(r, json!({"workforce": {"languages": ["es-MX"]}})),
            Outcome::Clear
        );
        assert!(language_covers("ES", "es-mx"));
        assert!(!language_covers("zh-Hans", "zh-Hant"));
        assert!(!language_covers("e", "es"));
        assert!(gap_at(
            &run(r, json!({"compliance": {"contractLanguages": null}})),
            "compliance.contractLanguages"
        ));
    }

    /// (b)(9) applies only "if required by law or contract": without the
    /// city's requirement in the policy the rule does not run.
    #[test]
    fn contract_languages_only_where_the_city_requires_them() {
        let mut policy = crate::rules::testing::policy().clone();
        policy.requirements.contracts_in_workers_languages = None;
        let s = crate::rules::testing::bid(json!({"workforce": {"languages": ["en", "es", "tl"]}}));
        let lists = crate::rules::testing::loaded().goods();
        let as_of = s.submitted_on.unwrap_or(crate::date::Date::from_days(0));
        let ctx = Context::new(&s, &policy, as_of, lists, &[]);
        assert_eq!(contract_language_gap(&ctx), Outcome::NotApplicable);
    }

    #[test]
    fn employer_housing() {
        let r = &EMPLOYER_HOUSING;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let no_plan =
            json!({"workforce": {"housingProvided": true}, "compliance": {"housingPlan": false}});
        assert_eq!(fired(&run(r, no_plan)), Some(Severity::High));
        // 30% of 20.10 x 40 = 241.20 a week
        let heavy = json!({"workforce": {"housingProvided": true, "deductions": [{"kind": "housing", "amountPerWeek": 250}]}, "compliance": {"housingPlan": true}});
        assert_eq!(fired(&run(r, heavy)), Some(Severity::High));
        let fair = json!({"workforce": {"housingProvided": true, "deductions": [{"kind": "housing", "amountPerWeek": 200}]}, "compliance": {"housingPlan": true}});
        assert_eq!(run(r, fair), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"workforce": {"housingProvided": true}})),
            "compliance.housingPlan"
        ));
    }

    #[test]
    fn excessive_hours() {
        let r = &EXCESSIVE_HOURS;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            run(r, json!({"workforce": {"maxWeeklyHours": 60}})),
            Outcome::Clear
        );
        assert_eq!(
            fired(&run(r, json!({"workforce": {"maxWeeklyHours": 61}}))),
            Some(Severity::Medium)
        );
        assert_eq!(
            fired(&run(r, json!({"workforce": {"maxWeeklyHours": 72.5}}))),
            Some(Severity::High)
        );
        assert!(gap_at(
            &run(r, json!({"workforce": {"maxWeeklyHours": null}})),
            "workforce.maxWeeklyHours"
        ));
    }
}
