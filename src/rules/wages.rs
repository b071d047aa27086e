//! Group C: wages and price. A price that cannot pay lawful wages is the
//! plainest sign that someone in the chain will not be paid them.

use super::{percent, quoted, Context, Group, Outcome, Rule, Text};
use crate::assessment::Evidence;
use crate::model::{DeductionKind, PayFrequency, Severity};
use crate::policy::{ThresholdSpec, SHARE};
use crate::text::{tr, Lang};
use std::borrow::Cow;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &WAGE_BELOW_FLOOR,
    &LABOR_COST_IMPLAUSIBLE,
    &PRICE_BELOW_ESTIMATE,
    &WAGE_WITHHOLDING,
    &POLICY_STALE,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "wage-below-floor",
        r#"{"workforce": {"wageRates": null}}"#,
        "workforce.wageRates",
    ),
    (
        "labor-cost-implausible",
        r#"{"price": {"laborCost": null}}"#,
        "price.laborCost",
    ),
    (
        "price-below-estimate",
        r#"{"price": {"total": null}}"#,
        "price.total",
    ),
    (
        "wage-withholding",
        r#"{"workforce": {"payHeldBack": null}}"#,
        "workforce.payHeldBack",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &["policy-stale"];

/// `wage-below-floor`
pub static WAGE_BELOW_FLOOR: Rule = Rule {
    id: "wage-below-floor",
    group: Group::C,
    title: Text::new("Wage below the legal floor", "Salario por debajo del salario mínimo aplicable"),
    severities: &[Severity::Critical],
    citations: &[
        "Cal. Lab. Code 1182.12",
        "LAMC ch. XVIII art. 7 (City minimum wage)",
        "LACC 8.100 (County minimum wage)",
        "Cal. Lab. Code 1771 (prevailing wage)",
    ],
    description: Text::new("A wage rate in the bid is below the floor in force on the assessment date: the highest of the state minimum, the jurisdiction's minimum, a sector floor (the LA hotel and airport wage for hospitality in the City), and the solicitation's wage determination for the same role.", "Un salario de la oferta está por debajo del salario mínimo aplicable en la fecha de la evaluación: el más alto entre el mínimo estatal, el mínimo de la jurisdicción, un mínimo del sector (el salario de hoteles y aeropuertos de Los Ángeles para la hotelería en la Ciudad) y la determinación salarial de la convocatoria para el mismo puesto."),
    action: Text::new("Ask the vendor to correct the rate and show how the price covers lawful wages; a bid that cannot pay the floor should not be awarded as it stands.", "Pida al proveedor que corrija el salario y muestre cómo el precio cubre salarios legales; una oferta que no puede pagar el salario mínimo aplicable no debe adjudicarse tal como está."),
    vendor_action: Text::new("Pay every role at least the wage floor in force (the highest of the state, City or County minimum, a sector floor and the solicitation's wage determination), give each role's hourly wage in the bid, and price the bid to cover it.", "Pague en cada puesto al menos el salario mínimo aplicable vigente (el más alto entre el mínimo estatal, de la Ciudad o del Condado, un mínimo del sector y la determinación salarial de la convocatoria), indique en la oferta el salario por hora de cada puesto y calcule el precio para cubrirlo."),
    thresholds: &[],
    check: Some(wage_below_floor),
};

fn wage_below_floor(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some(rates) = &s.workforce.wage_rates else {
        return Outcome::gap(
            "workforce.wageRates",
            tr!(
                c.lang,
                "The bid gives no wage rates; ask for the hourly wage of each role.",
                "La oferta no indica salarios; pida el salario por hora de cada puesto."
            ),
        );
    };
    let determinations = s
        .solicitation
        .wage_determinations
        .as_deref()
        .unwrap_or_default();
    let policy_floor = c.highest_floor();
    if policy_floor.is_none() && determinations.is_empty() {
        return no_floor_known(c.lang);
    }
    let mut below = Vec::new();
    let mut evidence = Vec::new();
    let mut health_note = None;
    for (i, rate) in rates.iter().enumerate() {
        let determination = rate.role.as_deref().and_then(|role| {
            determinations
                .iter()
                .filter(|d| d.role.trim().eq_ignore_ascii_case(role.trim()))
                .max_by(|a, b| a.hourly.total_cmp(&b.hourly))
        });
        // Everything is compared in the bid's currency: the policy's floor
        // converted (the same number when the currencies agree), and a
        // determination as the solicitation states it.
        let policy_here = policy_floor.map(|p| (c.from_policy_currency(p.hourly), p));
        let (floor, source) = match (policy_here, determination) {
            (Some((Some(p), policy)), Some(d)) if d.hourly <= p => {
                (p, c.policy.say(&policy.source, c.lang))
            }
            (Some((Some(p), policy)), None) => (p, c.policy.say(&policy.source, c.lang)),
            (_, Some(d)) => (
                d.hourly,
                d.source.as_deref().unwrap_or(match c.lang {
                    Lang::En => "wage determination",
                    Lang::Es => "determinación salarial",
                }),
            ),
            (Some((None, _)), None) => return c.currency_gap(floors_word(c.lang)),
            (None, None) => continue,
        };
        if rate.hourly < floor {
            let workers = rate
                .workers
                .map(|w| {
                    let w = super::grouped(f64::from(w));
                    tr!(c.lang, " for {w} workers", " para {w} trabajadores")
                })
                .unwrap_or_default();
            let role = quoted(
                rate.role.as_deref(),
                match c.lang {
                    Lang::En => "an unnamed role",
                    Lang::Es => "un puesto sin nombre",
                },
            );
            below.push(tr!(
                c.lang,
                "{role} at {rate}/h{workers}, below {floor}/h ({source})",
                "{role} a {rate}/h{workers}, por debajo de {floor}/h ({source})",
                rate = c.money(rate.hourly),
                floor = c.money(floor)
            ));
            evidence.push(Evidence::new(
                format!("workforce.wageRates[{i}].hourly"),
                rate.hourly,
            ));
        }
        if let Some(h) = policy_floor.and_then(|p| p.health_payment) {
            health_note = Some(h);
        }
    }
    if below.is_empty() {
        return Outcome::Clear;
    }
    let mut hit = match Outcome::fired(
        Severity::Critical,
        tr!(
            c.lang,
            "Wage rates below the floor in force on {date} ({count} of {total}): {list}.",
            "Salarios por debajo del salario mínimo aplicable vigente el {date} ({count} de {total}): {list}.",
            date = c.date(c.as_of),
            count = below.len(),
            total = rates.len(),
            list = below.join("; ")
        ),
        evidence,
    ) {
        Outcome::Fired(hit) => hit,
        other => return other,
    };
    if let Some(h) = health_note {
        hit.action = Some(tr!(
            c.lang,
            "{action} Where no health benefits are given, a further {health}/h health payment is owed.",
            "{action} Donde no se dan beneficios de salud, se debe además un pago de salud de {health}/h.",
            action = WAGE_BELOW_FLOOR.action.get(c.lang),
            health = c.policy_money(h)
        ));
    }
    Outcome::Fired(hit)
}

/// The gap of a wage rule when no floor is known for the solicitation.
fn no_floor_known(lang: Lang) -> Outcome {
    Outcome::gap(
        "solicitation.jurisdiction",
        tr!(
            lang,
            "No wage floor is known for this solicitation; give its jurisdiction.",
            "No se conoce ningún salario mínimo aplicable para esta convocatoria; indique su jurisdicción."
        ),
    )
}

/// What the policy's wage floors are called in a currency gap.
fn floors_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "wage floors",
        Lang::Es => "los salarios mínimos",
    }
}

