//! Watch lists passed in the options (UFLPA Entity List extracts, SAM
//! exclusions, a city's own debarment list): parties to match the vendor,
//! its subcontractors and its suppliers against.

use crate::input::{Read, Reader};
use crate::json::Json;
use crate::names;
use serde::Serialize;
use std::collections::BTreeMap;

/// A named list of parties (SPEC.md section 6, `Watchlist`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Watchlist {
    /// The list's name, shown in findings.
    pub name: String,
    /// Its entries.
    pub entries: Vec<WatchlistEntry>,
}

/// A party on a watch list: a name, identifiers, or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WatchlistEntry {
    /// The party's name.
    pub name: Option<String>,
    /// Its identifiers (`uei`, `fein`, ...).
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
        Some(Watchlist {
            name,
            entries: entries.unwrap_or_default(),
        })
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
            r.issue("needs a name or at least one identifier");
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
}
