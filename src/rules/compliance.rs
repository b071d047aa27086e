//! Group A: anti-trafficking compliance, the federal baseline (FAR
//! 52.222-50) the city wants local bids to meet.

use super::{Context, Group, Outcome, Rule, Text};
use crate::assessment::Evidence;
use crate::model::{PlanElement, Severity};
use crate::policy::{ThresholdSpec, ANY};
use crate::text::{tr, Lang};
use serde_json::Value;
use std::borrow::Cow;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &TIP_CERTIFICATION_MISSING,
    &COMPLIANCE_PLAN_MISSING,
    &COMPLIANCE_PLAN_INCOMPLETE,
    &PLAN_DUTIES_MISSING,
    &ANTI_TRAFFICKING_POLICY_MISSING,
    &TRAINING_MISSING,
    &GRIEVANCE_CHANNEL_MISSING,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "tip-certification-missing",
        r#"{"compliance": {"certifications": null}}"#,
        "compliance.certifications",
    ),
    (
        "compliance-plan-missing",
        r#"{"price": {"offshoreValue": null}}"#,
        "price.offshoreValue",
    ),
    (
        "compliance-plan-incomplete",
        r#"{"compliance": {"compliancePlan": {"elements": null}}}"#,
        "compliance.compliancePlan.elements",
    ),
    (
        "anti-trafficking-policy-missing",
        r#"{"compliance": {"antiTraffickingPolicy": null}}"#,
        "compliance.antiTraffickingPolicy",
    ),
    (
        "training-missing",
        r#"{"compliance": {"training": null}}"#,
        "compliance.training",
    ),
    (
        "grievance-channel-missing",
        r#"{"compliance": {"hotlinePosted": null}}"#,
        "compliance.hotlinePosted",
    ),
    (
        "plan-duties-missing",
        r#"{"compliance": {"compliancePlan": {"posted": null}}}"#,
        "compliance.compliancePlan.posted",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &[];

/// `tip-certification-missing`
pub static TIP_CERTIFICATION_MISSING: Rule = Rule {
    id: "tip-certification-missing",
    group: Group::A,
    title: Text::new("Bid does not acknowledge the anti-trafficking clause (FAR 52.222-50)", "La oferta no acepta la cláusula contra la trata de personas (FAR 52.222-50)"),
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50", "FAR 22.1705(a)(1)"],
    description: Text::new("The bid does not acknowledge the Combating Trafficking in Persons clause (listed as `far-52.222-50` in its certifications). FAR 52.222-50 is a contract clause, not a certification: it goes into every solicitation and contract (FAR 22.1705(a)(1)), and Los Angeles alignment asks local bidders to accept the same terms. The certifications the FAR does ask for are separate: FAR 52.222-56 where a compliance plan is required (see compliance-plan-missing) and the annual certification of 52.222-50(h)(5) (see plan-duties-missing).", "La oferta no acepta la cláusula Combating Trafficking in Persons (que figura como `far-52.222-50` en sus certificaciones). FAR 52.222-50 es una cláusula del contrato, no una certificación: se incluye en toda convocatoria y todo contrato (FAR 22.1705(a)(1)), y la alineación de Los Ángeles pide a los licitantes locales aceptar los mismos términos. Las certificaciones que la FAR sí pide son otras: FAR 52.222-56 cuando se requiere un plan de cumplimiento (ver compliance-plan-missing) y la certificación anual de 52.222-50(h)(5) (ver plan-duties-missing)."),
    action: Text::new("Ask the vendor to acknowledge in writing that the contract will include FAR 52.222-50 and that it accepts its terms, before award.", "Pida al proveedor que acepte por escrito, antes de la adjudicación, que el contrato incluirá FAR 52.222-50 y que acepta sus términos."),
    vendor_action: Text::new("Acknowledge in the bid that the contract will include FAR 52.222-50 (list far-52.222-50 among your certifications) and that you accept its terms.", "Indique en la oferta que el contrato incluirá FAR 52.222-50 (anote far-52.222-50 entre sus certificaciones) y que acepta sus términos."),
    thresholds: &[],
    check: Some(tip_certification_missing),
};

fn tip_certification_missing(c: &Context<'_>) -> Outcome {
    let Some(certs) = &c.submission.compliance.certifications else {
        return Outcome::gap(
            "compliance.certifications",
            tr!(
                c.lang,
                "The bid lists no certifications or acknowledgments; ask whether the vendor accepts the FAR 52.222-50 clause.",
                "La oferta no incluye certificaciones ni aceptaciones; pregunte si el proveedor acepta la cláusula FAR 52.222-50."
            ),
        );
    };
    if c.submission.has_certification("far-52.222-50") == Some(true) {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Medium,
        tr!(
            c.lang,
            "The bid does not acknowledge the FAR 52.222-50 anti-trafficking clause the contract will include.",
            "La oferta no acepta la cláusula FAR 52.222-50 contra la trata de personas que incluirá el contrato."
        ),
        vec![Evidence::new(
            "compliance.certifications",
            Value::from(certs.clone()),
        )],
    )
}

/// `thresholds.localCompliancePlanValue` of the policy, read by `compliance-plan-missing`.
pub static LOCAL_COMPLIANCE_PLAN_VALUE: ThresholdSpec =
    ThresholdSpec::required("localCompliancePlanValue", ANY);

/// `compliance-plan-missing`
pub static COMPLIANCE_PLAN_MISSING: Rule = Rule {
    id: "compliance-plan-missing",
    group: Group::A,
    title: Text::new("Compliance plan required but missing", "Se requiere un plan de cumplimiento y falta"),
    severities: &[Severity::Critical],
    citations: &["FAR 52.222-50(h)", "FAR 52.222-56", "22 U.S.C. 7104a"],
    description: Text::new("A compliance plan is required when the part of the contract performed or acquired outside the US exceeds the federal threshold of FAR 52.222-50(h)(1) (unless it is all COTS items); the plan must exist before award and the vendor must certify it (FAR 52.222-56). The local policy also asks a plan of high-risk-sector contracts above its own threshold: that threshold is the city's design number, not a figure of state or federal law.", "Se requiere un plan de cumplimiento cuando la parte del contrato que se ejecuta o se adquiere fuera de EE. UU. supera el umbral federal de FAR 52.222-50(h)(1) (salvo que todo sean artículos COTS); el plan debe existir antes de la adjudicación y el proveedor debe certificarlo (FAR 52.222-56). La política de evaluación local también pide un plan en los contratos de sectores de alto riesgo por encima de su propio umbral: ese umbral es una cifra fijada por la ciudad, no por la ley estatal ni la federal."),
    action: Text::new("Do not award until the vendor provides a compliance plan and the FAR 52.222-56 certification.", "No adjudique hasta que el proveedor presente un plan de cumplimiento y la certificación de FAR 52.222-56."),
    vendor_action: Text::new("Where the part of the contract performed or bought outside the US is above the FAR threshold, or the city asks a plan of high-risk-sector contracts like this one, write a compliance plan before you submit and certify it (FAR 52.222-56); say in the bid that the plan exists.", "Cuando la parte del contrato que se ejecuta o se compra fuera de EE. UU. supera el umbral de la FAR, o la ciudad pide un plan en contratos de sectores de alto riesgo como este, escriba un plan de cumplimiento antes de presentar la oferta y certifíquelo (FAR 52.222-56); indique en la oferta que el plan existe."),
    thresholds: &[&LOCAL_COMPLIANCE_PLAN_VALUE],
    check: Some(compliance_plan_missing),
};

fn compliance_plan_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let plan = s
        .compliance
        .compliance_plan
        .as_ref()
        .and_then(|p| p.provided);
    let mut reasons = Vec::new();
    let mut evidence = Vec::new();
    let mut missing = Vec::new();
    let mut applies = false;

    // (a) the federal trigger: offshore value above the dated threshold.
    // Amounts are compared in the policy's currency, never across two.
    let threshold = c.policy.compliance_plan_threshold(c.as_of);
    let offshore = s.price.offshore_value.map(|v| (v, c.in_policy_currency(v)));
    match (offshore, threshold) {
        (Some((offshore, Some(converted))), Some(t))
            if converted > t.amount && s.price.offshore_cots_only != Some(true) =>
        {
            applies = true;
            let cert = s.has_certification("far-52.222-56");
            if plan == Some(false) || cert == Some(false) {
                let lacks = match (c.lang, plan == Some(false)) {
                    (Lang::En, true) => "no compliance plan",
                    (Lang::En, false) => "no FAR 52.222-56 certification",
                    (Lang::Es, true) => "ningún plan de cumplimiento",
                    (Lang::Es, false) => "ninguna certificación de FAR 52.222-56",
                };
                reasons.push(tr!(
                    c.lang,
                    "{offshore} of the contract is performed or acquired outside the US, above the {threshold} threshold of FAR 52.222-50(h), and the bid has {lacks}",
                    "{offshore} del contrato se ejecuta o se adquiere fuera de EE. UU., por encima del umbral de {threshold} de FAR 52.222-50(h), y la oferta no tiene {lacks}",
                    offshore = c.money(offshore),
                    threshold = c.policy_money(t.amount)
                ));
                evidence.push(Evidence::new("price.offshoreValue", offshore));
            } else {
                if plan.is_none() {
                    missing.push("compliance.compliancePlan.provided");
                }
                if cert.is_none() {
                    missing.push("compliance.certifications");
                }
            }
        }
        (Some((_, None)), Some(_)) => missing.push("solicitation.currency"),
        (None, _) => missing.push("price.offshoreValue"),
        _ => {}
    }

    // (b) the local trigger: a high-risk sector above the local threshold.
    let Some(local) = c.threshold(&LOCAL_COMPLIANCE_PLAN_VALUE) else {
        return c.no_threshold(&LOCAL_COMPLIANCE_PLAN_VALUE);
    };
    let estimate = s
        .solicitation
        .estimated_value
        .map(|v| (v, c.in_policy_currency(v)));
    match (c.high_risk_sector(), estimate) {
        (Some(true), Some((value, Some(converted)))) if converted > local => {
            applies = true;
            match plan {
                Some(false) => {
                    reasons.push(tr!(
                        c.lang,
                        "the contract is in a high-risk sector and estimated at {value}, above the local plan threshold of {local}, and the bid has no compliance plan",
                        "el contrato es de un sector de alto riesgo y se estima en {value}, por encima del umbral local para el plan de {local}, y la oferta no tiene plan de cumplimiento",
                        value = c.money(value),
                        local = c.policy_money(local)
                    ));
                    evidence.push(Evidence::new("solicitation.estimatedValue", value));
                }
                Some(true) => {}
                None => missing.push("compliance.compliancePlan.provided"),
            }
        }
        (None, _) => missing.push("solicitation.sector"),
        (Some(true), None) => missing.push("solicitation.estimatedValue"),
        (Some(true), Some((_, None))) => missing.push("solicitation.currency"),
        _ => {}
    }

    if !reasons.is_empty() {
        if plan == Some(false) {
            evidence.push(Evidence::new("compliance.compliancePlan.provided", false));
        }
        let mut message = reasons.join(match c.lang {
            Lang::En => "; and ",
            Lang::Es => "; y ",
        });
        capitalize(&mut message);
        message.push('.');
        return Outcome::fired(Severity::Critical, message, evidence);
    }
    if !missing.is_empty() {
        crate::sort::sort(&mut missing);
        missing.dedup();
        let currency = missing.contains(&"solicitation.currency");
        return Outcome::Gap {
            paths: missing
                .into_iter()
                .map(Cow::Borrowed)
                .collect::<Vec<_>>()
                .into(),
            message: if currency {
                c.currency_gap_message(match c.lang {
                    Lang::En => "compliance-plan thresholds",
                    Lang::Es => "los umbrales del plan de cumplimiento",
                })
                .into()
            } else {
                tr!(
                    c.lang,
                    "Cannot tell whether a compliance plan is required or provided; ask for the offshore value of the contract and whether a plan exists.",
                    "No se puede saber si se requiere un plan de cumplimiento ni si se presentó; pida el valor del contrato que se ejecuta fuera de EE. UU. y si existe un plan."
                )
                .into()
            },
        };
    }
    if applies {
        Outcome::Clear
    } else {
        Outcome::NotApplicable
    }
}

