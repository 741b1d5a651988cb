//! Platform time to the engine's calendar: Unix timestamps and ISO 8601
//! date-times become calendar dates in the promotion's time zone, and ISO 8601
//! durations become whole minutes.
//!
//! Why no time-zone database (chrono-tz): it would add hundreds of kilobytes
//! to the wasm build for one rule. PACTE promotions are French; metropolitan
//! France follows the EU rule (CET, +01:00; CEST, +02:00, from the last Sunday
//! of March to the last Sunday of October, both at 01:00 UTC), and a promotion
//! elsewhere (overseas regions keep no summer time) names a fixed offset.

use crate::date::IsoDate;
use crate::minutes::Minutes;
use chrono::{Datelike, NaiveDate};

const DAY: i64 = 86_400;
/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_CE_DAYS: i64 = 719_163;

/// The zone a mapping declares: `Europe/Paris`, or a fixed offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeZone {
    /// CET/CEST with the EU summer-time rule.
    EuropeParis,
    /// A fixed offset east of UTC, in seconds: `+01:00`, `-03:00`, `UTC`.
    Fixed(i64),
}

impl TimeZone {
    /// Reads `Europe/Paris`, `UTC`, `Z`, or `±HH:MM`.
    pub fn parse(text: &str) -> Option<TimeZone> {
        match text {
            "Europe/Paris" => Some(TimeZone::EuropeParis),
            "UTC" | "Z" => Some(TimeZone::Fixed(0)),
            _ => offset(text.as_bytes()).map(TimeZone::Fixed),
        }
    }

    /// Seconds east of UTC at the instant `unix`.
    pub fn offset_at(self, unix: i64) -> i64 {
        match self {
            TimeZone::Fixed(seconds) => seconds,
            TimeZone::EuropeParis => {
                let year = date_of_day(unix.div_euclid(DAY)).map_or(1970, |d| d.0.year());
                let summer = last_sunday_at_one_utc(year, 3)..last_sunday_at_one_utc(year, 10);
                if summer.contains(&unix) {
                    7_200
                } else {
                    3_600
                }
            }
        }
    }

    /// The local calendar date of a Unix timestamp (seconds).
    pub fn date_of(self, unix: i64) -> Option<IsoDate> {
        date_of_day(unix.checked_add(self.offset_at(unix))?.div_euclid(DAY))
    }

    /// The local calendar date of an ISO 8601 date-time such as
    /// `2024-05-23T09:15:00.000Z` or `2024-05-23T11:15:00+02:00`. A date-time
    /// without an offset is taken as already local: its own date.
    pub fn date_of_timestamp(self, text: &str) -> Option<IsoDate> {
        let b = text.as_bytes();
        let date = IsoDate::parse(text.get(..10)?)?;
        if b.len() == 10 {
            return Some(date);
        }
        if !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let (seconds_of_day, zone) = time_of_day(&b[11..])?;
        let Some(zone) = zone else { return Some(date) };
        let unix = unix_day(date) * DAY + seconds_of_day - zone;
        self.date_of(unix)
    }
}

/// `hh:mm[:ss[.fff]]` then an optional zone (`Z`, `±hh:mm`, `±hhmm`, `±hh`):
/// the seconds into the day, and the zone's offset east of UTC.
fn time_of_day(b: &[u8]) -> Option<(i64, Option<i64>)> {
    let zone_at = b
        .iter()
        .position(|c| matches!(c, b'Z' | b'z' | b'+' | b'-'))
        .unwrap_or(b.len());
    let (clock, zone) = b.split_at(zone_at);
    let mut parts = clock.split(|&c| c == b':');
    let hours = two_digits(parts.next()?)?;
    let minutes = two_digits(parts.next()?)?;
    let seconds = match parts.next() {
        Some(s) => {
            let (whole, fraction) = match s.iter().position(|&c| c == b'.' || c == b',') {
                Some(dot) => (&s[..dot], &s[dot + 1..]),
                None => (s, &[][..]),
            };
            if !fraction.iter().all(u8::is_ascii_digit) {
                return None;
            }
            two_digits(whole)?
        }
        None => 0,
    };
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    let zone = match zone {
        [] => None,
        [b'Z' | b'z'] => Some(0),
        _ => Some(offset(zone)?),
    };
    Some((hours * 3_600 + minutes * 60 + seconds, zone))
}

