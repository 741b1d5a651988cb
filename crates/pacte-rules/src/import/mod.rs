//! From platform data to learner records. The e-learning platform already
//! holds each learner's evidence in its own shapes: Moodle completion and
//! attendance web services, xAPI statements, CSV exports. Each source reads
//! its shape into [`evidence`]; a [`mapping`] says what each platform id
//! stands for in the programme; [`records`] gathers the learner records.
//! Everything that does not map is a [`Diagnostic`]: nothing is dropped silently.

mod csv;
mod evidence;
pub mod mapping;
mod moodle_attendance;
mod moodle_completion;
mod platform;
mod records;
pub mod time;
mod xapi;

pub use mapping::{AttendanceMark, Mapping, Target};

use crate::date::IsoDate;
use crate::learner::LearnerRecord;
use crate::message::Message;
use crate::parse;
use crate::problem::Problem;
use crate::programme::{Catalog, Programme};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The shape of the platform data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum ImportSource {
    /// `core_completion_get_activities_completion_status` (and optionally
    /// `core_completion_get_course_completion_status`) responses, each in an
    /// envelope naming the user and the course.
    MoodleCompletion,
    /// mod_attendance sessions with their statuses and attendance log.
    MoodleAttendance,
    /// xAPI statements (an array, or a StatementResult).
    Xapi,
    /// CSV text with the header documented in docs/import.md.
    Csv,
}

impl ImportSource {
    pub const ALL: [ImportSource; 4] = [
        ImportSource::MoodleCompletion,
        ImportSource::MoodleAttendance,
        ImportSource::Xapi,
        ImportSource::Csv,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ImportSource::MoodleCompletion => "moodleCompletion",
            ImportSource::MoodleAttendance => "moodleAttendance",
            ImportSource::Xapi => "xapi",
            ImportSource::Csv => "csv",
        }
    }
}

impl fmt::Display for ImportSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for ImportSource {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ImportSource::ALL
            .into_iter()
            .find(|source| source.key() == s)
            .ok_or_else(|| {
                let keys: Vec<&str> = ImportSource::ALL
                    .iter()
                    .map(|source| source.key())
                    .collect();
                format!(
                    "unknown source \"{s}\": expected one of {}",
                    keys.join(", ")
                )
            })
    }
}

/// How to read an import call's input. Field names are camelCase in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ImportOptions {
    pub source: ImportSource,
    /// Records dated after this day are not facts yet: set aside, with a diagnostic.
    pub as_of: IsoDate,
    /// Only this learner (a learner id of the records): the records of others
    /// are reported and set aside, and this learner gets a record even if empty.
    #[serde(default)]
    pub learner_id: Option<String>,
}

/// Learner records ready for evaluation, and what could not be used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ImportResult {
    pub source: ImportSource,
    pub programme: String,
    pub as_of: IsoDate,
    /// One record per learner found (in order of first appearance), or the
    /// one learner asked for.
    pub learners: Vec<LearnerRecord>,
    /// In input order.
    pub diagnostics: Vec<Diagnostic>,
}

impl ImportResult {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

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
    /// More than a day for one item ([`time::MAX_ITEM_MINUTES`]): a clock
    /// left running or a unit mistaken.
    ImplausibleDuration,
    /// Neither the source nor the mapping gives the activity a duration.
    NoDuration,
    /// The date is not a day of the seminar session the item maps to.
    NotASessionDay,
    /// The item's kind does not fit what the mapping makes of it (a traceur
    /// status for a seminar, a CSV `attendance` row for a traceur…).
    TargetMismatch,
    DatedAfterAsOf,
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
            ZeroDuration | DatedAfterAsOf | AttendanceConflict | NotTracked | CompletionFailed
            | PlatformWarning => Severity::Warning,
            IgnoredByMapping | OtherLearner | DuplicateRecord | Superseded | NotCompleted
            | CompletionOverridden | LateCountedPresent | AbsentFromActivity | Waived
            | VerbNotUsed => Severity::Notice,
        }
    }
}

/// An import call: the mapping document (JSON text), the embedded programme
/// it names, then the input (JSON text, or CSV text for `csv`).
pub fn run(
    options: &ImportOptions,
    mapping: &str,
    input: &str,
) -> Result<ImportResult, Vec<Problem>> {
    let mapping = Mapping::read(mapping).map_err(|p| under(p, "/mapping"))?;
    let programme = Catalog::embedded_programme(&mapping.programme)
        .map_err(|p| under(p, "/mapping/programme"))?;
    import(programme, &mapping, options, input)
}

/// Turns `input` into learner records of `programme`. Problems of the mapping
/// have paths under `/mapping`, of the input under `/input`; diagnostics have
/// paths (or lines) in the input itself.
pub fn import(
    programme: &Programme,
    mapping: &Mapping,
    options: &ImportOptions,
    input: &str,
) -> Result<ImportResult, Vec<Problem>> {
    let zone = mapping.check(programme).map_err(|p| under(p, "/mapping"))?;
    let mut cx = evidence::Importer::new(
        programme,
        mapping,
        zone,
        options.as_of,
        options.learner_id.as_deref(),
    );
    let json = || parse::json_value(input);
    match options.source {
        ImportSource::MoodleCompletion => {
            json().and_then(|doc| moodle_completion::read(&mut cx, &doc))
        }
        ImportSource::MoodleAttendance => {
            json().and_then(|doc| moodle_attendance::read(&mut cx, &doc))
        }
        ImportSource::Xapi => json().and_then(|doc| xapi::read(&mut cx, &doc)),
        ImportSource::Csv => csv::read(&mut cx, input),
    }
    .map_err(|p| under(vec![p], "/input"))?;
    let (learners, diagnostics) = cx.finish();
    Ok(ImportResult {
        source: options.source,
        programme: mapping.programme.clone(),
        as_of: options.as_of,
        learners,
        diagnostics,
    })
}

fn under(problems: Vec<Problem>, prefix: &str) -> Vec<Problem> {
    problems.into_iter().map(|p| p.under(prefix)).collect()
}
