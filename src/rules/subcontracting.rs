//! Group D: subcontracting, labor supply and context. Trafficking hides in
//! deep chains, labor brokers, misclassified and temporary labor, and in
//! rushed work before major events.

use super::{percent, quoted, Context, Group, Outcome, Rule, Text};
use crate::assessment::Evidence;
use crate::model::{ProcurementMethod, Sector, Severity, Subcontractor};
use crate::policy::{ThresholdSpec, ANY, SHARE};
use crate::text::{tr, Lang};
use serde_json::Value;
use std::borrow::Cow;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &SUBCONTRACTING_OPAQUE,
    &FLOW_DOWN_MISSING,
    &LABOR_BROKER,
    &MISCLASSIFICATION_RISK,
    &TEMPORARY_SURGE,
    &EVENT_WINDOW,
    &RUSHED_PROCUREMENT,
    &HIGH_RISK_SECTOR,
    &NEW_VENDOR,
    &PREVAILING_WAGE_REGISTRATION_MISSING,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "subcontracting-opaque",
        r#"{"subcontractors": null}"#,
        "subcontractors",
    ),
    (
        "flow-down-missing",
        r#"{"subcontractors": null}"#,
        "subcontractors",
    ),
    (
        "labor-broker",
        r#"{"vendor": {"laborBroker": null}}"#,
        "vendor.laborBroker",
    ),
    (
        "misclassification-risk",
        r#"{"workforce": {"independentContractorShare": null}}"#,
        "workforce.independentContractorShare",
    ),
    (
        "temporary-surge",
        r#"{"workforce": {"temporaryShare": null}}"#,
        "workforce.temporaryShare",
    ),
    (
        "event-window",
        r#"{"solicitation": {"performancePeriod": null}}"#,
        "solicitation.performancePeriod",
    ),
    (
        "rushed-procurement",
        r#"{"solicitation": {"tenderPeriod": null}}"#,
        "solicitation.tenderPeriod",
    ),
    (
        "high-risk-sector",
        r#"{"solicitation": {"sector": null}}"#,
        "solicitation.sector",
    ),
    (
        "new-vendor",
        r#"{"vendor": {"incorporatedOn": null}}"#,
        "vendor.incorporatedOn",
    ),
    (
        "prevailing-wage-registration-missing",
        r#"{"solicitation": {"publicWork": null}}"#,
        "solicitation.publicWork",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &[];

/// `thresholds.maxSubcontractingTier` of the policy, read by `subcontracting-opaque`.
pub static MAX_SUBCONTRACTING_TIER: ThresholdSpec =
    ThresholdSpec::required("maxSubcontractingTier", 100.0);
/// `thresholds.subcontractedShare` of the policy, read by `subcontracting-opaque`.
pub static SUBCONTRACTED_SHARE: ThresholdSpec =
    ThresholdSpec::required("subcontractedShare", SHARE);

/// `subcontracting-opaque`
pub static SUBCONTRACTING_OPAQUE: Rule = Rule {
    id: "subcontracting-opaque",
    group: Group::D,
    title: Text::new("Deep or opaque subcontracting", "Subcontratación profunda o poco transparente"),
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(h)(3)(v)", "EU Directive 2014/24 art. 71"],
    description: Text::new("The chain goes deeper than the policy's tier limit, more than the policy's share of a labor-intensive contract is subcontracted, or a subcontractor is not named. Each layer makes wages and recruitment harder to see.", "La cadena tiene más niveles que el límite de la política de evaluación, se subcontrata más de la parte que permite la política de evaluación en un contrato de mano de obra intensiva, o un subcontratista no tiene nombre. Cada nivel hace más difícil ver los salarios y el reclutamiento."),
    action: Text::new("Ask for the full list of subcontractors at every tier with names, shares and the work each performs, and require notice of any change.", "Pida la lista completa de subcontratistas en cada nivel, con nombres, porcentajes y el trabajo que hace cada uno, y exija aviso de cualquier cambio."),
    vendor_action: Text::new("Name every subcontractor at every tier with its share of the value and its work, keep the chain within the city's tier limit and subcontracted share, and commit to report any change.", "Indique el nombre de cada subcontratista en cada nivel, con su parte del valor y su trabajo, mantenga la cadena dentro del límite de niveles y de la parte subcontratada que fija la ciudad, y comprométase a informar cualquier cambio."),
    thresholds: &[&MAX_SUBCONTRACTING_TIER, &SUBCONTRACTED_SHARE],
    check: Some(subcontracting_opaque),
};

fn subcontractors<'a>(c: &Context<'a>) -> Result<&'a [Subcontractor], Outcome> {
    match &c.submission.subcontractors {
        Some(list) => Ok(list),
        None => Err(Outcome::gap(
            "subcontractors",
            tr!(
                c.lang,
                "The bid does not say whether subcontractors will be used; ask for the list.",
                "La oferta no dice si se usarán subcontratistas; pida la lista."
            ),
        )),
    }
}

fn subcontracting_opaque(c: &Context<'_>) -> Outcome {
    let subs = match subcontractors(c) {
        Ok(s) => s,
        Err(gap) => return gap,
    };
    let Some(max_tier) = c.threshold(&MAX_SUBCONTRACTING_TIER) else {
        return c.no_threshold(&MAX_SUBCONTRACTING_TIER);
    };
    let mut problems = Vec::new();
    let mut evidence = Vec::new();
    for (i, sub) in subs.iter().enumerate() {
        if let Some(tier) = sub.tier.filter(|t| f64::from(*t) > max_tier) {
            let name = quoted(sub.name.as_deref(), unnamed_sub(c.lang));
            problems.push(tr!(
                c.lang,
                "{name} is at tier {tier}",
                "{name} está en el nivel {tier}"
            ));
            evidence.push(Evidence::new(format!("subcontractors[{i}].tier"), tier));
        }
        if sub.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            let share = sub
                .share_of_value
                .map(|s| {
                    let s = percent(s);
                    tr!(c.lang, " ({s} of the value)", " ({s} del valor)")
                })
                .unwrap_or_default();
            let n = i + 1;
            problems.push(tr!(
                c.lang,
                "subcontractor {n}{share} is not named",
                "el subcontratista {n}{share} no tiene nombre"
            ));
            evidence.push(Evidence::new(
                format!("subcontractors[{i}].name"),
                Value::from(sub.name.clone()),
            ));
        }
    }
    let share: f64 = subs.iter().filter_map(|s| s.share_of_value).sum();
    let Some(limit) = c.threshold(&SUBCONTRACTED_SHARE) else {
        return c.no_threshold(&SUBCONTRACTED_SHARE);
    };
    if c.high_risk_sector() == Some(true) && share > limit {
        problems.push(tr!(
            c.lang,
            "{share} of the value of a labor-intensive contract is subcontracted (limit {limit})",
            "se subcontrata el {share} del valor de un contrato de mano de obra intensiva (límite {limit})",
            share = percent(share),
            limit = percent(limit)
        ));
        evidence.push(Evidence::new(
            "subcontractors[].shareOfValue",
            round4(share),
        ));
    }
    if problems.is_empty() {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        tr!(
            c.lang,
            "The subcontracting chain is hard to see into: {problems}.",
            "Es difícil ver dentro de la cadena de subcontratación: {problems}.",
            problems = problems.join("; ")
        ),
        evidence,
    )
}

