//! A learner's records: read, evaluated twice to the same JSON, every
//! record either counted or set aside with its path, and the standing saying
//! what the report says.

use pacte_rules::api::{self, Answer};
use pacte_rules::date::IsoDate;
use pacte_rules::evaluation;
use pacte_rules::learner::{packed, TraceurRecordStatus};
use pacte_rules::learner::{
    AttendanceStatus, LearnerRecord, MemoireStatus, SoutenanceRecordStatus,
};
use pacte_rules::parse::{self, without_bom, SCHEMA_KEY};
use pacte_rules::programme::{Modality, Programme};
use pacte_rules::report::{
    text, DayStatus, ElectiveState, Ignored, IgnoredCode, MemoireReportStatus, ProgressReport,
    SoutenanceReportStatus, Stage, Standing, Tallies, TraceurStatus, UnmetCondition,
};
use serde_json::Value;
use std::collections::HashMap;

/// Target `learner`: `<programme> <asOf>`, then the records as JSON text.
pub fn target(data: &[u8]) {
    if let Some((programme, as_of, text)) = super::programme_and_date(data) {
        evaluated(programme, text, as_of);
    }
}

/// Evaluates the records `text` and checks every invariant of the answer;
/// the report, when the records are accepted.
pub fn evaluated(programme: &Programme, text: &str, as_of: IsoDate) -> Option<ProgressReport> {
    let answer = api::evaluate(programme, text, as_of);
    assert_eq!(
        super::json(&answer),
        super::json(&api::evaluate(programme, text, as_of)),
        "evaluating the same records twice gives other JSON"
    );
    super::assert_refusal(&answer);
    packed_reads_as_json(text);
    let standing = api::standing(programme, text, as_of);
    let report = match (answer, standing) {
        (Answer::Success { value: report }, Answer::Success { value: standing }) => {
            assert_eq!(
                standing,
                standing_of(&report),
                "the standing and the report differ"
            );
            report
        }
        (Answer::Failure { problems: a }, Answer::Failure { problems: b }) => {
            assert_eq!(a, b, "the standing and the report refuse differently");
            return None;
        }
        (report, standing) => {
            panic!("one of the report and the standing refused: {report:?} / {standing:?}")
        }
    };
    assert_eq!(
        report.stage == Stage::Blocked,
        report.unmet.iter().any(|u| u.blocking),
        "blocked exactly when a condition blocks"
    );
    let written = text::french(&report);
    assert!(
        !written.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in the text report: {written:?}"
    );
    super::assert_located(&report.ignored);
    // A number beyond f64 (`1e999`) is JSON, skipped in an unknown field,
    // but no `Value` holds it: the checks below need one.
    let mut doc: Value = match serde_json::from_str(without_bom(text)) {
        Ok(doc) => doc,
        Err(e) if e.to_string().starts_with("number out of range") => return Some(report),
        Err(e) => panic!("accepted records that are not JSON: {e}"),
    };
    for i in &report.ignored {
        assert!(
            doc.pointer(&i.path).is_some(),
            "ignored at {}, which is not in the records",
            i.path
        );
    }
    // The same records without the fields the format does not know, read by
    // plain serde: the same report, but for the fields' `ignored` entries.
    super::remove_at(&mut doc, &format!("/{SCHEMA_KEY}"));
    let unknown = |i: &Ignored| i.code == IgnoredCode::UnknownField;
    for field in report.ignored.iter().filter(|i| unknown(i)) {
        super::remove_at(&mut doc, &field.path);
    }
    let record: LearnerRecord = serde_json::from_value(doc)
        .unwrap_or_else(|e| panic!("the engine read records plain serde refuses: {e}"));
    let typed = evaluation::evaluate(programme, &record, &[], as_of)
        .expect("accepted once, accepted typed")
        .report();
    let mut known = report.clone();
    known.ignored.retain(|i| !unknown(i));
    assert_eq!(
        super::json(&typed),
        super::json(&known),
        "unknown fields changed the verdict"
    );
    assert_every_record_accounted(programme, &record, &report);
    Some(report)
}

