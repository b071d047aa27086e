//! Reference data: ISO country codes and the US Department of Labor goods
//! lists (`data/*.csv`, provenance in `data/SOURCES.md` and
//! `data/TVPRA-2024.md`).
//!
//! The CSV files are compiled in as they are and read once, on first use,
//! by the same reader that reads a newer edition a city loads at run time
//! (`--goods-list`, the `goodsLists` option). Each list carries its edition
//! and the SHA-256 of its text, which every assessment reports: the digest
//! of the built-in TVPRA list is `sha256sum data/tvpra-goods-2024.csv`, so
//! an evaluator can check which list a finding came from.

use crate::csv::{records, CsvError, Record};
use crate::date::Date;
use crate::text::{tr, Lang, Text};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ \
EC EE EG EH ER ES ET FI FJ FK FM FO FR \
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU \
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ \
LA LB LC LI LK LR LS LT LU LV LY \
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA \
RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ \
VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// One bit per pair of capital letters (26 x 26 = 676 bits), set for the
/// codes of [`COUNTRY_CODES`]. Built at compile time, where an index out of
/// range is a build error rather than a panic.
#[allow(clippy::indexing_slicing)]
const COUNTRY_BITS: [u64; 11] = {
    let bytes = COUNTRY_CODES.as_bytes();
    let mut bits = [0u64; 11];
    let mut i = 0;
    while i + 1 < bytes.len() {
        let index = (bytes[i] - b'A') as usize * 26 + (bytes[i + 1] - b'A') as usize;
        bits[index / 64] |= 1 << (index % 64);
        i += 3;
    }
    bits
};

/// True when `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
pub fn is_country_code(code: &str) -> bool {
    let &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = code.as_bytes() else {
        return false;
    };
    let index = usize::from(a - b'A') * 26 + usize::from(b - b'A');
    COUNTRY_BITS
        .get(index / 64)
        .is_some_and(|word| word >> (index % 64) & 1 == 1)
}

/// How a (good, country) row of the TVPRA list is known to stand in the
/// edition the list is of (`data/TVPRA-2024.md` explains each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Listing {
    /// Seen on a page dated to the edition, with the same flags as before.
    Confirmed,
    /// Seen on a page dated to the edition, with changed flags.
    ConfirmedFlagsChanged,
    /// New in the edition.
    Added,
    /// Known only from the previous edition; its standing in this one could
    /// not be confirmed.
    CarriedOver,
    /// On a list loaded without a status column: listed in its edition.
    Listed,
}

impl Listing {
    const WORDS: [(&'static str, Listing); 5] = [
        ("confirmed", Listing::Confirmed),
        ("confirmed-flags-changed", Listing::ConfirmedFlagsChanged),
        ("added", Listing::Added),
        ("carried-over", Listing::CarriedOver),
        ("listed", Listing::Listed),
    ];

    /// The word used in the CSV's `status` column and in evidence.
    pub fn as_str(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("listed", |(w, _)| w)
    }

    fn from_word(word: &str) -> Option<Listing> {
        Self::WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, l)| *l)
    }
}

/// How a good from a country appears on the TVPRA list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TvpraEntry {
    /// The good, as ILAB names it (`Bricks (clay)`).
    pub good: String,
    /// The country, as ILAB names it.
    pub country: String,
    /// Produced with child labor.
    pub child_labor: bool,
    /// Produced with forced labor.
    pub forced_labor: bool,
    /// Produced with forced child labor.
    pub forced_child_labor: bool,
    /// How the row is known to stand in the list's edition.
    pub status: Listing,
}

/// An EO 13126 list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eo13126Entry {
    /// The product, as ILAB names it.
    pub product: String,
    /// The country, as ILAB names it.
    pub country: String,
}

/// Which list a CSV text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    /// The TVPRA List of Goods Produced by Child Labor or Forced Labor.
    Tvpra,
    /// The Executive Order 13126 List of Products.
    Eo13126,
}

/// A goods list as an assessment names it: which list, which edition, and
/// the digest of the exact text used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListRef {
    /// `tvpra` or `eo13126`.
    pub list: ListKind,
    /// The edition (`2024`), as built in or as the city named it.
    pub edition: String,
    /// What the list is and where it comes from.
    pub title: String,
    /// The same in Spanish ([`ListRef::title_in`]); empty when not known.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub title_es: String,
    /// `sha256:` and the hex SHA-256 of the list's CSV text.
    pub digest: String,
    /// Its (good, country) rows.
    pub rows: usize,
    /// When the edition was published, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