/// Rounds a sum of shares so float noise (0.30000000000000004) stays out of evidence.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// `flow-down-missing`
pub static FLOW_DOWN_MISSING: Rule = Rule {
    id: "flow-down-missing",
    group: Group::D,
    title: Text::new("Anti-trafficking clause not flowed down", "La cláusula contra la trata de personas no se traslada a los subcontratos"),
    severities: &[Severity::High],
    citations: &["FAR 52.222-50(i)(1)"],
    description: Text::new("A subcontractor is not bound by the anti-trafficking clause. The clause must be flowed down to every subcontract and agent agreement, at every tier.", "Un subcontratista no está obligado por la cláusula contra la trata de personas. La cláusula debe incluirse en cada subcontrato y acuerdo con agentes, en todos los niveles."),
    action: Text::new("Require the clause in every subcontract and ask for copies of the flow-down language.", "Exija la cláusula en cada subcontrato y pida copias del texto incluido."),
    vendor_action: Text::new("Put the anti-trafficking clause (FAR 52.222-50) in every subcontract and agent agreement, at every tier, and say so for each subcontractor in the bid.", "Incluya la cláusula contra la trata de personas (FAR 52.222-50) en cada subcontrato y acuerdo con agentes, en todos los niveles, e indíquelo en la oferta para cada subcontratista."),
    thresholds: &[],
    check: Some(flow_down_missing),
};

fn flow_down_missing(c: &Context<'_>) -> Outcome {
    let subs = match subcontractors(c) {
        Ok(s) => s,
        Err(gap) => return gap,
    };
    if subs.is_empty() {
        return Outcome::NotApplicable;
    }
    let missing: Vec<(usize, &Subcontractor)> = subs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.flow_down == Some(false))
        .collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|(_, s)| quoted(s.name.as_deref(), unnamed_sub(c.lang)))
            .collect();
        return Outcome::fired(
            Severity::High,
            tr!(
                c.lang,
                "The anti-trafficking clause is not flowed down to {names}.",
                "La cláusula contra la trata de personas no se traslada a {names}.",
                names = names.join(", ")
            ),
            missing
                .iter()
                .map(|(i, _)| Evidence::new(format!("subcontractors[{i}].flowDown"), false))
                .collect(),
        );
    }
    let unknown: Vec<Cow<'static, str>> = subs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.flow_down.is_none())
        .map(|(i, _)| Cow::Owned(format!("subcontractors[{i}].flowDown")))
        .collect();
    if unknown.is_empty() {
        Outcome::Clear
    } else {
        Outcome::Gap {
            paths: unknown.into(),
            message: tr!(
                c.lang,
                "The bid does not say whether the clause is flowed down to every subcontractor; ask.",
                "La oferta no dice si la cláusula se traslada a cada subcontratista; pregunte."
            )
            .into(),
        }
    }
}

/// `labor-broker`
pub static LABOR_BROKER: Rule = Rule {
    id: "labor-broker",
    group: Group::D,
    title: Text::new("Labor broker in the subcontracting chain", "Intermediario laboral en la cadena de subcontratación"),
    severities: &[Severity::Medium],
    citations: &["FAR 52.222-50(h)(3)(v)", "Polaris typology of modern slavery (construction, hospitality)"],
    description: Text::new("The vendor or a subcontractor supplies labor as a broker or staffing agency. Brokers are where recruitment fees, debt and document retention most often arise.", "El proveedor o un subcontratista suministra mano de obra como intermediario laboral o agencia de personal. Es en los intermediarios laborales donde más a menudo surgen las cuotas de reclutamiento, las deudas y la retención de documentos."),
    action: Text::new("Ask for the broker's license and its recruitment-fee policy, and who pays workers.", "Pida la licencia del intermediario laboral y su política sobre cuotas de reclutamiento, y pregunte quién paga a los trabajadores."),
    vendor_action: Text::new("Say which labor brokers or staffing agencies supply workers, with their licenses and their recruitment-fee policy, and who pays the workers.", "Indique qué intermediarios laborales o agencias de personal suministran trabajadores, con sus licencias y su política sobre cuotas de reclutamiento, y quién paga a los trabajadores."),
    thresholds: &[],
    check: Some(labor_broker),
};

