//! Durations in whole minutes: exact tallies, no float drift.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign};

/// A duration in whole minutes: an integer in JSON, 90 for 1 h 30.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Minutes(pub u32);

impl Minutes {
    pub const ZERO: Minutes = Minutes(0);
    /// One day: the most a seminar day, or one activity by default, can last.
    pub const DAY: Minutes = Minutes(24 * 60);

    pub const fn hours(h: u32) -> Minutes {
        Minutes(h * 60)
    }

    /// `self - other`, never below zero: a tally is never negative.
    pub fn saturating_sub(self, other: Minutes) -> Minutes {
        Minutes(self.0.saturating_sub(other.0))
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl Add for Minutes {
    type Output = Minutes;
    fn add(self, rhs: Minutes) -> Minutes {
        Minutes(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Minutes {
    fn add_assign(&mut self, rhs: Minutes) {
        *self = *self + rhs;
    }
}

impl std::iter::Sum for Minutes {
    fn sum<I: Iterator<Item = Minutes>>(iter: I) -> Minutes {
        iter.fold(Minutes::ZERO, Add::add)
    }
}

/// "84 h", "2 h 30", "45 min": the way the French write durations; the
/// English text uses the same form, which reads naturally there too.
impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = (self.0 / 60, self.0 % 60);
        match (h, m) {
            (0, m) => write!(f, "{m} min"),
            (h, 0) => write!(f, "{h} h"),
            (h, m) => write!(f, "{h} h {m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_a_person_would() {
        assert_eq!(Minutes(84 * 60).to_string(), "84 h");
        assert_eq!(Minutes(150).to_string(), "2 h 30");
        assert_eq!(Minutes(65).to_string(), "1 h 05");
        assert_eq!(Minutes(45).to_string(), "45 min");
        assert_eq!(Minutes(0).to_string(), "0 min");
    }
}
