//! Group E: supply chain. Goods on the US Department of Labor lists, the
//! City's sweat-free ordinance, California's disclosure law, and watch lists.

use super::{quoted, Context, Group, Outcome, Rule};
use crate::assessment::{Evidence, ListEntry};
use crate::model::{BusinessType, Jurisdiction, ProcurementCategory, Sector, Severity};
use crate::policy::{ThresholdSpec, ANY};
use crate::reference::{GoodsLists, ListKind, Listing, TvpraEntry};
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
    title: "Goods on the TVPRA list of goods made with forced or child labor",
    severities: &[Severity::Medium, Severity::High],
    citations: &["22 U.S.C. 7112(b)(2) (TVPRA List of Goods)"],
    description: "A supply item's good and country of origin are on the Department of Labor's TVPRA list: high when listed for forced labor, medium when listed for child labor only. The list names goods and countries, not suppliers: it calls for questions, not conclusions. Each finding names the list's edition; the built-in list is the 2024 edition as reconstructed from dated dol.gov pages (data/TVPRA-2024.md), and a pair known only from the 2022 edition says so.",
    action: "Ask for the supplier's traceability and audit records for the listed good, or an alternative source.",
    thresholds: &[],
    check: Some(forced_labor_goods),
};

/// The words for what a TVPRA entry is listed for.
fn listed_for(entries: &[TvpraEntry]) -> (&'static str, bool) {
    let forced = entries
        .iter()
        .any(|e| e.forced_labor || e.forced_child_labor);
    let child = entries.iter().any(|e| e.child_labor);
    let kind = match (forced, child) {
        (true, true) => "forced and child labor",
        (true, false) => "forced labor",
        _ => "child labor",
    };
    (kind, forced)
}

/// Where the listing stands: the edition it is on, or, for a pair only the
/// previous edition is known to list, that edition and that its standing
/// now could not be confirmed.
fn edition_note(entry: &TvpraEntry, lists: &GoodsLists) -> String {
    let edition = &lists.tvpra_ref().edition;
    match (entry.status, lists.carried_over_from()) {
        (Listing::CarriedOver, Some(previous)) => {
            format!("on the {previous} edition; its {edition} status could not be confirmed")
        }
        (Listing::CarriedOver, None) => format!(
            "carried over from an earlier edition; its {edition} status could not be confirmed"
        ),
        _ => format!("{edition} edition"),
    }
}

