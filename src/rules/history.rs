//! Group F: the vendor's history of exclusions, trafficking findings and
//! wage theft.

use super::{Context, Group, Outcome, Rule, Text};
use crate::assessment::Evidence;
use crate::model::{Severity, ViolationStatus};
use crate::policy::ThresholdSpec;
use crate::text::{tr, Lang};

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[&EXCLUDED_PARTY, &TRAFFICKING_FINDING, &WAGE_THEFT_HISTORY];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "excluded-party",
        r#"{"history": {"exclusions": null}}"#,
        "history.exclusions",
    ),
    (
        "trafficking-finding",
        r#"{"history": {"traffickingFindings": null}}"#,
        "history.traffickingFindings",
    ),
    (
        "wage-theft-history",
        r#"{"history": {"wageViolations": null}}"#,
        "history.wageViolations",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &[];

/// `excluded-party`
pub static EXCLUDED_PARTY: Rule = Rule {
    id: "excluded-party",
    group: Group::F,
    title: Text::new("Vendor is excluded or debarred", "Proveedor excluido o inhabilitado"),
    severities: &[Severity::Critical],
    citations: &["FAR 9.4", "LACC 2.202 (County debarment)"],
    description: Text::new("The vendor reports an exclusion or debarment that is in force.", "El proveedor declara una exclusión o inhabilitación vigente."),
    action: Text::new("Confirm the exclusion on the list named; an excluded vendor may not receive the award.", "Confirme la exclusión en la lista indicada; un proveedor excluido no puede recibir la adjudicación."),
    vendor_action: Text::new("Report any exclusion or debarment and when it ends; an excluded vendor may not receive the award.", "Informe cualquier exclusión o inhabilitación y cuándo termina; un proveedor excluido no puede recibir la adjudicación."),
    thresholds: &[],
    check: Some(excluded_party),
};

fn excluded_party(c: &Context<'_>) -> Outcome {
    let Some(exclusions) = &c.submission.history.exclusions else {
        return Outcome::gap(
            "history.exclusions",
            tr!(
                c.lang,
                "The bid does not report exclusions; check SAM and the County debarment list.",
                "La oferta no informa exclusiones; revise SAM y la lista de inhabilitación del Condado."
            ),
        );
    };
    let active: Vec<(usize, String)> = exclusions
        .iter()
        .enumerate()
        .filter(|(_, e)| e.active == Some(true))
        .map(|(i, e)| {
            let until = e
                .until
                .map(|d| {
                    let d = c.date(d);
                    tr!(c.lang, " until {d}", " hasta el {d}")
                })
                .unwrap_or_default();
            let unnamed = match c.lang {
                Lang::En => "an unnamed list",
                Lang::Es => "una lista sin nombre",
            };
            (
                i,
                format!("{}{until}", e.list.as_deref().unwrap_or(unnamed)),
            )
        })
        .collect();
    if active.is_empty() {
        return Outcome::Clear;
    }
    let lists: Vec<&str> = active.iter().map(|(_, l)| l.as_str()).collect();
    Outcome::fired(
        Severity::Critical,
        tr!(
            c.lang,
            "The vendor reports an exclusion in force: {lists}.",
            "El proveedor informa una exclusión vigente: {lists}.",
            lists = lists.join("; ")
        ),
        active
            .iter()
            .map(|(i, _)| Evidence::new(format!("history.exclusions[{i}].active"), true))
            .collect(),
    )
}

/// `trafficking-finding`
pub static TRAFFICKING_FINDING: Rule = Rule {
    id: "trafficking-finding",
    group: Group::F,
    title: Text::new("Past trafficking finding", "Determinación anterior por trata de personas"),
    severities: &[Severity::Critical],
    citations: &[
        "FAR 52.222-50(e) (remedies, including suspension and debarment)",
        "FAR 9.104-1(d) (a satisfactory record of integrity and business ethics)",
    ],
    description: Text::new("An agency or court has found trafficking-related conduct by the vendor. Such a finding is what the clause's remedies answer, up to suspension and debarment, and weighs on whether the vendor has the satisfactory record of integrity a responsible contractor needs.", "Una agencia o un tribunal determinó que el proveedor tuvo conductas relacionadas con la trata de personas. Las sanciones de la cláusula responden a una determinación así, hasta la suspensión y la inhabilitación, y pesa al decidir si el proveedor tiene el historial satisfactorio de integridad que necesita un contratista responsable."),
    action: Text::new("Obtain the finding and what the vendor did about it; refer to the contracting officer before any award.", "Obtenga la determinación y lo que hizo el proveedor al respecto; remita el caso al oficial de contratación antes de cualquier adjudicación."),
    vendor_action: Text::new("Report any past finding of trafficking-related conduct and what you changed since; the city will ask for it before any award.", "Informe cualquier determinación anterior por conductas relacionadas con la trata de personas y lo que ha cambiado desde entonces; la ciudad lo pedirá antes de cualquier adjudicación."),
    thresholds: &[],
    check: Some(trafficking_finding),
};

fn trafficking_finding(c: &Context<'_>) -> Outcome {
    let Some(findings) = &c.submission.history.trafficking_findings else {
        return Outcome::gap(
            "history.traffickingFindings",
            tr!(
                c.lang,
                "The bid does not report past trafficking findings; ask.",
                "La oferta no informa determinaciones anteriores por trata de personas; pregunte."
            ),
        );
    };
    if findings.is_empty() {
        return Outcome::Clear;
    }
    // The evidence is the same in every language: the source and the date
    // as the bid gives them.
    let describe = |lang: Lang| -> Vec<String> {
        findings
            .iter()
            .map(|f| {
                let date = f
                    .date
                    .map(|d| {
                        let d = lang.date(d);
                        tr!(lang, " on {d}", " el {d}")
                    })
                    .unwrap_or_default();
                let unnamed = match lang {
                    Lang::En => "an unnamed source",
                    Lang::Es => "una fuente sin nombre",
                };
                format!("{}{date}", f.source.as_deref().unwrap_or(unnamed))
            })
            .collect()
    };
    let described = describe(Lang::En);
    Outcome::fired(
        Severity::Critical,
        tr!(
            c.lang,
            "The vendor reports {count} trafficking finding(s): {list}.",
            "El proveedor informa {count} determinación(es) por trata de personas: {list}.",
            count = findings.len(),
            list = describe(c.lang).join("; ")
        ),
        (0..findings.len())
            .map(|i| {
                Evidence::new(
                    format!("history.traffickingFindings[{i}]"),
                    described.get(i).cloned().unwrap_or_default(),
                )
            })
            .collect(),
    )
}

/// `thresholds.wageViolationYears` of the policy, read by `wage-theft-history`.
pub static WAGE_VIOLATION_YEARS: ThresholdSpec =
    ThresholdSpec::required("wageViolationYears", 100.0);

/// `wage-theft-history`
pub static WAGE_THEFT_HISTORY: Rule = Rule {
    id: "wage-theft-history",
    group: Group::F,
    title: Text::new("Wage-theft history", "Historial de robo de salario"),
    severities: &[Severity::High, Severity::Critical],
    citations: &["Cal. Lab. Code 1725.5", "LAAC 10.40 (Contractor Responsibility Program)"],
    description: Text::new("The vendor has an unpaid wage judgment or assessment (critical), or any wage violation within the policy's number of years before the assessment date (high).", "El proveedor tiene una sentencia o liquidación de salarios sin pagar (gravedad crítica), o alguna infracción salarial dentro del número de años de la política de evaluación antes de la fecha de la evaluación (gravedad alta)."),
    action: Text::new("Ask for proof of payment and what changed since; weigh it in the responsibility determination.", "Pida prueba del pago y qué ha cambiado desde entonces; tómelo en cuenta al determinar si el proveedor es un contratista responsable."),
    vendor_action: Text::new("Report your wage violations of recent years, pay any unpaid judgment or assessment, and be ready to show proof of payment and what changed.", "Informe sus infracciones salariales de los últimos años, pague cualquier sentencia o liquidación pendiente, y prepárese para mostrar prueba del pago y lo que cambió."),
    thresholds: &[&WAGE_VIOLATION_YEARS],
    check: Some(wage_theft_history),
};

fn wage_theft_history(c: &Context<'_>) -> Outcome {
    let Some(violations) = &c.submission.history.wage_violations else {
        return Outcome::gap(
            "history.wageViolations",
            tr!(
                c.lang,
                "The bid does not report wage violations; ask and check the Labor Commissioner's records.",
                "La oferta no informa infracciones salariales; pregunte y revise los registros del Comisionado Laboral."
            ),
        );
    };
    let Some(years) = c.threshold(&WAGE_VIOLATION_YEARS) else {
        return c.no_threshold(&WAGE_VIOLATION_YEARS);
    };
    let since = c.as_of.add_months(-((years * 12.0) as i32));
    let mut severity = None;
    let mut what = Vec::new();
    let mut evidence = Vec::new();
    for (i, v) in violations.iter().enumerate() {
        let amount = v
            .amount
            .map(|a| {
                let a = c.money(a);
                tr!(c.lang, " of {a}", " de {a}")
            })
            .unwrap_or_default();
        let agency = v
            .agency
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        if v.status == Some(ViolationStatus::Unpaid) {
            severity = severity.max(Some(Severity::Critical));
            what.push(tr!(
                c.lang,
                "an unpaid violation{amount}{agency}",
                "una infracción sin pagar{amount}{agency}"
            ));
            evidence.push(Evidence::new(
                format!("history.wageViolations[{i}].status"),
                "unpaid",
            ));
        } else if let Some(date) = v.date.filter(|d| *d >= since && *d <= c.as_of) {
            severity = severity.max(Some(Severity::High));
            let on = c.date(date);
            what.push(tr!(
                c.lang,
                "a violation{amount} on {on}{agency}",
                "una infracción{amount} el {on}{agency}"
            ));
            evidence.push(Evidence::new(
                format!("history.wageViolations[{i}].date"),
                date.to_string(),
            ));
        }
    }
    match severity {
        Some(severity) => Outcome::fired(
            severity,
            tr!(
                c.lang,
                "Wage-theft history: {what}.",
                "Historial de robo de salario: {what}.",
                what = what.join("; ")
            ),
            evidence,
        ),
        None => Outcome::Clear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn exclusions() {
        let r = &EXCLUDED_PARTY;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let past = json!({"history": {"exclusions": [{"list": "SAM", "active": false, "until": "2023-01-01"}]}});
        assert_eq!(run(r, past), Outcome::Clear);
        let active = json!({"history": {"exclusions": [{"list": "SAM", "active": true}]}});
        assert_eq!(fired(&run(r, active)), Some(Severity::Critical));
        assert!(gap_at(
            &run(r, json!({"history": {"exclusions": null}})),
            "history.exclusions"
        ));
    }

    #[test]
    fn trafficking_findings() {
        let r = &TRAFFICKING_FINDING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let one = json!({"history": {"traffickingFindings": [{"date": "2020-01-01", "source": "DOL", "description": "x"}]}});
        assert_eq!(fired(&run(r, one)), Some(Severity::Critical));
    }

    #[test]
    fn wage_theft() {
        let r = &WAGE_THEFT_HISTORY;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let recent = json!({"history": {"wageViolations": [{"date": "2022-09-01", "amount": 12000, "status": "paid"}]}});
        assert_eq!(fired(&run(r, recent)), Some(Severity::High));
        let old = json!({"history": {"wageViolations": [{"date": "2021-03-01", "amount": 12000, "status": "paid"}]}});
        assert_eq!(run(r, old), Outcome::Clear);
        let unpaid =
            json!({"history": {"wageViolations": [{"date": "2010-01-01", "status": "unpaid"}]}});
        assert_eq!(fired(&run(r, unpaid)), Some(Severity::Critical));
    }
}
