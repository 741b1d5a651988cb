//! CSV exports, one row per attendance, activity, traceur or module chosen,
//! under a header naming the columns (any order; docs/import.md has the details):
//!
//! `learner_id,kind,ref,date,minutes,status,justification`
//!
//! `learner_id`, `kind`, `ref` and `date` are required; `minutes`, `status`
//! and `justification` may be left out. `kind` says how `status` reads, and
//! must fit what the mapping makes of `ref`. A header with `;` and no `,`
//! (a spreadsheet in French) is read with `;`.

use super::diagnostic::{Flaw, Origin};
use super::evidence::{Evidence, Outcome, Who};
use super::importer::Importer;
use super::mapping::{AttendanceMark, Table, Target};
use super::platform;
use super::time::minutes_of_seconds;
use super::wording::{Defect, Duration};
use crate::date::IsoDate;
use crate::learner::TraceurRecordStatus;
use crate::problem::{CsvHeader, Problem, Refusal};

const EXCUSED_IN_EXPORT: &str = "Excusé (export CSV)";
const WAIVED_IN_EXPORT: &str = "Dispensé (export CSV)";
const REQUIRED: [&str; 4] = ["learner_id", "kind", "ref", "date"];
const OPTIONAL: [&str; 3] = ["minutes", "status", "justification"];

/// Positions of the columns in the header.
struct Columns {
    learner_id: usize,
    kind: usize,
    reference: usize,
    date: usize,
    minutes: Option<usize>,
    status: Option<usize>,
    justification: Option<usize>,
    count: usize,
}

pub(super) fn read(cx: &mut Importer, text: &str) -> Result<(), Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A lone CR ends a line (Excel for Mac's "CSV (Macintosh)", or a stray
    // one): the csv reader splits there but counts lines by LF only, so each
    // row after it would be said to be on the line before.
    let text = if text.contains('\r') {
        let lines: Vec<String> = text.split("\r\n").map(|l| l.replace('\r', "\n")).collect();
        std::borrow::Cow::Owned(lines.join("\r\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let columns = columns(reader.headers().map_err(|e| {
        invalid_csv(CsvHeader::Unreadable {
            error: e.to_string(),
        })
    })?)?;
    for row in reader.records() {
        match row {
            Ok(record) => take_row(cx, &columns, &record),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let error = e.to_string();
                cx.diagnose(
                    &Origin::Line(line),
                    None,
                    Defect::UnreadableLine { error: &error },
                );
            }
        }
    }
    Ok(())
}

fn columns(header: &::csv::StringRecord) -> Result<Columns, Problem> {
    let names: Vec<&str> = header.iter().collect();
    if let Some(unknown) = names
        .iter()
        .find(|n| !REQUIRED.contains(n) && !OPTIONAL.contains(n))
    {
        return Err(invalid_csv(CsvHeader::UnknownColumn {
            column: unknown.to_string(),
        }));
    }
    let at = |name: &str| names.iter().position(|n| *n == name);
    if let Some(name) = names
        .iter()
        .enumerate()
        .find(|(i, n)| at(n) != Some(*i))
        .map(|(_, n)| n)
    {
        return Err(invalid_csv(CsvHeader::ColumnTwice {
            column: name.to_string(),
        }));
    }
    let required = |name: &str| {
        at(name).ok_or_else(|| {
            invalid_csv(CsvHeader::MissingColumn {
                column: name.to_string(),
            })
        })
    };
    Ok(Columns {
        learner_id: required("learner_id")?,
        kind: required("kind")?,
        reference: required("ref")?,
        date: required("date")?,
        minutes: at("minutes"),
        status: at("status"),
        justification: at("justification"),
        count: names.len(),
    })
}

fn invalid_csv(header: CsvHeader) -> Problem {
    let expected = [REQUIRED.as_slice(), OPTIONAL.as_slice()]
        .concat()
        .join(",");
    Problem::new("", Refusal::InvalidCsv { header, expected })
}