fn capitalize(text: &mut str) {
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
}

/// `compliance-plan-incomplete`
pub static COMPLIANCE_PLAN_INCOMPLETE: Rule = Rule {
    id: "compliance-plan-incomplete",
    group: Group::A,
    title: Text::new("Compliance plan lacks required elements", "Al plan de cumplimiento le faltan elementos requeridos"),
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(h)(3)"],
    description: Text::new("A compliance plan must include an awareness program, a reporting process, a recruitment and wage plan, and procedures to monitor subcontractors and agents; and a housing plan where the employer provides housing.", "Un plan de cumplimiento debe incluir un programa de concientización, un proceso para reportar, un plan de reclutamiento y salarios, y procedimientos para supervisar a subcontratistas y agentes; y un plan de vivienda cuando el empleador proporciona vivienda."),
    action: Text::new("Ask the vendor to complete the plan with the missing elements before award.", "Pida al proveedor que complete el plan con los elementos que faltan antes de la adjudicación."),
    vendor_action: Text::new("Make sure your compliance plan has every element of FAR 52.222-50(h)(3): an awareness program, a reporting process, a recruitment and wage plan, a housing plan where you provide housing, and procedures to monitor subcontractors and agents; list them in the bid.", "Asegúrese de que su plan de cumplimiento tenga cada elemento de FAR 52.222-50(h)(3): un programa de concientización, un proceso para reportar, un plan de reclutamiento y salarios, un plan de vivienda si proporciona vivienda, y procedimientos para supervisar a subcontratistas y agentes; indíquelos en la oferta."),
    thresholds: &[],
    check: Some(compliance_plan_incomplete),
};