fn forced_labor_goods(c: &Context<'_>) -> Outcome {
    let Some(items) = &c.submission.supply_items else {
        return Outcome::gap(
            "supplyItems",
            "The bid does not list the goods it will supply; ask.",
        );
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
        let (kind, forced) = listed_for(entries);
        severity = severity.max(Some(if forced {
            Severity::High
        } else {
            Severity::Medium
        }));
        let text = format!(
            "{} from {} (listed for {kind}; {})",
            first.good,
            first.country,
            edition_note(first, c.goods)
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
            format!("Goods on the TVPRA list: {}.", listed.join("; ")),
            evidence,
        );
    }
    if !unknown.is_empty() {
        return Outcome::Gap {
            paths: unknown.into(),
            message: "Some supply items lack the good or the country of origin; ask for both."
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
    title: "Product on the EO 13126 list without certification",
    severities: &[Severity::High],
    citations: &["FAR 22.15", "FAR 52.222-18"],
    description: "A supply item is on the Executive Order 13126 list of products made with forced or indentured child labor, and the vendor has not certified (FAR 52.222-18) that it made a good-faith effort to find out whether such labor was used.",
    action: "Require the FAR 52.222-18 certification for the listed product before award.",
    thresholds: &[],
    check: Some(eo13126_product),
};

fn eo13126_product(c: &Context<'_>) -> Outcome {
    let Some(items) = &c.submission.supply_items else {
        return Outcome::gap(
            "supplyItems",
            "The bid does not list the goods it will supply; ask.",
        );
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
            "A supply item is on the EO 13126 list; ask whether the vendor certifies FAR 52.222-18.",
        ),
        Some(false) => {
            let mut names: Vec<String> = listed
                .iter()
                .map(|(_, e)| format!("{} from {}", e.product, e.country))
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
                format!(
                    "Products on the EO 13126 list without the FAR 52.222-18 certification: {}.",
                    names.join("; ")
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
    title: "No sweat-free certification on a City goods contract",
    severities: &[Severity::High],
    citations: &["LAAC Div. 10 Art. 17 (Sweat-Free Procurement)"],
    description: "A City of Los Angeles contract for goods (equipment, goods, materials or supplies) at or above the policy's value and duration ($25,000 and 3 months in la-2026) lacks the City's sweat-free certification, by which the vendor and its subcontractors agree to the Contractor Code of Conduct. The ordinance covers every goods contract, not apparel alone, and not services such as laundry. Garment, uniform and foot-apparel vendors also owe the sweat-free living wage to the workers who make the City's order.",
    action: "Require the signed sweat-free certification (Contractor Code of Conduct) before award; for garments and uniforms, also the list of factories and the living-wage commitment.",
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
                "The solicitation gives no jurisdiction; the City's sweat-free ordinance applies to City contracts.",
            )
        }
    }
    match procurement_category(c) {
        Some(ProcurementCategory::Goods) => {}
        Some(_) => return Outcome::NotApplicable,
        None => {
            return Outcome::gap(
                "solicitation.procurementCategory",
                "The solicitation does not say whether it buys goods, services or works; the sweat-free ordinance covers goods.",
            )
        }
    }
    let Some(minimum_value) = c.threshold(&SWEATFREE_VALUE) else {
        return super::no_threshold(&SWEATFREE_VALUE);
    };
    let Some(minimum_months) = c.threshold(&SWEATFREE_MONTHS) else {
        return super::no_threshold(&SWEATFREE_MONTHS);
    };
    let Some(value) = s.solicitation.estimated_value.or(s.price.total) else {
        return Outcome::gap(
            "solicitation.estimatedValue",
            "The contract value is not given.",
        );
    };
    let period = s.solicitation.performance_period.as_ref();
    let (Some(start), Some(end)) = (period.and_then(|p| p.start), period.and_then(|p| p.end))
    else {
        return Outcome::gap(
            "solicitation.performancePeriod",
            "The performance period is not given.",
        );
    };
    let long_enough = end.add_days(1) >= start.add_months(minimum_months as i32);
    let Some(converted) = c.in_policy_currency(value) else {
        return c.currency_gap("sweat-free threshold");
    };
    if converted < minimum_value || !long_enough {
        return Outcome::NotApplicable;
    }
    match s.has_certification("la-sweatfree") {
        Some(true) => Outcome::Clear,
        None => Outcome::gap(
            "compliance.certifications",
            "Ask for the City's sweat-free certification.",
        ),
        Some(false) => {
            let living_wage = if c.sector() == Some(Sector::Apparel) {
                " As a garment or uniform contract, it also owes the sweat-free living wage."
            } else {
                ""
            };
            Outcome::fired(
                Severity::High,
                format!(
                    "A City goods contract of {} running {start} to {end} has no sweat-free certification.{living_wage}",
                    c.money(value)
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
    title: "No supply-chain disclosure from a large retailer or manufacturer",
    severities: &[Severity::Medium],
    citations: &["Cal. Civ. Code 1714.43 (California Transparency in Supply Chains Act)"],
    description: "A retailer or manufacturer with annual receipts above $100 million must publish what it does to eradicate slavery and trafficking from its supply chain; the bid gives no link to it.",
    action: "Ask for the URL of the vendor's published disclosure and read it for verification, audits and training.",
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
            message: "The vendor's revenue and type of business are not given; ask.".into(),
        };
    };
    let Some(threshold) = c.threshold(&DISCLOSURE_REVENUE) else {
        return super::no_threshold(&DISCLOSURE_REVENUE);
    };
    if !matches!(kind, BusinessType::Retailer | BusinessType::Manufacturer) {
        return Outcome::NotApplicable;
    }
    let Some(converted) = c.in_policy_currency(revenue) else {
        return c.currency_gap("disclosure threshold");
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
        format!(
            "The vendor is a {kind} with annual revenue of {}, above {}, and gives no supply-chain disclosure.",
            c.money(revenue),
            c.policy_money(threshold)
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
    title: "Party matches a watch list",
    severities: &[Severity::Critical],
    citations: &["UFLPA Entity List", "SAM exclusions (FAR 9.4)"],
    description: "The vendor, a subcontractor or a supplier matches an entry of a watch list passed to the tool, by normalized name or by an equal identifier. A name match can be a namesake: confirm with identifiers.",
    action: "Confirm the match with identifiers; if confirmed, the party may not take part in the contract. Refer to the contracting officer.",
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
        "the vendor".to_owned(),
    )];
    for (i, sub) in s.subcontractors.iter().flatten().enumerate() {
        if let Some(name) = sub.name.as_deref() {
            parties.push((
                format!("subcontractors[{i}].name"),
                name,
                sub.identifiers.as_ref().unwrap_or(&no_ids),
                "subcontractor".to_owned(),
            ));
        }
    }
    for (i, item) in s.supply_items.iter().flatten().enumerate() {
        if let Some(name) = item.supplier.as_deref() {
            parties.push((
                format!("supplyItems[{i}].supplier"),
                name,
                &no_ids,
                "supplier".to_owned(),
            ));
        }
    }
    let mut hits = Vec::new();
    let mut evidence = Vec::new();
    for (path, name, ids, role) in &parties {
        for list in c.watchlists {
            if let Some((_, how)) = list.find(Some(name), ids.iter()) {
                hits.push(format!(
                    "{role} {} matches '{}' by {how}",
                    quoted(Some(name), ""),
                    list.name
                ));
                evidence.push(Evidence::new(path.clone(), *name));
            }
        }
    }
    if hits.is_empty() {
        return Outcome::Clear;
    }
    Outcome::fired(
        Severity::Critical,
        format!("Watch-list match: {}.", hits.join("; ")),
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