fn labor_broker(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let mut who = Vec::new();
    let mut evidence = Vec::new();
    if s.vendor.labor_broker == Some(true) {
        let name = s.vendor.name.trim();
        who.push(tr!(
            c.lang,
            "the vendor '{name}' itself",
            "el propio proveedor '{name}'"
        ));
        evidence.push(Evidence::new("vendor.laborBroker", true));
    }
    for (i, sub) in s.subcontractors.iter().flatten().enumerate() {
        if sub.labor_broker == Some(true) {
            let tier = sub
                .tier
                .map(|t| tr!(c.lang, "tier {t}", "nivel {t}"))
                .unwrap_or_else(|| tr!(c.lang, "tier unknown", "nivel desconocido"));
            let share = sub
                .share_of_value
                .map(|v| {
                    let v = percent(v);
                    tr!(c.lang, ", {v} of value", ", {v} del valor")
                })
                .unwrap_or_default();
            let name = quoted(sub.name.as_deref(), unnamed_paren(c.lang));
            who.push(tr!(
                c.lang,
                "subcontractor {name} ({tier}{share})",
                "el subcontratista {name} ({tier}{share})"
            ));
            evidence.push(Evidence::new(
                format!("subcontractors[{i}].laborBroker"),
                true,
            ));
        }
    }
    if !who.is_empty() {
        return Outcome::fired(
            Severity::Medium,
            tr!(
                c.lang,
                "Labor is supplied by a broker or staffing agency: {who}.",
                "La mano de obra la suministra un intermediario laboral o una agencia de personal: {who}.",
                who = who.join("; ")
            ),
            evidence,
        );
    }
    let mut unknown = Vec::new();
    if s.vendor.labor_broker.is_none() {
        unknown.push(Cow::Borrowed("vendor.laborBroker"));
    }
    match &s.subcontractors {
        None => unknown.push(Cow::Borrowed("subcontractors")),
        Some(subs) => unknown.extend(
            subs.iter()
                .enumerate()
                .filter(|(_, s)| s.labor_broker.is_none())
                .map(|(i, _)| Cow::Owned(format!("subcontractors[{i}].laborBroker"))),
        ),
    }
    if unknown.is_empty() {
        Outcome::Clear
    } else {
        Outcome::Gap {
            paths: unknown.into(),
            message: tr!(
                c.lang,
                "The bid does not say whether the vendor or its subcontractors supply labor as brokers; ask.",
                "La oferta no dice si el proveedor o sus subcontratistas suministran mano de obra como intermediarios laborales; pregunte."
            )
            .into(),
        }
    }
}

/// `thresholds.independentContractorShare` of the policy, read by `misclassification-risk`.
pub static INDEPENDENT_CONTRACTOR_SHARE: ThresholdSpec =
    ThresholdSpec::required("independentContractorShare", SHARE);

/// `misclassification-risk`
pub static MISCLASSIFICATION_RISK: Rule = Rule {
    id: "misclassification-risk",
    group: Group::D,
    title: Text::new("Many workers engaged as independent contractors", "Muchos trabajadores contratados como contratistas independientes"),
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2775 (ABC test)"],
    description: Text::new("More than the policy's share of the workforce in a labor-intensive sector is engaged as independent contractors. Under California's ABC test such workers are usually employees, and misclassification strips wage and hour protections.", "Más de la parte del personal que permite la política de evaluación en un sector de mano de obra intensiva está contratado como contratistas independientes. Según la prueba ABC de California, esos trabajadores suelen ser empleados, y la clasificación errónea les quita las protecciones de salario y horario."),
    action: Text::new("Ask how each contractor meets the ABC test; require employee status where the work is the vendor's usual business.", "Pregunte cómo cada contratista cumple la prueba ABC; exija la condición de empleado cuando el trabajo es el negocio habitual del proveedor."),
    vendor_action: Text::new("Engage as employees the workers who do your usual business (California's ABC test), and give the share of independent contractors in the bid.", "Contrate como empleados a los trabajadores que hacen el negocio habitual de su empresa (prueba ABC de California), e indique en la oferta la parte de contratistas independientes."),
    thresholds: &[&INDEPENDENT_CONTRACTOR_SHARE],
    check: Some(misclassification_risk),
};

fn misclassification_risk(c: &Context<'_>) -> Outcome {
    match c.high_risk_sector() {
        Some(false) => return Outcome::NotApplicable,
        None => return no_sector(c.lang),
        Some(true) => {}
    }
    let Some(share) = c.submission.workforce.independent_contractor_share else {
        return Outcome::gap(
            "workforce.independentContractorShare",
            tr!(
                c.lang,
                "The bid does not say what share of workers are independent contractors; ask.",
                "La oferta no dice qué parte de los trabajadores son contratistas independientes; pregunte."
            ),
        );
    };
    let Some(limit) = c.threshold(&INDEPENDENT_CONTRACTOR_SHARE) else {
        return c.no_threshold(&INDEPENDENT_CONTRACTOR_SHARE);
    };
    if share <= limit {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        tr!(
            c.lang,
            "{share} of the workforce are independent contractors in a labor-intensive sector (limit {limit}).",
            "El {share} del personal son contratistas independientes en un sector de mano de obra intensiva (límite {limit}).",
            share = percent(share),
            limit = percent(limit)
        ),
        vec![Evidence::new("workforce.independentContractorShare", share)],
    )
}

/// `thresholds.peakHeadcountRatio` of the policy, read by `temporary-surge`.
pub static PEAK_HEADCOUNT_RATIO: ThresholdSpec =
    ThresholdSpec::required("peakHeadcountRatio", 1000.0);
/// `thresholds.temporaryShare` of the policy, read by `temporary-surge`.
pub static TEMPORARY_SHARE: ThresholdSpec = ThresholdSpec::required("temporaryShare", SHARE);

/// `temporary-surge`
pub static TEMPORARY_SURGE: Rule = Rule {
    id: "temporary-surge",
    group: Group::D,
    title: Text::new("Labor surge or mostly temporary workforce", "Aumento repentino de personal o personal mayormente temporal"),
    severities: &[Severity::Medium],
    citations: &["Verite Responsible Sourcing Tool: labor surges"],
    description: Text::new("Peak headcount is well above the usual headcount, or most workers are temporary. Sudden hiring is where unvetted recruiters and brokers come in.", "El número máximo de trabajadores está muy por encima del habitual, o la mayoría de los trabajadores son temporales. Las contrataciones repentinas son la puerta de entrada de reclutadores e intermediarios laborales no verificados."),
    action: Text::new("Ask where surge workers will come from, through which agencies, and on what terms.", "Pregunte de dónde vendrán los trabajadores adicionales, por medio de qué agencias y en qué condiciones."),
    vendor_action: Text::new("Give your usual and peak headcount and the share of temporary workers, and say where surge workers will come from, through which agencies and on what terms.", "Indique su número habitual y máximo de trabajadores y la parte de trabajadores temporales, y diga de dónde vendrán los trabajadores adicionales, por medio de qué agencias y en qué condiciones."),
    thresholds: &[&PEAK_HEADCOUNT_RATIO, &TEMPORARY_SHARE],
    check: Some(temporary_surge),
};

