//! The command line's help and usage errors in Spanish, for `--help` or a
//! mistyped command given with `--lang es` (or any `es` tag): the same
//! commands and flags, described in Spanish, under Spanish headings. clap
//! has no translations of its own, so its help flag, version flag and
//! headings are replaced here, and its errors are written again from the
//! facts clap records in them ([`error`]).

use clap::builder::Str;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::fmt::Write as _;

/// What each flag or argument does, by its id (the field's name).
const ARGS: &[(&str, &str)] = &[
    ("file", "Archivo JSON que se lee, o - para la entrada estándar."),
    ("policy", "Política de evaluación en JSON, en lugar de la incluida (la-2026)."),
    (
        "as_of",
        "Evaluar en esta fecha (por omisión: submittedOn de la oferta, o si no, hoy).",
    ),
    (
        "watchlist",
        "Lista de vigilancia en JSON ({\"name\", \"entries\": [{\"name\", \"identifiers\"}]}); se puede repetir.",
    ),
    (
        "goods_list",
        "Una lista de bienes del DOL más reciente (CSV: las columnas TVPRA o EO 13126 de data/, o las de ILAB); reemplaza la lista incluida de su tipo, y la evaluación la nombra por el nombre del archivo y su huella. Se puede repetir (una por lista).",
    ),
    (
        "wage_floors",
        "Salarios mínimos aplicables que se suman a los de la política de evaluación (un arreglo JSON de entradas wageFloors: scope, hourly, effective, source; sector y healthPayment opcionales).",
    ),
    (
        "lang",
        "Idioma de los textos (una etiqueta BCP 47): es, es-MX, es-US o cualquier otra etiqueta es para español; cualquier otra cosa, o ninguna, para inglés. Los identificadores, las claves JSON y las palabras del vocabulario quedan en inglés.",
    ),
    (
        "threads",
        "Hilos que analizan los procesos (por omisión: uno por núcleo); la salida mantiene el orden de la entrada.",
    ),
    ("all", "Todos los tipos de datos, no solo la oferta."),
    (
        "check",
        "Lista cada serie con fecha y si probablemente ya corresponde una entrada más reciente (en --as-of, por omisión hoy).",
    ),
];

/// The `--format` flag of each command: its formats, the default first.
const FORMATS: &[(&str, &str)] = &[
    ("score", "Formato de salida: json (por omisión) o text."),
    ("compare", "Formato de salida: json (por omisión) o text."),
    ("rules", "Formato de salida: json (por omisión), text o markdown."),
    (
        "policy",
        "Formato de salida: json (por omisión), text o markdown (la tabla de fuentes de docs/POLICY.md).",
    ),
];

/// The names of values in usage lines and help, in Spanish.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "ARCHIVO"),
    ("YYYY-MM-DD", "AAAA-MM-DD"),
    ("TAG", "ETIQUETA"),
    ("FORMAT", "FORMATO"),
];

/// What each command does, and its usage line.
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "score",
        "Analiza una oferta e imprime su evaluación.",
        "ctip-screen score [OPCIONES] <ARCHIVO>",
    ),
    (
        "compare",
        "Compara las ofertas de una misma convocatoria (un arreglo JSON de ofertas).",
        "ctip-screen compare [OPCIONES] <ARCHIVO>",
    ),
    (
        "ocds",
        "Analiza los procesos de contratación de datos OCDS (paquetes de entregas o de registros, entregas, registros, arreglos o JSON Lines de cualquiera de ellos): una línea JSON por proceso. Una línea de JSON Lines que no se puede leer recibe en su lugar una línea de error, y el estado de salida 2.",
        "ctip-screen ocds [OPCIONES] <ARCHIVO>",
    ),
    (
        "rules",
        "Imprime el catálogo de reglas.",
        "ctip-screen rules [OPCIONES]",
    ),
    (
        "schema",
        "Imprime el esquema JSON de una oferta o, con --all, de cada tipo de datos (oferta, evaluación, comparación, política de evaluación, catálogo de reglas, lista de vigilancia, proceso OCDS) en `definitions`.",
        "ctip-screen schema [OPCIONES]",
    ),
    (
        "policy",
        "Imprime la política de evaluación incluida (la-2026) o, con --check, cuáles de sus series con fecha (salarios mínimos aplicables, umbrales, la lista TVPRA) tienen más antigüedad de la que se espera que duren.",
        "ctip-screen policy [OPCIONES]",
    ),
];

