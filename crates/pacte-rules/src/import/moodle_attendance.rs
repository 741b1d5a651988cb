//! Moodle attendance (mod_attendance): sessions as its web service returns
//! them (`mod_attendance_get_sessions`, or one `mod_attendance_get_session`),
//! each with its date (`sessdate`, Unix seconds), `duration` (seconds), the
//! statuses of its status set and the attendance log of its students.
//!
//! A status reads by its acronym: P present, A absent, L late (counted
//! present, with a notice), E excused (a justified absence, justified by the
//! log's remarks, or « Excusé (Moodle) »); the mapping may add or override
//! acronyms (`attendanceStatuses`).

use super::diagnostic::Origin;
use super::evidence::{Evidence, Outcome, Who};
use super::importer::Importer;
use super::mapping::{AttendanceMark, Table};
use super::platform::{self, PlatformId};
use super::wording::Defect;
use crate::problem::{Problem, Refusal};
use serde::Deserialize;
use serde_json::Value;

const EXCUSED_BY_MOODLE: &str = "Excusé (Moodle)";

#[derive(Deserialize)]
struct Session {
    id: PlatformId,
    #[serde(default)]
    sessdate: Option<i64>,
    #[serde(default)]
    duration: Option<i64>,
}

#[derive(Deserialize)]
struct Status {
    id: PlatformId,
    acronym: String,
}

#[derive(Deserialize)]
struct LogEntry {
    studentid: PlatformId,
    statusid: PlatformId,
    #[serde(default)]
    remarks: Option<String>,
}

#[derive(Deserialize)]
struct User {
    id: PlatformId,
    #[serde(default)]
    firstname: Option<String>,
    #[serde(default)]
    lastname: Option<String>,
}

pub(super) fn read(cx: &mut Importer, input: &Value) -> Result<(), Problem> {
    match input {
        Value::Array(sessions) => {
            for (i, doc) in sessions.iter().enumerate() {
                session(cx, doc, &format!("/{i}"));
            }
            Ok(())
        }
        Value::Object(_) => {
            session(cx, input, "");
            Ok(())
        }
        _ => Err(Problem::new("", Refusal::NotAttendanceSessions)),
    }
}

fn session(cx: &mut Importer, doc: &Value, path: &str) {
    let Some(session) = platform::item::<Session>(cx, doc, path) else {
        return;
    };
    let statuses = platform::items::<Status>(cx, doc.get("statuses"), &format!("{path}/statuses"));
    let users = platform::items::<User>(cx, doc.get("users"), &format!("{path}/users"));
    let date = platform::unix_date(cx, session.sessdate);
    let minutes = session.duration.map(platform::seconds_minutes);
    platform::each::<LogEntry>(
        cx,
        doc.get("attendance_log"),
        &format!("{path}/attendance_log"),
        |cx, path, entry| {
            let acronym = statuses
                .iter()
                .find(|s| s.id == entry.statusid)
                .map(|s| s.acronym.as_str());
            let outcome = match acronym.map(|a| (a, AttendanceMark::of_acronym(cx.mapping, a))) {
                Some((_, Some(mark))) => {
                    let remarks = entry
                        .remarks
                        .as_deref()
                        .map(str::trim)
                        .filter(|r| !r.is_empty());
                    let justification = (mark == AttendanceMark::Excused)
                        .then(|| remarks.unwrap_or(EXCUSED_BY_MOODLE).to_string());
                    Outcome::Mark {
                        mark,
                        justification,
                    }
                }
                Some((acronym, None)) => {
                    Outcome::SetAside(Defect::UnknownAcronym { acronym }.into())
                }
                None => Outcome::SetAside(
                    Defect::StatusNotInSession {
                        status: &entry.statusid.0,
                    }
                    .into(),
                ),
            };
            let user = users.iter().find(|u| u.id == entry.studentid);
            let display_name = user.map(|u| {
                format!(
                    "{} {}",
                    u.firstname.as_deref().unwrap_or(""),
                    u.lastname.as_deref().unwrap_or("")
                )
                .trim()
                .to_string()
            });
            cx.take(Evidence {
                origin: Origin::Path(path),
                who: Who {
                    key: entry.studentid.0,
                    display_name: display_name.filter(|n| !n.is_empty()),
                },
                item_id: None,
                table: Table::AttendanceSessions,
                platform_id: session.id.0.clone(),
                outcome,
                date: date.clone(),
                minutes: minutes.clone(),
                overridden_by: None,
                repeats: false,
            });
        },
    );
}