fn temporary_surge(c: &Context<'_>) -> Outcome {
    let w = &c.submission.workforce;
    let Some(ratio) = c.threshold(&PEAK_HEADCOUNT_RATIO) else {
        return c.no_threshold(&PEAK_HEADCOUNT_RATIO);
    };
    let Some(temporary) = c.threshold(&TEMPORARY_SHARE) else {
        return c.no_threshold(&TEMPORARY_SHARE);
    };
    let mut what = Vec::new();
    let mut evidence = Vec::new();
    if let (Some(base), Some(peak)) = (w.headcount, w.peak_headcount) {
        if f64::from(peak) > ratio * f64::from(base) {
            let ratio = super::number(ratio);
            let (peak, base) = (
                super::grouped(f64::from(peak)),
                super::grouped(f64::from(base)),
            );
            what.push(tr!(
                c.lang,
                "peak headcount {peak} is more than {ratio} times the usual {base}",
                "el máximo de {peak} trabajadores es más de {ratio} veces los {base} habituales"
            ));
            evidence.push(Evidence::new("workforce.peakHeadcount", peak));
            evidence.push(Evidence::new("workforce.headcount", base));
        }
    }
    if let Some(share) = w.temporary_share.filter(|s| *s > temporary) {
        let share = percent(share);
        what.push(tr!(
            c.lang,
            "{share} of workers are temporary",
            "el {share} de los trabajadores son temporales"
        ));
        evidence.push(Evidence::new("workforce.temporaryShare", share));
    }
    if !what.is_empty() {
        return Outcome::fired(
            Severity::Medium,
            tr!(
                c.lang,
                "Labor surge: {what}.",
                "Aumento repentino de personal: {what}.",
                what = what.join("; ")
            ),
            evidence,
        );
    }
    let mut unknown = Vec::new();
    if w.headcount.is_none() || w.peak_headcount.is_none() {
        unknown.push(Cow::Borrowed("workforce.peakHeadcount"));
    }
    if w.temporary_share.is_none() {
        unknown.push(Cow::Borrowed("workforce.temporaryShare"));
    }
    if unknown.is_empty() {
        Outcome::Clear
    } else {
        Outcome::Gap {
            paths: unknown.into(),
            message: tr!(
                c.lang,
                "The bid does not give the usual and peak headcount and the share of temporary workers; ask.",
                "La oferta no indica el número habitual y máximo de trabajadores ni la parte de trabajadores temporales; pregunte."
            )
            .into(),
        }
    }
}

/// `event-window`
pub static EVENT_WINDOW: Rule = Rule {
    id: "event-window",
    group: Group::D,
    title: Text::new("Work during a major-event window", "Trabajo durante el periodo de un gran evento"),
    severities: &[Severity::Medium],
    citations: &["LA28 / FIFA World Cup 2026 anti-trafficking recommendations"],
    description: Text::new("The work is in a high-risk sector and overlaps a major event (FIFA World Cup 2026, LA28 Olympic and Paralympic Games) or its build-up, when rushed hiring and temporary labor raise trafficking risk.", "El trabajo está en un sector de alto riesgo y coincide con un gran evento (Copa Mundial de la FIFA 2026, Juegos Olímpicos y Paralímpicos LA28) o su preparación, cuando la contratación apresurada y el trabajo temporal aumentan el riesgo de trata de personas."),
    action: Text::new("Confirm the surge staffing plan, recruiter list and on-site hotline notices; schedule a mid-contract check during the event.", "Confirme el plan de personal para el aumento de trabajo, la lista de reclutadores y los avisos de la línea directa en el lugar; programe una revisión a mitad del contrato durante el evento."),
    vendor_action: Text::new("Work during a major event draws closer checks: have a staffing plan for the surge, a list of recruiters and hotline notices on site, and be ready for a mid-contract check.", "El trabajo durante un gran evento recibe más revisiones: tenga un plan de personal para el aumento de trabajo, una lista de reclutadores y avisos de la línea directa en el lugar, y prepárese para una revisión a mitad del contrato."),
    thresholds: &[],
    check: Some(event_window),
};

fn event_window(c: &Context<'_>) -> Outcome {
    match c.high_risk_sector() {
        Some(false) => return Outcome::NotApplicable,
        None => return no_sector(c.lang),
        Some(true) => {}
    }
    let period = c.submission.solicitation.performance_period.as_ref();
    let (Some(start), Some(end), Some(overlapping)) = (
        period.and_then(|p| p.start),
        period.and_then(|p| p.end),
        event_windows_overlapped(c),
    ) else {
        return Outcome::gap(
            "solicitation.performancePeriod",
            tr!(
                c.lang,
                "The solicitation gives no performance period; the event windows cannot be checked.",
                "La convocatoria no indica el periodo de ejecución; no se pueden revisar los periodos de los eventos."
            ),
        );
    };
    if overlapping.is_empty() {
        return Outcome::Clear;
    }
    // Built by hand, not with format!: this fires on every bid for work
    // during the events, and OCDS screening runs it for every bid read.
    let message = tr!(
        c.lang,
        "The performance period {start} to {end} overlaps {events} or its build-up.",
        "El periodo de ejecución del {start} al {end} coincide con {events} o su preparación.",
        start = c.date(start),
        end = c.date(end),
        events = overlapping.join(", ")
    );
    Outcome::fired(
        Severity::Medium,
        message,
        vec![
            Evidence::new("solicitation.performancePeriod.start", start.iso()),
            Evidence::new("solicitation.performancePeriod.end", end.iso()),
        ],
    )
}