/// `thresholds.payrollBurden` of the policy, read by `labor-cost-implausible`.
pub static PAYROLL_BURDEN: ThresholdSpec = ThresholdSpec::required("payrollBurden", 10.0);

/// `labor-cost-implausible`
pub static LABOR_COST_IMPLAUSIBLE: Rule = Rule {
    id: "labor-cost-implausible",
    group: Group::C,
    title: Text::new("Labor cost that cannot pay lawful wages", "Costo de mano de obra que no alcanza para pagar salarios legales"),
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2810"],
    description: Text::new("The labor cost divided by the labor hours is below the lowest lawful wage times the policy's payroll burden, or the stated labor cost is above the whole price, so the price cannot pay for the labor the bid itself counts. A contract that cannot pay lawful wages is unlawful to enter in construction, janitorial, security guard, garment, farm labor and warehouse work.", "El costo de mano de obra dividido entre las horas de trabajo está por debajo del salario legal más bajo multiplicado por la carga de nómina de la política de evaluación, o el costo de mano de obra declarado es mayor que el precio total, así que el precio no puede pagar el trabajo que la misma oferta cuenta. La ley prohíbe celebrar un contrato que no alcanza para pagar salarios legales en construcción, limpieza, guardias de seguridad, confección de ropa, trabajo agrícola y almacenes."),
    action: Text::new("Ask the vendor to explain how its labor cost covers wages, payroll taxes and insurance at the floor (Cal. Lab. Code 2810 requires the information).", "Pida al proveedor que explique cómo su costo de mano de obra cubre salarios, impuestos de nómina y seguros al nivel del salario mínimo aplicable (el Código Laboral de California 2810 exige esa información)."),
    vendor_action: Text::new("Give your labor cost and labor hours, and make sure the labor cost covers wages at the floor plus payroll taxes and insurance, within the whole price.", "Indique su costo de mano de obra y sus horas de trabajo, y asegúrese de que el costo de mano de obra cubra salarios al nivel del salario mínimo aplicable más impuestos de nómina y seguros, dentro del precio total."),
    thresholds: &[&PAYROLL_BURDEN],
    check: Some(labor_cost_implausible),
};