const ABOUT: &str = "Analiza ofertas de contratos públicos en busca de indicadores de riesgo de trata de personas con fines laborales.";
const LONG_ABOUT: &str = "Analiza ofertas de contratos públicos en busca de indicadores de riesgo de trata de personas y de explotación laboral.\nCada hallazgo nombra su regla, la evidencia en la oferta, la ley que lo respalda y el siguiente paso.\nRecomienda; las personas deciden.";

/// clap's sections under Spanish headings.
const TEMPLATE: &str = "{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}";

/// Is the help asked for in Spanish: `--lang` (or `--lang=`) with an `es`
/// tag among `args`?
pub fn wanted(args: &[String]) -> bool {
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let tag = match arg.strip_prefix("--lang=") {
            Some(tag) => Some(tag.to_owned()),
            None if arg == "--lang" => args.next().cloned(),
            None => None,
        };
        if tag.is_some_and(|t| {
            ctip_screen::text::Lang::from_locale(&t) == ctip_screen::text::Lang::Es
        }) {
            return true;
        }
    }
    false
}

/// `command` described in Spanish.
pub fn spanish(command: Command) -> Command {
    let command = in_spanish(command, ABOUT, Some(LONG_ABOUT))
        .override_usage("ctip-screen <COMANDO>")
        .subcommand_help_heading("Comandos")
        .subcommand_value_name("COMANDO")
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Muestra la versión")
                .help_heading("Opciones"),
        )
        // `--lang es` before the command, as in `ctip-screen --lang es --help`.
        .arg(Arg::new("top_lang").long("lang").hide(true));
    COMMANDS
        .iter()
        .fold(command, |command, &(name, about, usage)| {
            command.mut_subcommand(name, |sub| {
                let sub = in_spanish(sub, about, None).override_usage(usage);
                match FORMATS.iter().find(|(n, _)| *n == name) {
                    Some(&(_, help)) => sub.mut_arg("format", |a| {
                        a.help(help)
                            .hide_default_value(true)
                            .hide_possible_values(true)
                            .help_heading("Opciones")
                    }),
                    None => sub,
                }
            })
        })
}

/// One command's own texts, its flags' help and its headings in Spanish.
fn in_spanish(command: Command, about: &'static str, long: Option<&'static str>) -> Command {
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let command = command
        .about(about)
        .long_about(long)
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Muestra la ayuda")
                .help_heading("Opciones"),
        );
    ids.iter().fold(command, |command, id| {
        let help = ARGS.iter().find(|(a, _)| a == id).map(|(_, h)| *h);
        command.mut_arg(id, |arg| {
            let heading = if arg.is_positional() {
                "Argumentos"
            } else {
                "Opciones"
            };
            let names: Vec<Str> = arg
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|name| {
                    VALUE_NAMES
                        .iter()
                        .find(|(en, _)| name.as_str() == *en)
                        .map_or_else(|| name.clone(), |&(_, es)| Str::from(es))
                })
                .collect();
            let arg = arg.help_heading(heading);
            let arg = if names.is_empty() {
                arg
            } else {
                arg.value_names(names)
            };
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        })
    })
}