/// `rushed-procurement`
pub static RUSHED_PROCUREMENT: Rule = Rule {
    id: "rushed-procurement",
    group: Group::D,
    title: Text::new("Rushed procurement", "Contratación apresurada"),
    severities: &[Severity::Medium],
    citations: &[
        "Open Contracting Partnership red flag: short submission period (Cardinal R003)",
        "LA28 / FIFA World Cup 2026 anti-trafficking recommendations",
    ],
    description: Text::new("The tender period was shorter than the policy's minimum for the procurement method, or the contract is a direct or limited award in a high-risk sector for work during a major-event window. Rushed contracting before the World Cup and LA28 leaves little time to check subcontracting chains and recruiters, and favors vendors that cut corners on labor.", "El plazo para presentar ofertas fue más corto que el mínimo de la política de evaluación para el método de contratación, o el contrato es una adjudicación directa o limitada en un sector de alto riesgo para trabajo durante el periodo de un gran evento. Contratar con prisa antes de la Copa Mundial y LA28 deja poco tiempo para revisar las cadenas de subcontratación y los reclutadores, y favorece a los proveedores que ahorran a costa de los trabajadores."),
    action: Text::new("Before award, take the time the short period did not: check the subcontractor list, recruiters and wage rates, and ask for the vendor's staffing plan in writing.", "Antes de la adjudicación, tómese el tiempo que el plazo corto no dio: revise la lista de subcontratistas, los reclutadores y los salarios, y pida por escrito el plan de personal del proveedor."),
    vendor_action: Text::new("A short tender period means the city will check more before award: have your subcontractor list, recruiters, wage rates and staffing plan ready in writing.", "Un plazo corto para presentar ofertas significa que la ciudad revisará más antes de la adjudicación: tenga por escrito su lista de subcontratistas, reclutadores, salarios y plan de personal."),
    thresholds: &[],
    check: Some(rushed_procurement),
};

fn rushed_procurement(c: &Context<'_>) -> Outcome {
    let sol = &c.submission.solicitation;
    let Some(method) = sol.procurement_method else {
        return Outcome::gap(
            "solicitation.procurementMethod",
            tr!(
                c.lang,
                "The solicitation does not say how it is procured; the tender period cannot be judged.",
                "La convocatoria no dice cómo se contrata; no se puede juzgar el plazo para presentar ofertas."
            ),
        );
    };
    let mut reasons = Vec::new();
    let mut evidence = Vec::new();
    let mut missing = Vec::new();

    // A tender period shorter than the policy's minimum for the method.
    let minimum = c
        .policy
        .tender_periods
        .iter()
        .filter(|t| t.method == method && t.effective <= c.as_of)
        .max_by_key(|t| t.effective);
    if let Some(minimum) = minimum {
        let period = sol.tender_period.as_ref();
        match (period.and_then(|p| p.start), period.and_then(|p| p.end)) {
            (Some(start), Some(end)) => {
                let days = i64::from(end.days()) - i64::from(start.days());
                if days < i64::from(minimum.days) {
                    reasons.push(tr!(
                        c.lang,
                        "the tender period of this {method} procedure ran {days} days ({start} to {end}), under the policy's minimum of {minimum}",
                        "el plazo para presentar ofertas de este procedimiento {method} duró {days} días (del {start} al {end}), menos que el mínimo de la política de evaluación, {minimum}",
                        method = method.word(c.lang),
                        start = c.date(start),
                        end = c.date(end),
                        minimum = minimum.days
                    ));
                    evidence.push(Evidence::new(
                        "solicitation.tenderPeriod.start",
                        start.iso(),
                    ));
                    evidence.push(Evidence::new("solicitation.tenderPeriod.end", end.iso()));
                }
            }
            _ => missing.push("solicitation.tenderPeriod"),
        }
    }

    // A direct or limited award in a high-risk sector during an event window.
    if matches!(
        method,
        ProcurementMethod::Direct | ProcurementMethod::Limited
    ) {
        match (c.high_risk_sector(), event_windows_overlapped(c)) {
            (Some(true), Some(windows)) if !windows.is_empty() => {
                reasons.push(match c.lang {
                    Lang::En => format!(
                        "it is a {method} award in a high-risk sector for work during {}",
                        windows.join(", ")
                    ),
                    Lang::Es => format!(
                        "es una adjudicación {} en un sector de alto riesgo para trabajo durante {}",
                        if method == ProcurementMethod::Direct {
                            "directa"
                        } else {
                            "limitada"
                        },
                        windows.join(", ")
                    ),
                });
                evidence.push(Evidence::new(
                    "solicitation.procurementMethod",
                    method.as_str(),
                ));
            }
            (None, _) => missing.push("solicitation.sector"),
            (Some(true), None) => missing.push("solicitation.performancePeriod"),
            _ => {}
        }
    }

    if !reasons.is_empty() {
        let message = match c.lang {
            Lang::En => format!("Rushed procurement: {}.", reasons.join("; and ")),
            Lang::Es => format!("Contratación apresurada: {}.", reasons.join("; y ")),
        };
        return Outcome::fired(Severity::Medium, message, evidence);
    }
    if !missing.is_empty() {
        return Outcome::Gap {
            paths: missing.into_iter().map(Cow::Borrowed).collect::<Vec<_>>().into(),
            message: tr!(
                c.lang,
                "The solicitation's tender period, sector or performance period is not given; ask the buyer.",
                "No se indica el plazo para presentar ofertas, el sector ni el periodo de ejecución de la convocatoria; pregunte al comprador."
            )
            .into(),
        };
    }
    if minimum.is_none()
        && !matches!(
            method,
            ProcurementMethod::Direct | ProcurementMethod::Limited
        )
    {
        return Outcome::NotApplicable;
    }
    Outcome::Clear
}

/// The event windows (with their build-up) that the performance period
/// overlaps; `None` when the period is not given.
fn event_windows_overlapped<'p>(c: &Context<'p>) -> Option<Vec<&'p str>> {
    let period = c.submission.solicitation.performance_period.as_ref()?;
    let (start, end) = (period.start?, period.end?);
    Some(
        c.policy
            .event_windows
            .iter()
            .filter(|w| {
                let window_start = w
                    .start
                    .add_days(-i32::try_from(w.build_up_days).unwrap_or(i32::MAX));
                start <= w.end && end >= window_start
            })
            .map(|w| c.policy.say(&w.name, c.lang))
            .collect(),
    )
}