fn labor_cost_implausible(c: &Context<'_>) -> Outcome {
    let p = &c.submission.price;
    if let (Some(cost), Some(total)) = (p.labor_cost, p.total) {
        if cost > total {
            return Outcome::fired(
                Severity::High,
                tr!(
                    c.lang,
                    "The stated labor cost of {cost} is above the whole price of {total}: the price cannot pay for the labor the bid itself counts.",
                    "El costo de mano de obra declarado, {cost}, es mayor que el precio total de {total}: el precio no puede pagar el trabajo que la misma oferta cuenta.",
                    cost = c.money(cost),
                    total = c.money(total)
                ),
                vec![
                    Evidence::new("price.laborCost", cost),
                    Evidence::new("price.total", total),
                ],
            );
        }
    }
    let (Some(cost), Some(hours)) = (p.labor_cost, p.labor_hours) else {
        let mut paths = Vec::new();
        if p.labor_cost.is_none() {
            paths.push(Cow::Borrowed("price.laborCost"));
        }
        if p.labor_hours.is_none() {
            paths.push(Cow::Borrowed("price.laborHours"));
        }
        return Outcome::Gap {
            paths: paths.into(),
            message: tr!(
                c.lang,
                "The bid does not give its labor cost and labor hours; ask for them.",
                "La oferta no indica su costo de mano de obra ni sus horas de trabajo; pídalos."
            )
            .into(),
        };
    };
    if hours <= 0.0 {
        return Outcome::NotApplicable;
    }
    let Some(floor) = c.highest_floor() else {
        return no_floor_known(c.lang);
    };
    let Some(burden) = c.threshold(&PAYROLL_BURDEN) else {
        return c.no_threshold(&PAYROLL_BURDEN);
    };
    let minimum = floor.hourly * burden;
    let Some(per_hour) = c.in_policy_currency(cost / hours) else {
        return c.currency_gap(floors_word(c.lang));
    };
    if per_hour >= minimum {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        tr!(
            c.lang,
            "The labor cost of {cost} over {hours} hours is {per_hour}/h, below {minimum}/h: the {floor}/h floor times a payroll burden of {burden}.",
            "El costo de mano de obra de {cost} en {hours} horas es de {per_hour}/h, por debajo de {minimum}/h: el salario mínimo aplicable de {floor}/h multiplicado por una carga de nómina de {burden}.",
            cost = c.money(cost),
            hours = super::grouped(hours),
            per_hour = c.policy_money(per_hour),
            minimum = c.policy_money(minimum),
            floor = c.policy_money(floor.hourly),
            burden = super::number(burden)
        ),
        vec![Evidence::new("price.laborCost", cost), Evidence::new("price.laborHours", hours)],
    )
}

/// `thresholds.priceBelowEstimate` of the policy, read by `price-below-estimate`.
pub static PRICE_BELOW_ESTIMATE_SHARE: ThresholdSpec =
    ThresholdSpec::required("priceBelowEstimate", SHARE);

