//! Calendar dates (`YYYY-MM-DD`) as day numbers.
//!
//! The rules only compare dates and count days, months and years between
//! them, so a day count since 1970-01-01 in the proleptic Gregorian calendar is
//! all that is needed; no time zones, no clock. Kept rather than the `time`
//! crate (which the OCDS module uses for RFC 3339 instants) because the
//! engine module needs only this, without `time`'s code; a property test
//! holds it to `time` on generated dates.

use std::fmt;

/// A calendar date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

impl Date {
    /// Builds a date from year, month (1-12) and day (1-31); `None` when the
    /// date does not exist (2026-02-30) or the year is outside 1000..=9999.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let year = digits(text.get(0..4)?)?;
        let month = digits(text.get(5..7)?)?;
        let day = digits(text.get(8..10)?)?;
        Date::from_ymd(i32::try_from(year).ok()?, month, day)
    }

    /// Today's date (UTC) from the system clock.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days(i32::try_from(secs / 86_400).unwrap_or(0))
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i32) -> Date {
        Date { days }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.days
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// This date plus `n` days (negative goes back).
    pub fn add_days(self, n: i32) -> Date {
        Date {
            days: self.days.saturating_add(n),
        }
    }

    /// The same day `n` months later (or earlier), clamped to the month's
    /// last day: 2024-01-31 plus one month is 2024-02-29.
    pub fn add_months(self, n: i32) -> Date {
        let (y, m, d) = self.ymd();
        let index = y * 12 + (m as i32 - 1) + n;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u32;
        let day = d.min(days_in_month(year, month));
        Date {
            days: days_from_civil(year, month, day),
        }
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Date) -> i32 {
        let (y1, m1, d1) = self.ymd();
        let (y2, m2, d2) = later.ymd();
        let mut months = (y2 - y1) * 12 + (m2 as i32 - m1 as i32);
        if months > 0 && d2 < d1 {
            months -= 1;
        } else if months < 0 && d2 > d1 {
            months += 1;
        }
        months
    }
}

impl Date {
    /// The date as `YYYY-MM-DD`, written digit by digit: dates appear in
    /// many findings, and the general formatting machinery is slow for this.
    fn digits(self) -> [u8; 10] {
        let (y, m, d) = self.ymd();
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let y = y.clamp(0, 9999) as u32;
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }

    /// The date as `YYYY-MM-DD` (what `to_string` gives, without going
    /// through `fmt`).
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// Appends the date as `YYYY-MM-DD` to `out`.
    pub fn push_iso(self, out: &mut String) {
        // Digits and dashes: always UTF-8.
        out.push_str(std::str::from_utf8(&self.digits()).unwrap_or_default());
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.digits()).map_err(|_| fmt::Error)?)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("'{text}' is not a date of the form YYYY-MM-DD"))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> String {
        // Not `Date`: the TypeScript types generated from the schema would
        // shadow JavaScript's own `Date`.
        "DateString".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        let mut schema = schemars::schema::SchemaObject {
            metadata: Some(Box::new(schemars::schema::Metadata {
                description: Some("An ISO date, `YYYY-MM-DD`.".to_owned()),
                ..Default::default()
            })),
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            format: Some("date".to_owned()),
            ..Default::default()
        };
        schema.string().pattern = Some(r"^\d{4}-\d{2}-\d{2}$".to_owned());
        schema.into()
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole
// proleptic Gregorian calendar, with no tables.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Held to the `time` crate (a well-kept calendar) on generated
        /// dates: which dates exist, their day numbers, the way back, the
        /// days added, and the text.
        #[test]
        fn agrees_with_the_time_crate(year in 1000i32..=9999, month in 0u32..=13, day in 0u32..=32, add in -40_000i32..40_000) {
            let theirs = u8::try_from(month)
                .ok()
                .and_then(|m| time::Month::try_from(m).ok())
                .and_then(|m| time::Date::from_calendar_date(year, m, u8::try_from(day).ok()?).ok());
            let ours = Date::from_ymd(year, month, day);
            proptest::prop_assert_eq!(ours.is_some(), theirs.is_some());
            if let (Some(ours), Some(theirs)) = (ours, theirs) {
                let epoch = time::Date::from_calendar_date(1970, time::Month::January, 1).unwrap();
                proptest::prop_assert_eq!(i64::from(ours.days()), (theirs - epoch).whole_days());
                proptest::prop_assert_eq!(ours.ymd(), (year, month, day));
                // Where `time` can hold the result (its calendar ends at 9999).
                if let Some(later) = theirs.checked_add(time::Duration::days(i64::from(add))) {
                    proptest::prop_assert_eq!(
                        ours.add_days(add).ymd(),
                        (later.year(), u32::from(u8::from(later.month())), u32::from(later.day()))
                    );
                }
                let text = format!("{:04}-{:02}-{:02}", year, month, day);
                proptest::prop_assert_eq!(Date::parse(&text), Some(ours));
                proptest::prop_assert_eq!(ours.iso(), text);
            }
        }
    }

    #[test]
    fn parses_and_prints_round_trip() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-03-02",
            "2028-07-14",
            "9999-12-31",
        ] {
            let date = Date::parse(text);
            assert_eq!(date.map(|d| d.to_string()).as_deref(), Some(text));
            assert_eq!(date.map(Date::iso).as_deref(), Some(text));
            let mut pushed = String::from(">");
            if let Some(d) = date {
                d.push_iso(&mut pushed);
            }
            assert_eq!(pushed, format!(">{text}"));
        }
        assert_eq!(Date::parse("1970-01-01").map(Date::days), Some(0));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "２０２６-01-01",
            "",
            "2026-04-31",
            "+202-01-01",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn months_and_days_arithmetic() {
        let d = |s| Date::parse(s).unwrap_or(Date::from_days(0));
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2024-03-15").add_months(-3), d("2023-12-15"));
        assert_eq!(d("2025-03-02").months_until(d("2026-03-02")), 12);
        assert_eq!(d("2025-03-03").months_until(d("2026-03-02")), 11);
        assert_eq!(d("2026-03-02").months_until(d("2025-03-03")), -11);
        assert_eq!(d("2026-06-11").add_days(-180), d("2025-12-13"));
    }

    #[test]
    fn day_numbers_agree_with_civil_dates_everywhere() {
        for days in (-400_000..400_000).step_by(997) {
            let (y, m, dd) = Date::from_days(days).ymd();
            assert_eq!(days_from_civil(y, m, dd), days);
        }
    }
}
