//! Reference data compiled into the module: ISO country codes and the US
//! Department of Labor goods lists (`data/*.csv`, provenance in
//! `data/SOURCES.md`).
//!
//! `build.rs` compacts the CSVs into a quarter of their size (one line per
//! good with its countries and flags, one table of country names); that is
//! compiled in and parsed once, on first use. The files in `data/` stay the
//! single source and can be replaced by a newer edition without touching
//! code; a test checks every CSV row against the compiled lists.

use std::collections::HashMap;
use std::sync::OnceLock;

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
}

/// An EO 13126 list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eo13126Entry {
    /// The product, as ILAB names it.
    pub product: String,
    /// The country, as ILAB names it.
    pub country: String,
}

/// Both goods lists, indexed by [`key`]: the normalized name and the ISO
/// country code.
#[derive(Debug, Default)]
pub struct GoodsLists {
    tvpra: HashMap<String, Vec<TvpraEntry>, Fnv>,
    eo13126: HashMap<String, Vec<Eo13126Entry>, Fnv>,
}

/// The index key of a good from a country: its normalized name, a `|`, and
/// the country code; built with one allocation.
fn key(good: &str, iso2: &str) -> String {
    let mut key = normalize_with_room(good, iso2.len() + 1);
    key.push('|');
    key.push_str(iso2);
    key
}

/// FNV-1a: the keys are short and the table is fixed, compiled-in data, so
/// a fast hash serves better than the default SipHash.
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

/// Edition of the TVPRA list compiled in.
pub const TVPRA_EDITION: &str =
    "TVPRA List of Goods Produced by Child Labor or Forced Labor, 2022 edition";
/// Edition of the EO 13126 list compiled in.
pub const EO13126_EDITION: &str = "EO 13126 List of Products, as of 2024-09-05";

static GOODS: OnceLock<GoodsLists> = OnceLock::new();

/// The goods lists in the compact form `build.rs` writes from `data/*.csv`.
const COMPACT_LISTS: &str = include_str!(concat!(env!("OUT_DIR"), "/goods-lists.txt"));

/// The compiled-in goods lists.
pub fn goods_lists() -> &'static GoodsLists {
    GOODS.get_or_init(|| GoodsLists::parse(COMPACT_LISTS))
}