/// `price-below-estimate`
pub static PRICE_BELOW_ESTIMATE: Rule = Rule {
    id: "price-below-estimate",
    group: Group::C,
    title: Text::new("Price far below the estimate", "Precio muy por debajo del estimado"),
    severities: &[Severity::High],
    citations: &["Cal. Lab. Code 2810", "EU Directive 2014/24 art. 69 (abnormally low tenders)"],
    description: Text::new("The bid's total is below the policy's share of the solicitation's estimated value. An abnormally low price may rest on unpaid or underpaid labor.", "El total de la oferta está por debajo de la parte del valor estimado de la convocatoria que fija la política de evaluación. Un precio anormalmente bajo puede basarse en trabajo no pagado o mal pagado."),
    action: Text::new("Ask the vendor to explain the price in writing (labor, materials, margin) before award, as the abnormally-low-tender procedure requires.", "Pida al proveedor que explique el precio por escrito (mano de obra, materiales, margen) antes de la adjudicación, como exige el procedimiento para ofertas anormalmente bajas."),
    vendor_action: Text::new("If your price is far below the city's estimate, be ready to explain it in writing (labor, materials, margin): the city will ask before award.", "Si su precio está muy por debajo del estimado de la ciudad, prepárese para explicarlo por escrito (mano de obra, materiales, margen): la ciudad lo pedirá antes de la adjudicación."),
    thresholds: &[&PRICE_BELOW_ESTIMATE_SHARE],
    check: Some(price_below_estimate),
};

fn price_below_estimate(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    let Some(total) = s.price.total else {
        return Outcome::gap(
            "price.total",
            tr!(
                c.lang,
                "The bid gives no total price.",
                "La oferta no indica el precio total."
            ),
        );
    };
    let Some(estimate) = s.solicitation.estimated_value else {
        return Outcome::NotApplicable;
    };
    if estimate <= 0.0 {
        return Outcome::NotApplicable;
    }
    let Some(share) = c.threshold(&PRICE_BELOW_ESTIMATE_SHARE) else {
        return c.no_threshold(&PRICE_BELOW_ESTIMATE_SHARE);
    };
    if total >= share * estimate {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::High,
        tr!(
            c.lang,
            "The total of {total} is {share_of} of the estimated value of {estimate}, below the {share} the policy treats as plausible.",
            "El total de {total} es el {share_of} del valor estimado de {estimate}, por debajo del {share} que la política de evaluación considera verosímil.",
            total = c.money(total),
            share_of = percent(total / estimate),
            estimate = c.money(estimate),
            share = percent(share)
        ),
        vec![
            Evidence::new("price.total", total),
            Evidence::new("solicitation.estimatedValue", estimate),
        ],
    )
}

/// `thresholds.minimumPaydaysPerMonth` of the policy, read by `wage-withholding`.
pub static MINIMUM_PAYDAYS_PER_MONTH: ThresholdSpec =
    ThresholdSpec::optional("minimumPaydaysPerMonth", 31.0);

/// `wage-withholding`
pub static WAGE_WITHHOLDING: Rule = Rule {
    id: "wage-withholding",
    group: Group::C,
    title: Text::new("Wages withheld or paid too seldom", "Salarios retenidos o pagados con muy poca frecuencia"),
    severities: &[Severity::Medium, Severity::High],
    citations: &[
        "Cal. Lab. Code 204",
        "Cal. Lab. Code 221",
        "Cal. Lab. Code 224",
        "ILO forced labour indicator: withholding of wages",
    ],
    description: Text::new("Workers' pay is held back until the end of the job or season, or a deposit is taken from it (high: withholding wages is an ILO indicator of forced labour, and an employer may not take back wages paid, Cal. Lab. Code 221, or deduct from them beyond what Cal. Lab. Code 224 allows); or workers are paid less often than the law's regular paydays, twice in each calendar month (medium, Cal. Lab. Code 204; monthly pay is allowed only for exempt executive, administrative and professional salaries and a few others, not for the hourly workers these contracts employ).", "Se retiene el salario de los trabajadores hasta el final del trabajo o de la temporada, o se les cobra un depósito de su salario (gravedad alta: la retención de salario es un indicador de trabajo forzoso de la OIT, y un empleador no puede recuperar salarios ya pagados, Código Laboral de California 221, ni descontar de ellos más de lo que permite el Código Laboral de California 224); o se paga a los trabajadores con menos frecuencia que los días de pago regulares de la ley, dos veces en cada mes calendario (gravedad media, Código Laboral de California 204; el pago mensual solo se permite para los sueldos exentos de ejecutivos, administrativos y profesionales y unos pocos más, no para los trabajadores por hora que emplean estos contratos)."),
    action: Text::new("Ask for the pay schedule and the deduction list in writing; require that no pay is held back and no deposit taken, and that workers are paid at least twice a month.", "Pida por escrito el calendario de pagos y la lista de deducciones; exija que no se retenga ningún pago ni se cobre ningún depósito, y que se pague a los trabajadores al menos dos veces al mes."),
    vendor_action: Text::new("Do not hold back any pay until the end of the job or take a deposit from it; pay workers at least twice a month, and give the pay schedule and deductions in the bid.", "No retenga ningún pago hasta el final del trabajo ni cobre depósitos del salario; pague a los trabajadores al menos dos veces al mes, e indique en la oferta el calendario de pagos y las deducciones."),
    thresholds: &[&MINIMUM_PAYDAYS_PER_MONTH],
    check: Some(wage_withholding),
};

