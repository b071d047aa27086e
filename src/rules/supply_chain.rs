//! Group E: supply chain. Goods on the US Department of Labor lists, the
//! City's sweat-free ordinance, California's disclosure law, and watch lists.

use super::{quoted, Context, Group, Outcome, Rule, Text};
use crate::assessment::{Evidence, ListEntry};
use crate::model::{BusinessType, Jurisdiction, ProcurementCategory, Sector, Severity};
use crate::policy::{ThresholdSpec, ANY};
use crate::reference::{GoodsLists, ListKind, Listing, TvpraEntry};
use crate::text::{tr, Lang};
use serde_json::Value;
use std::borrow::Cow;

/// The rules of this file, in catalogue order: the catalogue is made of
/// these lists (`super::catalogue`).
pub(super) static RULES: &[&Rule] = &[
    &FORCED_LABOR_GOODS,
    &EO13126_PRODUCT,
    &SWEATFREE_MISSING,
    &SUPPLY_CHAIN_DISCLOSURE_MISSING,
    &WATCHLIST_MATCH,
];

/// For each rule, a patch that removes the input it needs and the path
/// its gap must name (`super::tests`): a rule that needs input has one.
#[cfg(test)]
pub(super) const GAPS: &[(&str, &str, &str)] = &[
    (
        "forced-labor-goods",
        r#"{"supplyItems": null}"#,
        "supplyItems",
    ),
    ("eo13126-product", r#"{"supplyItems": null}"#, "supplyItems"),
    (
        "sweatfree-missing",
        r#"{"solicitation": {"sector": null, "procurementCategory": null}}"#,
        "solicitation.procurementCategory",
    ),
    (
        "supply-chain-disclosure-missing",
        r#"{"vendor": {"annualRevenue": null}}"#,
        "vendor.annualRevenue",
    ),
];

/// Rules of this file whose every input is the date, the policy or the
/// options: they never report a gap.
#[cfg(test)]
pub(super) const NEVER_GAP: &[&str] = &["watchlist-match"];

/// `forced-labor-goods`
pub static FORCED_LABOR_GOODS: Rule = Rule {
    id: "forced-labor-goods",
    group: Group::E,
    title: Text::new("Goods on the TVPRA list of goods made with forced or child labor", "Bienes en la lista TVPRA de bienes producidos con trabajo forzoso o trabajo infantil"),
    severities: &[Severity::Medium, Severity::High],
    citations: &["22 U.S.C. 7112(b)(2) (TVPRA List of Goods)"],
    description: Text::new("A supply item's good and country of origin are on the Department of Labor's TVPRA list: high when listed for forced labor, medium when listed for child labor only. The list names goods and countries, not suppliers: it calls for questions, not conclusions. Each finding names the list's edition; the built-in list is the 2024 edition as reconstructed from dated dol.gov pages (data/TVPRA-2024.md), and a pair known only from the 2022 edition says so.", "El bien y el país de origen de un artículo de suministro están en la lista TVPRA del Departamento de Trabajo: gravedad alta cuando figura por trabajo forzoso, media cuando figura solo por trabajo infantil. La lista nombra bienes y países, no proveedores: pide hacer preguntas, no sacar conclusiones. Cada hallazgo indica la edición de la lista; la lista incluida es la edición 2024 reconstruida a partir de páginas fechadas de dol.gov (data/TVPRA-2024.md), y un par que solo se conoce por la edición 2022 lo indica."),
    action: Text::new("Ask for the supplier's traceability and audit records for the listed good, or an alternative source.", "Pida los registros de trazabilidad y auditoría del proveedor para el bien listado, o una fuente alternativa."),
    vendor_action: Text::new("For each good listed by the Department of Labor for its country of origin, keep traceability and audit records for your supplier, or choose another source; give each good and its country of origin in the bid.", "Para cada bien que el Departamento de Trabajo incluye en la lista por su país de origen, conserve registros de trazabilidad y auditoría de su proveedor, o elija otra fuente; indique en la oferta cada bien y su país de origen."),
    thresholds: &[],
    check: Some(forced_labor_goods),
};

/// The words for what a TVPRA entry is listed for.
fn listed_for(entries: &[TvpraEntry], lang: Lang) -> (&'static str, bool) {
    let forced = entries
        .iter()
        .any(|e| e.forced_labor || e.forced_child_labor);
    let child = entries.iter().any(|e| e.child_labor);
    let kind = match (lang, forced, child) {
        (Lang::En, true, true) => "forced and child labor",
        (Lang::En, true, false) => "forced labor",
        (Lang::En, false, _) => "child labor",
        (Lang::Es, true, true) => "trabajo forzoso e infantil",
        (Lang::Es, true, false) => "trabajo forzoso",
        (Lang::Es, false, _) => "trabajo infantil",
    };
    (kind, forced)
}

/// Where the listing stands: the edition it is on, or, for a pair only the
/// previous edition is known to list, that edition and that its standing
/// now could not be confirmed.
fn edition_note(entry: &TvpraEntry, lists: &GoodsLists, lang: Lang) -> String {
    let edition = &lists.tvpra_ref().edition;
    match (entry.status, lists.carried_over_from()) {
        (Listing::CarriedOver, Some(previous)) => tr!(
            lang,
            "on the {previous} edition; its {edition} status could not be confirmed",
            "en la edición {previous}; no se pudo confirmar su situación en la edición {edition}"
        ),
        (Listing::CarriedOver, None) => tr!(
            lang,
            "carried over from an earlier edition; its {edition} status could not be confirmed",
            "tomado de una edición anterior; no se pudo confirmar su situación en la edición {edition}"
        ),
        _ => tr!(lang, "{edition} edition", "edición {edition}"),
    }
}

/// The gap of a rule that needs the goods the bid will supply.
fn no_supply_items(lang: Lang) -> Outcome {
    Outcome::gap(
        "supplyItems",
        tr!(
            lang,
            "The bid does not list the goods it will supply; ask.",
            "La oferta no enumera los bienes que suministrará; pregunte."
        ),
    )
}

fn forced_labor_goods(c: &Context<'_>) -> Outcome {
    let Some(items) = &c.submission.supply_items else {
        return no_supply_items(c.lang);
    };
    let mut severity = None;
    let mut listed = Vec::new();
    let mut evidence = Vec::new();
    let mut unknown = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (Some(good), Some(country)) = (item.good.as_deref(), item.country_of_origin.as_deref())
        else {
            unknown.push(Cow::Owned(format!(
                "supplyItems[{i}].{}",
                if item.good.is_none() {
                    "good"
                } else {
                    "countryOfOrigin"
                }
            )));
            continue;
        };
        let entries = c.goods.tvpra(good, country);
        let Some(first) = entries.first() else {
            continue;
        };
        let (kind, forced) = listed_for(entries, c.lang);
        severity = severity.max(Some(if forced {
            Severity::High
        } else {
            Severity::Medium
        }));
        let text = tr!(
            c.lang,
            "{good} from {country} (listed for {kind}; {note})",
            "{good} de {country} (en la lista por {kind}; {note})",
            good = first.good,
            country = first.country,
            note = edition_note(first, c.goods, c.lang)
        );
        if !listed.contains(&text) {
            listed.push(text);
        }
        let entry = ListEntry {
            list: ListKind::Tvpra,
            edition: c.goods.tvpra_ref().edition.clone(),
            entry: format!("{}, {}", first.good, first.country),
            status: first.status,
        };
        evidence.push(Evidence::listed(
            format!("supplyItems[{i}].good"),
            good,
            entry,
        ));
        evidence.push(Evidence::new(
            format!("supplyItems[{i}].countryOfOrigin"),
            country,
        ));
    }
    if let Some(severity) = severity {
        return Outcome::fired(
            severity,
            tr!(
                c.lang,
                "Goods on the TVPRA list: {listed}.",
                "Bienes en la lista TVPRA: {listed}.",
                listed = listed.join("; ")
            ),
            evidence,
        );
    }
    if !unknown.is_empty() {
        return Outcome::Gap {
            paths: unknown.into(),
            message: tr!(
                c.lang,
                "Some supply items lack the good or the country of origin; ask for both.",
                "A algunos artículos de suministro les falta el bien o el país de origen; pida ambos."
            )
            .into(),
        };
    }
    if items.is_empty() {
        Outcome::NotApplicable
    } else {
        Outcome::Clear
    }
}