const REQUIRED_ELEMENTS: [PlanElement; 4] = [
    PlanElement::Awareness,
    PlanElement::Reporting,
    PlanElement::RecruitmentWage,
    PlanElement::SubcontractorMonitoring,
];

fn compliance_plan_incomplete(c: &Context<'_>) -> Outcome {
    let Some(plan) = &c.submission.compliance.compliance_plan else {
        return Outcome::NotApplicable;
    };
    if plan.provided != Some(true) {
        return Outcome::NotApplicable;
    }
    let Some(elements) = &plan.elements else {
        return Outcome::gap(
            "compliance.compliancePlan.elements",
            tr!(
                c.lang,
                "A compliance plan is provided but its elements are not listed; ask for the plan.",
                "Se presenta un plan de cumplimiento pero no se indican sus elementos; pida el plan."
            ),
        );
    };
    let mut lacking: Vec<PlanElement> = REQUIRED_ELEMENTS
        .iter()
        .copied()
        .filter(|e| !elements.contains(e))
        .collect();
    if c.submission.workforce.housing_provided == Some(true)
        && !elements.contains(&PlanElement::Housing)
    {
        lacking.push(PlanElement::Housing);
    }
    if lacking.is_empty() {
        return Outcome::Clear;
    }
    let names: Vec<&str> = lacking
        .iter()
        .map(|e| match c.lang {
            Lang::En => e.as_str(),
            Lang::Es => element_es(*e),
        })
        .collect();
    Outcome::fired(
        Severity::High,
        tr!(
            c.lang,
            "The compliance plan lacks: {names}.",
            "Al plan de cumplimiento le falta: {names}.",
            names = names.join(", ")
        ),
        vec![Evidence::new(
            "compliance.compliancePlan.elements",
            Value::from_iter(elements.iter().map(|e| e.as_str())),
        )],
    )
}

