//! The citations of the rules as a Spanish text shows them. Laws keep their
//! official names and numbers (FAR 52.222-50 stays as it is); California's
//! codes take the Spanish names in common use (Código Laboral de
//! California 1182.12), and the glosses in parentheses are translated
//! (docs/glossary.md). A test holds every citation a rule gives to an entry
//! here.

use super::{catalogue, Lang, Rule};
use std::sync::OnceLock;

/// Each citation as the rules write it, and in Spanish.
static SPANISH: &[(&str, &str)] = &[
    ("22 U.S.C. 7104a", "22 U.S.C. 7104a"),
    ("22 U.S.C. 7112(b)(2) (TVPRA List of Goods)", "22 U.S.C. 7112(b)(2) (lista TVPRA de bienes)"),
    (
        "Cal. Civ. Code 1714.43 (California Transparency in Supply Chains Act)",
        "Código Civil de California 1714.43 (California Transparency in Supply Chains Act)",
    ),
    ("Cal. Lab. Code 1182.12", "Código Laboral de California 1182.12"),
    ("Cal. Lab. Code 1725.5", "Código Laboral de California 1725.5"),
    ("Cal. Lab. Code 1771 (prevailing wage)", "Código Laboral de California 1771 (salario prevaleciente)"),
    ("Cal. Lab. Code 1771.1", "Código Laboral de California 1771.1"),
    ("Cal. Lab. Code 204", "Código Laboral de California 204"),
    ("Cal. Lab. Code 221", "Código Laboral de California 221"),
    ("Cal. Lab. Code 224", "Código Laboral de California 224"),
    ("Cal. Lab. Code 2775 (ABC test)", "Código Laboral de California 2775 (prueba ABC)"),
    ("Cal. Lab. Code 2810", "Código Laboral de California 2810"),
    ("EU Directive 2014/24 art. 69", "Directiva de la UE 2014/24 art. 69"),
    (
        "EU Directive 2014/24 art. 69 (abnormally low tenders)",
        "Directiva de la UE 2014/24 art. 69 (ofertas anormalmente bajas)",
    ),
    ("EU Directive 2014/24 art. 71", "Directiva de la UE 2014/24 art. 71"),
    ("FAR 22.15", "FAR 22.15"),
    ("FAR 22.1705(a)(1)", "FAR 22.1705(a)(1)"),
    ("FAR 52.222-18", "FAR 52.222-18"),
    ("FAR 52.222-50", "FAR 52.222-50"),
    (
        "FAR 52.222-50(a) (definition of recruitment fees, FAC 2019-01)",
        "FAR 52.222-50(a) (definición de cuotas de reclutamiento, FAC 2019-01)",
    ),
    ("FAR 52.222-50(b)(4)", "FAR 52.222-50(b)(4)"),
    ("FAR 52.222-50(b)(5)(ii)", "FAR 52.222-50(b)(5)(ii)"),
    ("FAR 52.222-50(b)(6)", "FAR 52.222-50(b)(6)"),
    ("FAR 52.222-50(b)(7)(ii)", "FAR 52.222-50(b)(7)(ii)"),
    ("FAR 52.222-50(b)(8)", "FAR 52.222-50(b)(8)"),
    (
        "FAR 52.222-50(b)(9) (where law or the contract requires written work documents)",
        "FAR 52.222-50(b)(9) (cuando la ley o el contrato exigen documentos de trabajo escritos)",
    ),
    ("FAR 52.222-50(c)", "FAR 52.222-50(c)"),
    (
        "FAR 52.222-50(e) (remedies, including suspension and debarment)",
        "FAR 52.222-50(e) (sanciones, incluidas la suspensión y la inhabilitación)",
    ),
    ("FAR 52.222-50(h)", "FAR 52.222-50(h)"),
    ("FAR 52.222-50(h)(3)", "FAR 52.222-50(h)(3)"),
    ("FAR 52.222-50(h)(3)(i)", "FAR 52.222-50(h)(3)(i)"),
    ("FAR 52.222-50(h)(3)(ii)", "FAR 52.222-50(h)(3)(ii)"),
    ("FAR 52.222-50(h)(3)(iii)", "FAR 52.222-50(h)(3)(iii)"),
    ("FAR 52.222-50(h)(3)(v)", "FAR 52.222-50(h)(3)(v)"),
    ("FAR 52.222-50(h)(4)", "FAR 52.222-50(h)(4)"),
    ("FAR 52.222-50(h)(5)", "FAR 52.222-50(h)(5)"),
    ("FAR 52.222-50(i)(1)", "FAR 52.222-50(i)(1)"),
    ("FAR 52.222-50(i)(2)", "FAR 52.222-50(i)(2)"),
    ("FAR 52.222-56", "FAR 52.222-56"),
    (
        "FAR 9.104-1(d) (a satisfactory record of integrity and business ethics)",
        "FAR 9.104-1(d) (un historial satisfactorio de integridad y ética empresarial)",
    ),
    ("FAR 9.4", "FAR 9.4"),
    (
        "ILO forced labour indicator: abusive living conditions",
        "Indicador de trabajo forzoso de la OIT: condiciones de vida abusivas",
    ),
    (
        "ILO forced labour indicator: debt bondage",
        "Indicador de trabajo forzoso de la OIT: servidumbre por deudas",
    ),
    (
        "ILO forced labour indicator: excessive overtime",
        "Indicador de trabajo forzoso de la OIT: horas extras excesivas",
    ),
    (
        "ILO forced labour indicator: retention of identity documents",
        "Indicador de trabajo forzoso de la OIT: retención de documentos de identidad",
    ),
    (
        "ILO forced labour indicator: withholding of wages",
        "Indicador de trabajo forzoso de la OIT: retención de salario",
    ),
    (
        "LA28 / FIFA World Cup 2026 anti-trafficking recommendations",
        "Recomendaciones contra la trata de personas para LA28 y la Copa Mundial de la FIFA 2026",
    ),
    (
        "LAAC 10.40 (Contractor Responsibility Program)",
        "LAAC 10.40 (Contractor Responsibility Program)",
    ),
    (
        "LAAC Div. 10 Art. 17 (Sweat-Free Procurement)",
        "LAAC Div. 10 Art. 17 (Sweat-Free Procurement)",
    ),
    ("LACC 2.202 (County debarment)", "LACC 2.202 (inhabilitación del Condado)"),
    ("LACC 8.100 (County minimum wage)", "LACC 8.100 (salario mínimo del Condado)"),
    (
        "LAMC ch. XVIII art. 7 (City minimum wage)",
        "LAMC cap. XVIII art. 7 (salario mínimo de la Ciudad)",
    ),
    (
        "Open Contracting Partnership red flag (Cardinal R018)",
        "Señal de alerta de Open Contracting Partnership (Cardinal R018)",
    ),
    (
        "Open Contracting Partnership red flag (Cardinal R028)",
        "Señal de alerta de Open Contracting Partnership (Cardinal R028)",
    ),
    (
        "Open Contracting Partnership red flag (Cardinal R044 style)",
        "Señal de alerta de Open Contracting Partnership (al estilo de Cardinal R044)",
    ),
    (
        "Open Contracting Partnership red flag: short submission period (Cardinal R003)",
        "Señal de alerta de Open Contracting Partnership: plazo de presentación corto (Cardinal R003)",
    ),
    (
        "Open Contracting Partnership: red flags for integrity",
        "Open Contracting Partnership: señales de alerta para la integridad",
    ),
    ("Polaris typology of modern slavery", "Tipología de la esclavitud moderna de Polaris"),
    (
        "Polaris typology of modern slavery (construction, hospitality)",
        "Tipología de la esclavitud moderna de Polaris (construcción, hotelería)",
    ),
    ("RGLCAP art. 85", "RGLCAP art. 85"),
    ("SAM exclusions (FAR 9.4)", "Exclusiones de SAM (FAR 9.4)"),
    (
        "The city's contract requirement (policy requirements.contractsInWorkersLanguages)",
        "El requisito de los contratos de la ciudad (política de evaluación, requirements.contractsInWorkersLanguages)",
    ),
    ("UFLPA Entity List", "UFLPA Entity List"),
    ("Verite Responsible Sourcing Tool", "Verite Responsible Sourcing Tool"),
    (
        "Verite Responsible Sourcing Tool: labor surges",
        "Verite Responsible Sourcing Tool: aumentos repentinos de personal",
    ),
    (
        "ctip-screen policy: dated wage floors",
        "Política de evaluación de ctip-screen: salarios mínimos con fecha",
    ),
];