impl ListRef {
    /// What the list is, in `lang` (in English where no Spanish is known).
    pub fn title_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es if !self.title_es.is_empty() => &self.title_es,
            _ => &self.title,
        }
    }
}

/// Both goods lists, indexed by [`key`]: the normalized name and the ISO
/// country code.
#[derive(Debug, Clone)]
pub struct GoodsLists {
    tvpra: HashMap<String, Vec<TvpraEntry>, Fnv>,
    eo13126: HashMap<String, Vec<Eo13126Entry>, Fnv>,
    tvpra_ref: ListRef,
    eo13126_ref: ListRef,
    /// The edition a `carried-over` TVPRA row was last seen in.
    carried_over_from: Option<String>,
}

/// The index key of a good from a country: its normalized name, a `|`, and
/// the country code; built with one allocation.
fn key(good: &str, iso2: &str) -> String {
    let mut key = normalize_with_room(good, iso2.len() + 1);
    key.push('|');
    key.push_str(iso2);
    key
}

/// Longest key built on the stack by [`with_key`]; longer ones allocate.
const STACK_KEY: usize = 96;

/// Calls `f` with [`key`]`(good, iso2)`. An ASCII name (nearly every one:
/// the typical bid looks up 100) is normalized into a buffer on the stack
/// instead of a new string: in wasm, whose allocator is slower than the
/// CLI's, allocations were a seventh of `evaluateBid`. A property test
/// holds it to [`key`].
fn with_key<T>(good: &str, iso2: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; STACK_KEY];
    match ascii_key(&mut buf, good, iso2).and_then(|k| std::str::from_utf8(k).ok()) {
        Some(k) => f(k),
        None => f(&key(good, iso2)),
    }
}

/// [`key`] written into `buf` when the name and code are ASCII and fit.
fn ascii_key<'b>(buf: &'b mut [u8; STACK_KEY], good: &str, iso2: &str) -> Option<&'b [u8]> {
    if !good.is_ascii() || !iso2.is_ascii() {
        return None;
    }
    let mut len = 0;
    let mut push = |b: u8, len: &mut usize| -> Option<()> {
        *buf.get_mut(*len)? = b;
        *len += 1;
        Some(())
    };
    // `split_whitespace` on ASCII: tab, line feed, vertical tab, form
    // feed, carriage return and space.
    for word in good
        .split(|c: char| c.is_ascii() && c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if len > 0 {
            push(b' ', &mut len)?;
        }
        for b in word.bytes() {
            push(b.to_ascii_lowercase(), &mut len)?;
        }
    }
    push(b'|', &mut len)?;
    for b in iso2.bytes() {
        push(b, &mut len)?;
    }
    buf.get(..len)
}

/// FNV-1a: the keys are short and the tables are read far more often than
/// built, so a fast hash serves better than the default SipHash.
#[derive(Debug, Default, Clone, Copy)]
struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;

    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

/// The state of one FNV-1a hash.
#[derive(Debug)]
struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The built-in TVPRA list: the 2024 edition as reconstructed in
/// `data/TVPRA-2024.md` (no official machine-readable copy exists).
const TVPRA_CSV: &str = include_str!("../data/tvpra-goods-2024.csv");
/// The built-in EO 13126 list.
const EO13126_CSV: &str = include_str!("../data/eo13126-products.csv");

/// Edition and title of the built-in TVPRA list.
pub const TVPRA_EDITION: &str = "2024";
/// What the built-in TVPRA list's title says after the list's name.
const TVPRA_NOTE: Text = Text::new(
    ", 2024 edition (published 2024-09-05), reconstructed by ctip-screen from 2024-dated dol.gov pages: data/TVPRA-2024.md",
    ", edición 2024 (publicada el 5 de septiembre de 2024), reconstruida por ctip-screen a partir de páginas de dol.gov fechadas en 2024: data/TVPRA-2024.md",
);
/// Edition and title of the built-in EO 13126 list.
pub const EO13126_EDITION: &str = "2024-09-05";
/// What the built-in EO 13126 list's title says after the list's name.
const EO13126_NOTE: Text = Text::new(
    ", as of 2024-09-05: data/SOURCES.md",
    ", al 5 de septiembre de 2024: data/SOURCES.md",
);
/// What the title of a list the city loads says after the list's name.
const LOADED_NOTE: Text = Text::new(" as loaded by the city", ", cargada por la ciudad");

