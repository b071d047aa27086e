//! The `--format text` reports: what an evaluator reads in a terminal or
//! prints for the file. Plain text, wrapped to 88 columns.

use ctip_screen::assessment::Assessment;
use ctip_screen::compare::Comparison;
use ctip_screen::error::Error;
use ctip_screen::policy::{LoadedPolicy, PolicyCheck, SourceKind};
use ctip_screen::rules::{money, RuleInfo};
use ctip_screen::text::Lang;
use std::fmt::Write as _;

const WIDTH: usize = 88;

/// The policy as a reader checks it: version, FAR edition, goods lists,
/// the current version's changes and, with `--check`, which dated series
/// are older than they are expected to last.
pub fn policy(loaded: &LoadedPolicy, check: Option<&PolicyCheck>, lang: Lang) -> String {
    let p = loaded.policy();
    let es = lang == Lang::Es;
    let mut out = String::new();
    let published = lang.date(p.published);
    let _ = if es {
        writeln!(
            out,
            "Política de evaluación {} versión {} (publicada el {published})",
            p.id, p.version
        )
    } else {
        writeln!(
            out,
            "Policy {} version {} (published {published})",
            p.id, p.version
        )
    };
    wrap(&mut out, "  ", p.say(&p.title, lang));
    let digest = if es { "huella" } else { "digest" };
    let _ = writeln!(out, "  {digest}: {}", loaded.reference().digest);
    if let Some(far) = &p.far {
        let _ = writeln!(out);
        let followed = if es {
            "Texto de la FAR seguido"
        } else {
            "FAR text followed"
        };
        let _ = writeln!(out, "{followed}: {}", p.say(&far.edition, lang));
        wrap(&mut out, "  ", p.say(&far.note, lang));
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        if es {
            "Listas de bienes"
        } else {
            "Goods lists"
        }
    );
    for list in &loaded.reference_in(lang).lists {
        let line = if es {
            format!(
                "edición {}, {} filas, {}: {}",
                list.edition, list.rows, list.digest, list.title
            )
        } else {
            format!(
                "{} edition, {} rows, {}: {}",
                list.edition, list.rows, list.digest, list.title
            )
        };
        wrap(&mut out, "  ", &line);
    }
    if let Some(entry) = p.changelog.first() {
        let _ = writeln!(out);
        let date = lang.date(entry.date);
        let _ = if es {
            writeln!(out, "Cambios en {} ({date})", entry.version)
        } else {
            writeln!(out, "Changes in {} ({date})", entry.version)
        };
        for change in &entry.changes {
            wrap(&mut out, "  - ", p.say(change, lang));
        }
    }
    if let Some(check) = check {
        let _ = writeln!(out);
        let (as_of, stale, total) = (lang.date(check.as_of), check.stale, check.series.len());
        let _ = if es {
            writeln!(
                out,
                "Series con fecha al {as_of}: {stale} de {total} pueden estar desactualizadas"
            )
        } else {
            writeln!(
                out,
                "Dated series on {as_of}: {stale} of {total} may be out of date"
            )
        };
        for s in &check.series {
            let (newest, expected) = (lang.date(s.newest), s.expected_months);
            let line = match (es, s.stale, s.months_old < 0) {
                (false, stale, ahead) => format!(
                    "{} {}: newest entry {newest} ({}; expected to last {expected} months). {}",
                    if stale { "STALE:" } else { "current:" },
                    s.series,
                    if ahead {
                        format!("takes effect in {} months", -s.months_old)
                    } else {
                        format!("{} months old", s.months_old)
                    },
                    s.source
                ),
                (true, stale, ahead) => format!(
                    "{} {}: entrada más reciente {newest} ({}; se espera que dure {expected} meses). {}",
                    if stale { "DESACTUALIZADA:" } else { "vigente:" },
                    s.series,
                    if ahead {
                        format!("entra en vigor en {} meses", -s.months_old)
                    } else {
                        format!("tiene {} meses", s.months_old)
                    },
                    s.source
                ),
            };
            wrap(&mut out, "  ", &line);
        }
    }
    out
}

