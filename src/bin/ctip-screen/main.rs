//! `ctip-screen`: the command-line tool over the same engine the browser
//! module runs (SPEC.md section 7).
//!
//! Exit status: 0 success, 1 usage error (bad flags, unreadable file),
//! 2 invalid input (the message names the JSON path; nothing goes to stdout).

mod help_es;
mod text;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};
use ctip_screen::api::{self, EvaluateOptions};
use ctip_screen::date::Date;
use ctip_screen::error::Error;
use ctip_screen::json::Json;
use ctip_screen::policy::LoadedPolicy;
use ctip_screen::rules;
use ctip_screen::text::Lang;
use serde_json::Value;
use std::io::{IsTerminal as _, Read as _, Write as _};

// mimalloc: the engine allocates many small strings, and `ocds` screens on
// every core; glibc's allocator made that about a fifth slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

/// Most threads `ocds --threads` takes.
const MAX_THREADS: i64 = 256;

/// Largest input read, to refuse a runaway file before parsing it.
const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "ctip-screen",
    version,
    about = "Screens public-contract bids for labor-trafficking risk indicators.",
    long_about = "Screens public-contract bids for labor-trafficking and labor-exploitation risk indicators.\n\
                  Every finding names its rule, the evidence in the bid, the law behind it and what to do next.\n\
                  It recommends; people decide."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct InputArgs {
    /// JSON file to read, or - for standard input.
    file: String,
    #[command(flatten)]
    options: OptionArgs,
}

/// The flags that become evaluation options.
#[derive(clap::Args)]
struct OptionArgs {
    /// Policy JSON to use instead of the built-in la-2026.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Evaluate as of this date (default: the submission's submittedOn, else today).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// Watch list JSON ({"name", "entries": [{"name", "identifiers"}]}); repeatable.
    #[arg(long, value_name = "FILE")]
    watchlist: Vec<PathBuf>,
    /// A newer DOL goods list (CSV: the TVPRA or EO 13126 columns of data/, or
    /// ILAB's own); it replaces the built-in list of its kind, and the
    /// assessment names it by the file's name and digest. Repeatable (one per list).
    #[arg(long = "goods-list", value_name = "FILE")]
    goods_list: Vec<PathBuf>,
    /// Wage floors to add to the policy's (a JSON array of policy wageFloors
    /// entries: scope, hourly, effective, source; sector and healthPayment optional).
    #[arg(long = "wage-floors", value_name = "FILE")]
    wage_floors: Option<PathBuf>,
    #[command(flatten)]
    lang: LangArg,
}

/// The language of every text the output holds.
#[derive(clap::Args)]
struct LangArg {
    /// Language of the texts (a BCP 47 tag): es, es-MX, es-US or any other
    /// es tag for Spanish; anything else, or none, for English. Ids, JSON
    /// keys and vocabulary words stay English.
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
}

impl LangArg {
    fn lang(&self) -> Lang {
        self.lang.as_deref().map_or(Lang::En, Lang::from_locale)
    }
}