/// Most rows of a goods list loaded at run time, and the longest field.
const MAX_ROWS: usize = 20_000;
const MAX_FIELD: usize = 1_000;

/// `sha256:` and the hex SHA-256 of `bytes`: how assessments name the exact
/// policy and lists they used.
pub fn digest(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(71);
    hex.push_str("sha256:");
    for byte in Sha256::digest(bytes) {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

static BUILTIN: OnceLock<Result<Arc<GoodsLists>, String>> = OnceLock::new();

impl GoodsLists {
    /// The built-in lists, read on first use.
    pub fn builtin() -> Result<&'static Arc<GoodsLists>, String> {
        BUILTIN
            .get_or_init(|| {
                let names = HashMap::default();
                let read = |text: &str, kind| {
                    let rows = records(text, MAX_ROWS + 1, MAX_FIELD)
                        .map_err(|e| csv_error(e, Lang::En))?;
                    read_list(rows, kind, &names, Lang::En)
                };
                let tvpra = read(TVPRA_CSV, ListKind::Tvpra)?;
                let eo = read(EO13126_CSV, ListKind::Eo13126)?;
                Ok(Arc::new(GoodsLists {
                    tvpra_ref: ListRef {
                        list: ListKind::Tvpra,
                        edition: TVPRA_EDITION.to_owned(),
                        title: ListKind::Tvpra.title_with(TVPRA_NOTE, Lang::En),
                        title_es: ListKind::Tvpra.title_with(TVPRA_NOTE, Lang::Es),
                        digest: digest(TVPRA_CSV.as_bytes()),
                        rows: tvpra.rows,
                        published: Date::from_ymd(2024, 9, 5),
                    },
                    eo13126_ref: ListRef {
                        list: ListKind::Eo13126,
                        edition: EO13126_EDITION.to_owned(),
                        title: ListKind::Eo13126.title_with(EO13126_NOTE, Lang::En),
                        title_es: ListKind::Eo13126.title_with(EO13126_NOTE, Lang::Es),
                        digest: digest(EO13126_CSV.as_bytes()),
                        rows: eo.rows,
                        published: Date::from_ymd(2024, 9, 5),
                    },
                    tvpra: tvpra.tvpra,
                    eo13126: eo.eo13126,
                    carried_over_from: Some("2022".to_owned()),
                }))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// These lists with one of them replaced by the list in `csv` (the
    /// kind is told from its header), named `edition`. A row that cannot
    /// be read is refused with its line: a half-read list would silently
    /// miss goods.
    pub fn with_list(
        &self,
        csv: &str,
        edition: &str,
        published: Option<Date>,
    ) -> Result<GoodsLists, String> {
        self.with_list_in(csv, edition, published, Lang::En)
    }

    /// [`GoodsLists::with_list`], saying what is wrong with the list in
    /// `lang`.
    pub fn with_list_in(
        &self,
        csv: &str,
        edition: &str,
        published: Option<Date>,
        lang: Lang,
    ) -> Result<GoodsLists, String> {
        let names = self.country_codes_by_name();
        let rows = records(csv, MAX_ROWS + 1, MAX_FIELD).map_err(|e| csv_error(e, lang))?;
        let header = rows.first().ok_or_else(|| EMPTY.get(lang).to_owned())?;
        let kind = list_kind(&header.fields, lang)?;
        let read = read_list(rows, kind, &names, lang)?;
        let reference = ListRef {
            list: kind,
            edition: edition.to_owned(),
            title: kind.title_with(LOADED_NOTE, Lang::En),
            title_es: kind.title_with(LOADED_NOTE, Lang::Es),
            digest: digest(csv.as_bytes()),
            rows: read.rows,
            published,
        };
        let mut lists = self.clone();
        match kind {
            ListKind::Tvpra => {
                lists.tvpra = read.tvpra;
                lists.tvpra_ref = reference;
                lists.carried_over_from = None;
            }
            ListKind::Eo13126 => {
                lists.eo13126 = read.eo13126;
                lists.eo13126_ref = reference;
            }
        }
        Ok(lists)
    }

    /// TVPRA entries for a good (matched case-insensitively, with or
    /// without ILAB's parenthetical) from a country.
    pub fn tvpra(&self, good: &str, iso2: &str) -> &[TvpraEntry] {
        with_key(good, iso2, |k| self.tvpra.get(k)).map_or(&[], Vec::as_slice)
    }

    /// EO 13126 entries for a product from a country.
    pub fn eo13126(&self, good: &str, iso2: &str) -> &[Eo13126Entry] {
        with_key(good, iso2, |k| self.eo13126.get(k)).map_or(&[], Vec::as_slice)
    }

    /// The TVPRA list's edition and digest.
    pub fn tvpra_ref(&self) -> &ListRef {
        &self.tvpra_ref
    }

    /// The EO 13126 list's edition and digest.
    pub fn eo13126_ref(&self) -> &ListRef {
        &self.eo13126_ref
    }

    /// Both lists as an assessment names them.
    pub fn references(&self) -> Vec<ListRef> {
        vec![self.tvpra_ref.clone(), self.eo13126_ref.clone()]
    }

    /// The edition a `carried-over` TVPRA row was last confirmed in
    /// (`2022` for the built-in list), when known.
    pub fn carried_over_from(&self) -> Option<&str> {
        self.carried_over_from.as_deref()
    }

    /// Country names as the lists write them, normalized, with their ISO
    /// codes: how a list without an `iso2` column (ILAB's own spreadsheet)
    /// is read.
    fn country_codes_by_name(&self) -> HashMap<String, String, Fnv> {
        let mut names: HashMap<String, String, Fnv> = HashMap::default();
        let tvpra = self
            .tvpra
            .iter()
            .flat_map(|(k, v)| v.iter().map(move |e| (k, &e.country)));
        let eo = self
            .eo13126
            .iter()
            .flat_map(|(k, v)| v.iter().map(move |e| (k, &e.country)));
        for (key, country) in tvpra.chain(eo) {
            if let Some((_, iso2)) = key.rsplit_once('|') {
                names.insert(normalize(country), iso2.to_owned());
            }
        }
        names
    }
}

impl ListKind {
    /// The list's title: its official English name, in Spanish with what
    /// it is in Spanish after it, then `note`.
    fn title_with(self, note: Text, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{}{}", self.title(), note.get(lang)),
            Lang::Es => format!("{} ({}){}", self.title(), self.title_es(), note.get(lang)),
        }
    }

    /// What the list is in Spanish, after its official English name.
    fn title_es(self) -> &'static str {
        match self {
            ListKind::Tvpra => {
                "la lista TVPRA de bienes producidos con trabajo infantil o trabajo forzoso"
            }
            ListKind::Eo13126 => {
                "la lista EO 13126 de productos hechos con trabajo infantil forzoso o en servidumbre"
            }
        }
    }

    fn title(self) -> &'static str {
        match self {
            ListKind::Tvpra => "TVPRA List of Goods Produced by Child Labor or Forced Labor",
            ListKind::Eo13126 => {
                "EO 13126 List of Products Produced by Forced or Indentured Child Labor"
            }
        }
    }
}

/// What reading one CSV gave.
#[derive(Default)]
struct ReadList {
    tvpra: HashMap<String, Vec<TvpraEntry>, Fnv>,
    eo13126: HashMap<String, Vec<Eo13126Entry>, Fnv>,
    rows: usize,
}

fn csv_error(e: CsvError, lang: Lang) -> String {
    match e {
        CsvError::TooManyRecords(n) => {
            let n = crate::format::count(n);
            tr!(lang, "has more than {n} rows", "tiene más de {n} filas")
        }
        CsvError::FieldTooLong(line) => tr!(
            lang,
            "line {line}: a field is longer than {limit} characters",
            "línea {line}: un campo tiene más de {limit} caracteres",
            limit = crate::format::count(MAX_FIELD)
        ),
    }
}

/// A list with no header row.
const EMPTY: Text = Text::new(
    "is empty; give the list's header row and its rows",
    "está vacía; indique la fila de encabezado de la lista y sus filas",
);

/// The header's column names in one form: `Child Labor`, `child_labor` and
/// `child-labor` are one column.
fn column_name(header: &str) -> String {
    header
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn list_kind(header: &[String], lang: Lang) -> Result<ListKind, String> {
    let names: Vec<String> = header.iter().map(|h| column_name(h)).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("product") {
        Ok(ListKind::Eo13126)
    } else if has("good") && (has("child_labor") || has("forced_labor")) {
        Ok(ListKind::Tvpra)
    } else {
        let header = header.join(", ");
        Err(tr!(
            lang,
            "line 1: the header ({header}) is neither a TVPRA list (good, country, child_labor, forced_labor, forced_child_labor, optional iso2 and status) nor an EO 13126 list (product, country, optional iso2)",
            "línea 1: el encabezado ({header}) no es ni de una lista TVPRA (good, country, child_labor, forced_labor, forced_child_labor, e iso2 y status opcionales) ni de una lista EO 13126 (product, country, e iso2 opcional)"
        ))
    }
}

/// Where each column is: `None` for an optional column that is absent.
struct Columns {
    name: usize,
    country: usize,
    iso2: Option<usize>,
    child: Option<usize>,
    forced: Option<usize>,
    forced_child: Option<usize>,
    status: Option<usize>,
}

fn columns(header: &[String], kind: ListKind, lang: Lang) -> Result<Columns, String> {
    let names: Vec<String> = header.iter().map(|h| column_name(h)).collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    let required = |wanted: &[&str]| {
        find(wanted).ok_or_else(|| {
            let column = wanted.first().copied().unwrap_or_default();
            tr!(
                lang,
                "line 1: the header has no '{column}' column",
                "línea 1: el encabezado no tiene la columna '{column}'"
            )
        })
    };
    Ok(Columns {
        name: match kind {
            ListKind::Tvpra => required(&["good"])?,
            ListKind::Eo13126 => required(&["product"])?,
        },
        country: required(&["country", "country_or_area"])?,
        iso2: find(&["iso2", "iso_2", "country_code", "iso"]),
        child: find(&["child_labor", "cl"]),
        forced: find(&["forced_labor", "fl"]),
        forced_child: find(&["forced_child_labor", "fcl"]),
        status: find(&["status"]),
    })
}

/// A yes/no cell: `true`/`false`, `yes`/`no`, `x` or a mark for yes and an
/// empty cell for no, as ILAB's spreadsheets write them.
fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "x" | "1" | "\u{2713}" => Some(true),
        "false" | "no" | "n" | "" | "0" => Some(false),
        _ => None,
    }
}

