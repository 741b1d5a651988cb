//! The mapping document: how one platform's ids (course modules, attendance
//! sessions, xAPI activities, CSV refs) stand for the items of one programme
//! (its seminar sessions, modules, modalities and traceurs). Portal
//! developers write one per platform and promotion; field names are camelCase.

use super::time::TimeZone;
use crate::date::IsoDate;
use crate::learner::TraceurRecordStatus;
use crate::minutes::Minutes;
use crate::parse;
use crate::problem::{pointer, Mapped, Problem, Refusal};
use crate::programme::{Modality, Programme};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How one platform's ids stand for the items of one programme: Moodle course modules and attendance sessions, xAPI activities, CSV refs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mapping {
    /// The programme the records are for (an embedded programme's id).
    pub programme: String,
    /// What this mapping is for, for the people who maintain it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where timestamps become calendar dates: `Europe/Paris`, `UTC` or a
    /// fixed offset such as `-04:00`.
    pub time_zone: String,
    /// Platform user ids (Moodle user id, xAPI account name or mbox, CSV
    /// `learner_id`) to the learner ids of the records. When empty, platform
    /// ids are the learner ids; when not, a user it neither lists nor names
    /// as a learner id is reported.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub learners: BTreeMap<String, String>,
    /// Moodle course module ids (`cmid`) of `core_completion_get_activities_completion_status`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub course_modules: BTreeMap<String, Target>,
    /// Moodle course ids, for `core_completion_get_course_completion_status`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub courses: BTreeMap<String, Target>,
    /// mod_attendance session ids.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attendance_sessions: BTreeMap<String, Target>,
    /// mod_attendance status acronyms beyond the default P, A, L and E (a
    /// French Moodle may use R for « retard »), or overriding them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attendance_statuses: BTreeMap<String, AttendanceMark>,
    /// xAPI activity ids (the statement's `object.id`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub xapi_activities: BTreeMap<String, Target>,
    /// The `ref` column of the CSV export.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub csv_refs: BTreeMap<String, Target>,
}

/// What a platform item stands for in the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Target {
    /// A day of a seminar session: the day whose date is the item's local
    /// date, or `date` when the mapping pins it.
    Session {
        session: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<IsoDate>,
    },
    /// Time spent: e-learning, team work, or in person outside the calendar.
    /// `minutes` is the duration when the platform gives none.
    Activity {
        modality: Modality,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        module: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<Minutes>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
    },
    /// A document traceur. A completion means `onCompletion` (deposited,
    /// unless the mapping says the platform's completion is the formateur's
    /// validation); a completion with a pass (Moodle state 2, xAPI
    /// `result.success`) means validated.
    Traceur {
        traceur: String,
        #[serde(default = "deposited", rename = "onCompletion")]
        on_completion: TraceurRecordStatus,
    },
    /// The learner chose this elective module (a Moodle activity « Je
    /// choisis ce module » completed, an xAPI statement, a CSV row): an
    /// entry of their `chosenModules`, an intention the report shows. The
    /// module is one of an elective group.
    ChosenModule { module: String },
    /// Known and deliberately not imported (a news forum, a survey).
    Ignore {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

fn deposited() -> TraceurRecordStatus {
    TraceurRecordStatus::Deposited
}

/// How an attendance status reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum AttendanceMark {
    Present,
    /// Counts as present, with a notice.
    Late,
    Absent,
    /// A justified absence.
    Excused,
}

impl AttendanceMark {
    /// mod_attendance's default acronyms, then the mapping's own.
    pub fn of_acronym(mapping: &Mapping, acronym: &str) -> Option<AttendanceMark> {
        mapping
            .attendance_statuses
            .get(acronym)
            .copied()
            .or(match acronym {
                "P" => Some(AttendanceMark::Present),
                "L" => Some(AttendanceMark::Late),
                "A" => Some(AttendanceMark::Absent),
                "E" => Some(AttendanceMark::Excused),
                _ => None,
            })
    }
}

/// The mapping tables, one per kind of platform id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    CourseModules,
    Courses,
    AttendanceSessions,
    XapiActivities,
    CsvRefs,
}

impl Table {
    pub fn field(self) -> &'static str {
        match self {
            Table::CourseModules => "courseModules",
            Table::Courses => "courses",
            Table::AttendanceSessions => "attendanceSessions",
            Table::XapiActivities => "xapiActivities",
            Table::CsvRefs => "csvRefs",
        }
    }

    /// Prefix of the activity ids made from this table's items: Moodle ids of
    /// different tables may be equal numbers.
    pub fn activity_prefix(self) -> &'static str {
        match self {
            Table::CourseModules => "moodle-cm",
            Table::Courses => "moodle-course",
            Table::AttendanceSessions => "moodleAttendance",
            Table::XapiActivities => "xapi",
            Table::CsvRefs => "csv",
        }
    }
}