/// `eo13126-product`
pub static EO13126_PRODUCT: Rule = Rule {
    id: "eo13126-product",
    group: Group::E,
    title: Text::new("Product on the EO 13126 list without certification", "Producto de la lista EO 13126 sin certificación"),
    severities: &[Severity::High],
    citations: &["FAR 22.15", "FAR 52.222-18"],
    description: Text::new("A supply item is on the Executive Order 13126 list of products made with forced or indentured child labor, and the vendor has not certified (FAR 52.222-18) that it made a good-faith effort to find out whether such labor was used.", "Un artículo de suministro está en la lista de la Orden Ejecutiva 13126 de productos hechos con trabajo infantil forzoso o en servidumbre, y el proveedor no ha certificado (FAR 52.222-18) que hizo un esfuerzo de buena fe para averiguar si se usó ese trabajo."),
    action: Text::new("Require the FAR 52.222-18 certification for the listed product before award.", "Exija la certificación de FAR 52.222-18 para el producto listado antes de la adjudicación."),
    vendor_action: Text::new("For a product on the EO 13126 list, make a good-faith inquiry into whether forced or indentured child labor was used and give the FAR 52.222-18 certification in the bid.", "Para un producto de la lista EO 13126, averigüe de buena fe si se usó trabajo infantil forzoso o en servidumbre y dé la certificación de FAR 52.222-18 en la oferta."),
    thresholds: &[],
    check: Some(eo13126_product),
};

