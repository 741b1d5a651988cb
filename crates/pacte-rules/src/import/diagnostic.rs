//! What an import says of the items it did not take as they stand: a
//! [`Diagnostic`] with its stable code, its severity, where the item is in
//! the input ([`Origin`]) and a message. A source that finds a fault before
//! knowing whether it matters keeps it as a [`Flaw`], placed only when the
//! value turns out to be needed.

use crate::message::{Message, Wording};
use serde::Serialize;

/// Something of the input that was not taken as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Diagnostic {
    pub code: DiagnosticCode,
    pub severity: Severity,
    /// JSON Pointer into the input (JSON sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Line of the input, from 1 for the header (CSV).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The learner id (after the mapping's `learners`) the item is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learner_id: Option<String>,
    pub message: Message,
}

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Severity {
    /// Broken data or an incomplete mapping: evidence was lost; fix the source.
    Error,
    /// Set aside for a reason a person should confirm.
    Warning,
    /// Taken in, or set aside, as the rules say; said for the record.
    Notice,
}

/// Why an item was not taken as it stands. The codes are stable: callers switch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum DiagnosticCode {
    /// An item lacks a field the source's format requires, or has a wrong type.
    MalformedItem,
    /// A platform id the mapping does not list.
    UnmappedId,
    /// The mapping lists the id as `ignore`.
    IgnoredByMapping,
    /// The mapping's `learners` table does not list this platform user.
    UnknownLearner,
    /// The item is about another learner than the one asked for.
    OtherLearner,
    /// A status the source or the mapping does not define.
    UnknownStatus,
    /// A timestamp or date missing, zero or unreadable.
    InvalidTimestamp,
    /// A duration that is not a number of seconds or an ISO 8601 duration.
    InvalidDuration,
    NegativeDuration,
    /// The duration rounds to zero minutes.
    ZeroDuration,
    /// More than the programme's `counting.maxActivityMinutes` for one item
    /// (one day by default): a clock left running or a unit mistaken.
    ImplausibleDuration,
    /// Neither the source nor the mapping gives the activity a duration.
    NoDuration,
    /// The date is not a day of the seminar session the item maps to.
    NotASessionDay,
    /// The item's kind does not fit what the mapping makes of it (a traceur
    /// status for a seminar, a CSV `attendance` row for a traceur…).
    TargetMismatch,
    DatedAfterAsOf,
    /// Dated before the programme's `counting.recordsFrom` (by default the
    /// promotion's start): the engine would set it aside, so the import does.
    DatedBeforePromotion,
    /// The same statement, or the same activity, again: counted once.
    DuplicateRecord,
    /// An earlier state of the same traceur, replaced by a later one.
    Superseded,
    /// Two different statuses for the same seminar day: the less favourable stands.
    AttendanceConflict,
    /// Not completed (Moodle state 0, CSV `incomplete`).
    NotCompleted,
    /// Completion is not tracked for this activity or learner: it never completes.
    NotTracked,
    /// Completed with a fail (Moodle state 3, CSV `failed`): not a completion.
    CompletionFailed,
    /// A trainer overrode the completion state: the override is honoured.
    CompletionOverridden,
    /// Late at a seminar day: counted present.
    LateCountedPresent,
    /// Absent from a timed activity (outside the calendar): no time counted.
    AbsentFromActivity,
    /// cmi5 `waived` (or CSV `waived`) on an activity or traceur: no time nor document counted.
    Waived,
    /// An xAPI verb the import does not use (launched, initialized…).
    VerbNotUsed,
    /// A warning the platform's web service returned with its answer.
    PlatformWarning,
}

impl DiagnosticCode {
    pub fn severity(self) -> Severity {
        use DiagnosticCode::*;
        match self {
            MalformedItem | UnmappedId | UnknownLearner | UnknownStatus | InvalidTimestamp
            | InvalidDuration | NegativeDuration | ImplausibleDuration | NoDuration
            | NotASessionDay | TargetMismatch => Severity::Error,
            ZeroDuration | DatedAfterAsOf | DatedBeforePromotion | AttendanceConflict
            | NotTracked | CompletionFailed | PlatformWarning => Severity::Warning,
            IgnoredByMapping | OtherLearner | DuplicateRecord | Superseded | NotCompleted
            | CompletionOverridden | LateCountedPresent | AbsentFromActivity | Waived
            | VerbNotUsed => Severity::Notice,
        }
    }
}

impl Diagnostic {
    pub(super) fn new(origin: &Origin, learner_id: Option<&str>, flaw: Flaw) -> Diagnostic {
        let (path, line) = match origin {
            Origin::Path(path) => (Some(path.clone()), None),
            Origin::Line(line) => (None, Some(*line)),
        };
        Diagnostic {
            code: flaw.code,
            severity: flaw.code.severity(),
            path,
            line,
            learner_id: learner_id.map(str::to_string),
            message: flaw.message,
        }
    }
}

/// Where an item is in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Origin {
    /// JSON Pointer (JSON sources).
    Path(String),
    /// Line, from 1 for the header (CSV).
    Line(u64),
}

/// A diagnostic waiting for its place: its words are written when it is
/// found, as what they name (a date, a duration as given) may not outlive it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Flaw {
    pub code: DiagnosticCode,
    pub message: Message,
}

impl Flaw {
    pub fn new(what: impl Wording<Code = DiagnosticCode>) -> Flaw {
        Flaw {
            code: what.code(),
            message: what.message(),
        }
    }
}