impl InputArgs {
    /// The input's name for messages, in the language of `--lang`.
    fn name(&self) -> String {
        file_name(&self.file, self.options.lang.lang()).to_owned()
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Json,
    Text,
    Markdown,
}

#[derive(Subcommand)]
enum Command {
    /// Score one submission and print its assessment.
    Score {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Compare the bids of one solicitation (a JSON array of submissions).
    Compare {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Screen the contracting processes of OCDS data (release or record
    /// packages, releases, records, arrays or JSON Lines of any): one JSON
    /// line per process. A JSON Lines line that cannot be read gets an error
    /// line in its place, and the exit status 2.
    Ocds {
        #[command(flatten)]
        input: InputArgs,
        /// Threads that screen processes (default: one per core); output
        /// stays in input order.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=MAX_THREADS))]
        threads: Option<u16>,
    },
    /// Print the rule catalogue.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: CatalogueFormat,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Print the JSON Schema of a submission, or with --all, of every data
    /// type (submission, assessment, comparison, policy, rule catalogue,
    /// watch list, OCDS process) under `definitions`.
    Schema {
        /// Every data type, not only the submission.
        #[arg(long)]
        all: bool,
    },
    /// Print the built-in policy (la-2026), or with --check, which of its
    /// dated series (wage floors, thresholds, the TVPRA list) are older than
    /// they are expected to last.
    Policy {
        /// List every dated series and whether a newer entry is probably due
        /// (as of --as-of, default today).
        #[arg(long)]
        check: bool,
        /// Output format (markdown: the sources table of docs/POLICY.md).
        #[arg(long, value_enum, default_value = "json")]
        format: CatalogueFormat,
        #[command(flatten)]
        options: OptionArgs,
    },
}

/// A failure and the exit status it maps to.
enum Failure {
    Usage(String),
    Input(Error, String),
    /// OCDS that could not be read (after the processes already written).
    Ocds(Error, String),
    /// Lines of OCDS JSON Lines that could not be read (written in place).
    OcdsLines(usize, String),
}

/// The command line read, with its help and usage errors in Spanish when
/// `--lang es` is among the arguments (then `true` with the error).
fn parse_args() -> Result<Cli, (clap::Error, bool)> {
    let args: Vec<String> = std::env::args().collect();
    if help_es::wanted(&args) {
        help_es::spanish(Cli::command())
            .try_get_matches_from(&args)
            .and_then(|matches| Cli::from_arg_matches(&matches))
            .map_err(|e| (e, true))
    } else {
        Cli::try_parse_from(&args).map_err(|e| (e, false))
    }
}

fn main() -> ExitCode {
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err((e, spanish)) => {
            // clap writes help (the Spanish help, with --lang es) itself.
            let help = matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp
                    | clap::error::ErrorKind::DisplayVersion
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if spanish && !help {
                eprint!("{}", text::terminal_report(&help_es::error(&e)));
            } else {
                let _ = e.print();
            }
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = cli_lang(&cli);
    match run(cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            let out = if stdout.is_terminal() {
                // JSON with the characters a terminal acts on escaped; the
                // text reports were made safe when written.
                text::json_for_terminal(&out)
            } else {
                out
            };
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("ctip-screen: {}", text::terminal_safe(&message));
            ExitCode::from(1)
        }
        Err(Failure::Input(error, source)) => {
            eprint!("{}", text::error_report(&error, &source, lang));
            ExitCode::from(2)
        }
        Err(Failure::Ocds(error, source)) => {
            eprint!("{}", text::ocds_error_report(&error, &source, lang));
            ExitCode::from(2)
        }
        Err(Failure::OcdsLines(failed, source)) => {
            eprintln!("{}", text::ocds_lines_report(failed, &source, lang));
            ExitCode::from(2)
        }
    }
}

/// The language `--lang` asks for, for the messages on stderr.
fn cli_lang(cli: &Cli) -> Lang {
    match &cli.command {
        Command::Score { input, .. }
        | Command::Compare { input, .. }
        | Command::Ocds { input, .. } => input.options.lang.lang(),
        Command::Rules { lang, .. } => lang.lang(),
        Command::Policy { options, .. } => options.lang.lang(),
        Command::Schema { .. } => Lang::En,
    }
}

fn run(cli: Cli) -> Result<String, Failure> {
    match cli.command {
        Command::Score { input, format } => {
            let (text, options, today) = prepare(&input)?;
            let value = parse(&text, &input)?;
            let assessment = api::evaluate_value(&value, &options, today)
                .map_err(|e| Failure::Input(e, input.name()))?;
            Ok(match format {
                Format::Json => line(api::to_json(&assessment)),
                Format::Text => text::terminal_report(&text::assessment(
                    &assessment,
                    vendor_name(&value).as_deref(),
                )),
            })
        }
        Command::Compare { input, format } => {
            let (text, options, today) = prepare(&input)?;
            let value = parse(&text, &input)?;
            let comparison = api::compare_value(&value, &options, today)
                .map_err(|e| Failure::Input(e, input.name()))?;
            Ok(match format {
                Format::Json => line(api::to_json(&comparison)),
                Format::Text => {
                    text::terminal_report(&text::comparison(&comparison, options.lang()))
                }
            })
        }
        Command::Ocds { input, threads } => ocds(&input, threads.map(usize::from)),
        Command::Rules { format, lang } => {
            let lang = lang.lang();
            let infos = rules::rule_infos_in(lang);
            Ok(match format {
                CatalogueFormat::Json => line(pretty(&infos)),
                CatalogueFormat::Text => text::catalogue(&infos, lang),
                CatalogueFormat::Markdown => text::catalogue_markdown(&infos, lang),
            })
        }
        Command::Schema { all: false } => Ok(line(pretty(&ctip_screen::schema::submission()))),
        Command::Schema { all: true } => Ok(line(pretty(&ctip_screen::schema::all()))),
        Command::Policy {
            check,
            format,
            options,
        } => {
            let options = read_options(&options)?;
            let policy = options
                .policy()
                .map_err(|e| Failure::Input(e, "policy".into()))?;
            let checked = check.then(|| api::check_policy(&options, Date::today()));
            let report = match checked {
                Some(Ok(report)) => Some(report),
                Some(Err(e)) => return Err(Failure::Input(e, "policy".into())),
                None => None,
            };
            Ok(match (format, report) {
                (CatalogueFormat::Json, Some(report)) => line(pretty(&report)),
                (CatalogueFormat::Json, None) => line(pretty(policy.policy())),
                (CatalogueFormat::Text, report) => {
                    text::terminal_report(&text::policy(policy, report.as_ref(), options.lang()))
                }
                (CatalogueFormat::Markdown, _) => {
                    text::terminal_report(&text::policy_markdown(policy, options.lang()))
                }
            })
        }
    }
}

/// Streams OCDS: reads one release at a time and writes one line per
/// process as it goes, so memory stays flat however large the file.
fn ocds(input: &InputArgs, threads: Option<usize>) -> Result<String, Failure> {
    let options = read_options(&input.options)?;
    let reader: Box<dyn std::io::Read> = if input.file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(&input.file)
                .map_err(|e| cannot_read(&input.file, &e, options.lang()))?,
        )
    };
    // Once the output is closed (`| head`), reading stops: the input ends
    // early, and what is already read is screened and dropped.
    let closed = std::rc::Rc::new(std::cell::Cell::new(false));
    let reader = UntilClosed {
        inner: reader,
        closed: std::rc::Rc::clone(&closed),
    };
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut write_error = None;
    // Each result is serialized on the thread that screened it; lines
    // that could not be read are counted for the exit status.
    let failed = std::sync::atomic::AtomicUsize::new(0);
    let to_line = |output: api::OcdsOutput| {
        if let api::OcdsOutput::Error(_) = output {
            failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        let json = api::to_json(&output);
        let mut line = if terminal {
            text::json_for_terminal(&json).into_bytes()
        } else {
            json.into_bytes()
        };
        line.push(b'\n');
        line
    };
    let screening = api::OcdsScreening {
        threads,
        ..api::OcdsScreening::new(&options, Date::today())
    };
    let screened = screening.run(reader, to_line, |line| {
        if write_error.is_none() {
            if let Err(e) = out.write_all(&line) {
                write_error = Some(e);
                closed.set(true);
            }
        }
    });
    // A closed pipe (`| head`) ends the output early; that is not an error,
    // nor is the input cut short after it.
    if write_error.is_some() {
        return Ok(String::new());
    }
    let _ = out.flush();
    screened.map_err(|e| Failure::Ocds(e, input.name()))?;
    let failed = failed.into_inner();
    if failed > 0 {
        return Err(Failure::OcdsLines(failed, input.name()));
    }
    Ok(String::new())
}

/// A reader that reports the end of its input once `closed` is set.
struct UntilClosed<R> {
    inner: R,
    closed: std::rc::Rc<std::cell::Cell<bool>>,
}

impl<R: std::io::Read> std::io::Read for UntilClosed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.closed.get() {
            return Ok(0);
        }
        self.inner.read(buf)
    }
}

fn line(mut s: String) -> String {
    s.push('\n');
    s
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn vendor_name(value: &Json<'_>) -> Option<String> {
    value
        .get("vendor")?
        .get("name")?
        .as_str()
        .map(str::to_owned)
}

fn parse<'t>(text: &'t str, input: &InputArgs) -> Result<Json<'t>, Failure> {
    ctip_screen::engine::parse_json_in(text, input.options.lang.lang())
        .map_err(|e| Failure::Input(e, input.name()))
}