/// `high-risk-sector`
pub static HIGH_RISK_SECTOR: Rule = Rule {
    id: "high-risk-sector",
    group: Group::D,
    title: Text::new("High-risk sector", "Sector de alto riesgo"),
    severities: &[Severity::Low],
    citations: &["Polaris typology of modern slavery", "Verite Responsible Sourcing Tool"],
    description: Text::new("The work is in a labor-intensive sector where labor trafficking is most often found (construction, janitorial, landscaping, hospitality, event staffing, food service, security, apparel, laundry, agriculture, warehousing).", "El trabajo está en un sector de mano de obra intensiva donde más a menudo se encuentra la trata laboral (construcción, limpieza, jardinería, hotelería, personal para eventos, servicio de comidas, seguridad, confección de ropa, lavandería, agricultura, almacenes)."),
    action: Text::new("Apply the sector's usual checks: wage rates, recruiters, subcontractors and worker-facing notices.", "Aplique las revisiones habituales del sector: salarios, reclutadores, subcontratistas y avisos para los trabajadores."),
    vendor_action: Text::new("Work in this sector draws the sector's usual checks: give your wage rates, recruiters, subcontractors and the notices workers will see.", "El trabajo en este sector recibe las revisiones habituales del sector: indique sus salarios, reclutadores, subcontratistas y los avisos que verán los trabajadores."),
    thresholds: &[],
    check: Some(high_risk_sector),
};

fn high_risk_sector(c: &Context<'_>) -> Outcome {
    let Some(sector) = c.sector() else {
        return no_sector(c.lang);
    };
    if !c.policy.is_high_risk(sector) {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Low,
        match c.lang {
            Lang::En => format!(
                "The work is in the {} sector, one where labor trafficking is most often found.",
                sector.word(Lang::En)
            ),
            Lang::Es => format!(
                "El trabajo es del sector de {}, uno donde más a menudo se encuentra la trata laboral.",
                sector.word(Lang::Es)
            ),
        },
        vec![Evidence::new("solicitation.sector", sector.as_str())],
    )
}

/// The gap of a rule that needs the solicitation's sector.
fn no_sector(lang: Lang) -> Outcome {
    Outcome::gap(
        "solicitation.sector",
        tr!(
            lang,
            "The solicitation gives no sector.",
            "La convocatoria no indica el sector."
        ),
    )
}

/// "an unnamed subcontractor" in a sentence.
fn unnamed_sub(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "an unnamed subcontractor",
        Lang::Es => "un subcontratista sin nombre",
    }
}

/// "(unnamed)" after "subcontractor".
fn unnamed_paren(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(unnamed)",
        Lang::Es => "(sin nombre)",
    }
}

/// `thresholds.newVendorMonths` of the policy, read by `new-vendor`.
pub static NEW_VENDOR_MONTHS: ThresholdSpec = ThresholdSpec::required("newVendorMonths", 1200.0);

/// `new-vendor`
pub static NEW_VENDOR: Rule = Rule {
    id: "new-vendor",
    group: Group::D,
    title: Text::new("Newly formed vendor", "Proveedor de reciente creación"),
    severities: &[Severity::Medium],
    citations: &["Open Contracting Partnership: red flags for integrity"],
    description: Text::new("The vendor was incorporated less than the policy's number of months before the assessment date. New companies can be fronts for a debarred firm or a labor broker.", "El proveedor se constituyó menos meses antes de la fecha de la evaluación que los que fija la política de evaluación. Las empresas nuevas pueden ser fachadas de una empresa inhabilitada o de un intermediario laboral."),
    action: Text::new("Check the principals against debarment lists and past firms; ask for references and the owners' prior companies.", "Compare a los socios principales con las listas de inhabilitación y con empresas anteriores; pida referencias y las empresas previas de los dueños."),
    vendor_action: Text::new("A newly formed company draws closer checks: give your date of incorporation, your principals and their prior companies, and references.", "Una empresa de reciente creación recibe más revisiones: indique su fecha de constitución, sus socios principales y sus empresas anteriores, y referencias."),
    thresholds: &[&NEW_VENDOR_MONTHS],
    check: Some(new_vendor),
};

fn new_vendor(c: &Context<'_>) -> Outcome {
    let Some(incorporated) = c.submission.vendor.incorporated_on else {
        return Outcome::gap(
            "vendor.incorporatedOn",
            tr!(
                c.lang,
                "The bid does not give the vendor's date of incorporation.",
                "La oferta no indica la fecha de constitución del proveedor."
            ),
        );
    };
    let Some(months) = c.threshold(&NEW_VENDOR_MONTHS) else {
        return c.no_threshold(&NEW_VENDOR_MONTHS);
    };
    if c.as_of >= incorporated.add_months(months as i32) {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Medium,
        tr!(
            c.lang,
            "The vendor was incorporated on {incorporated}, less than {months} months before {as_of}.",
            "El proveedor se constituyó el {incorporated}, menos de {months} meses antes del {as_of}.",
            incorporated = c.date(incorporated),
            months = super::number(months),
            as_of = c.date(c.as_of)
        ),
        vec![Evidence::new(
            "vendor.incorporatedOn",
            incorporated.to_string(),
        )],
    )
}

/// `thresholds.prevailingWageConstructionValue` of the policy, read by `prevailing-wage-registration-missing`.
pub static PREVAILING_WAGE_CONSTRUCTION_VALUE: ThresholdSpec =
    ThresholdSpec::required("prevailingWageConstructionValue", ANY);
/// `thresholds.prevailingWageMaintenanceValue` of the policy, read by `prevailing-wage-registration-missing`.
pub static PREVAILING_WAGE_MAINTENANCE_VALUE: ThresholdSpec =
    ThresholdSpec::required("prevailingWageMaintenanceValue", ANY);