/// Reads one list. `names` maps normalized country names to ISO codes for
/// rows without an `iso2` value.
fn read_list(
    rows: Vec<Record>,
    kind: ListKind,
    names: &HashMap<String, String, Fnv>,
    lang: Lang,
) -> Result<ReadList, String> {
    let mut rows = rows.into_iter();
    let header = rows.next().ok_or_else(|| EMPTY.get(lang).to_owned())?;
    let columns = columns(&header.fields, kind, lang)?;
    let mut list = ReadList::default();
    for row in rows {
        read_row(&row, kind, &columns, names, &mut list, lang).map_err(|what| {
            let line = row.line;
            tr!(lang, "line {line}: {what}", "línea {line}: {what}")
        })?;
        list.rows += 1;
    }
    if list.rows == 0 {
        return Err(tr!(
            lang,
            "has a header but no rows",
            "tiene encabezado pero ninguna fila"
        ));
    }
    Ok(list)
}

fn read_row(
    row: &Record,
    kind: ListKind,
    columns: &Columns,
    names: &HashMap<String, String, Fnv>,
    list: &mut ReadList,
    lang: Lang,
) -> Result<(), String> {
    let cell = |i: Option<usize>| i.and_then(|i| row.fields.get(i)).map_or("", |f| f.trim());
    let name = cell(Some(columns.name));
    let country = cell(Some(columns.country));
    if name.is_empty() || country.is_empty() {
        return Err(tr!(
            lang,
            "the good and the country must not be empty",
            "el bien y el país no deben estar vacíos"
        ));
    }
    let iso2 = match cell(columns.iso2) {
        "" => names.get(&normalize(country)).cloned().ok_or_else(|| {
            tr!(
                lang,
                "the country '{country}' has no iso2 code and is not a country name the built-in lists know; add an iso2 column",
                "el país '{country}' no tiene código iso2 y no es un nombre de país que conozcan las listas incluidas; agregue una columna iso2"
            )
        })?,
        code => code.to_ascii_uppercase(),
    };
    if !is_country_code(&iso2) {
        return Err(tr!(
            lang,
            "'{iso2}' is not an ISO 3166-1 alpha-2 country code",
            "'{iso2}' no es un código de país ISO 3166-1 alfa-2"
        ));
    }
    let names = match_names(name);
    match kind {
        ListKind::Tvpra => {
            let flag_at = |column: Option<usize>, title: &str| {
                flag(cell(column)).ok_or_else(|| {
                    let value = cell(column);
                    tr!(
                        lang,
                        "'{value}' in column {title} is not true or false (or yes/no, x/empty)",
                        "'{value}' en la columna {title} no es true ni false (ni yes/no, x/vacío)"
                    )
                })
            };
            let status = match cell(columns.status) {
                "" => Listing::Listed,
                word => Listing::from_word(word).ok_or_else(|| tr!(
                    lang,
                    "'{word}' in column status is not one of confirmed, confirmed-flags-changed, added, carried-over, listed",
                    "'{word}' en la columna status no es uno de confirmed, confirmed-flags-changed, added, carried-over, listed"
                ))?,
            };
            let entry = TvpraEntry {
                good: name.to_owned(),
                country: country.to_owned(),
                child_labor: flag_at(columns.child, "child_labor")?,
                forced_labor: flag_at(columns.forced, "forced_labor")?,
                forced_child_labor: flag_at(columns.forced_child, "forced_child_labor")?,
                status,
            };
            if !(entry.child_labor || entry.forced_labor || entry.forced_child_labor) {
                return Err(tr!(
                    lang,
                    "'{name}' from {country} is marked for neither child nor forced labor",
                    "'{name}' de {country} no está marcado por trabajo infantil ni por trabajo forzoso"
                ));
            }
            for n in &names {
                list.tvpra
                    .entry(key(n, &iso2))
                    .or_default()
                    .push(entry.clone());
            }
        }
        ListKind::Eo13126 => {
            let entry = Eo13126Entry {
                product: name.to_owned(),
                country: country.to_owned(),
            };
            for n in &names {
                list.eo13126
                    .entry(key(n, &iso2))
                    .or_default()
                    .push(entry.clone());
            }
        }
    }
    Ok(())
}

