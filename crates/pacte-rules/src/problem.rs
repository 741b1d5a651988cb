//! Errors are values: a stable code a caller can switch on, the JSON path of
//! what is wrong, and a message in French and English.

use crate::message::Notice;
use serde::{Deserialize, Serialize};

mod wording;
pub use wording::{in_french, CsvHeader, Mapped, Refusal};

/// Why an input was refused. The codes are stable: callers switch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum ProblemCode {
    /// The text is not JSON (or a JSON Lines line is not).
    InvalidJson,
    /// A value has the wrong shape or type (a string where a number is due…).
    InvalidValue,
    /// A date is not a real date written `YYYY-MM-DD`.
    InvalidDate,
    /// A field the format does not know (a typo, most often).
    UnknownField,
    /// Two items of one list share an id.
    DuplicateId,
    /// An id names a module, session or traceur the programme does not have.
    UnknownReference,
    /// `extends` names a programme that is neither embedded nor given.
    UnknownParent,
    /// Definitions extend each other in a circle.
    ExtendsCycle,
    /// An elective group asks for more modules than it offers.
    ElectiveGroupTooLarge,
    /// A module named as a learner's choice (a mapping's `chosenModule`) is
    /// mandatory: only an elective module is chosen.
    NotAnElectiveModule,
    /// A session day falls outside the promotion's start and end dates.
    SessionOutsidePromotion,
    /// The promotion ends before it starts.
    PromotionDatesReversed,
    /// A seminar session has no day, or a day lasts zero minutes.
    EmptySession,
    /// A duration no day can hold: a seminar day longer than 24 h, or a
    /// bound on activities of 0 minutes.
    ImplausibleDuration,
    /// The mandatory seminar days cannot supply the required in-person hours.
    CalendarShortOfPresentiel,
    /// No embedded programme has this id.
    UnknownProgramme,
    /// A definition reuses the id and version of another with other content:
    /// an id and a version name one set of rules.
    ConflictingDefinition,
    /// The learner's records, or a candidature file, name another programme than the one used.
    ProgrammeMismatch,
    /// A candidature was checked against a programme without candidature rules.
    NoCandidatureRules,
    /// A command-line argument or call parameter is wrong (a bad `asOf`…).
    InvalidArgument,
    /// CSV text that cannot be read, or whose header is not the documented one.
    InvalidCsv,
    /// A promotion file with no learner in it (an empty array, or only blank lines).
    EmptyPromotion,
}

/// One problem with an input: why it was refused, and where.
#[cfg_attr(feature = "typescript", tsify::declare)]
pub type Problem = Notice<ProblemCode>;

/// Joins JSON Pointer segments, escaping `~` and `/` as RFC 6901 asks.
pub fn pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: std::fmt::Display,
{
    let mut out = String::new();
    for s in segments {
        out.push('/');
        out.push_str(&s.to_string().replace('~', "~0").replace('/', "~1"));
    }
    out
}