fn wage_withholding(c: &Context<'_>) -> Outcome {
    let w = &c.submission.workforce;
    let mut severity = None;
    let mut what = Vec::new();
    let mut evidence = Vec::new();
    if w.pay_held_back == Some(true) {
        severity = Some(Severity::High);
        what.push(tr!(
            c.lang,
            "part of workers' pay is held back until the end of the job",
            "se retiene parte del salario de los trabajadores hasta el final del trabajo"
        ));
        evidence.push(Evidence::new("workforce.payHeldBack", true));
    }
    for (i, d) in w.deductions.iter().flatten().enumerate() {
        if d.kind == DeductionKind::Deposit {
            severity = Some(Severity::High);
            let amount = d
                .amount_per_week
                .map(|a| {
                    let a = c.money(a);
                    tr!(c.lang, " of {a} a week", " de {a} a la semana")
                })
                .unwrap_or_default();
            what.push(tr!(
                c.lang,
                "a deposit{amount} is taken from pay",
                "se cobra del salario un depósito{amount}"
            ));
            evidence.push(Evidence::new(
                format!("workforce.deductions[{i}].kind"),
                "deposit",
            ));
        }
    }
    let minimum = c.threshold(&MINIMUM_PAYDAYS_PER_MONTH);
    if let (Some(frequency), Some(minimum)) = (w.pay_frequency, minimum) {
        if f64::from(frequency.paydays_per_month()) < minimum {
            severity = severity.max(Some(Severity::Medium));
            let minimum = super::number(minimum);
            what.push(match (c.lang, frequency) {
                (Lang::En, _) => format!(
                    "workers are paid {frequency}, fewer than the {minimum} paydays a month the law requires"
                ),
                (Lang::Es, _) => {
                    let how_often = match frequency {
                        PayFrequency::Weekly => "cada semana",
                        PayFrequency::Biweekly => "cada dos semanas",
                        PayFrequency::Semimonthly => "dos veces al mes",
                        PayFrequency::Monthly => "una vez al mes",
                    };
                    format!(
                        "se paga a los trabajadores {how_often}, menos que los {minimum} días de pago al mes que exige la ley"
                    )
                }
            });
            evidence.push(Evidence::new("workforce.payFrequency", frequency.as_str()));
        }
    }
    if let Some(severity) = severity {
        return Outcome::fired(
            severity,
            tr!(
                c.lang,
                "Risk indicator of withheld wages: {what}.",
                "Indicador de riesgo de retención de salario: {what}.",
                what = what.join("; ")
            ),
            evidence,
        );
    }
    let mut missing = Vec::new();
    if w.pay_frequency.is_none() && minimum.is_some() {
        missing.push(Cow::Borrowed("workforce.payFrequency"));
    }
    if w.pay_held_back.is_none() {
        missing.push(Cow::Borrowed("workforce.payHeldBack"));
    }
    if missing.is_empty() {
        Outcome::Clear
    } else {
        Outcome::Gap {
            paths: missing.into(),
            message: tr!(
                c.lang,
                "The bid does not say how often workers are paid, or whether any pay is held back; ask.",
                "La oferta no dice con qué frecuencia se paga a los trabajadores ni si se retiene parte del salario; pregunte."
            )
            .into(),
        }
    }
}