/// `prevailing-wage-registration-missing`
pub static PREVAILING_WAGE_REGISTRATION_MISSING: Rule = Rule {
    id: "prevailing-wage-registration-missing",
    group: Group::D,
    title: Text::new("Public-works contractor not registered with the DIR", "Contratista de obra pública sin registro ante el DIR"),
    severities: &[Severity::Critical],
    citations: &["Cal. Lab. Code 1725.5", "Cal. Lab. Code 1771.1"],
    description: Text::new("On a public work above the DIR registration thresholds, the vendor or a subcontractor gives no California DIR public-works contractor registration. Unregistered contractors may not bid on, be listed in a bid for, or work on public works (Cal. Lab. Code 1725.5, 1771.1); only projects of $25,000 or less of construction, or $15,000 or less of maintenance, are exempt from registration (the small project exemption), though prevailing wages are still owed on them.", "En una obra pública por encima de los umbrales de registro del DIR, el proveedor o un subcontratista no da su registro de contratista de obras públicas ante el DIR de California. Los contratistas no registrados no pueden presentar ofertas para obras públicas, figurar en una oferta ni trabajar en ellas (Código Laboral de California 1725.5, 1771.1); solo están exentos del registro los proyectos de construcción de $25,000 o menos, o de mantenimiento de $15,000 o menos (la exención para proyectos pequeños), aunque en ellos se sigue debiendo el salario prevaleciente."),
    action: Text::new("Verify each registration number on the DIR's public-works contractor search; an unregistered bidder or listed subcontractor is not eligible.", "Verifique cada número de registro en la búsqueda de contratistas de obras públicas del DIR; un licitante o subcontratista listado que no esté registrado no es elegible."),
    vendor_action: Text::new("Register with the DIR as a public-works contractor, make sure every listed subcontractor is registered, and give each registration number in the bid.", "Regístrese ante el DIR como contratista de obras públicas, asegúrese de que cada subcontratista listado esté registrado, e indique cada número de registro en la oferta."),
    thresholds: &[&PREVAILING_WAGE_CONSTRUCTION_VALUE, &PREVAILING_WAGE_MAINTENANCE_VALUE],
    check: Some(prevailing_wage_registration_missing),
};

fn has_dir(identifiers: Option<&crate::model::Identifiers>) -> bool {
    identifiers
        .and_then(|ids| ids.get("dir"))
        .is_some_and(|v| !v.trim().is_empty())
}

