//! Calendar dates as people and JSON write them: `YYYY-MM-DD`.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, written `YYYY-MM-DD` in JSON. The engine never reads a
/// clock: "today" is always an `IsoDate` given by the caller (`asOf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub NaiveDate);

impl IsoDate {
    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
    /// By hand rather than with chrono's format strings, whose machinery
    /// weighs tens of kilobytes in the wasm build.
    pub fn parse(text: &str) -> Option<IsoDate> {
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return None;
        }
        let number = |range: std::ops::Range<usize>| {
            b[range]
                .iter()
                .fold(0u32, |n, c| n * 10 + u32::from(c - b'0'))
        };
        IsoDate::from_ymd(number(0..4) as i32, number(5..7), number(8..10))
    }

    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<IsoDate> {
        NaiveDate::from_ymd_opt(year, month, day).and_then(IsoDate::from_naive)
    }

    /// A date `YYYY-MM-DD` can write: years 0000 to 9999. chrono's others
    /// (year -1, 10000) would be written in a shape [`IsoDate::parse`] refuses.
    pub fn from_naive(date: NaiveDate) -> Option<IsoDate> {
        (0..=9999).contains(&date.year()).then_some(IsoDate(date))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: IsoDate) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// French long form, as on a convocation: "12 septembre 2024", "1er août 2024".
    pub fn french(self) -> String {
        const MONTHS: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let day = self.0.day();
        let ordinal = if day == 1 { "er" } else { "" };
        format!(
            "{day}{ordinal} {} {}",
            MONTHS[self.0.month0() as usize],
            self.0.year()
        )
    }

    /// English long form: "12 September 2024". People read dates, not ISO strings.
    pub fn english(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {} {}",
            self.0.day(),
            MONTHS[self.0.month0() as usize],
            self.0.year()
        )
    }
}

impl IsoDate {
    /// The text `YYYY-MM-DD`, digits written by hand: through `core::fmt`'s
    /// padding, the dates were a tenth of a report's serialization. `None`
    /// for chrono's years that shape cannot write (see [`IsoDate::from_naive`]).
    fn digits(&self) -> Option<[u8; 10]> {
        let year = u32::try_from(self.0.year()).ok().filter(|y| *y <= 9999)?;
        let mut text = *b"0000-00-00";
        let mut digits = |at: usize, width: usize, mut n: u32| {
            for i in (at..at + width).rev() {
                text[i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        digits(0, 4, year);
        digits(5, 2, self.0.month());
        digits(8, 2, self.0.day());
        Some(text)
    }
}

/// The text of [`IsoDate::digits`].
fn as_text(digits: &[u8; 10]) -> &str {
    // SAFETY: ASCII digits and dashes.
    unsafe { std::str::from_utf8_unchecked(digits) }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.digits() {
            Some(digits) => f.write_str(as_text(&digits)),
            None => write!(
                f,
                "{:04}-{:02}-{:02}",
                self.0.year(),
                self.0.month(),
                self.0.day()
            ),
        }
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.digits() {
            Some(digits) => s.serialize_str(as_text(&digits)),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = IsoDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IsoDate, E> {
                IsoDate::parse(v).ok_or_else(|| {
                    E::custom(format_args!(
                        "invalid date \"{v}\", expected a real date written YYYY-MM-DD"
                    ))
                })
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// A string in the shape `YYYY-MM-DD`; the reader also refuses dates that do
/// not exist (`2024-02-30`), which `format: date` says to validators that check formats.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, written YYYY-MM-DD (2024-09-12).",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_the_iso_shape() {
        assert_eq!(
            IsoDate::parse("2024-09-12").unwrap().to_string(),
            "2024-09-12"
        );
        assert!(IsoDate::parse("2024-9-12").is_none());
        assert!(IsoDate::parse("12/09/2024").is_none());
        assert!(IsoDate::parse("2024-02-30").is_none());
        assert!(IsoDate::parse("+2024-09-12").is_none());
    }

    #[test]
    fn json_writes_the_text_display_writes() {
        let dates = [
            "0000-01-01",
            "0007-03-09",
            "0999-12-31",
            "2024-02-29",
            "9999-12-31",
        ];
        for text in dates {
            let date = IsoDate::parse(text).unwrap();
            assert_eq!(serde_json::to_string(&date).unwrap(), format!("\"{text}\""));
        }
        // Years YYYY-MM-DD cannot write keep chrono's own shape, as Display does.
        let far = IsoDate(NaiveDate::from_ymd_opt(12024, 5, 1).unwrap());
        assert_eq!(serde_json::to_string(&far).unwrap(), format!("\"{far}\""));
        let before = IsoDate(NaiveDate::from_ymd_opt(-3, 5, 1).unwrap());
        assert_eq!(
            serde_json::to_string(&before).unwrap(),
            format!("\"{before}\"")
        );
    }

    #[test]
    fn french_long_form() {
        assert_eq!(
            IsoDate::parse("2024-11-27").unwrap().french(),
            "27 novembre 2024"
        );
        assert_eq!(
            IsoDate::parse("2024-08-01").unwrap().french(),
            "1er août 2024"
        );
        assert_eq!(
            IsoDate::parse("2024-08-01").unwrap().english(),
            "1 August 2024"
        );
    }
}