fn eo13126_product(c: &Context<'_>) -> Outcome {
    let Some(items) = &c.submission.supply_items else {
        return no_supply_items(c.lang);
    };
    let listed: Vec<(usize, &crate::reference::Eo13126Entry)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let entries = c
                .goods
                .eo13126(item.good.as_deref()?, item.country_of_origin.as_deref()?);
            entries.first().map(|e| (i, e))
        })
        .collect();
    if listed.is_empty() {
        return if items.is_empty() {
            Outcome::NotApplicable
        } else {
            Outcome::Clear
        };
    }
    match c.submission.has_certification("far-52.222-18") {
        Some(true) => Outcome::Clear,
        None => Outcome::gap(
            "compliance.certifications",
            tr!(
                c.lang,
                "A supply item is on the EO 13126 list; ask whether the vendor certifies FAR 52.222-18.",
                "Un artículo de suministro está en la lista EO 13126; pregunte si el proveedor certifica FAR 52.222-18."
            ),
        ),
        Some(false) => {
            let mut names: Vec<String> = listed
                .iter()
                .map(|(_, e)| {
                    let (product, country) = (&e.product, &e.country);
                    tr!(c.lang, "{product} from {country}", "{product} de {country}")
                })
                .collect();
            names.dedup();
            let mut evidence: Vec<Evidence> = listed
                .iter()
                .map(|(i, e)| Evidence::new(format!("supplyItems[{i}].good"), e.product.as_str()))
                .collect();
            evidence.push(Evidence::new(
                "compliance.certifications",
                Value::from(c.submission.compliance.certifications.clone()),
            ));
            Outcome::fired(
                Severity::High,
                tr!(
                    c.lang,
                    "Products on the EO 13126 list without the FAR 52.222-18 certification: {names}.",
                    "Productos de la lista EO 13126 sin la certificación de FAR 52.222-18: {names}.",
                    names = names.join("; ")
                ),
                evidence,
            )
        }
    }
}

/// `thresholds.sweatfreeValue` of the policy, read by `sweatfree-missing`.
pub static SWEATFREE_VALUE: ThresholdSpec = ThresholdSpec::required("sweatfreeValue", ANY);
/// `thresholds.sweatfreeMonths` of the policy, read by `sweatfree-missing`.
pub static SWEATFREE_MONTHS: ThresholdSpec = ThresholdSpec::required("sweatfreeMonths", 1200.0);