impl Mapping {
    /// Reads a mapping document; an unknown field is refused, as a typo in a
    /// mapping would silently lose a learner's evidence.
    pub fn read(text: &str) -> Result<Mapping, Vec<Problem>> {
        let parsed = parse::from_json::<Mapping>(text).map_err(|p| vec![p])?;
        match parsed.unknown_fields.is_empty() {
            true => Ok(parsed.value),
            false => Err(parsed
                .unknown_fields
                .iter()
                .map(|path| parse::unknown_field_problem(path))
                .collect()),
        }
    }

    pub fn table(&self, table: Table) -> &BTreeMap<String, Target> {
        match table {
            Table::CourseModules => &self.course_modules,
            Table::Courses => &self.courses,
            Table::AttendanceSessions => &self.attendance_sessions,
            Table::XapiActivities => &self.xapi_activities,
            Table::CsvRefs => &self.csv_refs,
        }
    }

    /// Checks the mapping against the programme: every problem, with its path.
    pub fn check(&self, programme: &Programme) -> Result<TimeZone, Vec<Problem>> {
        let mut problems = Vec::new();
        if !programme.is_or_extends(&self.programme) {
            problems.push(Problem::new(
                "/programme",
                Refusal::MappingForAnotherProgramme {
                    mapping: self.programme.clone(),
                    programme: programme.id().to_string(),
                },
            ));
        }
        let zone = TimeZone::parse(&self.time_zone);
        if zone.is_none() {
            problems.push(Problem::new(
                "/timeZone",
                Refusal::UnknownTimeZone {
                    zone: self.time_zone.clone(),
                },
            ));
        }
        for table in [
            Table::CourseModules,
            Table::Courses,
            Table::AttendanceSessions,
            Table::XapiActivities,
            Table::CsvRefs,
        ] {
            for (id, target) in self.table(table) {
                let path = pointer([table.field(), id]);
                check_target(programme, target, &path, &mut problems);
                // Moodle completions carry no duration: without one here, the item could never count.
                let timeless = matches!(table, Table::CourseModules | Table::Courses);
                if timeless && matches!(target, Target::Activity { minutes: None, .. }) {
                    problems.push(Problem::new(
                        format!("{path}/minutes"),
                        Refusal::DurationRequired,
                    ));
                }
            }
        }
        match zone {
            Some(zone) if problems.is_empty() => Ok(zone),
            _ => Err(problems),
        }
    }
}

fn check_target(programme: &Programme, target: &Target, path: &str, problems: &mut Vec<Problem>) {
    let mut unknown = |field: &str, what: Mapped| {
        problems.push(Problem::new(
            format!("{path}/{field}"),
            Refusal::MappedToUnknown {
                what,
                programme: programme.id().to_string(),
            },
        ))
    };
    match target {
        Target::Session { session, date } => match programme.session_index(session) {
            None => unknown(
                "session",
                Mapped::Session {
                    session: session.clone(),
                },
            ),
            Some(s) => {
                let days = &programme.definition.sessions[s].days;
                if let Some(date) = date.filter(|d| !days.iter().any(|day| day.date == *d)) {
                    unknown(
                        "date",
                        Mapped::SessionDay {
                            session: session.clone(),
                            date,
                        },
                    );
                }
            }
        },
        Target::Activity {
            module, minutes, ..
        } => {
            if let Some(m) = module.as_deref().filter(|m| programme.module(m).is_none()) {
                unknown(
                    "module",
                    Mapped::Module {
                        module: m.to_string(),
                    },
                );
            }
            let max = programme.definition.counting.max_activity_minutes;
            if let Some(m) = minutes.filter(|m| m.is_zero() || *m > max) {
                problems.push(Problem::new(
                    format!("{path}/minutes"),
                    Refusal::MappedDurationOutOfBounds { minutes: m, max },
                ));
            }
        }
        Target::Traceur { traceur, .. } => {
            if programme.traceur_index(traceur).is_none() {
                unknown(
                    "traceur",
                    Mapped::Traceur {
                        traceur: traceur.clone(),
                    },
                );
            }
        }
        Target::ChosenModule { module } => {
            if programme.module(module).is_none() {
                unknown(
                    "module",
                    Mapped::Module {
                        module: module.clone(),
                    },
                );
            } else if !programme.is_elective(module) {
                problems.push(Problem::new(
                    format!("{path}/module"),
                    Refusal::ChosenModuleNotElective {
                        module: module.clone(),
                    },
                ));
            }
        }
        Target::Ignore { .. } => {}
    }
}