fn take_row(cx: &mut Importer, columns: &Columns, record: &::csv::StringRecord) {
    let origin = Origin::Line(record.position().map_or(0, |p| p.line()));
    let field = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or_default();
    let (learner, kind, reference) = (
        field(Some(columns.learner_id)),
        field(Some(columns.kind)),
        field(Some(columns.reference)),
    );
    let missing = [("learner_id", learner), ("kind", kind), ("ref", reference)]
        .into_iter()
        .find(|(_, value)| value.is_empty());
    let incomplete = match missing {
        Some((column, _)) => Some(Defect::EmptyField { column }),
        None if record.len() != columns.count => Some(Defect::IncompleteLine {
            fields: record.len(),
            expected: columns.count,
        }),
        None => None,
    };
    if let Some(defect) = incomplete {
        return cx.diagnose(&origin, None, defect);
    }
    let (status, justification) = (field(columns.status), field(columns.justification));
    let justification = (!justification.is_empty()).then(|| justification.to_string());
    let outcome = match outcome(kind, status, justification) {
        Some(outcome) => fit(cx.mapping.csv_refs.get(reference), kind, outcome),
        None => Outcome::SetAside(Defect::UnknownKindOrStatus { kind, status }.into()),
    };
    let date = field(Some(columns.date));
    let minutes = field(columns.minutes);
    cx.take(Evidence {
        origin,
        who: Who {
            key: learner.to_string(),
            display_name: None,
        },
        item_id: None,
        table: Table::CsvRefs,
        platform_id: reference.to_string(),
        outcome,
        date: IsoDate::parse(date).ok_or_else(|| Defect::UnreadableDate { given: date }.into()),
        minutes: (!minutes.is_empty()).then(|| match minutes.parse::<i64>() {
            Ok(m) => minutes_of_seconds(m.saturating_mul(60))
                .map_err(|e| platform::duration_flaw(e, Duration::Minutes(m))),
            Err(_) => platform::iso_minutes(minutes),
        }),
        overridden_by: None,
        repeats: true,
    });
}

/// How `status` reads for a row of this `kind`.
fn outcome(kind: &str, status: &str, justification: Option<String>) -> Option<Outcome> {
    let mark = |mark| {
        Some(Outcome::Mark {
            mark,
            justification: justification.clone(),
        })
    };
    match (kind, status) {
        ("attendance", "present") => mark(AttendanceMark::Present),
        ("attendance", "late") => mark(AttendanceMark::Late),
        ("attendance", "absent") => mark(AttendanceMark::Absent),
        ("attendance", "excused") => Some(Outcome::Mark {
            mark: AttendanceMark::Excused,
            justification: Some(justification.unwrap_or_else(|| EXCUSED_IN_EXPORT.to_string())),
        }),
        ("activity", "" | "completed") => Some(Outcome::Done { passed: false }),
        ("activity", "incomplete") => Some(Outcome::NotDone),
        ("activity", "failed") => Some(Outcome::Failed),
        ("activity", "waived") => Some(Outcome::Waived {
            reason: justification.unwrap_or_else(|| WAIVED_IN_EXPORT.to_string()),
        }),
        ("traceur", "deposited") => Some(Outcome::Traceur(TraceurRecordStatus::Deposited)),
        ("traceur", "toRevise") => Some(Outcome::Traceur(TraceurRecordStatus::ToRevise)),
        ("traceur", "validated") => Some(Outcome::Traceur(TraceurRecordStatus::Validated)),
        ("chosenModule", "") => Some(Outcome::Done { passed: false }),
        _ => None,
    }
}

/// The row's `kind` must fit what the mapping makes of its `ref`: a row
/// meant for one thing and mapped to another is a wrong `ref`.
fn fit(target: Option<&Target>, kind: &str, outcome: Outcome) -> Outcome {
    let fits = match target {
        Some(Target::Session { .. }) => kind == "attendance",
        Some(Target::Activity { .. }) => matches!(kind, "activity" | "attendance"),
        Some(Target::Traceur { .. }) => kind == "traceur",
        Some(Target::ChosenModule { .. }) => kind == "chosenModule",
        Some(Target::Ignore { .. }) | None => true,
    };
    match target {
        Some(target) if !fits => Outcome::SetAside(Flaw::from(Defect::TargetMismatch { target })),
        _ => outcome,
    }
}