/// `sweatfree-missing`
pub static SWEATFREE_MISSING: Rule = Rule {
    id: "sweatfree-missing",
    group: Group::E,
    title: Text::new("No sweat-free certification on a City goods contract", "Falta la certificación sweat-free en un contrato de bienes de la Ciudad"),
    severities: &[Severity::High],
    citations: &["LAAC Div. 10 Art. 17 (Sweat-Free Procurement)"],
    description: Text::new("A City of Los Angeles contract for goods (equipment, goods, materials or supplies) at or above the policy's value and duration ($25,000 and 3 months in la-2026) lacks the City's sweat-free certification, by which the vendor and its subcontractors agree to the Contractor Code of Conduct. The ordinance covers every goods contract, not apparel alone, and not services such as laundry. Garment, uniform and foot-apparel vendors also owe the sweat-free living wage to the workers who make the City's order.", "Un contrato de bienes de la Ciudad de Los Ángeles (equipos, bienes, materiales o suministros) igual o superior al valor y la duración de la política de evaluación ($25,000 y 3 meses en la-2026) no tiene la certificación sweat-free de la Ciudad, por la cual el proveedor y sus subcontratistas aceptan el Código de Conducta para Contratistas (Contractor Code of Conduct). La ordenanza cubre todo contrato de bienes, no solo la ropa, y no los servicios como la lavandería. Los proveedores de ropa, uniformes y calzado también deben el salario digno sweat-free a los trabajadores que hacen el pedido de la Ciudad."),
    action: Text::new("Require the signed sweat-free certification (Contractor Code of Conduct) before award; for garments and uniforms, also the list of factories and the living-wage commitment.", "Exija la certificación sweat-free firmada (Contractor Code of Conduct) antes de la adjudicación; para ropa y uniformes, también la lista de fábricas y el compromiso de salario digno."),
    vendor_action: Text::new("Sign the City's sweat-free certification (Contractor Code of Conduct) for you and your subcontractors; for garments and uniforms, also list the factories and commit to the sweat-free living wage.", "Firme la certificación sweat-free de la Ciudad (Contractor Code of Conduct) para su empresa y sus subcontratistas; para ropa y uniformes, indique también las fábricas y comprométase con el salario digno sweat-free."),
    thresholds: &[&SWEATFREE_VALUE, &SWEATFREE_MONTHS],
    check: Some(sweatfree_missing),
};

/// What the solicitation buys: as it says, or as its sector implies.
fn procurement_category(c: &Context<'_>) -> Option<ProcurementCategory> {
    c.submission
        .solicitation
        .procurement_category
        .or_else(|| c.sector().and_then(Sector::usual_category))
}

fn sweatfree_missing(c: &Context<'_>) -> Outcome {
    let s = c.submission;
    match c.jurisdiction() {
        Some(Jurisdiction::LaCity) => {}
        Some(_) => return Outcome::NotApplicable,
        None => {
            return Outcome::gap(
                "solicitation.jurisdiction",
                tr!(
                    c.lang,
                    "The solicitation gives no jurisdiction; the City's sweat-free ordinance applies to City contracts.",
                    "La convocatoria no indica la jurisdicción; la ordenanza sweat-free de la Ciudad se aplica a los contratos de la Ciudad."
                ),
            )
        }
    }
    match procurement_category(c) {
        Some(ProcurementCategory::Goods) => {}
        Some(_) => return Outcome::NotApplicable,
        None => {
            return Outcome::gap(
                "solicitation.procurementCategory",
                tr!(
                    c.lang,
                    "The solicitation does not say whether it buys goods, services or works; the sweat-free ordinance covers goods.",
                    "La convocatoria no dice si compra bienes, servicios u obras; la ordenanza sweat-free cubre los bienes."
                ),
            )
        }
    }
    let Some(minimum_value) = c.threshold(&SWEATFREE_VALUE) else {
        return c.no_threshold(&SWEATFREE_VALUE);
    };
    let Some(minimum_months) = c.threshold(&SWEATFREE_MONTHS) else {
        return c.no_threshold(&SWEATFREE_MONTHS);
    };
    let Some(value) = s.solicitation.estimated_value.or(s.price.total) else {
        return Outcome::gap(
            "solicitation.estimatedValue",
            tr!(
                c.lang,
                "The contract value is not given.",
                "No se indica el valor del contrato."
            ),
        );
    };
    let period = s.solicitation.performance_period.as_ref();
    let (Some(start), Some(end)) = (period.and_then(|p| p.start), period.and_then(|p| p.end))
    else {
        return Outcome::gap(
            "solicitation.performancePeriod",
            tr!(
                c.lang,
                "The performance period is not given.",
                "No se indica el periodo de ejecución."
            ),
        );
    };
    let long_enough = end.add_days(1) >= start.add_months(minimum_months as i32);
    let Some(converted) = c.in_policy_currency(value) else {
        return c.currency_gap(match c.lang {
            Lang::En => "sweat-free threshold",
            Lang::Es => "el umbral sweat-free",
        });
    };
    if converted < minimum_value || !long_enough {
        return Outcome::NotApplicable;
    }
    match s.has_certification("la-sweatfree") {
        Some(true) => Outcome::Clear,
        None => Outcome::gap(
            "compliance.certifications",
            tr!(
                c.lang,
                "Ask for the City's sweat-free certification.",
                "Pida la certificación sweat-free de la Ciudad."
            ),
        ),
        Some(false) => {
            let living_wage = match (c.lang, c.sector() == Some(Sector::Apparel)) {
                (_, false) => "",
                (Lang::En, true) => {
                    " As a garment or uniform contract, it also owes the sweat-free living wage."
                }
                (Lang::Es, true) => {
                    " Como contrato de ropa o uniformes, también debe el salario digno sweat-free."
                }
            };
            Outcome::fired(
                Severity::High,
                tr!(
                    c.lang,
                    "A City goods contract of {value} running {start} to {end} has no sweat-free certification.{living_wage}",
                    "Un contrato de bienes de la Ciudad de {value}, del {start} al {end}, no tiene la certificación sweat-free.{living_wage}",
                    value = c.money(value),
                    start = c.date(start),
                    end = c.date(end)
                ),
                vec![Evidence::new("compliance.certifications", Value::from(s.compliance.certifications.clone()))],
            )
        }
    }
}

