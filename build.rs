//! Compacts the Department of Labor goods lists (`data/*.csv`, the single
//! source) into the form compiled into the crate: one line per good with its
//! countries, and one table of country names. The CSVs repeat every country
//! name and every flag as words; this form is a quarter of their size, which
//! matters in the WebAssembly module. `src/reference.rs` reads it.
//!
//! Format, one record per line, fields separated by tabs:
//! - `T`, a TVPRA good, then space-separated entries: the ISO code followed
//!   by a digit, the sum of 1 (child labor), 2 (forced labor) and 4 (forced
//!   child labor);
//! - `E`, an EO 13126 product, then space-separated ISO codes;
//! - `C`, an ISO code, then the country's name as the lists write it.

#[path = "src/csv.rs"]
mod csv;

use csv::rows;
use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;

const TVPRA: &str = "data/tvpra-goods.csv";
const EO13126: &str = "data/eo13126-products.csv";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed={TVPRA}");
    println!("cargo:rerun-if-changed={EO13126}");
    println!("cargo:rerun-if-changed=build.rs");
    let mut countries: BTreeMap<String, String> = BTreeMap::new();
    let mut out = String::new();

    // Goods in order of first appearance, each with its entries in order.
    let mut tvpra: Vec<(String, Vec<String>)> = Vec::new();
    for (line, row) in rows(&std::fs::read_to_string(TVPRA)?).enumerate().skip(1) {
        let [good, country, iso2, child, forced, forced_child, _sector] = row.as_slice() else {
            return Err(format!("{TVPRA}:{}: expected 7 fields", line + 1).into());
        };
        let flag = |value: &str, bit: u8| -> Result<u8, String> {
            match value {
                "true" => Ok(bit),
                "false" => Ok(0),
                other => Err(format!("{TVPRA}:{}: not true or false: {other}", line + 1)),
            }
        };
        let flags = flag(child, 1)? + flag(forced, 2)? + flag(forced_child, 4)?;
        country_name(&mut countries, iso2, country)?;
        let entry = format!("{iso2}{flags}");
        match tvpra.iter_mut().find(|(g, _)| g == good) {
            Some((_, entries)) => entries.push(entry),
            None => tvpra.push((good.clone(), vec![entry])),
        }
    }
    let mut eo: Vec<(String, Vec<String>)> = Vec::new();
    for (line, row) in rows(&std::fs::read_to_string(EO13126)?).enumerate().skip(1) {
        let [product, country, iso2] = row.as_slice() else {
            return Err(format!("{EO13126}:{}: expected 3 fields", line + 1).into());
        };
        country_name(&mut countries, iso2, country)?;
        match eo.iter_mut().find(|(p, _)| p == product) {
            Some((_, entries)) => entries.push(iso2.clone()),
            None => eo.push((product.clone(), vec![iso2.clone()])),
        }
    }
    for (good, entries) in &tvpra {
        writeln!(out, "T\t{}\t{}", clean(good)?, entries.join(" "))?;
    }
    for (product, codes) in &eo {
        writeln!(out, "E\t{}\t{}", clean(product)?, codes.join(" "))?;
    }
    for (iso2, name) in &countries {
        writeln!(out, "C\t{iso2}\t{}", clean(name)?)?;
    }
    let dir = std::env::var("OUT_DIR")?;
    std::fs::write(std::path::Path::new(&dir).join("goods-lists.txt"), out)?;
    Ok(())
}

/// Records `name` for `iso2`; one code must have one name in both lists.
fn country_name(
    countries: &mut BTreeMap<String, String>,
    iso2: &str,
    name: &str,
) -> Result<(), String> {
    if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("not an ISO country code: {iso2}"));
    }
    match countries.get(iso2) {
        Some(known) if known != name => Err(format!(
            "{iso2} is named both '{known}' and '{name}' in the goods lists"
        )),
        Some(_) => Ok(()),
        None => {
            countries.insert(iso2.to_owned(), name.to_owned());
            Ok(())
        }
    }
}

/// A field as written into the compact form, which has no quoting.
fn clean(field: &str) -> Result<&str, String> {
    if field.is_empty() || field.contains(['\t', '\n', '\r']) {
        Err(format!("a field the compact form cannot hold: {field:?}"))
    } else {
        Ok(field)
    }
}