fn prevailing_wage_registration_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    match s.solicitation.public_work {
        Some(false) => return Outcome::NotApplicable,
        None => {
            return Outcome::gap(
                "solicitation.publicWork",
                tr!(
                    c.lang,
                    "The solicitation does not say whether it is a public work.",
                    "La convocatoria no dice si es una obra pública."
                ),
            )
        }
        Some(true) => {}
    }
    let spec = if c.sector() == Some(Sector::Construction) {
        &PREVAILING_WAGE_CONSTRUCTION_VALUE
    } else {
        &PREVAILING_WAGE_MAINTENANCE_VALUE
    };
    let Some(threshold) = c.threshold(spec) else {
        return c.no_threshold(spec);
    };
    let Some(value) = s.solicitation.estimated_value.or(s.price.total) else {
        return Outcome::gap(
            "solicitation.estimatedValue",
            tr!(
                c.lang,
                "The value of the public work is not given; the prevailing-wage threshold cannot be checked.",
                "No se indica el valor de la obra pública; no se puede revisar el umbral del salario prevaleciente."
            ),
        );
    };
    let Some(value) = c.in_policy_currency(value) else {
        return c.currency_gap(match c.lang {
            Lang::En => "DIR registration threshold",
            Lang::Es => "el umbral de registro del DIR",
        });
    };
    if value <= threshold {
        // The small project exemption of Lab. Code 1725.5 and 1771.1.
        return Outcome::NotApplicable;
    }
    let mut missing = Vec::new();
    let mut evidence = Vec::new();
    if !has_dir(s.vendor.identifiers.as_ref()) {
        let name = s.vendor.name.trim();
        missing.push(tr!(c.lang, "the vendor '{name}'", "el proveedor '{name}'"));
        evidence.push(Evidence::new("vendor.identifiers.dir", Value::Null));
    }
    for (i, sub) in s.subcontractors.iter().flatten().enumerate() {
        if sub.dir_registered != Some(true) && !has_dir(sub.identifiers.as_ref()) {
            let name = quoted(sub.name.as_deref(), unnamed_paren(c.lang));
            missing.push(tr!(
                c.lang,
                "subcontractor {name}",
                "el subcontratista {name}"
            ));
            evidence.push(Evidence::new(
                format!("subcontractors[{i}].dirRegistered"),
                Value::from(sub.dir_registered),
            ));
        }
    }
    if missing.is_empty() {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Critical,
        tr!(
            c.lang,
            "This public work is above the {threshold} DIR registration threshold (the small project exemption of Cal. Lab. Code 1725.5 and 1771.1), and no DIR registration is given for {missing}.",
            "Esta obra pública está por encima del umbral de registro del DIR de {threshold} (la exención para proyectos pequeños del Código Laboral de California 1725.5 y 1771.1), y no se indica registro del DIR para {missing}.",
            threshold = c.policy_money(threshold),
            missing = missing.join(", ")
        ),
        evidence,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn opaque_chain() {
        let r = &SUBCONTRACTING_OPAQUE;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"subcontractors": [{"name": "A", "tier": 3}]})
            )),
            Some(Severity::High)
        );
        assert_eq!(
            fired(&run(r, json!({"subcontractors": [{"tier": 1}]}))),
            Some(Severity::High)
        );
        let share = json!({"subcontractors": [{"name": "A", "tier": 1, "shareOfValue": 0.3}, {"name": "B", "tier": 1, "shareOfValue": 0.3}]});
        assert_eq!(fired(&run(r, share.clone())), Some(Severity::High));
        let mut office = share;
        office["solicitation"] = json!({"sector": "professional-services"});
        assert_eq!(run(r, office), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"subcontractors": null})),
            "subcontractors"
        ));
        assert_eq!(run(r, json!({"subcontractors": []})), Outcome::Clear);
    }

    #[test]
    fn flow_down() {
        let r = &FLOW_DOWN_MISSING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"subcontractors": [{"name": "A", "flowDown": false}]})
            )),
            Some(Severity::High)
        );
        assert!(gap_at(
            &run(r, json!({"subcontractors": [{"name": "A"}]})),
            "subcontractors[0].flowDown"
        ));
        assert_eq!(
            run(r, json!({"subcontractors": []})),
            Outcome::NotApplicable
        );
    }

    #[test]
    fn labor_broker() {
        let r = &LABOR_BROKER;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(r, json!({"vendor": {"laborBroker": true}}))),
            Some(Severity::Medium)
        );
        let sub = json!({"subcontractors": [{"name": "Brightline Staffing", "tier": 1, "shareOfValue": 0.2, "laborBroker": true}]});
        let out = run(r, sub);
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = out {
            assert!(
                hit.message
                    .contains("'Brightline Staffing' (tier 1, 20% of value)"),
                "{}",
                hit.message
            );
        }
        assert!(gap_at(
            &run(r, json!({"vendor": {"laborBroker": null}})),
            "vendor.laborBroker"
        ));
    }

    #[test]
    fn misclassification() {
        let r = &MISCLASSIFICATION_RISK;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"workforce": {"independentContractorShare": 0.3}})
            )),
            Some(Severity::High)
        );
        let office = json!({"solicitation": {"sector": "professional-services"}, "workforce": {"independentContractorShare": 0.9}});
        assert_eq!(run(r, office), Outcome::NotApplicable);
        assert!(gap_at(
            &run(
                r,
                json!({"workforce": {"independentContractorShare": null}})
            ),
            "workforce.independentContractorShare"
        ));
    }

    #[test]
    fn surge() {
        let r = &TEMPORARY_SURGE;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(r, json!({"workforce": {"peakHeadcount": 16}}))),
            Some(Severity::Medium)
        );
        assert_eq!(
            run(r, json!({"workforce": {"peakHeadcount": 15}})),
            Outcome::Clear
        );
        assert_eq!(
            fired(&run(r, json!({"workforce": {"temporaryShare": 0.6}}))),
            Some(Severity::Medium)
        );
        assert!(gap_at(
            &run(r, json!({"workforce": {"temporaryShare": null}})),
            "workforce.temporaryShare"
        ));
    }

    #[test]
    fn event_windows() {
        let r = &EVENT_WINDOW;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let world_cup = json!({"solicitation": {"performancePeriod": {"start": "2026-05-01", "end": "2026-08-31"}}});
        assert_eq!(fired(&run(r, world_cup)), Some(Severity::Medium));
        // build-up: 180 days before 2028-07-14 is 2028-01-16
        let build_up = json!({"solicitation": {"performancePeriod": {"start": "2027-12-01", "end": "2028-01-16"}}});
        assert_eq!(fired(&run(r, build_up)), Some(Severity::Medium));
        let before = json!({"solicitation": {"performancePeriod": {"start": "2027-12-01", "end": "2028-01-15"}}});
        assert_eq!(run(r, before), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"solicitation": {"performancePeriod": null}})),
            "solicitation.performancePeriod"
        ));
    }

    /// Cardinal R003's arithmetic: end minus start, in days, against the
    /// policy's minimum for the method (15 for open procedures in la-2026).
    #[test]
    fn rushed_procurement() {
        let r = &RUSHED_PROCUREMENT;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let short =
            json!({"solicitation": {"tenderPeriod": {"start": "2026-01-05", "end": "2026-01-19"}}});
        let out = run(r, short);
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message.contains(
                    "ran 14 days (2026-01-05 to 2026-01-19), under the policy's minimum of 15"
                ),
                "{}",
                hit.message
            );
        }
        let fifteen =
            json!({"solicitation": {"tenderPeriod": {"start": "2026-01-05", "end": "2026-01-20"}}});
        assert_eq!(run(r, fifteen), Outcome::Clear);
        assert!(gap_at(
            &run(
                r,
                json!({"solicitation": {"tenderPeriod": {"start": "2026-01-05", "end": null}}})
            ),
            "solicitation.tenderPeriod"
        ));
        // A direct award in a high-risk sector during the World Cup build-up.
        let direct = json!({"solicitation": {"procurementMethod": "direct", "tenderPeriod": null,
            "performancePeriod": {"start": "2026-05-01", "end": "2026-08-31"}}});
        let out = run(r, direct.clone());
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message.contains(
                    "direct award in a high-risk sector for work during FIFA World Cup 2026"
                ),
                "{}",
                hit.message
            );
        }
        let mut office = direct.clone();
        office["solicitation"]["sector"] = json!("professional-services");
        assert_eq!(run(r, office), Outcome::Clear);
        let mut later = direct;
        later["solicitation"]["performancePeriod"] =
            json!({"start": "2027-01-01", "end": "2027-06-30"});
        assert_eq!(run(r, later), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"solicitation": {"procurementMethod": null}})),
            "solicitation.procurementMethod"
        ));
    }

    #[test]
    fn sector_and_new_vendor() {
        assert_eq!(
            fired(&run(&HIGH_RISK_SECTOR, json!({}))),
            Some(Severity::Low)
        );
        assert_eq!(
            run(
                &HIGH_RISK_SECTOR,
                json!({"solicitation": {"sector": "electronics"}})
            ),
            Outcome::Clear
        );
        let r = &NEW_VENDOR;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(r, json!({"vendor": {"incorporatedOn": "2025-03-03"}}))),
            Some(Severity::Medium)
        );
        assert_eq!(
            run(r, json!({"vendor": {"incorporatedOn": "2025-03-02"}})),
            Outcome::Clear
        );
    }

    #[test]
    fn dir_registration() {
        let r = &PREVAILING_WAGE_REGISTRATION_MISSING;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let public = json!({"solicitation": {"publicWork": true}});
        assert_eq!(run(r, public), Outcome::Clear);
        let unregistered =
            json!({"solicitation": {"publicWork": true}, "vendor": {"identifiers": {"dir": null}}});
        assert_eq!(fired(&run(r, unregistered)), Some(Severity::Critical));
        let sub = json!({"solicitation": {"publicWork": true}, "subcontractors": [{"name": "X", "dirRegistered": false}]});
        assert_eq!(fired(&run(r, sub)), Some(Severity::Critical));
        let small = json!({"solicitation": {"publicWork": true, "estimatedValue": 15000}, "vendor": {"identifiers": {"dir": null}}});
        assert_eq!(run(r, small), Outcome::NotApplicable);
        let construction = json!({"solicitation": {"publicWork": true, "sector": "construction", "estimatedValue": 20000}, "vendor": {"identifiers": {"dir": null}}});
        assert_eq!(run(r, construction), Outcome::NotApplicable);
    }
}