/// The names a listed good is found by: its full name, and its name without
/// ILAB's parenthetical, so a bid's "Bricks" finds "Bricks (clay)".
fn match_names(listed: &str) -> Vec<String> {
    let full = normalize(listed);
    let mut names = vec![full.clone()];
    if let Some(base) = listed.split(" (").next() {
        let base = normalize(base);
        if base != full && !base.is_empty() {
            names.push(base);
        }
    }
    names
}

/// Lower-cased, trimmed, inner white space folded: the form goods are matched in.
pub fn normalize(text: &str) -> String {
    normalize_with_room(text, 0)
}

/// [`normalize`], with room for `extra` more bytes.
fn normalize_with_room(text: &str, extra: usize) -> String {
    let mut out = String::with_capacity(text.len() + extra);
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // The common case, a byte at a time (`lower` agrees on ASCII).
            let start = out.len();
            out.push_str(word);
            if let Some(pushed) = out.get_mut(start..) {
                pushed.make_ascii_lowercase();
            }
        } else {
            out.push_str(&crate::names::fold(word));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_list_has_every_assigned_code() {
        let codes: Vec<&str> = COUNTRY_CODES.split(' ').collect();
        assert_eq!(codes.len(), 249);
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "sorted, for the binary search"
        );
        assert!(codes.iter().all(|c| is_country_code(c)));
        assert!(is_country_code("US") && is_country_code("BD") && is_country_code("SS"));
        assert!(!is_country_code("UK") && !is_country_code("us") && !is_country_code("USA"));
        assert!(!is_country_code("") && !is_country_code("U") && !is_country_code("U\u{c9}"));
        // The bitmap holds the list and nothing else.
        let listed = COUNTRY_CODES.split(' ').count();
        let set: u32 = COUNTRY_BITS.iter().map(|w| w.count_ones()).sum();
        assert_eq!(set as usize, listed);
        assert!(COUNTRY_CODES.split(' ').all(is_country_code));
    }

    proptest::proptest! {
        #[test]
        fn normalize_folds_each_character_and_the_spaces(text in "[ \t\u{b}\u{a0}a-zA-Z\u{c0}-\u{17f}\u{391}-\u{42f}.]{0,40}") {
            let by_character: Vec<String> = text
                .split_whitespace()
                .map(crate::names::fold)
                .collect();
            proptest::prop_assert_eq!(normalize(&text), by_character.join(" "));
        }

        /// The key built on the stack is the key, for every name: ASCII
        /// ones of any length and spacing, and others (which fall back).
        #[test]
        fn the_stack_key_is_the_key(good in "[ \t\n\u{b}\u{c}\r\u{a0}a-zA-Z0-9,'().\u{c9}\u{df}-]{0,120}", iso2 in "[A-Z]{2}|[a-z\u{c9}]{0,3}") {
            let mut buf = [0u8; STACK_KEY];
            if let Some(k) = ascii_key(&mut buf, &good, &iso2) {
                proptest::prop_assert_eq!(std::str::from_utf8(k).unwrap(), key(&good, &iso2));
            } else {
                proptest::prop_assert!(!good.is_ascii() || !iso2.is_ascii() || key(&good, &iso2).len() > STACK_KEY);
            }
            proptest::prop_assert_eq!(with_key(&good, &iso2, str::to_owned), key(&good, &iso2));
        }
    }

    fn lists() -> &'static GoodsLists {
        GoodsLists::builtin().unwrap()
    }

    /// Distinct (good, country) rows, from the index.
    fn row_count(lists: &GoodsLists) -> (usize, usize) {
        let mut tvpra: Vec<(&str, &str)> = lists
            .tvpra
            .values()
            .flatten()
            .map(|e| (e.good.as_str(), e.country.as_str()))
            .collect();
        tvpra.sort_unstable();
        tvpra.dedup();
        let mut eo: Vec<(&str, &str)> = lists
            .eo13126
            .values()
            .flatten()
            .map(|e| (e.product.as_str(), e.country.as_str()))
            .collect();
        eo.sort_unstable();
        eo.dedup();
        (tvpra.len(), eo.len())
    }

    #[test]
    fn builtin_lists_have_every_row_and_name_their_edition() {
        let l = lists();
        assert_eq!(row_count(l), (476, 52));
        assert_eq!(l.tvpra_ref().rows, 476);
        assert_eq!(l.tvpra_ref().edition, "2024");
        assert_eq!(l.eo13126_ref().rows, 52);
        // The digest is that of the file as shipped: `sha256sum data/tvpra-goods-2024.csv`.
        assert_eq!(
            l.tvpra_ref().digest,
            digest(include_bytes!("../data/tvpra-goods-2024.csv"))
        );
    }

    /// What DOL's 2024 edition changed (TVPRA-2024.md; Thompson Hine and
    /// ST&R, September 2024): four removals, Shrimp/Thailand kept for
    /// forced labor only, and new goods.
    #[test]
    fn the_2024_edition_removals_and_additions() {
        let l = lists();
        for (good, iso2) in [("Blueberries", "AR"), ("Salt", "KH"), ("Fluorspar", "MN")] {
            assert!(l.tvpra(good, iso2).is_empty(), "{good}/{iso2} was removed");
        }
        let shrimp = l.tvpra("Shrimp", "TH");
        assert_eq!(shrimp.len(), 1);
        assert!(shrimp[0].forced_labor && !shrimp[0].child_labor);
        for (good, iso2) in [
            ("Nickel", "ID"),
            ("Polyvinyl Chloride (PVC)", "CN"),
            ("Aluminum", "CN"),
            ("Jujubes", "CN"),
            ("Squid", "CN"),
        ] {
            let found = l.tvpra(good, iso2);
            assert!(
                found
                    .iter()
                    .any(|e| e.status == Listing::Added && e.forced_labor),
                "{good}/{iso2}: {found:?}"
            );
        }
        let garments = l.tvpra("garments", "BD");
        assert_eq!(garments.len(), 1);
        assert_eq!(garments[0].status, Listing::Confirmed);
        // Artificial flowers from China: only the 2022 listing is known.
        assert_eq!(
            l.tvpra("Artificial Flowers", "CN")[0].status,
            Listing::CarriedOver
        );
        assert_eq!(l.carried_over_from(), Some("2022"));
    }

    #[test]
    fn every_country_in_the_lists_is_a_valid_code() {
        let l = lists();
        for key in l.tvpra.keys().chain(l.eo13126.keys()) {
            let (_, iso2) = key.rsplit_once('|').unwrap();
            assert!(is_country_code(iso2), "{key}");
        }
    }

    #[test]
    fn matches_case_insensitively_and_without_parenthetical() {
        let l = lists();
        assert!(l
            .tvpra("garments", "BD")
            .iter()
            .all(|e| e.child_labor && e.forced_labor));
        assert!(!l.tvpra("Bricks", "AF").is_empty());
        assert!(!l.tvpra("  BEANS   (green, soy, yellow) ", "MM").is_empty());
        assert!(l.tvpra("Garments", "US").is_empty());
        assert!(!l.eo13126("Bricks", "AF").is_empty());
    }

    /// Every row of the CSV files is in the lists read from them, with its
    /// country name, flags and status.
    #[test]
    fn builtin_lists_equal_the_csv_files() {
        let l = lists();
        let tvpra = crate::csv::records(TVPRA_CSV, 1000, 1000).unwrap();
        assert_eq!(tvpra.len(), 477);
        for row in tvpra.iter().skip(1) {
            let [good, country, iso2, child, forced, forced_child, _, status] =
                row.fields.as_slice()
            else {
                panic!("{row:?}");
            };
            let found = l.tvpra(good, iso2);
            assert!(
                found.iter().any(|e| e.good == *good
                    && e.country == *country
                    && e.child_labor == (child == "true")
                    && e.forced_labor == (forced == "true")
                    && e.forced_child_labor == (forced_child == "true")
                    && e.status.as_str() == status),
                "{row:?} not in {found:?}"
            );
        }
        for row in crate::csv::records(EO13126_CSV, 1000, 1000)
            .unwrap()
            .iter()
            .skip(1)
        {
            let [product, country, iso2] = row.fields.as_slice() else {
                panic!("{row:?}");
            };
            let found = l.eo13126(product, iso2);
            assert!(
                found
                    .iter()
                    .any(|e| e.product == *product && e.country == *country),
                "{row:?} not in {found:?}"
            );
        }
    }

    #[test]
    fn a_city_loads_a_newer_list_in_ilab_columns() {
        // ILAB's spreadsheet: names in its own style, X marks, no ISO codes.
        let csv = "Country,Good,Child Labor,Forced Labor,Forced Child Labor\n\
                   Bangladesh,Garments,X,X,\n\
                   \"Congo, Democratic Republic of the\",Cobalt Ore (heterogenite),X,X,\n";
        let l = lists().with_list(csv, "2026", None).unwrap();
        assert_eq!(l.tvpra_ref().edition, "2026");
        assert_eq!(l.tvpra_ref().rows, 2);
        assert_eq!(l.tvpra_ref().digest, digest(csv.as_bytes()));
        assert_eq!(l.carried_over_from(), None);
        let cobalt = l.tvpra("cobalt ore", "CD");
        assert_eq!(cobalt.len(), 1);
        assert_eq!(cobalt[0].status, Listing::Listed);
        assert!(cobalt[0].forced_labor && !cobalt[0].forced_child_labor);
        // The list replaced the built-in one; the EO list is kept.
        assert!(l.tvpra("Bricks", "AF").is_empty());
        assert!(!l.eo13126("Bricks", "AF").is_empty());
        // The project's own CSV form reads too, as the EO list.
        let eo = lists()
            .with_list("product,country,iso2\nBricks,Narnia,NA\n", "2026-01", None)
            .unwrap();
        assert_eq!(eo.eo13126_ref().rows, 1);
        assert!(eo.eo13126("Bricks", "AF").is_empty());
    }

    #[test]
    fn a_list_that_cannot_be_read_names_the_line() {
        let l = lists();
        let cases = [
            ("", "is empty"),
            ("name,place\nx,y\n", "neither a TVPRA list"),
            ("good,country,child_labor,forced_labor\n", "no rows"),
            (
                "good,country,child_labor,forced_labor\nBricks,Narnia,x,\n",
                "line 2: the country 'Narnia'",
            ),
            (
                "good,country,iso2,child_labor,forced_labor\nBricks,X,ZZ,x,\n",
                "line 2: 'ZZ' is not",
            ),
            (
                "good,country,iso2,child_labor,forced_labor\nBricks,X,AF,maybe,\n",
                "line 2: 'maybe' in column child_labor",
            ),
            (
                "good,country,iso2,child_labor,forced_labor,status\nBricks,X,AF,x,,rumoured\n",
                "line 2: 'rumoured' in column status",
            ),
            (
                "good,country,iso2,child_labor,forced_labor\nBricks,X,AF,,\n",
                "neither child nor forced",
            ),
        ];
        for (csv, expected) in cases {
            let err = l.with_list(csv, "x", None).err().unwrap_or_default();
            assert!(err.contains(expected), "{csv:?}: {err}");
            // The same problem in Spanish, at the same line, in other words.
            let es = l
                .with_list_in(csv, "x", None, Lang::Es)
                .err()
                .unwrap_or_default();
            assert!(!es.is_empty() && es != err, "{csv:?}: {es}");
            if let Some(line) = err.strip_prefix("line ").and_then(|r| r.split(':').next()) {
                assert!(es.starts_with(&format!("línea {line}:")), "{es}");
            }
        }
    }
}
