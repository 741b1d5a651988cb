//! From platform data to learner records. The e-learning platform already
//! holds each learner's evidence in its own shapes: Moodle completion and
//! attendance web services, xAPI statements, CSV exports. Each source reads
//! its shape into [`evidence`] (with what the formats share in [`platform`]);
//! a [`mapping`] says what each platform id stands for in the programme; the
//! [`importer`] holds the evidence against both, and [`records`] gathers the
//! learner records, one per day, activity or traceur. Everything that does not
//! map is a [`Diagnostic`], worded in [`wording`]: nothing is dropped silently.

mod csv;
mod diagnostic;
mod evidence;
mod importer;
pub mod mapping;
mod moodle_attendance;
mod moodle_completion;
mod platform;
mod records;
pub mod time;
mod wording;
mod xapi;

pub use diagnostic::{Diagnostic, DiagnosticCode, Severity};
pub use mapping::{AttendanceMark, Mapping, Target};

use crate::date::IsoDate;
use crate::learner::LearnerRecord;
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
    let mut cx = importer::Importer::new(
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
