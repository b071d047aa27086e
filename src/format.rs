//! How numbers, amounts and names are written in messages. The base layer:
//! no dependency on the rest of the crate, so that the readers (input,
//! model, policy, OCDS) and the rules write them alike.

/// Formats US dollars for messages: `$1,200,000` or `$19.80`.
pub fn money(amount: f64) -> String {
    money_in(amount, "USD")
}

/// Formats an amount with its currency for messages: the symbol where it is
/// unambiguous (`$1,200,000`, `€950.50`, `£12.00`), else the ISO 4217 code
/// (`UAH 129,150`, `NOK 95,000,000`). Built by hand rather than with
/// `format!`: comparisons and OCDS screening write it for many bids.
pub fn money_in(amount: f64, currency: &str) -> String {
    let cents = (amount * 100.0).round();
    let whole = (cents / 100.0).trunc();
    let fraction = (cents - whole * 100.0).abs() as u64;
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(whole.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 9);
    if amount < 0.0 {
        out.push('-');
    }
    match currency {
        "USD" => out.push('$'),
        "EUR" => out.push('\u{20ac}'),
        "GBP" => out.push('\u{a3}'),
        code => {
            out.push_str(code);
            out.push(' ');
        }
    }
    push_grouped(&mut out, digits);
    if fraction != 0 || amount.abs() < 1000.0 {
        out.push('.');
        out.push(char::from(b'0' + (fraction / 10 % 10) as u8));
        out.push(char::from(b'0' + (fraction % 10) as u8));
    }
    out
}

/// Formats a share as a percentage: `0.2` is `20%`, `0.125` is `12.5%`.
pub fn percent(share: f64) -> String {
    // Tenths of a percent as an integer: no float formatting code needed.
    let tenths = (share * 1000.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}%")
    } else {
        format!("{sign}{whole}.{tenth}%")
    }
}

/// Formats a number for a message: whole numbers without a decimal point
/// (`72`), others in their shortest exact form (`1.1`). Uses the JSON
/// writer's number formatter, which the module has anyway, instead of
/// `f64`'s `Display`, which would add its own.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        (x as i64).to_string()
    } else if x.is_finite() {
        zmij::Buffer::new().format_finite(x).to_owned()
    } else {
        "not a number".to_owned()
    }
}

/// Formats a quantity for a message as English and US Spanish write it:
/// [`number`] with its whole part in groups of three (`36,000`,
/// `1,234.5`). Not for values that name something (an id, a year), which
/// [`number`] writes as given.
pub fn grouped(x: f64) -> String {
    let plain = number(x);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    // Exponent forms (`1e300`) are left as they are.
    if rest.contains(['e', 'E']) || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return plain;
    }
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    push_grouped(&mut out, whole);
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Formats a count for a message, grouped as [`grouped`] does (`16,777,216`).
pub fn count(n: usize) -> String {
    grouped(n as f64)
}

/// Appends the digits with a comma before each group of three from the
/// right.
fn push_grouped(out: &mut String, digits: &str) {
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
}

/// A name for messages: the name quoted, or "an unnamed ..." when absent.
pub fn quoted(name: Option<&str>, unnamed: &str) -> String {
    match name.map(str::trim) {
        Some(n) if !n.is_empty() => format!("'{n}'"),
        _ => unnamed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_grouped_by_thousands() {
        assert_eq!(grouped(36000.0), "36,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1234.5), "1,234.5");
        assert_eq!(grouped(-1234567.0), "-1,234,567");
        assert_eq!(grouped(0.25), "0.25");
        assert_eq!(grouped(1e300), number(1e300));
        assert_eq!(grouped(f64::NAN), "not a number");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Without its commas a grouped quantity is the plain number, and
        /// every group after the first has three digits.
        #[test]
        fn grouping_only_adds_commas(x in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
            let g = grouped(x);
            proptest::prop_assert_eq!(g.replace(',', ""), number(x));
            let whole = g.trim_start_matches('-').split(['.', 'e', 'E']).next().unwrap_or_default();
            let mut groups = whole.split(',');
            let first = groups.next().unwrap_or_default();
            proptest::prop_assert!(!first.is_empty() && first.len() <= 3 || !g.contains(','));
            for group in groups {
                proptest::prop_assert_eq!(group.len(), 3);
            }
        }
    }
}