/// `±HH:MM`, `±HHMM` or `±HH`, in seconds east of UTC.
fn offset(b: &[u8]) -> Option<i64> {
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = match &b[1..] {
        [h1, h2] => ([*h1, *h2], [b'0', b'0']),
        [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => ([*h1, *h2], [*m1, *m2]),
        _ => return None,
    };
    let (hours, minutes) = (two_digits(&h)?, two_digits(&m)?);
    (hours <= 14 && minutes <= 59).then_some(sign * (hours * 3_600 + minutes * 60))
}

fn two_digits(b: &[u8]) -> Option<i64> {
    match b {
        [t, u] if t.is_ascii_digit() && u.is_ascii_digit() => {
            Some(i64::from((t - b'0') * 10 + (u - b'0')))
        }
        _ => None,
    }
}

/// The Unix instant of the last Sunday of `month` (March or October: 31
/// days) at 01:00 UTC, when EU clocks change.
fn last_sunday_at_one_utc(year: i32, month: u32) -> i64 {
    NaiveDate::from_ymd_opt(year, month, 31).map_or(0, |last| {
        let back = i64::from(last.weekday().num_days_from_sunday());
        (unix_day(IsoDate(last)) - back) * DAY + 3_600
    })
}

fn unix_day(date: IsoDate) -> i64 {
    i64::from(date.0.num_days_from_ce()) - UNIX_EPOCH_CE_DAYS
}

fn date_of_day(unix_day: i64) -> Option<IsoDate> {
    let ce = i32::try_from(unix_day.checked_add(UNIX_EPOCH_CE_DAYS)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce).and_then(IsoDate::from_naive)
}

/// Why a duration could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationError {
    Invalid,
    Negative,
    /// More minutes than a tally can hold. The programme's own bound
    /// (`counting.maxActivityMinutes`, one day by default) is applied where
    /// the item meets the programme, as the engine applies it.
    TooLong,
}

/// Seconds to whole minutes, rounded to the nearest (half up).
pub fn minutes_of_seconds(seconds: i64) -> Result<Minutes, DurationError> {
    match u64::try_from(seconds) {
        Err(_) => Err(DurationError::Negative),
        Ok(seconds) => minutes_of_millis(seconds.saturating_mul(1_000)),
    }
}

/// Milliseconds to whole minutes, rounded to the nearest (half up).
fn minutes_of_millis(millis: u64) -> Result<Minutes, DurationError> {
    let minutes = millis / 60_000 + u64::from(millis % 60_000 >= 30_000);
    match u32::try_from(minutes) {
        Ok(minutes) => Ok(Minutes(minutes)),
        _ => Err(DurationError::TooLong),
    }
}

/// An ISO 8601 duration as xAPI writes them (`PT1H30M`, `PT5400S`,
/// `PT0.5H`, `P1DT2H`), to whole minutes. Years and months have no fixed
/// length and are refused; a day is 24 hours, a week 7 days. A leading `-`
/// (not ISO, but some tools write it) is a negative duration.
pub fn minutes_of_iso_duration(text: &str) -> Result<Minutes, DurationError> {
    if text.starts_with("-P") {
        return Err(DurationError::Negative);
    }
    let body = text.strip_prefix('P').ok_or(DurationError::Invalid)?;
    let mut millis: u64 = 0;
    let mut in_time = false;
    let mut number = String::new();
    // Units in the order ISO writes them, each at most once.
    let mut last_rank = None;
    for c in body.chars() {
        let (rank, unit_seconds): (u8, u64) = match (c, in_time) {
            ('T', false) if number.is_empty() => {
                in_time = true;
                continue;
            }
            ('0'..='9' | '.' | ',', _) => {
                number.push(if c == ',' { '.' } else { c });
                continue;
            }
            ('W', false) => (0, 7 * 86_400),
            ('D', false) => (1, 86_400),
            ('H', true) => (2, 3_600),
            ('M', true) => (3, 60),
            ('S', true) => (4, 1),
            _ => return Err(DurationError::Invalid),
        };
        if last_rank.is_some_and(|last| rank <= last) {
            return Err(DurationError::Invalid);
        }
        last_rank = Some(rank);
        millis = millis.saturating_add(scaled_millis(&number, unit_seconds)?);
        number.clear();
    }
    if last_rank.is_none() || !number.is_empty() {
        return Err(DurationError::Invalid);
    }
    minutes_of_millis(millis)
}