/// `thresholds.disclosureRevenue` of the policy, read by `supply-chain-disclosure-missing`.
pub static DISCLOSURE_REVENUE: ThresholdSpec = ThresholdSpec::required("disclosureRevenue", ANY);

/// `supply-chain-disclosure-missing`
pub static SUPPLY_CHAIN_DISCLOSURE_MISSING: Rule = Rule {
    id: "supply-chain-disclosure-missing",
    group: Group::E,
    title: Text::new("No supply-chain disclosure from a large retailer or manufacturer", "Falta la divulgación sobre la cadena de suministro de un gran minorista o fabricante"),
    severities: &[Severity::Medium],
    citations: &["Cal. Civ. Code 1714.43 (California Transparency in Supply Chains Act)"],
    description: Text::new("A retailer or manufacturer with annual receipts above $100 million must publish what it does to eradicate slavery and trafficking from its supply chain; the bid gives no link to it.", "Un minorista o fabricante con ingresos anuales de más de $100 millones debe publicar lo que hace para erradicar la esclavitud y la trata de personas de su cadena de suministro; la oferta no da un enlace a esa publicación."),
    action: Text::new("Ask for the URL of the vendor's published disclosure and read it for verification, audits and training.", "Pida la URL de la divulgación publicada por el proveedor y léala en busca de verificación, auditorías y capacitación."),
    vendor_action: Text::new("If you are a retailer or manufacturer with receipts above $100 million, give the link to your published supply-chain disclosure (California Transparency in Supply Chains Act).", "Si es un minorista o fabricante con ingresos de más de $100 millones, indique el enlace a su divulgación publicada sobre la cadena de suministro (California Transparency in Supply Chains Act)."),
    thresholds: &[&DISCLOSURE_REVENUE],
    check: Some(supply_chain_disclosure_missing),
};