/// A plan element as a Spanish sentence names it (the English one is the
/// vocabulary word itself).
fn element_es(e: PlanElement) -> &'static str {
    match e {
        PlanElement::Awareness => "programa de concientización",
        PlanElement::Reporting => "proceso para reportar",
        PlanElement::RecruitmentWage => "plan de reclutamiento y salarios",
        PlanElement::Housing => "plan de vivienda",
        PlanElement::SubcontractorMonitoring => "supervisión de subcontratistas y agentes",
    }
}

/// `plan-duties-missing`
pub static PLAN_DUTIES_MISSING: Rule = Rule {
    id: "plan-duties-missing",
    group: Group::A,
    title: Text::new("Compliance plan duties not committed", "El proveedor no se compromete a los deberes del plan de cumplimiento"),
    severities: &[Severity::Medium],
    citations: &[
        "FAR 52.222-50(h)(4)",
        "FAR 52.222-50(h)(5)",
        "FAR 52.222-50(i)(2)",
    ],
    description: Text::new("A compliance plan is part of the bid, but the vendor does not commit to what the clause asks around it: posting the plan at the workplace and on its website ((h)(4)), certifying every year that the plan is carried out ((h)(5)), and, where part of the work is performed or acquired outside the US above the plan threshold, requiring its subcontractors' certifications before their subcontracts are awarded ((i)(2)).", "La oferta incluye un plan de cumplimiento, pero el proveedor no se compromete a lo que la cláusula pide en torno a él: publicar el plan en el lugar de trabajo y en su sitio web ((h)(4)), certificar cada año que el plan se cumple ((h)(5)) y, cuando parte del trabajo se ejecuta o se adquiere fuera de EE. UU. por encima del umbral del plan, exigir las certificaciones de sus subcontratistas antes de adjudicarles sus subcontratos ((i)(2))."),
    action: Text::new("Ask the vendor to commit in writing to each duty named, as a condition of award.", "Pida al proveedor que se comprometa por escrito a cada deber indicado, como condición de la adjudicación."),
    vendor_action: Text::new("Commit in the bid to post your compliance plan at the workplace and on your website, to certify every year that it is carried out, and, where it applies, to obtain your subcontractors' certifications before you award their subcontracts.", "Comprométase en la oferta a publicar su plan de cumplimiento en el lugar de trabajo y en su sitio web, a certificar cada año que se cumple y, cuando corresponda, a obtener las certificaciones de sus subcontratistas antes de adjudicarles sus subcontratos."),
    thresholds: &[],
    check: Some(plan_duties_missing),
};