/// `number` (digits, maybe a decimal fraction) units of `unit_seconds`, in
/// milliseconds; fraction digits past the thousandth are dropped. A number
/// too large for any clock saturates: it is then too long, not unreadable.
fn scaled_millis(number: &str, unit_seconds: u64) -> Result<u64, DurationError> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(DurationError::Invalid);
    }
    let thousandths = format!("{fraction:0<3}");
    let scaled = format!("{whole}{}", &thousandths[..3])
        .parse::<u64>()
        .unwrap_or(u64::MAX);
    Ok(scaled.saturating_mul(unit_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<IsoDate> {
        IsoDate::parse(text)
    }

    #[test]
    fn paris_changes_offset_on_the_eu_sundays() {
        let paris = TimeZone::EuropeParis;
        // 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
        assert_eq!(paris.offset_at(1_711_846_799), 3_600); // 2024-03-31 00:59:59 UTC
        assert_eq!(paris.offset_at(1_711_846_800), 7_200); // 2024-03-31 01:00:00 UTC
        assert_eq!(paris.offset_at(1_729_990_799), 7_200); // 2024-10-27 00:59:59 UTC
        assert_eq!(paris.offset_at(1_729_990_800), 3_600);
        // 23:30 UTC on 23 May 2024 is already the 24th in Paris (CEST).
        assert_eq!(paris.date_of(1_716_507_000), date("2024-05-24"));
        // 23:30 UTC on 10 January 2024 is 00:30 on the 11th (CET).
        assert_eq!(paris.date_of(1_704_929_400), date("2024-01-11"));
        assert_eq!(
            TimeZone::Fixed(0).date_of(1_716_507_000),
            date("2024-05-23")
        );
        assert_eq!(TimeZone::Fixed(0).date_of(0), date("1970-01-01"));
        assert_eq!(TimeZone::Fixed(0).date_of(-1), date("1969-12-31"));
    }

    #[test]
    fn zones_are_named_or_fixed() {
        assert_eq!(TimeZone::parse("Europe/Paris"), Some(TimeZone::EuropeParis));
        assert_eq!(TimeZone::parse("+01:00"), Some(TimeZone::Fixed(3_600)));
        assert_eq!(TimeZone::parse("-03:30"), Some(TimeZone::Fixed(-12_600)));
        assert_eq!(TimeZone::parse("UTC"), Some(TimeZone::Fixed(0)));
        for bad in ["Europe/Berlin", "+1", "+25:00", "01:00", ""] {
            assert_eq!(TimeZone::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_timestamps_become_local_dates() {
        let paris = TimeZone::EuropeParis;
        assert_eq!(
            paris.date_of_timestamp("2024-05-23T22:30:00Z"),
            date("2024-05-24")
        );
        assert_eq!(
            paris.date_of_timestamp("2024-05-23T22:30:00.250Z"),
            date("2024-05-24")
        );
        assert_eq!(
            paris.date_of_timestamp("2024-05-23T21:59:59+00:00"),
            date("2024-05-23")
        );
        assert_eq!(
            paris.date_of_timestamp("2024-05-24T00:10:00+02:00"),
            date("2024-05-24")
        );
        assert_eq!(
            paris.date_of_timestamp("2024-05-23T20:00:00-0500"),
            date("2024-05-24")
        );
        assert_eq!(
            paris.date_of_timestamp("2024-05-23T23:50:00"),
            date("2024-05-23")
        );
        assert_eq!(paris.date_of_timestamp("2024-05-23"), date("2024-05-23"));
        for bad in [
            "2024-05-23T25:00:00Z",
            "2024-05-23 9:00",
            "23/05/2024",
            "2024-05-23T09:00:00+2",
            "2024-05-23T09:00:0x",
        ] {
            assert_eq!(paris.date_of_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_timestamp_outside_years_0000_to_9999_has_no_date() {
        let new_york = TimeZone::Fixed(-4 * 3_600);
        assert_eq!(new_york.date_of_timestamp("0000-01-01T00:00:00Z"), None);
        assert_eq!(
            TimeZone::Fixed(0).date_of_timestamp("0000-01-01T00:00:00Z"),
            date("0000-01-01")
        );
        assert_eq!(TimeZone::Fixed(0).date_of(253_402_300_800), None);
        assert_eq!(
            TimeZone::Fixed(0).date_of(253_402_300_799),
            date("9999-12-31")
        );
    }

    proptest::proptest! {
        /// What the import writes, the engine reads back: the same date.
        #[test]
        fn every_date_of_a_timestamp_reads_back(unix: i64, offset in -86_399i64..86_400) {
            for zone in [TimeZone::Fixed(offset), TimeZone::parse("Europe/Paris").unwrap()] {
                if let Some(d) = zone.date_of(unix) {
                    proptest::prop_assert_eq!(IsoDate::parse(&d.to_string()), Some(d));
                }
            }
        }
    }

    #[test]
    fn iso_durations_become_minutes() {
        let ok = |t: &str| minutes_of_iso_duration(t).map(|m| m.0);
        assert_eq!(ok("PT1H30M"), Ok(90));
        assert_eq!(ok("PT5400S"), Ok(90));
        assert_eq!(ok("PT0.5H"), Ok(30));
        assert_eq!(ok("PT44M29.99S"), Ok(44));
        assert_eq!(ok("PT44M30S"), Ok(45));
        assert_eq!(ok("P1D"), Ok(24 * 60));
        assert_eq!(ok("PT0S"), Ok(0));
        assert_eq!(ok("P1DT1M"), Ok(24 * 60 + 1));
        assert_eq!(ok("P2W"), Ok(14 * 24 * 60));
        for absurd in ["PT18446744073709551S", "PT99999999999999999999999H"] {
            assert_eq!(ok(absurd), Err(DurationError::TooLong), "{absurd}");
        }
        assert_eq!(ok("-PT1H"), Err(DurationError::Negative));
        for bad in [
            "P1M", "P1Y", "PT", "P", "1H", "PT1H30", "PTH", "PT1.2.3H", "PT1M2H", "PT1H1H",
        ] {
            assert_eq!(ok(bad), Err(DurationError::Invalid), "{bad}");
        }
        assert_eq!(minutes_of_seconds(5_400), Ok(Minutes(90)));
        assert_eq!(minutes_of_seconds(-60), Err(DurationError::Negative));
        assert_eq!(minutes_of_seconds(86_400), Ok(Minutes(1_440)));
        assert_eq!(minutes_of_seconds(86_430), Ok(Minutes(1_441)));
        assert_eq!(minutes_of_seconds(i64::MAX), Err(DurationError::TooLong));
    }
}
