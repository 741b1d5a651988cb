//! Moodle completion: the answers of `core_completion_get_activities_completion_status`
//! and `core_completion_get_course_completion_status`. Neither answer names
//! the user or the course (they are call parameters), so each comes in an
//! envelope that does:
//!
//! ```json
//! { "userid": 1234, "courseid": 56,
//!   "activities": { "statuses": [ … ], "warnings": [] },
//!   "course": { "completionstatus": { … }, "warnings": [] } }
//! ```
//!
//! The input is one envelope or an array of them (several users or courses).

use super::diagnostic::Origin;
use super::evidence::{Evidence, Outcome, Who};
use super::importer::Importer;
use super::mapping::Table;
use super::platform::{self, PlatformId};
use super::wording::Defect;
use crate::problem::{Problem, Refusal};
use serde::Deserialize;
use serde_json::Value;

/// The envelope is this crate's format, not Moodle's: a misspelt answer
/// name would lose a learner's evidence, so unknown fields are refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    userid: PlatformId,
    #[serde(default)]
    courseid: Option<PlatformId>,
    #[serde(default)]
    activities: Option<Value>,
    #[serde(default)]
    course: Option<Value>,
}

/// One activity of `statuses`; the other fields Moodle sends are not needed.
#[derive(Deserialize)]
struct Status {
    cmid: PlatformId,
    /// 0 incomplete, 1 complete, 2 complete with a pass, 3 complete with a fail.
    state: i64,
    #[serde(default)]
    timecompleted: Option<i64>,
    /// 0 none, 1 manual, 2 automatic.
    #[serde(default)]
    tracking: Option<i64>,
    #[serde(default)]
    overrideby: Option<PlatformId>,
    #[serde(default)]
    hascompletion: Option<bool>,
    #[serde(default)]
    istrackeduser: Option<bool>,
}

#[derive(Deserialize)]
struct CourseStatus {
    completed: bool,
    #[serde(default)]
    completions: Vec<Criterion>,
}

#[derive(Deserialize)]
struct Criterion {
    #[serde(default)]
    timecompleted: Option<i64>,
}

#[derive(Deserialize)]
struct Warning {
    #[serde(default)]
    warningcode: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

pub(super) fn read(cx: &mut Importer, input: &Value) -> Result<(), Problem> {
    match input {
        Value::Object(o) if o.contains_key("statuses") || o.contains_key("completionstatus") => {
            Err(Problem::new("", Refusal::MoodleAnswerWithoutEnvelope))
        }
        Value::Object(_) => {
            envelope(cx, input, "");
            Ok(())
        }
        Value::Array(items) => {
            for (i, doc) in items.iter().enumerate() {
                envelope(cx, doc, &format!("/{i}"));
            }
            Ok(())
        }
        _ => Err(Problem::new("", Refusal::NotMoodleEnvelopes)),
    }
}

fn envelope(cx: &mut Importer, doc: &Value, path: &str) {
    let Some(envelope) = platform::item::<Envelope>(cx, doc, path) else {
        return;
    };
    let who = || Who {
        key: envelope.userid.0.clone(),
        display_name: None,
    };
    if let Some(answer) = &envelope.activities {
        let path = format!("{path}/activities");
        warnings(cx, answer, &path);
        platform::each::<Status>(
            cx,
            answer.get("statuses"),
            &format!("{path}/statuses"),
            |cx, path, s| {
                let tracked = s.tracking != Some(0)
                    && s.hascompletion != Some(false)
                    && s.istrackeduser != Some(false);
                let outcome = match s.state {
                    _ if !tracked => Outcome::NotTracked,
                    0 => Outcome::NotDone,
                    1 => Outcome::Done { passed: false },
                    2 => Outcome::Done { passed: true },
                    3 => Outcome::Failed,
                    state => Outcome::SetAside(Defect::UnknownCompletionState { state }.into()),
                };
                let date = platform::unix_date(cx, s.timecompleted);
                cx.take(Evidence {
                    origin: Origin::Path(path),
                    who: who(),
                    item_id: None,
                    table: Table::CourseModules,
                    platform_id: s.cmid.0,
                    outcome,
                    date,
                    minutes: None,
                    overridden_by: s.overrideby.map(|by| by.0),
                    repeats: false,
                });
            },
        );
    }
    if let Some(answer) = &envelope.course {
        let path = format!("{path}/course");
        warnings(cx, answer, &path);
        let Some(course) = platform::item::<CourseStatus>(
            cx,
            answer.get("completionstatus").unwrap_or(&Value::Null),
            &format!("{path}/completionstatus"),
        ) else {
            return;
        };
        let Some(courseid) = envelope.courseid.clone() else {
            return cx.diagnose(&Origin::Path(path), None, Defect::CourseIdMissing);
        };
        // The course is complete when its last criterion is.
        let latest = course
            .completions
            .iter()
            .filter_map(|c| c.timecompleted)
            .max();
        let date = platform::unix_date(cx, latest);
        cx.take(Evidence {
            origin: Origin::Path(format!("{path}/completionstatus")),
            who: who(),
            item_id: None,
            table: Table::Courses,
            platform_id: courseid.0,
            outcome: if course.completed {
                Outcome::Done { passed: false }
            } else {
                Outcome::NotDone
            },
            date,
            minutes: None,
            overridden_by: None,
            repeats: false,
        });
    }
}

/// The web service's own warnings, passed on.
fn warnings(cx: &mut Importer, answer: &Value, path: &str) {
    platform::each::<Warning>(
        cx,
        answer.get("warnings"),
        &format!("{path}/warnings"),
        |cx, path, w| {
            let warning = Defect::MoodleWarning {
                text: w.message.as_deref().unwrap_or_default(),
                code: w.warningcode.as_deref().unwrap_or_default(),
            };
            cx.diagnose(&Origin::Path(path), None, warning);
        },
    );
}