fn plan_duties_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some(plan) = s
        .compliance
        .compliance_plan
        .as_ref()
        .filter(|p| p.provided == Some(true))
    else {
        return Outcome::NotApplicable;
    };
    // (i)(2) concerns subcontracts for work or supplies outside the US above
    // the plan threshold: asked only where the bid has such a part and
    // subcontractors.
    let threshold = c
        .policy
        .compliance_plan_threshold(c.as_of)
        .map(|t| t.amount);
    let offshore = matches!((s.price.offshore_value, threshold), (Some(v), Some(t)) if v > t);
    let subcontracted = s
        .subcontractors
        .as_ref()
        .is_some_and(|subs| !subs.is_empty());
    let mut duties = vec![
        (
            "compliance.compliancePlan.posted",
            plan.posted,
            const {
                Text::new(
                    "to post the plan at the workplace and on its website ((h)(4))",
                    "a publicar el plan en el lugar de trabajo y en su sitio web ((h)(4))",
                )
            },
        ),
        (
            "compliance.compliancePlan.annualCertification",
            plan.annual_certification,
            const {
                Text::new(
                    "to certify every year that the plan is carried out ((h)(5))",
                    "a certificar cada año que el plan se cumple ((h)(5))",
                )
            },
        ),
    ];
    if offshore && subcontracted {
        duties.push((
            "compliance.compliancePlan.subcontractorCertifications",
            plan.subcontractor_certifications,
            const { Text::new(
                "to require its subcontractors' certifications before award ((i)(2))",
                "a exigir las certificaciones de sus subcontratistas antes de la adjudicación ((i)(2))",
            ) },
        ));
    }
    Outcome::from_commitments(
        c.lang,
        &duties,
        Severity::Medium,
        |what| {
            tr!(
                c.lang,
                "The vendor does not commit {what}.",
                "El proveedor no se compromete {what}.",
                what = what.join(match c.lang {
                    Lang::En => ", nor ",
                    Lang::Es => ", ni ",
                })
            )
        },
        const {
            Text::new(
            "The bid does not say whether the vendor will post its compliance plan, certify it every year and, where it applies, require its subcontractors' certifications; ask.",
            "La oferta no dice si el proveedor publicará su plan de cumplimiento, lo certificará cada año y, cuando corresponda, exigirá las certificaciones de sus subcontratistas; pregunte.",
        )
        },
    )
}

/// `anti-trafficking-policy-missing`
pub static ANTI_TRAFFICKING_POLICY_MISSING: Rule = Rule {
    id: "anti-trafficking-policy-missing",
    group: Group::A,
    title: Text::new("No anti-trafficking policy", "No hay política contra la trata de personas"),
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(c)"],
    description: Text::new("The vendor has no written policy telling its employees what trafficking-related conduct is prohibited and what happens when it occurs.", "El proveedor no tiene una política escrita que diga a su personal qué conductas relacionadas con la trata de personas están prohibidas y qué pasa si ocurren."),
    action: Text::new("Ask for the vendor's written anti-trafficking policy and how it is communicated to employees.", "Pida la política contra la trata de personas del proveedor, por escrito, y cómo la comunica a su personal."),
    vendor_action: Text::new("Adopt a written anti-trafficking policy that tells your employees what conduct is prohibited and what happens if it occurs, and say in the bid that you have it.", "Adopte una política contra la trata de personas por escrito que diga a su personal qué conductas están prohibidas y qué pasa si ocurren, e indique en la oferta que la tiene."),
    thresholds: &[],
    check: Some(anti_trafficking_policy_missing),
};