/// `policy-stale`
pub static POLICY_STALE: Rule = Rule {
    id: "policy-stale",
    group: Group::C,
    title: Text::new("Wage floors in the policy may be out of date", "Los salarios mínimos aplicables de la política de evaluación pueden estar desactualizados"),
    severities: &[Severity::Info],
    citations: &["ctip-screen policy: dated wage floors"],
    description: Text::new("A wage floor used for the assessment took effect more than the policy's limit (12 months) before the assessment date, so a newer floor may be in force that the policy does not know.", "Un salario mínimo aplicable usado en la evaluación entró en vigor más del límite de la política de evaluación (12 meses) antes de la fecha de la evaluación, así que puede haber en vigor un salario mínimo aplicable más reciente que la política de evaluación no conoce."),
    action: Text::new("Check the current City, County and state minimum wages, and update the policy.", "Revise los salarios mínimos vigentes de la Ciudad, el Condado y el estado, y actualice la política de evaluación."),
    vendor_action: Text::new("Nothing for you to change: this note tells the city its wage floors may be out of date. Check that you pay the current City, County and state minimum wages.", "No tiene que cambiar nada: esta nota avisa a la ciudad que sus salarios mínimos aplicables pueden estar desactualizados. Verifique que paga los salarios mínimos vigentes de la Ciudad, el Condado y el estado."),
    thresholds: &[&crate::policy::POLICY_STALE_MONTHS],
    check: Some(policy_stale),
};