impl GoodsLists {
    /// Reads the compact form of the lists (see `build.rs`); records it
    /// cannot read are skipped (the build checks the CSVs, and a test
    /// checks the counts, so none are).
    pub fn parse(compact: &str) -> GoodsLists {
        let mut lists = GoodsLists::default();
        let mut countries: HashMap<&str, &str, Fnv> = HashMap::default();
        for line in compact.lines() {
            if let Some(("C", rest)) = line.split_once('\t') {
                if let Some((iso2, name)) = rest.split_once('\t') {
                    countries.insert(iso2, name);
                }
            }
        }
        let country = |iso2: &str| countries.get(iso2).copied().unwrap_or(iso2).to_owned();
        for line in compact.lines() {
            let mut fields = line.split('\t');
            let (Some(kind), Some(good), Some(entries)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let names = match_names(good);
            for entry in entries.split(' ') {
                let (Some(iso2), flags) = (entry.get(..2), entry.get(2..)) else {
                    continue;
                };
                match kind {
                    "T" => {
                        let flags = flags.and_then(|f| f.parse::<u8>().ok()).unwrap_or(0);
                        let entry = TvpraEntry {
                            good: good.to_owned(),
                            country: country(iso2),
                            child_labor: flags & 1 != 0,
                            forced_labor: flags & 2 != 0,
                            forced_child_labor: flags & 4 != 0,
                        };
                        for name in &names {
                            lists
                                .tvpra
                                .entry(key(name, iso2))
                                .or_default()
                                .push(entry.clone());
                        }
                    }
                    "E" => {
                        let entry = Eo13126Entry {
                            product: good.to_owned(),
                            country: country(iso2),
                        };
                        for name in &names {
                            lists
                                .eo13126
                                .entry(key(name, iso2))
                                .or_default()
                                .push(entry.clone());
                        }
                    }
                    _ => {}
                }
            }
        }
        lists
    }

    /// TVPRA entries for a good (matched case-insensitively, with or
    /// without ILAB's parenthetical) from a country.
    pub fn tvpra(&self, good: &str, iso2: &str) -> &[TvpraEntry] {
        self.tvpra.get(&key(good, iso2)).map_or(&[], Vec::as_slice)
    }

    /// EO 13126 entries for a product from a country.
    pub fn eo13126(&self, good: &str, iso2: &str) -> &[Eo13126Entry] {
        self.eo13126
            .get(&key(good, iso2))
            .map_or(&[], Vec::as_slice)
    }

    /// Number of distinct (good, country) rows in each list.
    pub fn row_counts(&self) -> (usize, usize) {
        fn distinct<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> usize {
            let mut pairs: Vec<(&str, &str)> = pairs.collect();
            crate::sort::sort(&mut pairs);
            pairs.dedup();
            pairs.len()
        }
        let tvpra = distinct(
            self.tvpra
                .values()
                .flatten()
                .map(|e| (e.good.as_str(), e.country.as_str())),
        );
        let eo = distinct(
            self.eo13126
                .values()
                .flatten()
                .map(|e| (e.product.as_str(), e.country.as_str())),
        );
        (tvpra, eo)
    }
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
            out.extend(word.chars().map(crate::names::lower));
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
                .map(|w| w.chars().map(crate::names::lower).collect())
                .collect();
            proptest::prop_assert_eq!(normalize(&text), by_character.join(" "));
        }
    }

    #[test]
    fn compiled_lists_have_every_row() {
        assert_eq!(goods_lists().row_counts(), (457, 52));
    }

    #[test]
    fn every_country_in_the_lists_is_a_valid_code() {
        let lists = goods_lists();
        for key in lists.tvpra.keys().chain(lists.eo13126.keys()) {
            let (_, iso2) = key.rsplit_once('|').unwrap();
            assert!(is_country_code(iso2), "{key}");
        }
    }

    #[test]
    fn matches_case_insensitively_and_without_parenthetical() {
        let lists = goods_lists();
        let garments = lists.tvpra("garments", "BD");
        assert_eq!(garments.len(), 1);
        assert!(garments.iter().all(|e| e.child_labor && e.forced_labor));
        assert!(!lists.tvpra("Bricks", "AF").is_empty());
        assert!(!lists
            .tvpra("  BEANS   (green, soy, yellow) ", "MM")
            .is_empty());
        assert!(lists.tvpra("Garments", "US").is_empty());
        assert!(!lists.eo13126("Bricks", "AF").is_empty());
    }

    #[test]
    fn quoted_csv_fields() {
        let rows: Vec<Vec<String>> = crate::csv::rows("a,\"b, c\",\"d \"\"e\"\"\"\n").collect();
        assert_eq!(
            rows,
            vec![vec![
                "a".to_owned(),
                "b, c".to_owned(),
                "d \"e\"".to_owned()
            ]]
        );
    }

    /// The compact form `build.rs` writes holds every row of the CSVs, with
    /// its country name and flags.
    #[test]
    fn compiled_lists_equal_the_csv_files() {
        let lists = goods_lists();
        let tvpra = include_str!("../data/tvpra-goods.csv");
        for row in crate::csv::rows(tvpra).skip(1) {
            let [good, country, iso2, child, forced, forced_child, _] = row.as_slice() else {
                panic!("{row:?}");
            };
            let found = lists.tvpra(good, iso2);
            assert!(
                found.iter().any(|e| e.good == *good
                    && e.country == *country
                    && e.child_labor == (child == "true")
                    && e.forced_labor == (forced == "true")
                    && e.forced_child_labor == (forced_child == "true")),
                "{row:?} not in {found:?}"
            );
        }
        let eo = include_str!("../data/eo13126-products.csv");
        for row in crate::csv::rows(eo).skip(1) {
            let [product, country, iso2] = row.as_slice() else {
                panic!("{row:?}");
            };
            let found = lists.eo13126(product, iso2);
            assert!(
                found
                    .iter()
                    .any(|e| e.product == *product && e.country == *country),
                "{row:?} not in {found:?}"
            );
        }
    }
}