fn anti_trafficking_policy_missing(c: &Context<'_>) -> Outcome {
    flag_false(
        c.submission.compliance.anti_trafficking_policy,
        "compliance.antiTraffickingPolicy",
        c.lang,
        const {
            Text::new(
                "The vendor states it has no anti-trafficking policy.",
                "El proveedor declara que no tiene una política contra la trata de personas.",
            )
        },
        const {
            Text::new(
            "The bid does not say whether the vendor has an anti-trafficking policy; ask for it.",
            "La oferta no dice si el proveedor tiene una política contra la trata de personas; pídala.",
        )
        },
    )
}

/// `training-missing`
pub static TRAINING_MISSING: Rule = Rule {
    id: "training-missing",
    group: Group::A,
    title: Text::new("No anti-trafficking training", "No hay capacitación contra la trata de personas"),
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(h)(3)(i)"],
    description: Text::new("The vendor does not train its staff on trafficking, the employee awareness program a compliance plan requires.", "El proveedor no capacita a su personal sobre la trata de personas, el programa de concientización que exige un plan de cumplimiento."),
    action: Text::new("Ask how and when staff and supervisors will be trained, and require it as a contract term.", "Pregunte cómo y cuándo se capacitará al personal y a los supervisores, y exíjalo como condición del contrato."),
    vendor_action: Text::new("Train your staff and supervisors on trafficking (the awareness program a compliance plan requires), and say in the bid how and when.", "Capacite a su personal y a sus supervisores sobre la trata de personas (el programa de concientización que exige un plan de cumplimiento), e indique en la oferta cómo y cuándo."),
    thresholds: &[],
    check: Some(training_missing),
};

fn training_missing(c: &Context<'_>) -> Outcome {
    flag_false(
        c.submission.compliance.training,
        "compliance.training",
        c.lang,
        const {
            Text::new(
                "The vendor states it provides no anti-trafficking training.",
                "El proveedor declara que no da capacitación contra la trata de personas.",
            )
        },
        const {
            Text::new(
            "The bid does not say whether staff are trained on trafficking; ask.",
            "La oferta no dice si el personal recibe capacitación sobre la trata de personas; pregunte.",
        )
        },
    )
}

/// Fires medium when `value` is `false`, reports a gap when it is absent.
fn flag_false(
    value: Option<bool>,
    path: &'static str,
    lang: Lang,
    fired: Text,
    gap: Text,
) -> Outcome {
    match value {
        Some(true) => Outcome::Clear,
        Some(false) => Outcome::fired(
            Severity::Medium,
            fired.get(lang).to_owned(),
            vec![Evidence::new(path, false)],
        ),
        None => Outcome::gap(path, gap.get(lang)),
    }
}

/// `grievance-channel-missing`
pub static GRIEVANCE_CHANNEL_MISSING: Rule = Rule {
    id: "grievance-channel-missing",
    group: Group::A,
    title: Text::new("No grievance channel or hotline notice", "No hay mecanismo de quejas ni aviso de la línea directa"),
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(h)(3)(ii)"],
    description: Text::new("Workers have no way to report abuse without retaliation, or the Global Human Trafficking Hotline (1-844-888-FREE, help@befree.org) is not made available to them where they work: the reporting process FAR 52.222-50(h)(3)(ii) describes. (Cal. Civ. Code 52.6 obliges listed venues, such as airports, bus stations and hotels, to post a hotline notice; it binds the venue, not the contractor as such, so it is not cited here.)", "Los trabajadores no tienen cómo reportar abusos sin represalias, o la Global Human Trafficking Hotline (1-844-888-FREE, help@befree.org) no se pone a su alcance donde trabajan: el proceso para reportar que describe FAR 52.222-50(h)(3)(ii). (El Código Civil de California 52.6 obliga a ciertos lugares, como aeropuertos, estaciones de autobuses y hoteles, a publicar un aviso de la línea directa; obliga al lugar, no al contratista como tal, por eso no se cita aquí.)"),
    action: Text::new("Require a grievance process and the hotline made available to every worker (FAR 52.222-50(h)(3)(ii)) as conditions of award.", "Exija un mecanismo de quejas y la línea directa al alcance de cada trabajador (FAR 52.222-50(h)(3)(ii)) como condiciones de la adjudicación."),
    vendor_action: Text::new("Give workers a way to report abuse without retaliation, and post the Global Human Trafficking Hotline (1-844-888-FREE, help@befree.org) where they work; say so in the bid.", "Dé a los trabajadores una forma de reportar abusos sin represalias, y publique el aviso de la línea directa Global Human Trafficking Hotline (1-844-888-FREE, help@befree.org) donde trabajan; indíquelo en la oferta."),
    thresholds: &[],
    check: Some(grievance_channel_missing),
};