fn policy_stale(c: &Context<'_>) -> Outcome {
    if c.floors.is_empty() {
        return Outcome::NotApplicable;
    }
    let Some(months) = c.threshold(&crate::policy::POLICY_STALE_MONTHS) else {
        return c.no_threshold(&crate::policy::POLICY_STALE_MONTHS);
    };
    // Floors are raised every year or so; one in force for longer than the
    // policy's limit has probably been replaced by a rate the policy lacks.
    let stale: Vec<_> = c
        .floors
        .iter()
        .filter(|f| c.as_of > f.effective.add_months(months as i32))
        .collect();
    let Some(oldest) = stale.iter().min_by_key(|f| f.effective) else {
        return Outcome::Clear;
    };
    Outcome::fired(
        Severity::Info,
        tr!(
            c.lang,
            "A wage floor this assessment compares the bid's wages with ({source}) took effect on {effective}, more than {months} months before {as_of}; a newer rate of it may be in force.",
            "Un salario mínimo aplicable con el que esta evaluación compara los salarios de la oferta ({source}) entró en vigor el {effective}, más de {months} meses antes del {as_of}; puede haber en vigor una tarifa más reciente de ese salario mínimo.",
            source = c.policy.say(&oldest.source, c.lang),
            effective = c.date(oldest.effective),
            months = super::number(months),
            as_of = c.date(c.as_of)
        ),
        vec![Evidence::new("asOf", c.as_of.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{fired, gap_at, run};
    use serde_json::json;

    #[test]
    fn wage_below_city_floor_and_determination() {
        let r = &WAGE_BELOW_FLOOR;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        // 19.00 is above the City floor (17.87) but below the 19.80 determination for janitors
        let below_det = json!({"workforce": {"wageRates": [{"role": "Janitor", "hourly": 19.00, "workers": 5}]}});
        assert_eq!(fired(&run(r, below_det)), Some(Severity::Critical));
        // a role without a determination is held to the City floor
        let lead = json!({"workforce": {"wageRates": [{"role": "lead", "hourly": 17.50}]}});
        assert_eq!(fired(&run(r, lead)), Some(Severity::Critical));
        let lead_ok = json!({"workforce": {"wageRates": [{"role": "lead", "hourly": 17.87}]}});
        assert_eq!(run(r, lead_ok), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"workforce": {"wageRates": null}})),
            "workforce.wageRates"
        ));
    }

    #[test]
    fn wage_floor_follows_the_date_and_sector() {
        let r = &WAGE_BELOW_FLOOR;
        let hotel = |date: &str| {
            json!({"submittedOn": date, "solicitation": {"sector": "hospitality", "wageDeterminations": []},
                   "workforce": {"wageRates": [{"role": "room attendant", "hourly": 24.00}]}})
        };
        // 22.50 in force until 2026-06-30, 25.00 from 2026-07-01
        assert_eq!(run(r, hotel("2026-06-30")), Outcome::Clear);
        let out = run(r, hotel("2026-07-01"));
        assert_eq!(fired(&out), Some(Severity::Critical));
        if let Outcome::Fired(hit) = out {
            assert!(hit.action.unwrap_or_default().contains("$8.35/h"));
        }
        // the County floor of 17.81 for la-county from 2025-07-01
        let county = json!({"solicitation": {"jurisdiction": "la-county", "wageDeterminations": []},
                            "workforce": {"wageRates": [{"role": "x", "hourly": 17.80}]}});
        assert_eq!(fired(&run(r, county)), Some(Severity::Critical));
        let none = json!({"solicitation": {"jurisdiction": null, "wageDeterminations": []}});
        assert!(gap_at(&run(r, none), "solicitation.jurisdiction"));
    }

    #[test]
    fn labor_cost() {
        let r = &LABOR_COST_IMPLAUSIBLE;
        // 300000 / 12000 = 25.00/h, above 17.87 x 1.1
        assert_eq!(run(r, json!({})), Outcome::Clear);
        // 220000 / 12000 = 18.33/h < 19.657
        assert_eq!(
            fired(&run(r, json!({"price": {"laborCost": 220000}}))),
            Some(Severity::High)
        );
        assert!(gap_at(
            &run(r, json!({"price": {"laborHours": null}})),
            "price.laborHours"
        ));
    }

    /// A labor cost above the whole price is the plainest sign the bid
    /// cannot pay its workers: scored, not refused as bad input.
    #[test]
    fn labor_cost_above_the_price() {
        let r = &LABOR_COST_IMPLAUSIBLE;
        let out = run(
            r,
            json!({"price": {"total": 300000, "laborCost": 320000, "laborHours": null}}),
        );
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = out {
            assert_eq!(
                hit.message,
                "The stated labor cost of $320,000 is above the whole price of $300,000: the price cannot pay for the labor the bid itself counts."
            );
        }
        // Equal is plausible as far as this check goes.
        assert_eq!(
            run(r, json!({"price": {"total": 300000, "laborCost": 300000}})),
            Outcome::Clear
        );
    }

    #[test]
    fn price_below_estimate() {
        let r = &PRICE_BELOW_ESTIMATE;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        assert_eq!(
            fired(&run(
                r,
                json!({"price": {"total": 299000, "laborCost": 200000}})
            )),
            Some(Severity::High)
        );
        assert_eq!(
            run(r, json!({"price": {"total": 300000, "laborCost": 200000}})),
            Outcome::Clear
        );
        assert_eq!(
            run(r, json!({"solicitation": {"estimatedValue": null}})),
            Outcome::NotApplicable
        );
    }

    #[test]
    fn wage_withholding() {
        let r = &WAGE_WITHHOLDING;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let held = json!({"workforce": {"payHeldBack": true}});
        assert_eq!(fired(&run(r, held)), Some(Severity::High));
        let deposit =
            json!({"workforce": {"deductions": [{"kind": "deposit", "amountPerWeek": 25}]}});
        let out = run(r, deposit);
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = &out {
            assert_eq!(
                hit.message,
                "Risk indicator of withheld wages: a deposit of $25.00 a week is taken from pay."
            );
        }
        let monthly = json!({"workforce": {"payFrequency": "monthly"}});
        let out = run(r, monthly);
        assert_eq!(fired(&out), Some(Severity::Medium));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message
                    .contains("paid monthly, fewer than the 2 paydays a month"),
                "{}",
                hit.message
            );
        }
        for ok in ["weekly", "biweekly", "semimonthly"] {
            assert_eq!(
                run(r, json!({"workforce": {"payFrequency": ok}})),
                Outcome::Clear,
                "{ok}"
            );
        }
        assert!(gap_at(
            &run(r, json!({"workforce": {"payFrequency": null}})),
            "workforce.payFrequency"
        ));
    }

    #[test]
    fn policy_stale_after_twelve_months() {
        let r = &POLICY_STALE;
        // the City floor in force took effect on 2025-07-01
        assert_eq!(run(r, json!({"submittedOn": "2026-07-01"})), Outcome::Clear);
        assert_eq!(
            fired(&run(r, json!({"submittedOn": "2026-07-02"}))),
            Some(Severity::Info)
        );
        assert_eq!(
            run(r, json!({"solicitation": {"jurisdiction": null}})),
            Outcome::NotApplicable
        );
    }
}