/// The policy's numbers and their sources as Markdown tables
/// (docs/POLICY.md is this output in English, docs/POLICY.es.md in Spanish,
/// both checked by a test): every number with its source, whether that
/// source is primary, secondary or design, and when it was read. The
/// policy's own texts come from its `translations` in Spanish.
pub fn policy_markdown(loaded: &LoadedPolicy, lang: Lang) -> String {
    let p = loaded.policy();
    let es = lang == Lang::Es;
    // One label in both languages.
    let w = |en: &'static str, spanish: &'static str| if es { spanish } else { en };
    let say = |text: &str| p.say(text, lang).to_owned();
    let mut out = String::new();
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let kind = |k: Option<SourceKind>| match (k, es) {
        (Some(SourceKind::Primary), false) => "primary",
        (Some(SourceKind::Secondary), false) => "secondary",
        (Some(SourceKind::Design), false) => "design",
        (None, false) => "not stated",
        (Some(SourceKind::Primary), true) => "primaria",
        (Some(SourceKind::Secondary), true) => "secundaria",
        (Some(SourceKind::Design), true) => "diseño",
        (None, true) => "no indicada",
    };
    let read =
        |d: Option<ctip_screen::date::Date>| d.map_or_else(|| "-".to_owned(), |d| d.to_string());
    let _ = if es {
        writeln!(
            out,
            "# Política de evaluación `{}` versión {}: cada cifra y su fuente",
            p.id, p.version
        )
    } else {
        writeln!(
            out,
            "# Policy `{}` version {}: every number and its source",
            p.id, p.version
        )
    };
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        w(
            "Generated by `ctip-screen policy --format markdown` from `src/policy/la-2026.json`; a test keeps it current. \
             *Kind* says whether the source is the law or an official text (primary), an account of it (secondary), \
             or ctip-screen's own judgement (design), which a city should set for itself. *Read* is when the source was last read. \
             En español: [POLICY.es.md](POLICY.es.md).",
            "Generado por `ctip-screen policy --lang es --format markdown` a partir de `src/policy/la-2026.json`; una prueba lo mantiene al día. \
             *Tipo* dice si la fuente es la ley o un texto oficial (primaria), un relato de ella (secundaria) \
             o el criterio propio de ctip-screen (diseño), que cada ciudad debería fijar por sí misma. *Leída* es cuándo se leyó la fuente por última vez. \
             English: [POLICY.md](POLICY.md)."
        )
    );
    let _ = writeln!(out);
    let _ = if es {
        writeln!(
            out,
            "Publicada el {}. Huella de la política de evaluación `{}`.",
            lang.date(p.published),
            loaded.reference().digest
        )
    } else {
        writeln!(
            out,
            "Published {}. Policy digest `{}`.",
            p.published,
            loaded.reference().digest
        )
    };
    if let Some(far) = &p.far {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "**{}:** {}. {}",
            w("FAR text followed", "Texto de la FAR seguido"),
            say(&far.edition),
            say(&far.note)
        );
        let _ = writeln!(
            out,
            "{}: {} ({}, {} {}).",
            w("Source", "Fuente"),
            say(&far.source),
            kind(far.provenance.source_kind),
            w("read", "leída el"),
            read(far.provenance.read)
        );
    }
    let (source_h, kind_h, read_h) = (w("source", "fuente"), w("kind", "tipo"), w("read", "leída"));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "## {}",
        w(
            "Wage floors (per hour, from the effective date)",
            "Salarios mínimos aplicables (por hora, desde la fecha de vigencia)"
        )
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {source_h} | {kind_h} | {read_h} |",
        w("scope", "ámbito"),
        w("sector", "sector"),
        w("hourly", "por hora"),
        w("effective", "vigencia"),
        w("health payment", "pago de salud"),
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for f in &p.wage_floors {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            ctip_screen::api::to_json(&f.scope).trim_matches('"'),
            f.sector.map_or("-", |s| s.as_str()),
            money(f.hourly),
            f.effective,
            f.health_payment.map_or_else(|| "-".to_owned(), money),
            cell(&say(&f.source)),
            kind(f.provenance.source_kind),
            read(f.provenance.read)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "## {}",
        w(
            "FAR 52.222-50(h) compliance-plan threshold",
            "Umbral del plan de cumplimiento de FAR 52.222-50(h)"
        )
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| {} | {} | {source_h} | {kind_h} | {read_h} |",
        w("amount", "monto"),
        w("effective", "vigencia")
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for t in &p.compliance_plan_thresholds {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            money(t.amount),
            t.effective,
            cell(&say(&t.source)),
            kind(t.provenance.source_kind),
            read(t.provenance.read)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## {}", w("Thresholds", "Umbrales"));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| {} | {} | {source_h} | {kind_h} | {read_h} |",
        w("name", "nombre"),
        w("value", "valor")
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    let thresholds = serde_json::to_value(&p.thresholds).unwrap_or_default();
    for (name, t) in thresholds.as_object().into_iter().flatten() {
        let source = t["source"].as_str().unwrap_or_default();
        let kind_word = match t["sourceKind"].as_str() {
            Some("primary") => kind(Some(SourceKind::Primary)),
            Some("secondary") => kind(Some(SourceKind::Secondary)),
            Some("design") => kind(Some(SourceKind::Design)),
            _ => kind(None),
        };
        let _ = writeln!(
            out,
            "| `{name}` | {} | {} | {} | {} |",
            t["value"],
            cell(&say(source)),
            kind_word,
            t["read"].as_str().unwrap_or("-")
        );
    }
    if let Some(r) = &p.requirements.contracts_in_workers_languages {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "## {}",
            w(
                "Requirements of the city's contracts",
                "Requisitos de los contratos de la ciudad"
            )
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| {} | {} | {source_h} |",
            w("requirement", "requisito"),
            w("on", "activado")
        );
        let _ = writeln!(out, "|---|---|---|");
        let _ = writeln!(
            out,
            "| `contractsInWorkersLanguages` | {} | {} |",
            r.value,
            cell(&say(&r.source))
        );
    }
    if !p.tender_periods.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "## {}",
            w(
                "Minimum tender periods",
                "Plazos mínimos para presentar ofertas"
            )
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {source_h} | {kind_h} | {read_h} |",
            w("method", "procedimiento"),
            w("days", "días"),
            w("effective", "vigencia")
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for t in &p.tender_periods {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                t.method,
                t.days,
                t.effective,
                cell(&say(&t.source)),
                kind(t.provenance.source_kind),
                read(t.provenance.read)
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "## {}",
        w("Major-event windows", "Periodos de grandes eventos")
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {source_h} | {kind_h} | {read_h} |",
        w("event", "evento"),
        w("start", "inicio"),
        w("end", "fin"),
        w("build-up days", "días de preparación")
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for ev in &p.event_windows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&say(&ev.name)),
            ev.start,
            ev.end,
            ev.build_up_days,
            cell(&say(&ev.source)),
            kind(ev.provenance.source_kind),
            read(ev.provenance.read)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## {}", w("Goods lists", "Listas de bienes"));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        w("list", "lista"),
        w("edition", "edición"),
        w("rows", "filas"),
        w("digest", "huella"),
        w("what it is", "qué es")
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for l in &loaded.reference_in(lang).lists {
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}` | {} |",
            ctip_screen::api::to_json(&l.list).trim_matches('"'),
            l.edition,
            l.rows,
            l.digest,
            cell(&l.title)
        );
    }
    for entry in &p.changelog {
        let _ = writeln!(out);
        let _ = if es {
            writeln!(
                out,
                "## Cambios en {} ({})",
                entry.version,
                lang.date(entry.date)
            )
        } else {
            writeln!(out, "## Changes in {} ({})", entry.version, entry.date)
        };
        let _ = writeln!(out);
        for change in &entry.changes {
            let _ = writeln!(out, "- {}", say(change));
        }
    }
    out
}

/// The report for one assessment.
/// The words of the text reports, in English and Spanish.
struct Words {
    assessment_of: &'static str,
    score: &'static str,
    tier: &'static str,
    review: &'static str,
    yes: &'static str,
    no: &'static str,
    as_of: &'static str,
    policy: &'static str,
    engine: &'static str,
    completeness: &'static str,
    recommends: &'static str,
    none_found: &'static str,
    findings: &'static str,
    rule: &'static str,
    evidence: &'static str,
    cites: &'static str,
    next_step: &'static str,
    missing: &'static str,
    comparison_of: &'static str,
    priced: &'static str,
    columns: [&'static str; 5],
    none_across: &'static str,
    across: &'static str,
    each: &'static str,
    bids: &'static str,
}

const EN: Words = Words {
    assessment_of: "ctip-screen assessment of bid",
    score: "Score",
    tier: "Tier",
    review: "Review required",
    yes: "YES",
    no: "no",
    as_of: "As of",
    policy: "policy",
    engine: "engine",
    completeness: "completeness",
    recommends: "This report lists risk indicators for review. It recommends; people decide.",
    none_found: "No risk indicators found.",
    findings: "Findings",
    rule: "rule",
    evidence: "evidence",
    cites: "cites",
    next_step: "next step",
    missing: "Information missing ({} rules could not be evaluated)",
    comparison_of: "ctip-screen comparison of {} bids ({} priced)",
    priced: "Prices: lowest {}, highest {}, mean {}, median {}",
    columns: ["bid", "score", "tier", "findings", "review"],
    none_across: "No findings across bids.",
    across: "Across bids",
    each: "each",
    bids: "bids",
};

const ES: Words = Words {
    assessment_of: "Evaluación de ctip-screen de la oferta",
    score: "Puntuación",
    tier: "Nivel de riesgo",
    review: "Se requiere revisión",
    yes: "SÍ",
    no: "no",
    as_of: "Fecha de evaluación",
    policy: "política de evaluación",
    engine: "motor",
    completeness: "información completa",
    recommends: "Este informe enumera indicadores de riesgo para revisión. Recomienda; las personas deciden.",
    none_found: "No se encontraron indicadores de riesgo.",
    findings: "Hallazgos",
    rule: "regla",
    evidence: "evidencia",
    cites: "fundamento",
    next_step: "siguiente paso",
    missing: "Información faltante ({} reglas no se pudieron evaluar)",
    comparison_of: "Comparación de ctip-screen de {} ofertas ({} con precio)",
    priced: "Precios: el más bajo {}, el más alto {}, media {}, mediana {}",
    columns: ["oferta", "punt.", "nivel", "hallazgos", "revisión"],
    none_across: "No hay hallazgos entre las ofertas.",
    across: "Entre las ofertas",
    each: "cada una",
    bids: "ofertas",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// Fills the `{}` of a report's words in order.
fn fill(template: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut parts = template.split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some() {
            out.push_str(values.next().map_or("", String::as_str));
        }
    }
    out
}

pub fn assessment(a: &Assessment, vendor: Option<&str>) -> String {
    let lang = a.locale;
    let w = words(lang);
    let mut out = String::new();
    let who = vendor
        .map(|v| format!(" ({})", terminal_safe(v)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {}{who}",
        w.assessment_of,
        terminal_safe(&a.submission_id)
    );
    let _ = writeln!(
        out,
        "{} {}/100   {}: {}   {}: {}",
        w.score,
        a.score,
        w.tier,
        a.tier.word(lang).to_uppercase(),
        w.review,
        if a.review_required { w.yes } else { w.no }
    );
    let _ = writeln!(
        out,
        "{} {}; {} {} {} ({}); {} {}; {} {:.0}%",
        w.as_of,
        lang.date(a.as_of),
        w.policy,
        a.policy.id,
        a.policy.version,
        a.policy.digest,
        w.engine,
        a.engine_version,
        w.completeness,
        a.completeness * 100.0
    );
    let _ = writeln!(out, "{}", w.recommends);
    let _ = writeln!(out);
    if a.findings.is_empty() {
        let _ = writeln!(out, "{}", w.none_found);
    } else {
        let _ = writeln!(out, "{} ({})", w.findings, a.findings.len());
    }
    for f in &a.findings {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "  [{}] {} (+{})",
            f.severity.word(lang).to_uppercase(),
            f.title,
            f.points
        );
        let _ = writeln!(out, "    {}: {}", w.rule, f.rule);
        wrap(&mut out, "    ", &f.message);
        for e in &f.evidence {
            wrap(
                &mut out,
                &format!("    {}: ", w.evidence),
                &format!("{} = {}", e.path, e.value),
            );
        }
        wrap(
            &mut out,
            &format!("    {}: ", w.cites),
            &f.citations.join("; "),
        );
        wrap(&mut out, &format!("    {}: ", w.next_step), &f.action);
    }
    if !a.gaps.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", fill(w.missing, &[a.gaps.len().to_string()]));
        for g in &a.gaps {
            wrap(
                &mut out,
                "  - ",
                &format!("{}: {} [{}]", g.rule, g.message, g.paths.join(", ")),
            );
        }
    }
    out
}

/// The report for a comparison, in `lang`.
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let s = &c.statistics;
    let _ = writeln!(
        out,
        "{}",
        fill(
            w.comparison_of,
            &[s.count.to_string(), s.priced.to_string()]
        )
    );
    if let (Some(min), Some(max), Some(mean), Some(median)) = (s.min, s.max, s.mean, s.median) {
        let _ = writeln!(
            out,
            "{}",
            fill(
                w.priced,
                &[money(min), money(max), money(mean), money(median)]
            )
        );
    }
    let _ = writeln!(out);
    let [bid, score, tier, findings, review] = w.columns;
    let _ = writeln!(
        out,
        "{:<20} {:>5}  {:<9} {:>8}  {review}",
        bid, score, tier, findings
    );
    for a in &c.assessments {
        let _ = writeln!(
            out,
            "{:<20} {:>5}  {:<9} {:>8}  {}",
            truncate(&terminal_safe(&a.submission_id), 20),
            a.score,
            a.tier.word(lang),
            a.findings.len(),
            if a.review_required { w.yes } else { w.no }
        );
    }
    let _ = writeln!(out);
    if c.findings.is_empty() {
        let _ = writeln!(out, "{}", w.none_across);
    } else {
        let _ = writeln!(out, "{} ({})", w.across, c.findings.len());
    }
    for f in &c.findings {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "  [{}] {} (+{} {})",
            f.severity.word(lang).to_uppercase(),
            f.rule,
            f.points,
            w.each
        );
        wrap(&mut out, "    ", &f.message);
        wrap(&mut out, &format!("    {}: ", w.bids), &f.bids.join(", "));
        wrap(
            &mut out,
            &format!("    {}: ", w.cites),
            &f.citations.join("; "),
        );
        wrap(&mut out, &format!("    {}: ", w.next_step), f.action);
    }
    out
}

/// The rule catalogue as text, in `lang`.
pub fn catalogue(rules: &[RuleInfo], lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let mut group = None;
    for r in rules {
        if group != Some(r.group) {
            group = Some(r.group);
            let _ = writeln!(out, "\n{:?}. {}", r.group, r.group_title);
        }
        let severities: Vec<&str> = r.severities.iter().map(|s| s.word(lang)).collect();
        let _ = writeln!(out, "  {} [{}]", r.id, severities.join(" / "));
        wrap(&mut out, "    ", r.title);
        wrap(
            &mut out,
            &format!("    {}: ", w.cites),
            &r.citations.join("; "),
        );
    }
    out
}

/// The rule catalogue as Markdown: one section per rule with what it flags,
/// why, the law behind it and what to do (docs/catalogue.md is this output).
pub fn catalogue_markdown(rules: &[RuleInfo], lang: Lang) -> String {
    let (mut out, labels) = match lang {
        Lang::En => (
            String::from(
                "# ctip-screen rule catalogue\n\n\
                 Generated by `ctip-screen rules --format markdown` from the definitions the engine runs; \
                 a test fails when this file and the engine differ. Numbers (thresholds, points, dates) \
                 come from the policy: see `ctip-screen policy`.\n",
            ),
            [
                "Severity",
                "Law or standard",
                "Next step",
                "Before submitting (vendors)",
            ],
        ),
        Lang::Es => (
            String::from(
                "# Catálogo de reglas de ctip-screen\n\n\
                 Generado por `ctip-screen rules --lang es --format markdown` a partir de las definiciones \
                 que usa el motor; una prueba falla cuando este archivo y el motor no coinciden. Las cifras \
                 (umbrales, puntos, fechas) vienen de la política de evaluación: vea `ctip-screen policy`. \
                 Las leyes conservan sus nombres oficiales. English: [catalogue.md](catalogue.md).\n",
            ),
            [
                "Gravedad",
                "Ley o norma",
                "Siguiente paso",
                "Antes de presentar la oferta (proveedores)",
            ],
        ),
    };
    let [severity_label, law_label, next_label, vendor_label] = labels;
    let mut group = None;
    for r in rules {
        if group != Some(r.group) {
            group = Some(r.group);
            let _ = write!(out, "\n## {:?}. {}\n", r.group, r.group_title);
        }
        let severities: Vec<&str> = r.severities.iter().map(|s| s.word(lang)).collect();
        let _ = write!(
            out,
            "\n### `{}`: {}\n\n{}\n\n- **{severity_label}:** {}\n- **{law_label}:** {}\n- **{next_label}:** {}\n- **{vendor_label}:** {}\n",
            r.id,
            r.title,
            r.description,
            severities.join(" / "),
            r.citations.join("; "),
            r.action,
            r.vendor_action
        );
    }
    out
}

/// The report of OCDS data that could not be read: where, and what is
/// wrong, in OCDS's terms.
pub fn ocds_error_report(e: &Error, source: &str, lang: Lang) -> String {
    let mut out = String::new();
    let (source, code) = (terminal_safe(source), e.code());
    let _ = if lang == Lang::Es {
        writeln!(
            out,
            "ctip-screen: {source}: no se pueden leer los datos OCDS ({code})"
        )
    } else {
        writeln!(
            out,
            "ctip-screen: {source}: the OCDS data cannot be read ({code})"
        )
    };
    for issue in e.issues().iter().take(50) {
        let _ = writeln!(out, "  {}", terminal_safe(&issue.message));
    }
    out
}

/// The message for OCDS data of which `failed` lines of JSON Lines could
/// not be read (each is reported in the output, in its place).
pub fn ocds_lines_report(failed: usize, source: &str, lang: Lang) -> String {
    let source = terminal_safe(source);
    match (lang, failed) {
        (Lang::Es, 1) => format!("ctip-screen: {source}: 1 línea no se pudo leer; es una línea {{\"line\", \"error\"}} de la salida"),
        (Lang::Es, _) => format!("ctip-screen: {source}: {failed} líneas no se pudieron leer; cada una es una línea {{\"line\", \"error\"}} de la salida"),
        (Lang::En, 1) => format!("ctip-screen: {source}: 1 line could not be read; it is an {{\"line\", \"error\"}} line in the output"),
        (Lang::En, _) => format!("ctip-screen: {source}: {failed} lines could not be read; each is an {{\"line\", \"error\"}} line in the output"),
    }
}

/// Is `c` a character a terminal acts on rather than shows: a control
/// character (C0, DEL, C1) or a bidi embedding, override or isolate
/// (U+202A-202E, U+2066-2069)?
fn unsafe_for_terminal(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for a terminal: control characters (C0, C1, DEL) and bidi
/// overrides written as escapes (`\u{1b}`), so that data cannot move the
/// cursor, forge a line or reorder what is shown.
pub fn terminal_safe(text: &str) -> String {
    terminal_text(text, false)
}

/// A whole report for a terminal: as [`terminal_safe`], but its own line
/// breaks kept. Data is made safe where it is written (a line break in a
/// vendor's name is escaped there); this pass catches what is left.
pub fn terminal_report(text: &str) -> String {
    terminal_text(text, true)
}

fn terminal_text(text: &str, keep_newlines: bool) -> String {
    if !text.chars().any(unsafe_for_terminal) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_for_terminal(c) && !(keep_newlines && c == '\n') {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// JSON text for a terminal: the characters a terminal acts on that JSON
/// leaves raw (DEL, C1, bidi overrides; C0 is always escaped) written as
/// `\uXXXX` escapes, which mean the same characters to a JSON reader. Only
/// used when standard output is a terminal, so that piped output stays byte
/// for byte what the npm package returns.
pub fn json_for_terminal(json: &str) -> String {
    if !json.chars().any(unsafe_for_terminal) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_for_terminal(c) && c != '\n' {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

pub fn error_report(e: &Error, source: &str, lang: Lang) -> String {
    let mut out = String::new();
    let es = lang == Lang::Es;
    let what = match e {
        Error::InvalidSubmission(_) if es => "la entrada no es una oferta válida",
        Error::InvalidSubmission(_) => "the input is not a valid submission",
        Error::InvalidPolicy(_) if es => "la política de evaluación no es válida",
        Error::InvalidPolicy(_) => "the policy is not valid",
        Error::InvalidOptions(_) if es => "las opciones no son válidas",
        Error::InvalidOptions(_) => "the options are not valid",
        Error::LimitExceeded(_) if es => {
            "la entrada supera los límites de la política de evaluación"
        }
        Error::LimitExceeded(_) => "the input is larger than the policy's limits",
    };
    let _ = writeln!(
        out,
        "ctip-screen: {}: {what} ({})",
        terminal_safe(source),
        e.code()
    );
    for issue in e.issues().iter().take(50) {
        let path = if issue.path.is_empty() {
            if es {
                "(documento)"
            } else {
                "(document)"
            }
        } else {
            issue.path.as_str()
        };
        let _ = writeln!(
            out,
            "  {}: {}",
            terminal_safe(path),
            terminal_safe(&issue.message)
        );
    }
    if e.issues().len() > 50 {
        let more = e.issues().len() - 50;
        let _ = if es {
            writeln!(out, "  ... y {more} más")
        } else {
            writeln!(out, "  ... and {more} more")
        };
    }
    if matches!(e, Error::InvalidSubmission(_)) {
        let _ = writeln!(
            out,
            "{}",
            if es {
                "Vea `ctip-screen schema` para la forma de una oferta."
            } else {
                "See `ctip-screen schema` for the shape of a submission."
            }
        );
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Writes `text` after `lead`, wrapped at word boundaries, continuation
/// lines indented to the width of `lead`.
fn wrap(out: &mut String, lead: &str, text: &str) {
    let indent = " ".repeat(lead.chars().count());
    let mut line = String::from(lead);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&terminal_safe(word));
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes() {
        assert_eq!(
            terminal_safe("a\nb\u{1b}[2K\u{9b}\u{202e}\u{2066}\u{7f}ü"),
            "a\\u{a}b\\u{1b}[2K\\u{9b}\\u{202e}\\u{2066}\\u{7f}ü"
        );
        assert_eq!(terminal_report("line\n\u{1b}x\n"), "line\n\\u{1b}x\n");
        // JSON keeps its meaning: C1, DEL and bidi become \u escapes.
        let json = "{\"a\":\"x\u{9b}\u{202e}\u{7f}\\u001b\"}\n";
        let safe = json_for_terminal(json);
        assert_eq!(safe, "{\"a\":\"x\\u009b\\u202e\\u007f\\u001b\"}\n");
        let a: serde_json::Value = serde_json::from_str(json).unwrap();
        let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(a, b);
    }
}
