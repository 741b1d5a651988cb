//! What the platform formats share: ids written as numbers or strings, lists
//! read item by item (one unreadable item is reported, not the whole input
//! refused), and timestamps and durations read into the item's evidence.

use super::diagnostic::{Flaw, Origin};
use super::importer::Importer;
use super::time::{minutes_of_iso_duration, minutes_of_seconds, DurationError};
use super::wording::{Defect, Duration};
use crate::date::IsoDate;
use crate::minutes::Minutes;
use crate::parse;
use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::fmt;

/// A platform id: Moodle writes most ids as numbers, some (`statusid`) as strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PlatformId(pub String);

impl<'de> Deserialize<'de> for PlatformId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than a `Value`: serde_json then places a wrong type at the id itself.
        struct Id;
        impl Visitor<'_> for Id {
            type Value = PlatformId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id (a whole number or a string)")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<PlatformId, E> {
                Ok(PlatformId(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<PlatformId, E> {
                Ok(PlatformId(n.to_string()))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PlatformId, E> {
                Ok(PlatformId(s.to_string()))
            }
        }
        d.deserialize_any(Id)
    }
}

/// Reads one item; an item that does not read is diagnosed at the path of
/// the value at fault (the item, or one of its fields) and `None`.
pub(super) fn item<T: DeserializeOwned>(cx: &mut Importer, value: &Value, path: &str) -> Option<T> {
    let error = match T::deserialize(value) {
        Ok(item) => return Some(item),
        Err(e) => e,
    };
    // Slow path, for the diagnostic only: where in the item, and why.
    let (at, detail) = match parse::from_value_raw::<T>(value) {
        Err(located) => located,
        Ok(parsed) => (
            parsed.unknown_fields.into_iter().next().unwrap_or_default(),
            error.to_string(),
        ),
    };
    let unreadable = Defect::UnreadableItem { detail: &detail };
    cx.diagnose(&Origin::Path(format!("{path}{at}")), None, unreadable);
    None
}

/// Reads the array `list` (at `path`) item by item, in order, handing each
/// item that reads to `take` with its path.
pub(super) fn each<T: DeserializeOwned>(
    cx: &mut Importer,
    list: Option<&Value>,
    path: &str,
    mut take: impl FnMut(&mut Importer, String, T),
) {
    match list {
        None => {}
        Some(Value::Array(values)) => {
            for (i, value) in values.iter().enumerate() {
                let path = format!("{path}/{i}");
                if let Some(item) = item(cx, value, &path) {
                    take(cx, path, item);
                }
            }
        }
        Some(_) => cx.diagnose(&Origin::Path(path.to_string()), None, Defect::ListExpected),
    }
}

/// The items of the array `list` that read, for looking up.
pub(super) fn items<T: DeserializeOwned>(
    cx: &mut Importer,
    list: Option<&Value>,
    path: &str,
) -> Vec<T> {
    let mut items = Vec::new();
    each(cx, list, path, |_, _, item| items.push(item));
    items
}

/// The local date of a Unix timestamp; Moodle writes 0 (or nothing) for "never".
pub(super) fn unix_date(cx: &Importer, seconds: Option<i64>) -> Result<IsoDate, Flaw> {
    let date = seconds.filter(|s| *s > 0).and_then(|s| cx.zone.date_of(s));
    date.ok_or_else(|| {
        let given = seconds.map(|s| s.to_string());
        Defect::InvalidTimestamp {
            given: given.as_deref(),
        }
        .into()
    })
}

/// The local date of an ISO 8601 date-time.
pub(super) fn iso_date(cx: &Importer, text: Option<&str>) -> Result<IsoDate, Flaw> {
    text.and_then(|t| cx.zone.date_of_timestamp(t))
        .ok_or_else(|| Defect::InvalidTimestamp { given: text }.into())
}

/// A duration in seconds (Moodle).
pub(super) fn seconds_minutes(seconds: i64) -> Result<Minutes, Flaw> {
    minutes_of_seconds(seconds).map_err(|e| duration_flaw(e, Duration::Seconds(seconds)))
}

/// An ISO 8601 duration (xAPI `result.duration`).
pub(super) fn iso_minutes(text: &str) -> Result<Minutes, Flaw> {
    minutes_of_iso_duration(text).map_err(|e| duration_flaw(e, Duration::Text(text)))
}

/// Why a duration the source gave does not count.
pub(super) fn duration_flaw(error: DurationError, given: Duration) -> Flaw {
    match error {
        DurationError::Negative => Defect::NegativeDuration { given },
        DurationError::Invalid => Defect::UnreadableDuration { given },
        DurationError::TooLong => Defect::ImplausibleDuration { given, max: None },
    }
    .into()
}