/// A usage error clap found, in Spanish: the same facts as clap's English
/// report (the argument, the value, what was expected, a similar name, the
/// usage line) in the same layout.
pub fn error(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("'{i}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = String::from("error: ");
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            let _ = write!(out, "'{arg}' necesita un valor, y no se dio ninguno");
        }
        ErrorKind::InvalidValue => {
            let _ = write!(out, "el valor '{value}' no es válido para '{arg}'");
        }
        ErrorKind::ValueValidation if arg.starts_with("--threads") => {
            let _ = write!(
                out,
                "el valor '{value}' no es válido para '{arg}': se espera un número entero de 1 a {}",
                crate::MAX_THREADS
            );
        }
        ErrorKind::ValueValidation => {
            let _ = write!(out, "el valor '{value}' no es válido para '{arg}'");
        }
        ErrorKind::UnknownArgument => {
            let _ = write!(out, "argumento inesperado: '{arg}'");
        }
        ErrorKind::InvalidSubcommand => {
            let command = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            let _ = write!(out, "comando desconocido: '{command}'");
        }
        ErrorKind::MissingRequiredArgument => {
            out.push_str("faltan argumentos obligatorios:");
            for missing in list(ContextKind::InvalidArg) {
                let _ = write!(out, "\n  {missing}");
            }
        }
        ErrorKind::MissingSubcommand => {
            out.push_str("falta el comando");
        }
        ErrorKind::ArgumentConflict => {
            let prior = list(ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                let _ = write!(out, "el argumento '{arg}' no se puede dar más de una vez");
            } else {
                let _ = write!(
                    out,
                    "el argumento '{arg}' no se puede usar con {}",
                    quoted(&prior)
                );
            }
        }
        ErrorKind::TooManyValues => {
            let _ = write!(
                out,
                "valor inesperado '{value}' para '{arg}': no se esperaban más"
            );
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let _ = write!(out, "'{arg}' no recibió el número de valores que necesita");
        }
        ErrorKind::NoEquals => {
            let _ = write!(out, "'{arg}' necesita su valor tras un signo igual (=)");
        }
        ErrorKind::InvalidUtf8 => out.push_str("un argumento no es texto UTF-8"),
        _ => out.push_str("los argumentos no son válidos"),
    }
    let valid = list(ContextKind::ValidValue);
    if !valid.is_empty() {
        let _ = write!(out, "\n  [valores posibles: {}]", valid.join(", "));
    }
    let commands = list(ContextKind::ValidSubcommand);
    if !commands.is_empty() {
        let _ = write!(out, "\n  [comandos: {}]", commands.join(", "));
    }
    let mut tips = Vec::new();
    for (kind, one, many) in [
        (
            ContextKind::SuggestedSubcommand,
            "un comando parecido",
            "comandos parecidos",
        ),
        (
            ContextKind::SuggestedArg,
            "un argumento parecido",
            "argumentos parecidos",
        ),
        (
            ContextKind::SuggestedValue,
            "un valor parecido",
            "valores parecidos",
        ),
    ] {
        let similar = list(kind);
        let what = if similar.len() == 1 { one } else { many };
        if !similar.is_empty() {
            tips.push(format!("hay {what}: {}", quoted(&similar)));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = e.get(ContextKind::Suggested) {
        for tip in suggested {
            // clap's tips name what to type between quotes: 'X' and '-- X'.
            let tip = tip.to_string();
            let parts: Vec<&str> = tip.split('\'').collect();
            match (parts.get(1), parts.get(3)) {
                (Some(what), Some(how)) if tip.starts_with("to pass") => {
                    tips.push(format!("para pasar '{what}' como valor, escriba '{how}'"));
                }
                (Some(command), Some(dashes)) if tip.starts_with("subcommand") => {
                    tips.push(format!(
                    "el comando '{command}' existe; para usarlo, quite el '{dashes}' que lo precede"
                ))
                }
                _ => {}
            }
        }
    }
    if !tips.is_empty() {
        out.push('\n');
    }
    for tip in tips {
        let _ = write!(out, "\n  consejo: {tip}");
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        let _ = write!(out, "\n\nUso: {usage}");
    }
    out.push_str("\n\nPara más información, escriba '--help --lang es'.\n");
    out
}