fn supply_chain_disclosure_missing(c: &Context<'_>) -> Outcome {
    let v = &c.submission.vendor;
    let (Some(revenue), Some(kind)) = (v.annual_revenue, v.business_type) else {
        let mut paths = Vec::new();
        if v.annual_revenue.is_none() {
            paths.push(Cow::Borrowed("vendor.annualRevenue"));
        }
        if v.business_type.is_none() {
            paths.push(Cow::Borrowed("vendor.businessType"));
        }
        return Outcome::Gap {
            paths: paths.into(),
            message: tr!(
                c.lang,
                "The vendor's revenue and type of business are not given; ask.",
                "No se indican los ingresos ni el tipo de negocio del proveedor; pregunte."
            )
            .into(),
        };
    };
    let Some(threshold) = c.threshold(&DISCLOSURE_REVENUE) else {
        return c.no_threshold(&DISCLOSURE_REVENUE);
    };
    if !matches!(kind, BusinessType::Retailer | BusinessType::Manufacturer) {
        return Outcome::NotApplicable;
    }
    let Some(converted) = c.in_policy_currency(revenue) else {
        return c.currency_gap(match c.lang {
            Lang::En => "disclosure threshold",
            Lang::Es => "el umbral de divulgación",
        });
    };
    if converted <= threshold {
        return Outcome::NotApplicable;
    }
    let url = c
        .submission
        .compliance
        .supply_chain_disclosure_url
        .as_deref();
    if url.is_some_and(|u| !u.trim().is_empty()) {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Medium,
        tr!(
            c.lang,
            "The vendor is a {kind} with annual revenue of {revenue}, above {threshold}, and gives no supply-chain disclosure.",
            "El proveedor es un {kind} con ingresos anuales de {revenue}, por encima de {threshold}, y no da una divulgación sobre su cadena de suministro.",
            kind = match (c.lang, kind) {
                (Lang::Es, BusinessType::Retailer) => "minorista",
                (Lang::Es, _) => "fabricante",
                (Lang::En, k) => k.as_str(),
            },
            revenue = c.money(revenue),
            threshold = c.policy_money(threshold)
        ),
        vec![
            Evidence::new("vendor.annualRevenue", revenue),
            Evidence::new("compliance.supplyChainDisclosureUrl", Value::Null),
        ],
    )
}

/// `watchlist-match`
pub static WATCHLIST_MATCH: Rule = Rule {
    id: "watchlist-match",
    group: Group::E,
    title: Text::new("Party matches a watch list", "Una parte coincide con una lista de vigilancia"),
    severities: &[Severity::Critical],
    citations: &["UFLPA Entity List", "SAM exclusions (FAR 9.4)"],
    description: Text::new("The vendor, a subcontractor or a supplier matches an entry of a watch list passed to the tool, by normalized name or by an equal identifier. A name match can be a namesake: confirm with identifiers.", "El proveedor, un subcontratista o un suministrador coincide con una entrada de una lista de vigilancia dada a la herramienta, por nombre normalizado o por un identificador igual. Una coincidencia de nombre puede ser de otra persona o empresa con el mismo nombre: confírmela con identificadores."),
    action: Text::new("Confirm the match with identifiers; if confirmed, the party may not take part in the contract. Refer to the contracting officer.", "Confirme la coincidencia con identificadores; si se confirma, la parte no puede participar en el contrato. Remita el caso al oficial de contratación."),
    vendor_action: Text::new("A name on a watch list may be a namesake: give your identifiers (UEI, FEIN) and those of your subcontractors and suppliers so the city can tell them apart.", "Un nombre en una lista de vigilancia puede ser de otra empresa con el mismo nombre: indique sus identificadores (UEI, FEIN) y los de sus subcontratistas y suministradores para que la ciudad pueda distinguirlos."),
    thresholds: &[],
    check: Some(watchlist_match),
};