/// Reads the input file, the policy, the watch lists and the date.
/// The input's text, the options from the flags, and today's date.
fn prepare(input: &InputArgs) -> Result<(String, EvaluateOptions, Date), Failure> {
    let text = read_input(&input.file, input.options.lang.lang())?;
    Ok((text, read_options(&input.options)?, Date::today()))
}

/// The policy, date, watch lists, goods lists and wage floors given by the flags.
fn read_options(input: &OptionArgs) -> Result<EvaluateOptions, Failure> {
    // The files' texts are read first; the options are then one JSON tree
    // that borrows from them (a watch list of 100,000 entries is not copied
    // through another representation).
    // The policy's text is checked here, so that its errors name the file,
    // and passed on as written: its thresholds keep their order, and with
    // it the policy's digest.
    let lang = input.lang.lang();
    let policy = match &input.policy {
        Some(path) => {
            let text = read_input(&path.to_string_lossy(), lang)?;
            LoadedPolicy::from_json_text_in(&text, lang)
                .and_then(|p| ctip_screen::engine::check_policy_in(p.policy(), lang))
                .map_err(|e| Failure::Input(e, path.display().to_string()))?;
            Some((path.display().to_string(), text))
        }
        None => None,
    };
    if let Some(as_of) = &input.as_of {
        if Date::parse(as_of).is_none() {
            return Err(Failure::Usage(format!(
                "--as-of {}",
                ctip_screen::input::not_a_date(lang, as_of)
            )));
        }
    }
    let mut lists = Vec::new();
    for path in &input.watchlist {
        lists.push((
            path.display().to_string(),
            read_input(&path.to_string_lossy(), lang)?,
        ));
    }
    let mut goods = Vec::new();
    for path in &input.goods_list {
        let csv = read_input(&path.to_string_lossy(), lang)?;
        let edition = path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        goods.push(serde_json::json!({ "csv": csv, "edition": edition }));
    }
    let goods = Value::Array(goods);
    let floors = match &input.wage_floors {
        Some(path) => Some((
            path.display().to_string(),
            read_input(&path.to_string_lossy(), lang)?,
        )),
        None => None,
    };

    let mut options: Vec<(std::borrow::Cow<'_, str>, Json<'_>)> = Vec::new();
    if let Some((name, text)) = &policy {
        let value =
            ctip_screen::engine::parse_json(text).map_err(|e| Failure::Input(e, name.clone()))?;
        options.push(("policy".into(), value));
    }
    if let Some(as_of) = &input.as_of {
        options.push(("asOf".into(), Json::Str(as_of.as_str().into())));
    }
    if let Some(lang) = &input.lang.lang {
        options.push(("locale".into(), Json::Str(lang.as_str().into())));
    }
    if !lists.is_empty() {
        let parsed = lists
            .iter()
            .map(|(name, text)| {
                ctip_screen::engine::parse_json(text).map_err(|e| Failure::Input(e, name.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        options.push(("watchlists".into(), Json::Array(parsed)));
    }
    if !input.goods_list.is_empty() {
        options.push(("goodsLists".into(), Json::from(&goods)));
    }
    if let Some((name, text)) = &floors {
        let floors =
            ctip_screen::engine::parse_json(text).map_err(|e| Failure::Input(e, name.clone()))?;
        options.push(("wageFloors".into(), floors));
    }
    let source = match lang {
        Lang::En => "options",
        Lang::Es => "opciones",
    };
    api::read_options(&Json::Object(options)).map_err(|e| Failure::Input(e, source.into()))
}

/// A file's name for messages: `-` is standard input.
fn file_name(file: &str, lang: Lang) -> &str {
    match (file, lang) {
        ("-", Lang::Es) => "la entrada estándar",
        ("-", Lang::En) => "standard input",
        _ => file,
    }
}

/// The failure to open or read `file`.
fn cannot_read(file: &str, e: &std::io::Error, lang: Lang) -> Failure {
    let name = file_name(file, lang);
    let e = ctip_screen::text::io_error(lang, e);
    Failure::Usage(match lang {
        Lang::Es => format!("no se puede leer {name}: {e}"),
        Lang::En => format!("cannot read {name}: {e}"),
    })
}

fn read_input(file: &str, lang: Lang) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|e| cannot_read(file, &e, lang))?;
    let name = file_name(file, lang);
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Failure::Input(
            Error::LimitExceeded(vec![ctip_screen::Issue::new(
                "",
                match lang {
                    Lang::Es => format!(
                        "la entrada supera los {} bytes",
                        ctip_screen::format::count(MAX_INPUT_BYTES as usize)
                    ),
                    Lang::En => format!(
                        "input is larger than {} bytes",
                        ctip_screen::format::count(MAX_INPUT_BYTES as usize)
                    ),
                },
            )]),
            name.to_owned(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(
            Error::InvalidSubmission(vec![ctip_screen::Issue::new(
                "",
                match lang {
                    Lang::Es => format!(
                        "el texto no es UTF-8 (a partir del byte {})",
                        e.utf8_error().valid_up_to() + 1
                    ),
                    Lang::En => format!("not UTF-8 text: {e}"),
                },
            )]),
            name.to_owned(),
        )
    })
}