/// A rule's citations as `lang` shows them: the rule's own in English; in
/// Spanish, each through the table above (one not in the table, which a
/// test forbids, stays as written).
pub fn citations_in(rule: &'static Rule, lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => rule.citations,
        Lang::Es => {
            static BY_RULE: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
            let all = BY_RULE.get_or_init(|| {
                catalogue()
                    .iter()
                    .map(|r| (r.id, r.citations.iter().map(|c| spanish(c)).collect()))
                    .collect()
            });
            all.iter()
                .find(|(id, _)| *id == rule.id)
                .map_or(rule.citations, |(_, cites)| cites.as_slice())
        }
    }
}

/// One citation in Spanish, as written when the table lacks it.
fn spanish(citation: &'static str) -> &'static str {
    SPANISH
        .iter()
        .find(|(en, _)| *en == citation)
        .map_or(citation, |(_, es)| es)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_a_rule_gives_has_its_spanish_form() {
        for rule in catalogue() {
            for c in rule.citations {
                assert!(
                    SPANISH.iter().any(|(en, _)| en == c),
                    "{}: '{c}' has no Spanish form in rules/citations.rs",
                    rule.id
                );
            }
            assert_eq!(citations_in(rule, Lang::Es).len(), rule.citations.len());
        }
        assert_eq!(
            spanish("Cal. Lab. Code 1182.12"),
            "Código Laboral de California 1182.12"
        );
    }

    #[test]
    fn the_table_has_no_entry_no_rule_gives() {
        for (en, _) in SPANISH {
            assert!(
                catalogue().iter().any(|r| r.citations.contains(en)),
                "'{en}' is cited by no rule"
            );
        }
    }
}