fn grievance_channel_missing(c: &Context<'_>) -> Outcome {
    let compliance = &c.submission.compliance;
    let fields = [
        (
            "compliance.grievanceMechanism",
            compliance.grievance_mechanism,
            const { Text::new("no grievance mechanism", "ningún mecanismo de quejas") },
        ),
        (
            "compliance.hotlinePosted",
            compliance.hotline_posted,
            const {
                Text::new(
                    "no posted hotline notice",
                    "ningún aviso publicado de la línea directa",
                )
            },
        ),
    ];
    Outcome::from_commitments(
        c.lang,
        &fields,
        Severity::Medium,
        |what| match c.lang {
            Lang::En => format!("The vendor has {}.", what.join(" and ")),
            Lang::Es => format!("El proveedor no tiene {}.", what.join(" ni ")),
        },
        const {
            Text::new(
            "The bid does not say whether workers have a grievance channel and a posted hotline notice; ask.",
            "La oferta no dice si los trabajadores tienen un mecanismo de quejas y un aviso publicado de la línea directa; pregunte.",
        )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn tip_certification() {
        let r = &TIP_CERTIFICATION_MISSING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"compliance": {"certifications": ["la-sweatfree"]}})
            )),
            Some(Severity::Medium)
        );
        assert!(gap_at(
            &run(r, json!({"compliance": {"certifications": null}})),
            "compliance.certifications"
        ));
        assert_eq!(
            run(
                r,
                json!({"compliance": {"certifications": [" FAR-52.222-50 "]}})
            ),
            Outcome::Clear
        );
    }

    #[test]
    fn compliance_plan_missing_federal_trigger() {
        let r = &COMPLIANCE_PLAN_MISSING;
        let offshore =
            json!({"price": {"offshoreValue": 800000, "total": 900000, "laborCost": 100000}});
        // provided plan but no 52.222-56 certification: fires
        assert_eq!(fired(&run(r, offshore.clone())), Some(Severity::Critical));
        // all COTS: does not apply
        let mut cots = offshore.clone();
        cots["price"]["offshoreCotsOnly"] = json!(true);
        assert_eq!(run(r, cots), Outcome::NotApplicable);
        // certified with a plan: clear
        let mut ok = offshore;
        ok["compliance"] = json!({"certifications": ["far-52.222-50", "far-52.222-56"]});
        assert_eq!(run(r, ok), Outcome::Clear);
        // below the $700,000 threshold in force on 2026-03-02
        assert_eq!(
            run(
                r,
                json!({"price": {"offshoreValue": 650000, "total": 900000}})
            ),
            Outcome::NotApplicable
        );
        // the same value before 2025-10-01 is above the $550,000 threshold
        assert_eq!(
            fired(&run(
                r,
                json!({"submittedOn": "2025-09-30", "price": {"offshoreValue": 650000, "total": 900000}})
            )),
            Some(Severity::Critical)
        );
    }

    #[test]
    fn compliance_plan_missing_local_trigger() {
        let r = &COMPLIANCE_PLAN_MISSING;
        let big = json!({"solicitation": {"estimatedValue": 600000}, "compliance": {"compliancePlan": {"provided": false}}});
        assert_eq!(fired(&run(r, big.clone())), Some(Severity::Critical));
        let mut office = big.clone();
        office["solicitation"]["sector"] = json!("professional-services");
        assert_eq!(run(r, office), Outcome::NotApplicable);
        let mut unknown = big;
        unknown["compliance"]["compliancePlan"] = json!(null);
        assert!(gap_at(
            &run(r, unknown),
            "compliance.compliancePlan.provided"
        ));
        assert!(gap_at(
            &run(r, json!({"price": {"offshoreValue": null}})),
            "price.offshoreValue"
        ));
    }

    /// Amounts in another currency are never compared with the policy's
    /// USD thresholds as if they were dollars: a gap names both currencies,
    /// unless the policy gives an exchange rate.
    #[test]
    fn thresholds_are_not_compared_across_currencies() {
        let r = &COMPLIANCE_PLAN_MISSING;
        let eur = json!({"solicitation": {"currency": "EUR", "estimatedValue": 300000},
                         "price": {"offshoreValue": 800000, "total": 900000, "laborCost": 100000}});
        let out = run(r, eur.clone());
        assert!(gap_at(&out, "solicitation.currency"), "{out:?}");
        if let Outcome::Gap { message, .. } = &out {
            assert!(
                message.contains("in EUR") && message.contains("in USD"),
                "{message}"
            );
        }
        let mut policy = crate::rules::testing::policy().clone();
        policy.exchange_rates.push(crate::policy::ExchangeRate {
            currency: "EUR".to_owned(),
            rate: 1.1,
            effective: crate::date::Date::from_ymd(2026, 1, 1).unwrap(),
            source: "test".to_owned(),
            provenance: Default::default(),
        });
        let s = crate::rules::testing::bid(eur);
        let ctx = Context::new(
            &s,
            &policy,
            s.submitted_on.unwrap(),
            crate::rules::testing::loaded().goods(),
            &[],
        );
        match compliance_plan_missing(&ctx) {
            Outcome::Fired(hit) => assert!(
                hit.message.starts_with("\u{20ac}800,000 of the contract is performed or acquired outside the US, above the $700,000 threshold"),
                "{}",
                hit.message
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn compliance_plan_incomplete() {
        let r = &COMPLIANCE_PLAN_INCOMPLETE;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let partial = json!({"compliance": {"compliancePlan": {"provided": true, "elements": ["awareness"]}}});
        assert_eq!(fired(&run(r, partial)), Some(Severity::High));
        let housing = json!({"workforce": {"housingProvided": true}});
        assert_eq!(fired(&run(r, housing)), Some(Severity::High));
        let no_plan = json!({"compliance": {"compliancePlan": {"provided": false}}});
        assert_eq!(run(r, no_plan), Outcome::NotApplicable);
        let unlisted = json!({"compliance": {"compliancePlan": {"elements": null}}});
        assert!(gap_at(
            &run(r, unlisted),
            "compliance.compliancePlan.elements"
        ));
    }

    #[test]
    fn plan_duties() {
        let r = &PLAN_DUTIES_MISSING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let no_plan =
            json!({"compliance": {"compliancePlan": {"provided": false, "posted": false}}});
        assert_eq!(run(r, no_plan), Outcome::NotApplicable);
        let unposted = json!({"compliance": {"compliancePlan": {"posted": false, "annualCertification": false}}});
        let out = run(r, unposted);
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message.contains("((h)(4))") && hit.message.contains("((h)(5))"),
                "{}",
                hit.message
            );
            assert_eq!(hit.evidence.len(), 2);
        }
        assert!(gap_at(
            &run(
                r,
                json!({"compliance": {"compliancePlan": {"annualCertification": null}}})
            ),
            "compliance.compliancePlan.annualCertification"
        ));
        // Subcontractor certifications matter only for offshore work above the threshold.
        let domestic =
            json!({"compliance": {"compliancePlan": {"subcontractorCertifications": false}}});
        assert_eq!(run(r, domestic), Outcome::Clear);
        let offshore = json!({"price": {"offshoreValue": 800000, "total": 900000, "laborCost": 100000},
                              "compliance": {"compliancePlan": {"subcontractorCertifications": false}}});
        assert_eq!(fired(&run(r, offshore)), Some(Severity::Medium));
    }

    #[test]
    fn policy_training_grievance() {
        for (rule, key) in [
            (&ANTI_TRAFFICKING_POLICY_MISSING, "antiTraffickingPolicy"),
            (&TRAINING_MISSING, "training"),
            (&GRIEVANCE_CHANNEL_MISSING, "hotlinePosted"),
            (&GRIEVANCE_CHANNEL_MISSING, "grievanceMechanism"),
        ] {
            assert_eq!(run(rule, json!({})), Outcome::Clear, "{key}");
            assert_eq!(
                fired(&run(rule, json!({"compliance": {key: false}}))),
                Some(Severity::Medium),
                "{key}"
            );
            assert!(
                gap_at(
                    &run(rule, json!({"compliance": {key: null}})),
                    &format!("compliance.{key}")
                ),
                "{key}"
            );
        }
    }
}