fn watchlist_match(c: &Context<'_>) -> Outcome {
    if c.watchlists.is_empty() {
        return Outcome::NotApplicable;
    }
    let s = c.submission;
    let no_ids = std::collections::BTreeMap::new();
    let mut parties: Vec<(String, &str, &crate::model::Identifiers, String)> = vec![(
        "vendor.name".to_owned(),
        s.vendor.name.as_str(),
        s.vendor.identifiers.as_ref().unwrap_or(&no_ids),
        tr!(c.lang, "the vendor", "el proveedor"),
    )];
    for (i, sub) in s.subcontractors.iter().flatten().enumerate() {
        if let Some(name) = sub.name.as_deref() {
            parties.push((
                format!("subcontractors[{i}].name"),
                name,
                sub.identifiers.as_ref().unwrap_or(&no_ids),
                tr!(c.lang, "subcontractor", "el subcontratista"),
            ));
        }
    }
    for (i, item) in s.supply_items.iter().flatten().enumerate() {
        if let Some(name) = item.supplier.as_deref() {
            parties.push((
                format!("supplyItems[{i}].supplier"),
                name,
                &no_ids,
                tr!(c.lang, "supplier", "el suministrador"),
            ));
        }
    }
    let mut hits = Vec::new();
    let mut evidence = Vec::new();
    for (path, name, ids, role) in &parties {
        for list in c.watchlists {
            if let Some((_, how)) = list.find(Some(name), ids.iter()) {
                let party = quoted(Some(name), "");
                let list_name = &list.name;
                hits.push(match c.lang {
                    Lang::En => format!("{role} {party} matches '{list_name}' by {how}"),
                    Lang::Es => {
                        let how = match how.strip_prefix("identifier ") {
                            Some(key) => format!("el identificador {key}"),
                            None => "el nombre".to_owned(),
                        };
                        format!("{role} {party} coincide con '{list_name}' por {how}")
                    }
                });
                evidence.push(Evidence::new(path.clone(), *name));
            }
        }
    }
    if hits.is_empty() {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Critical,
        tr!(
            c.lang,
            "Watch-list match: {hits}.",
            "Coincidencia con una lista de vigilancia: {hits}.",
            hits = hits.join("; ")
        ),
        evidence,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{bid, fired, gap_at, policy, run};
    use crate::rules::Context;
    use crate::watchlist::{Watchlist, WatchlistEntry};
    use serde_json::json;

    #[test]
    fn tvpra_goods() {
        let r = &FORCED_LABOR_GOODS;
        assert_eq!(run(r, json!({})), Outcome::Clear);
        let child =
            json!({"supplyItems": [{"good": "Garments", "countryOfOrigin": "MX", "value": 18000}]});
        assert_eq!(fired(&run(r, child)), Some(Severity::Medium));
        let forced = json!({"supplyItems": [{"good": "garments", "countryOfOrigin": "CN"}, {"good": "Bricks", "countryOfOrigin": "AF"}]});
        assert_eq!(fired(&run(r, forced)), Some(Severity::High));
        assert!(gap_at(
            &run(r, json!({"supplyItems": [{"good": "Cotton"}]})),
            "supplyItems[0].countryOfOrigin"
        ));
        assert_eq!(run(r, json!({"supplyItems": []})), Outcome::NotApplicable);
    }

    fn hit(outcome: Outcome) -> crate::rules::Hit {
        match outcome {
            Outcome::Fired(hit) => hit,
            other => panic!("did not fire: {other:?}"),
        }
    }

    /// A finding names the edition the pair is on; a pair known only from
    /// the 2022 edition says its 2024 standing could not be confirmed, and
    /// its evidence carries the list's entry, edition and status.
    #[test]
    fn tvpra_findings_name_the_edition_and_status() {
        let r = &FORCED_LABOR_GOODS;
        let garments = hit(run(
            r,
            json!({"supplyItems": [{"good": "Garments", "countryOfOrigin": "BD"}]}),
        ));
        assert_eq!(
            garments.message,
            "Goods on the TVPRA list: Garments from Bangladesh (listed for forced and child labor; 2024 edition)."
        );
        let listing = garments.evidence[0].listing.as_deref().unwrap();
        assert_eq!(listing.entry, "Garments, Bangladesh");
        assert_eq!(
            (listing.edition.as_str(), listing.status),
            ("2024", Listing::Confirmed)
        );

        let flowers = hit(run(
            r,
            json!({"supplyItems": [{"good": "artificial flowers", "countryOfOrigin": "CN"}]}),
        ));
        assert_eq!(flowers.severity, Severity::High);
        assert!(
            flowers
                .message
                .contains("on the 2022 edition; its 2024 status could not be confirmed"),
            "{}",
            flowers.message
        );
        assert_eq!(
            flowers.evidence[0].listing.as_deref().unwrap().status,
            Listing::CarriedOver
        );

        // Removed in 2024: no finding. Shrimp from Thailand stays, for forced labor only.
        assert_eq!(
            run(
                r,
                json!({"supplyItems": [{"good": "Blueberries", "countryOfOrigin": "AR"}]})
            ),
            Outcome::Clear
        );
        let shrimp = hit(run(
            r,
            json!({"supplyItems": [{"good": "Shrimp", "countryOfOrigin": "TH"}]}),
        ));
        assert!(
            shrimp
                .message
                .contains("(listed for forced labor; 2024 edition)"),
            "{}",
            shrimp.message
        );
        let nickel = hit(run(
            r,
            json!({"supplyItems": [{"good": "Nickel", "countryOfOrigin": "ID"}]}),
        ));
        assert_eq!(
            nickel.evidence[0].listing.as_deref().unwrap().status,
            Listing::Added
        );
    }

    #[test]
    fn eo_products() {
        let r = &EO13126_PRODUCT;
        let bricks = json!({"supplyItems": [{"good": "Bricks", "countryOfOrigin": "AF"}]});
        assert_eq!(fired(&run(r, bricks.clone())), Some(Severity::High));
        let mut certified = bricks;
        certified["compliance"] = json!({"certifications": ["far-52.222-50", "far-52.222-18"]});
        assert_eq!(run(r, certified), Outcome::Clear);
        assert_eq!(run(r, json!({})), Outcome::Clear);
    }

    #[test]
    fn sweatfree() {
        let r = &SWEATFREE_MISSING;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let uniforms = json!({"solicitation": {"sector": "apparel", "estimatedValue": 40000, "procurementCategory": null,
            "performancePeriod": {"start": "2026-04-01", "end": "2026-06-30"}}, "price": {"total": 38000, "laborCost": 10000}});
        let out = run(r, uniforms.clone());
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = &out {
            assert!(
                hit.message.contains("sweat-free living wage"),
                "{}",
                hit.message
            );
        }
        // Every goods contract, not apparel alone: office furniture.
        let mut chairs = uniforms.clone();
        chairs["solicitation"]["sector"] = json!("manufacturing");
        let out = run(r, chairs.clone());
        assert_eq!(fired(&out), Some(Severity::High));
        if let Outcome::Fired(hit) = &out {
            assert!(!hit.message.contains("living wage"), "{}", hit.message);
        }
        // Laundry is a service; a County contract is not under the City's ordinance.
        let mut laundry = uniforms.clone();
        laundry["solicitation"]["sector"] = json!("laundry");
        assert_eq!(run(r, laundry), Outcome::NotApplicable);
        let mut county = chairs.clone();
        county["solicitation"]["jurisdiction"] = json!("la-county");
        assert_eq!(run(r, county), Outcome::NotApplicable);
        let mut unknown = chairs;
        unknown["solicitation"]["sector"] = json!("other");
        assert!(gap_at(&run(r, unknown), "solicitation.procurementCategory"));
        let mut short = uniforms.clone();
        short["solicitation"]["performancePeriod"]["end"] = json!("2026-06-29");
        assert_eq!(run(r, short), Outcome::NotApplicable);
        let mut certified = uniforms;
        certified["compliance"] = json!({"certifications": ["la-sweatfree"]});
        assert_eq!(run(r, certified), Outcome::Clear);
    }

    #[test]
    fn disclosure() {
        let r = &SUPPLY_CHAIN_DISCLOSURE_MISSING;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let big = json!({"vendor": {"annualRevenue": 250000000, "businessType": "manufacturer"}});
        assert_eq!(fired(&run(r, big.clone())), Some(Severity::Medium));
        let mut disclosed = big;
        disclosed["compliance"] = json!({"supplyChainDisclosureUrl": "https://example.com/sb657"});
        assert_eq!(run(r, disclosed), Outcome::Clear);
        assert!(gap_at(
            &run(r, json!({"vendor": {"annualRevenue": null}})),
            "vendor.annualRevenue"
        ));
    }

    #[test]
    fn watchlists() {
        let r = &WATCHLIST_MATCH;
        assert_eq!(run(r, json!({})), Outcome::NotApplicable);
        let s = bid(
            json!({"supplyItems": [{"good": "Mops", "countryOfOrigin": "US", "supplier": "Mop Inc."}]}),
        );
        let lists = [Watchlist::new(
            "City debarment".to_owned(),
            vec![WatchlistEntry::new(
                Some("MOP INC".to_owned()),
                Default::default(),
            )],
        )];
        let as_of = s.submitted_on.unwrap_or(crate::date::Date::from_days(0));
        let ctx = Context::new(
            &s,
            policy(),
            as_of,
            crate::rules::testing::loaded().goods(),
            &lists,
        );
        let out = (WATCHLIST_MATCH.check.unwrap_or(|_| Outcome::NotApplicable))(&ctx);
        assert_eq!(fired(&out), Some(Severity::Critical));
    }
}
