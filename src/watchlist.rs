//! Watch lists passed in the options (UFLPA Entity List extracts, SAM
//! exclusions, a city's own debarment list): parties to match the vendor,
//! its subcontractors and its suppliers against.

use crate::input::{Read, Reader};
use crate::json::Json;
use crate::names;
use crate::text::tr;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// A named list of parties (SPEC.md section 6, `Watchlist`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Watchlist {
    /// The list's name, shown in findings.
    pub name: String,
    /// Its entries.
    pub entries: Vec<WatchlistEntry>,
    /// The entries by normalized name and by identifier, built on the
    /// first lookup: a party is found in constant time, not by reading the
    /// whole list (100,000 entries are allowed).
    #[serde(skip)]
    index: OnceLock<Index>,
}

/// Where each normalized name and identifier first appears in a list.
#[derive(Debug, Clone, Default, PartialEq)]
struct Index {
    names: HashMap<String, usize>,
    identifiers: HashMap<(String, String), usize>,
}

impl Watchlist {
    /// A list of `entries` called `name`.
    pub fn new(name: String, entries: Vec<WatchlistEntry>) -> Watchlist {
        Watchlist {
            name,
            entries,
            index: OnceLock::new(),
        }
    }

    /// The first entry that a party matches, with why (`"name"`,
    /// `"identifier uei"`), as [`WatchlistEntry::matches`] would find it
    /// reading the entries in order.
    pub fn find<'a>(
        &self,
        name: Option<&str>,
        identifiers: impl IntoIterator<Item = (&'a String, &'a String)> + Clone,
    ) -> Option<(&WatchlistEntry, String)> {
        let index = self.index.get_or_init(|| {
            let mut index = Index::default();
            for (i, e) in self.entries.iter().enumerate() {
                if let Some(n) = &e.normalized_name {
                    index.names.entry(n.clone()).or_insert(i);
                }
                for id in &e.normalized_ids {
                    index.identifiers.entry(id.clone()).or_insert(i);
                }
            }
            index
        });
        let by_name = name
            .map(names::organization)
            .and_then(|n| index.names.get(&n).copied());
        let by_id = identifiers
            .clone()
            .into_iter()
            .filter_map(|(k, v)| {
                let key = (names::lower_str(k), names::identifier(v));
                index.identifiers.get(&key).copied()
            })
            .min();
        let first = by_name.into_iter().chain(by_id).min()?;
        let entry = self.entries.get(first)?;
        let how = entry.matches(name, identifiers)?;
        Some((entry, how))
    }
}

/// A party on a watch list: a name, identifiers, or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WatchlistEntry {
    /// The party's name.
    pub name: Option<String>,
    /// Its identifiers (`uei`, `fein`, ...).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<BTreeMap<String, String>>")
    )]
    pub identifiers: BTreeMap<String, String>,
    #[serde(skip)]
    normalized_name: Option<String>,
    #[serde(skip)]
    normalized_ids: Vec<(String, String)>,
}

/// Most entries accepted across all watch lists of one call.
pub const MAX_ENTRIES: usize = 100_000;

impl Read for Watchlist {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let name = o.required(r, "name");
        let entries = o
            .require(r, "entries")
            .then(|| o.optional_with(r, "entries", |r, v| r.list(v, Some(MAX_ENTRIES))))
            .flatten();
        o.finish(r);
        Some(Watchlist::new(name, entries.unwrap_or_default()))
    }
}

impl Read for WatchlistEntry {
    fn read(value: &Json<'_>, r: &mut Reader) -> Option<Self> {
        let mut o = r.object(value)?;
        let name: Option<String> = o.optional(r, "name");
        let identifiers: Option<BTreeMap<String, String>> = o.optional(r, "identifiers");
        o.finish(r);
        let entry = WatchlistEntry::new(name, identifiers.unwrap_or_default());
        if entry.normalized_name.is_none() && entry.normalized_ids.is_empty() {
            let message = tr!(
                r.lang,
                "needs a name or at least one identifier",
                "necesita un nombre o al menos un identificador"
            );
            r.issue(message);
            return None;
        }
        Some(entry)
    }
}

impl WatchlistEntry {
    /// An entry, with its name and identifiers normalized once for matching.
    pub fn new(name: Option<String>, identifiers: BTreeMap<String, String>) -> WatchlistEntry {
        let normalized_name = name
            .as_deref()
            .map(names::organization)
            .filter(|n| !n.is_empty());
        let normalized_ids = identifiers
            .iter()
            .map(|(k, v)| (names::lower_str(k), names::identifier(v)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        WatchlistEntry {
            name,
            identifiers,
            normalized_name,
            normalized_ids,
        }
    }

    /// Why a party matches this entry (`"name"`, `"identifier uei"`), or `None`.
    pub fn matches<'a>(
        &self,
        name: Option<&str>,
        identifiers: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Option<String> {
        if let (Some(mine), Some(theirs)) = (&self.normalized_name, name) {
            if *mine == names::organization(theirs) {
                return Some("name".to_owned());
            }
        }
        for (key, value) in identifiers {
            let key = names::lower_str(key);
            let value = names::identifier(value);
            if !value.is_empty()
                && self
                    .normalized_ids
                    .iter()
                    .any(|(k, v)| *k == key && *v == value)
            {
                return Some(format!("identifier {key}"));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_by_normalized_name_or_identifier() {
        let entry = WatchlistEntry::new(
            Some("Dhaka Apparel Ltd.".to_owned()),
            BTreeMap::from([("uei".to_owned(), "zzz-999".to_owned())]),
        );
        let none = BTreeMap::new();
        assert_eq!(
            entry.matches(Some("DHAKA APPAREL LIMITED"), &none),
            Some("name".to_owned())
        );
        let ids = BTreeMap::from([("UEI".to_owned(), "ZZZ999".to_owned())]);
        assert_eq!(
            entry.matches(Some("Other"), &ids),
            Some("identifier uei".to_owned())
        );
        let other = BTreeMap::from([("fein".to_owned(), "ZZZ999".to_owned())]);
        assert_eq!(entry.matches(Some("Other"), &other), None);
    }

    use proptest::prelude::*;

    fn entry() -> impl Strategy<Value = WatchlistEntry> {
        (
            prop::option::of(prop::sample::select(vec![
                "Acme",
                "ACME Inc.",
                "Beta LLC",
                "Gamma",
                " ",
            ])),
            prop::collection::btree_map(
                prop::sample::select(vec!["uei", "UEI", "fein"]),
                prop::sample::select(vec!["A-1", "a1", "B2", "-"]),
                0..3,
            ),
        )
            .prop_map(|(name, ids)| {
                WatchlistEntry::new(
                    name.map(str::to_owned),
                    ids.into_iter()
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect(),
                )
            })
    }

    proptest! {
        /// The index finds what reading every entry in order finds.
        #[test]
        fn find_agrees_with_reading_every_entry(
            entries in prop::collection::vec(entry(), 0..12),
            name in prop::option::of(prop::sample::select(vec!["acme", "Beta", "gamma inc", "Delta"])),
            ids in prop::collection::btree_map(
                prop::sample::select(vec!["uei", "Uei", "fein", "dir"]),
                prop::sample::select(vec!["a-1", "B2", "C3", ""]),
                0..3,
            ),
        ) {
            let ids: BTreeMap<String, String> =
                ids.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
            let list = Watchlist::new("L".to_owned(), entries.clone());
            let linear = entries
                .iter()
                .find_map(|e| e.matches(name, ids.iter()).map(|how| (e, how)));
            prop_assert_eq!(list.find(name, ids.iter()), linear);
        }
    }
}