/// The records packed as the package's JS writer packs them: when the
/// packed reader takes them, it reads what the JSON reader reads from
/// `JSON.stringify`'s text of the same value, with no field unknown. Any
/// bytes at all are read without a panic.
pub fn packed_reads_as_json(text: &str) {
    let _ = packed::read(text.as_bytes());
    let Ok(value) = serde_json::from_str::<Value>(without_bom(text)) else {
        return;
    };
    let value = as_javascript_holds(value);
    let Some(record) = packed::read(&packed::write(&value)) else {
        return;
    };
    let parsed = parse::from_json::<LearnerRecord>(&value.to_string())
        .unwrap_or_else(|p| panic!("packed records taken, their JSON refused: {p:?}"));
    assert_eq!(
        parsed.unknown_fields,
        Vec::<String>::new(),
        "packed records taken with unknown fields"
    );
    assert_eq!(
        record, parsed.value,
        "packed records read otherwise than their JSON"
    );
}

/// A JSON value as a JS value holds it, and as `JSON.stringify` writes it
/// again: one kind of number, a whole one written without a fraction.
fn as_javascript_holds(value: Value) -> Value {
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e21 => {
                if (0.0..18446744073709551616.0).contains(&x) {
                    Value::from(x as u64)
                } else if (-9223372036854775808.0..0.0).contains(&x) {
                    Value::from(x as i64)
                } else {
                    Value::from(x)
                }
            }
            _ => Value::Number(n),
        },
        Value::Array(items) => items.into_iter().map(as_javascript_holds).collect(),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k, as_javascript_holds(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Every record of `record` either counts (in a tally, a day's status, a
/// traceur's state, an elective's choices, the mémoire or the soutenance) or
/// is in `ignored` at its own path: never both, never neither.
pub fn assert_every_record_accounted(
    programme: &Programme,
    record: &LearnerRecord,
    report: &ProgressReport,
) {
    let aside = |list: &str, i: usize, part: Option<&str>| {
        let path = format!("/{list}/{i}");
        let at_part = part.map(|p| format!("{path}/{p}"));
        report
            .ignored
            .iter()
            .any(|x| x.path == path || Some(&x.path) == at_part.as_ref())
    };

    // Tallies: exactly the minutes of the activities not set aside, plus the
    // seminar days attended (u64: a sum that saturated would not add up).
    let counted = |modality: Modality| -> u64 {
        record
            .activities
            .iter()
            .enumerate()
            .filter(|(i, a)| a.modality == modality && !aside("activities", *i, None))
            .map(|(_, a)| u64::from(a.minutes.0))
            .sum()
    };
    let attended: u64 = report
        .sessions
        .iter()
        .flat_map(|s| &s.days)
        .filter(|d| d.status == DayStatus::Present)
        .map(|d| u64::from(d.minutes.0))
        .sum();
    for (modality, seminars) in [
        (Modality::Presentiel, attended),
        (Modality::Elearning, 0),
        (Modality::Equipe, 0),
    ] {
        assert_eq!(
            u64::from(report.hours.get(modality).done_minutes.0),
            counted(modality) + seminars,
            "{} done is not the sum of what counts",
            modality.key()
        );
    }

    // Seminar days: one record stands for a day, and its status is the day's.
    let mut standing: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, a) in record.attendance.iter().enumerate() {
        if aside("attendance", i, Some("date")) {
            continue;
        }
        let s = programme
            .session_index(&a.session)
            .unwrap_or_else(|| panic!("/attendance/{i} counted for an unknown seminar"));
        let d = programme.definition.sessions[s]
            .days
            .iter()
            .position(|day| day.date == a.date)
            .unwrap_or_else(|| panic!("/attendance/{i} counted on a day without seminar"));
        if let Some(other) = standing.insert((s, d), i) {
            panic!("/attendance/{other} and /attendance/{i} both stand for one day");
        }
        let expected = match a.status {
            AttendanceStatus::Present => DayStatus::Present,
            _ if a.is_justified_absence() => DayStatus::Excused,
            AttendanceStatus::Absent => DayStatus::UnjustifiedAbsence,
        };
        assert_eq!(
            report.sessions[s].days[d].status, expected,
            "/attendance/{i} is not what its day says"
        );
    }
    for (s, session) in report.sessions.iter().enumerate() {
        for (d, day) in session.days.iter().enumerate() {
            let recorded = !matches!(day.status, DayStatus::NotRecorded | DayStatus::Upcoming);
            assert_eq!(
                recorded,
                standing.contains_key(&(s, d)),
                "{} day {d}: {:?} with no record standing for it",
                session.id,
                day.status
            );
        }
    }

    // Traceurs: the record that stands is the traceur's state and date.
    let mut standing: HashMap<usize, usize> = HashMap::new();
    for (i, r) in record.traceurs.iter().enumerate() {
        if aside("traceurs", i, None) {
            continue;
        }
        let t = programme
            .traceur_index(&r.id)
            .unwrap_or_else(|| panic!("/traceurs/{i} counted for an unknown traceur"));
        if let Some(other) = standing.insert(t, i) {
            panic!("/traceurs/{other} and /traceurs/{i} both stand for one traceur");
        }
        let status = match r.status {
            TraceurRecordStatus::Deposited => TraceurStatus::Deposited,
            TraceurRecordStatus::ToRevise => TraceurStatus::ToRevise,
            TraceurRecordStatus::Validated => TraceurStatus::Validated,
        };
        let shown = &report.traceurs[t];
        assert_eq!(
            (shown.status, shown.date),
            (status, Some(r.date)),
            "/traceurs/{i} is not what its traceur says"
        );
    }
    for (t, shown) in report.traceurs.iter().enumerate() {
        assert_eq!(
            shown.status != TraceurStatus::Missing,
            standing.contains_key(&t),
            "traceur {} is {:?} with no record standing for it",
            shown.id,
            shown.status
        );
    }

    // Elective choices: a module is among its group's choices when its first
    // mention is not set aside (a later one is, as counted once).
    for (i, m) in record.chosen_modules.iter().enumerate() {
        let first = record
            .chosen_modules
            .iter()
            .position(|c| c == m)
            .unwrap_or(i);
        let chosen = report
            .electives
            .iter()
            .flat_map(|e| &e.modules)
            .any(|x| &x.module == m && x.state != ElectiveState::NotTaken);
        assert_eq!(
            chosen,
            !aside("chosenModules", first, None),
            "/chosenModules/{i} ({m})"
        );
    }

    // Mémoire and soutenance: the record is the report's, or set aside.
    let memoire = match record
        .memoire
        .as_ref()
        .filter(|_| !report.ignored.iter().any(|x| x.path == "/memoire"))
    {
        None => MemoireReportStatus::NotStarted,
        Some(m) if m.status == MemoireStatus::InProgress => MemoireReportStatus::InProgress,
        Some(_) => MemoireReportStatus::Submitted,
    };
    assert_eq!(report.memoire.status, memoire, "/memoire");
    let soutenance = match record
        .soutenance
        .as_ref()
        .filter(|_| !report.ignored.iter().any(|x| x.path == "/soutenance"))
    {
        None => SoutenanceReportStatus::NotScheduled,
        Some(s) => match s.status {
            SoutenanceRecordStatus::Scheduled => SoutenanceReportStatus::Scheduled,
            SoutenanceRecordStatus::Passed => SoutenanceReportStatus::Passed,
            SoutenanceRecordStatus::Failed => SoutenanceReportStatus::Failed,
        },
    };
    assert_eq!(report.soutenance.status, soutenance, "/soutenance");
}

/// What a standing must be, read off the full report of the same records.
pub fn standing_of(report: &ProgressReport) -> Standing {
    let h = &report.hours;
    Standing {
        learner_id: report.learner_id.clone(),
        display_name: report.display_name.clone(),
        stage: report.stage,
        hours: Tallies {
            presentiel: h.presentiel,
            elearning: h.elearning,
            equipe: h.equipe,
            total: h.total,
        },
        days: report
            .sessions
            .iter()
            .flat_map(|s| s.days.iter().map(|d| d.status))
            .collect(),
        traceurs: report.traceurs.iter().map(|t| t.status).collect(),
        memoire: report.memoire.status,
        soutenance: report.soutenance.status,
        unmet: report
            .unmet
            .iter()
            .map(|u| UnmetCondition {
                condition: u.condition.clone(),
                blocking: u.blocking,
                due_date: u.due_date,
            })
            .collect(),
        ignored_count: report.ignored.len() as u32,
        advisory_count: report.advisories.len() as u32,
    }
}
