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
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
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

/// A name for messages: the name quoted, or "an unnamed ..." when absent.
pub fn quoted(name: Option<&str>, unnamed: &str) -> String {
    match name.map(str::trim) {
        Some(n) if !n.is_empty() => format!("'{n}'"),
        _ => unnamed.to_owned(),
    }
}
