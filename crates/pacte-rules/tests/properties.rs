//! Properties that hold for any learner of any embedded programme, on any
//! date: tallies add up, attending more never worsens the verdict, the same
//! input gives the same JSON, every record is counted or set aside with a
//! reason, the order of the lists does not move the verdict, and no input
//! makes the engine panic.

mod common;
mod invariants;

use common::*;
use pacte_rules::api::{self, Answer, Detail, ProgrammeSource};
use pacte_rules::date::IsoDate;
use pacte_rules::learner::*;
use pacte_rules::minutes::Minutes;
use pacte_rules::programme::{Modality, Programme};
use pacte_rules::report::{ProgressReport, Tally};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use serde_json::Value;

/// Modest case counts: the suite runs on two cores.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// What a learner's records say of one seminar day.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Day {
    NotRecorded,
    Present,
    Absent,
    AbsentJustified,
}

#[derive(Debug, Clone)]
struct Case {
    programme: &'static str,
    as_of: IsoDate,
    days: Vec<Day>,
    record: LearnerRecord,
}

impl Case {
    fn programme(&self) -> &'static Programme {
        embedded(self.programme)
    }

    /// The records with the seminar days as `days` says.
    fn learner(&self, days: &[Day]) -> LearnerRecord {
        let calendar = self
            .programme()
            .definition
            .sessions
            .iter()
            .flat_map(|s| s.days.iter().map(move |d| (s.id.clone(), d.date)));
        let attendance = calendar.zip(days).filter_map(|((session, date), day)| {
            let (status, justification) = match day {
                Day::NotRecorded => return None,
                Day::Present => (AttendanceStatus::Present, None),
                Day::Absent => (AttendanceStatus::Absent, None),
                Day::AbsentJustified => (
                    AttendanceStatus::Absent,
                    Some("motif impérieux".to_string()),
                ),
            };
            Some(Attendance {
                session,
                date,
                status,
                justification,
                team_member_present: None,
            })
        });
        LearnerRecord {
            attendance: attendance.collect(),
            ..self.record.clone()
        }
    }

    fn evaluate_with(&self, days: &[Day]) -> ProgressReport {
        let text = serde_json::to_string(&self.learner(days)).expect("serialisable");
        success(
            self.programme,
            api::evaluate(self.programme(), &text, self.as_of),
        )
    }

    fn evaluate(&self) -> ProgressReport {
        self.evaluate_with(&self.days)
    }
}

fn a_date() -> impl Strategy<Value = IsoDate> {
    (2021..=2026i32, 1..=12u32, 1..=28u32)
        .prop_map(|(y, m, d)| IsoDate::from_ymd(y, m, d).expect("a real date"))
}

/// An id of the programme, or one it does not know.
fn an_id(known: Vec<String>) -> impl Strategy<Value = String> {
    select([known, vec!["inconnu".to_string()]].concat())
}

fn an_activity(modules: Vec<String>) -> impl Strategy<Value = Activity> {
    let id = proptest::option::of(select(vec![
        "a1".to_string(),
        "a2".to_string(),
        "a3".to_string(),
    ]));
    let modality = select(Modality::ALL.to_vec());
    (
        id,
        modality,
        proptest::option::of(an_id(modules)),
        a_date(),
        0..=3000u32,
    )
        .prop_map(|(id, modality, module, date, minutes)| Activity {
            id,
            title: None,
            modality,
            module,
            date,
            minutes: Minutes(minutes),
        })
}

fn a_traceur(ids: Vec<String>) -> impl Strategy<Value = TraceurRecord> {
    let status = select(vec![
        TraceurRecordStatus::Deposited,
        TraceurRecordStatus::ToRevise,
        TraceurRecordStatus::Validated,
    ]);
    (an_id(ids), status, a_date()).prop_map(|(id, status, date)| TraceurRecord { id, status, date })
}

fn a_memoire() -> impl Strategy<Value = MemoireRecord> {
    let status = select(vec![MemoireStatus::InProgress, MemoireStatus::Submitted]);
    (status, proptest::option::of(a_date()))
        .prop_map(|(status, date)| MemoireRecord { status, date })
}

fn a_soutenance() -> impl Strategy<Value = SoutenanceRecord> {
    let outcome = select(vec![
        SoutenanceRecordStatus::Scheduled,
        SoutenanceRecordStatus::Passed,
        SoutenanceRecordStatus::Failed,
    ]);
    (a_date(), outcome).prop_map(|(date, outcome)| SoutenanceRecord {
        date,
        status: outcome,
    })
}

/// A learner of one of `programmes`, with records of every kind, some of them
/// unusable (unknown ids, zero minutes, dates after `asOf`…).
fn a_case(programmes: &'static [&'static str]) -> impl Strategy<Value = Case> {
    select(programmes).prop_flat_map(|id| {
        let def = &embedded(id).definition;
        let ids = |items: Vec<&String>| items.into_iter().cloned().collect::<Vec<_>>();
        let modules = ids(def.modules.iter().map(|m| &m.id).collect());
        let traceurs = ids(def.traceurs.iter().map(|t| &t.id).collect());
        let day_count = def.sessions.iter().map(|s| s.days.len()).sum::<usize>();
        let day = select(vec![
            Day::NotRecorded,
            Day::Present,
            Day::Absent,
            Day::AbsentJustified,
        ]);
        (
            a_date(),
            proptest::collection::vec(day, day_count),
            proptest::collection::vec(an_activity(modules.clone()), 0..6),
            proptest::collection::vec(a_traceur(traceurs), 0..6),
            subsequence(modules.clone(), 0..=modules.len()),
            proptest::option::of(a_memoire()),
            proptest::option::of(a_soutenance()),
        )
            .prop_map(
                move |(as_of, days, activities, traceurs, chosen_modules, memoire, soutenance)| {
                    Case {
                        programme: id,
                        as_of,
                        days,
                        record: LearnerRecord {
                            learner_id: "prop-001".into(),
                            programme: Some(id.into()),
                            activities,
                            chosen_modules,
                            traceurs,
                            memoire,
                            soutenance,
                            ..LearnerRecord::default()
                        },
                    }
                },
            )
    })
}

/// Programmes with a seminar calendar, where attendance is recorded day by day.
const WITH_CALENDAR: &[&str] = &["hdf-leader-msp-2024", "bretagne-cpts-2021"];

/// Any JSON value, small enough to stay quick.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-zA-Z0-9/ -]{0,12}".prop_map(Value::from),
        a_date().prop_map(|d| Value::from(d.to_string())),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        let key = select(vec![
            "learnerId",
            "attendance",
            "session",
            "date",
            "status",
            "minutes",
            "modality",
            "id",
            "team",
            "candidates",
            "sessions",
            "days",
            "extends",
            "x",
        ]);
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            proptest::collection::btree_map(key.prop_map(str::to_string), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The JSON Pointers of every node of a document.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        _ => {}
    }
    out.push(at);
}

fn assert_remaining_is_what_is_left(t: &Tally) {
    let (done, excused, remaining) = (
        i64::from(t.done_minutes.0),
        i64::from(t.excused_minutes.0),
        i64::from(t.remaining_minutes.0),
    );
    let expected = t
        .required_minutes
        .map_or(0, |r| (i64::from(r.0) - done - excused).max(0));
    assert_eq!(remaining, expected, "{t:?}");
}

#[test]
fn stages_are_ordered_from_worst_to_best() {
    use pacte_rules::report::Stage::*;
    let stages = [
        Blocked,
        AtRisk,
        NotStarted,
        InProgress,
        ReadyToDefend,
        Complete,
    ];
    assert!(stages.windows(2).all(|w| w[0] < w[1]));
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn tallies_are_never_negative_and_remaining_is_what_is_left(case in a_case(&PROGRAMMES)) {
        // Every embedded programme counts excused hours toward the requirement.
        prop_assert!(case.programme().definition.attendance.excused_minutes_count);
        let hours = case.evaluate().hours;
        for modality in Modality::ALL {
            assert_remaining_is_what_is_left(hours.get(modality));
        }
        // Only seminar days are excused; the total adds up the modalities with
        // a requirement (e-learning beyond its hours does not make up for présentiel).
        prop_assert_eq!(hours.elearning.excused_minutes + hours.equipe.excused_minutes, Minutes::ZERO);
        let parts: Vec<_> = [hours.presentiel, hours.elearning, hours.equipe]
            .into_iter()
            .filter(|t| t.required_minutes.is_some())
            .collect();
        prop_assert_eq!(hours.total.remaining_minutes, parts.iter().map(|t| t.remaining_minutes).sum::<Minutes>());
        prop_assert_eq!(hours.total.done_minutes, parts.iter().map(|t| t.done_minutes).sum::<Minutes>());
        prop_assert_eq!(hours.total.excused_minutes, parts.iter().map(|t| t.excused_minutes).sum::<Minutes>());
        prop_assert_eq!(hours.total.required_minutes, parts.iter().filter_map(|t| t.required_minutes).reduce(|a, b| a + b));
    }

    #[test]
    fn attending_one_more_day_never_lowers_the_stage(case in a_case(WITH_CALENDAR), day in any::<Index>()) {
        let k = day.index(case.days.len());
        prop_assume!(case.days[k] != Day::Present);
        let mut attended = case.days.clone();
        attended[k] = Day::Present;
        let (before, after) = (case.evaluate().stage, case.evaluate_with(&attended).stage);
        prop_assert!(after >= before, "day {} {:?} → present: {:?} → {:?}", k, case.days[k], before, after);
    }

    #[test]
    fn the_same_input_gives_the_same_json(case in a_case(&PROGRAMMES)) {
        let once = serde_json::to_string(&case.evaluate()).unwrap();
        let twice = serde_json::to_string(&case.evaluate()).unwrap();
        prop_assert_eq!(&once, &twice);
        // The typed entry point agrees with the JSON one.
        let typed = pacte_rules::evaluation::evaluate(case.programme(), &case.learner(&case.days), &[], case.as_of).unwrap().report();
        prop_assert_eq!(serde_json::to_string(&typed).unwrap(), once);
    }

    #[test]
    fn every_record_is_counted_or_set_aside_with_its_path(case in a_case(&PROGRAMMES), unusable in an_unusable_attendance()) {
        let mut record = case.learner(&case.days);
        record.attendance.push(unusable);
        let text = serde_json::to_string(&record).unwrap();
        let report = success(case.programme, api::evaluate(case.programme(), &text, case.as_of));
        invariants::learner::assert_every_record_accounted(case.programme(), &record, &report);
    }

    #[test]
    fn any_well_formed_record_is_read_packed_as_it_was_written(case in a_case(&PROGRAMMES)) {
        let record = case.learner(&case.days);
        let packed = packed::write(&serde_json::to_value(&record).unwrap());
        prop_assert_eq!(packed::read(&packed), Some(record));
    }

    #[test]
    fn evaluating_the_lists_in_another_order_gives_the_same_verdict(case in a_case(&PROGRAMMES), turn in any::<Index>()) {
        use invariants::records::{reversed, settled, verdict};
        // Records that disagree for one key are settled by their order, by rule.
        let record = settled(&case.learner(&case.days));
        let mut turned = reversed(&record);
        fn rotate<T>(items: &mut [T], turn: Index) {
            if !items.is_empty() {
                items.rotate_left(turn.index(items.len()));
            }
        }
        rotate(&mut turned.activities, turn);
        rotate(&mut turned.traceurs, turn);
        rotate(&mut turned.attendance, turn);
        let evaluate = |r: &LearnerRecord| pacte_rules::evaluation::evaluate(case.programme(), r, &[], case.as_of).unwrap().report();
        prop_assert_eq!(verdict(&evaluate(&record)), verdict(&evaluate(&turned)));
    }
}

/// An attendance the engine cannot use: an unknown seminar, a day without
/// seminar, or a date after any `asOf`.
fn an_unusable_attendance() -> impl Strategy<Value = Attendance> {
    let (session, date) = (
        select(vec!["S1", "S2", "inconnu"]),
        select(vec!["2019-01-01", "2024-04-12", "2099-01-01"]),
    );
    (session, date).prop_map(|(session, date)| Attendance {
        session: session.to_string(),
        date: common::date(date),
        status: AttendanceStatus::Present,
        justification: None,
        team_member_present: None,
    })
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn arbitrary_json_never_makes_the_engine_panic(value in any_json(), id in select(PROGRAMMES.to_vec()), as_of in a_date()) {
        let text = value.to_string();
        let programme = embedded(id);
        let _ = api::evaluate(programme, &text, as_of);
        let _ = api::check_candidature_json(programme, &text, as_of);
        let _ = api::evaluate_promotion_json(programme, &format!("[{text}]"), as_of, Detail::Report);
        let _ = api::check_programme(&ProgrammeSource::Definition(value), &[]);
    }

    #[test]
    fn records_with_one_part_replaced_by_arbitrary_json_never_make_the_engine_panic(
        case in a_case(&PROGRAMMES),
        at in any::<Index>(),
        replacement in any_json(),
    ) {
        let mut doc = serde_json::to_value(case.learner(&case.days)).unwrap();
        let mut paths = Vec::new();
        pointers(&doc, String::new(), &mut paths);
        let path = at.get(&paths).clone();
        *doc.pointer_mut(&path).expect("a node of the document") = replacement;
        invariants::learner::packed_reads_as_json(&doc.to_string());
        let answer = api::evaluate(case.programme(), &doc.to_string(), case.as_of);
        if let Answer::Success { value } = answer {
            assert_remaining_is_what_is_left(&value.hours.presentiel);
        }
    }

    #[test]
    fn arbitrary_text_never_makes_the_engine_panic(text in "\\PC{0,64}", as_of in a_date()) {
        let programme = embedded("hdf-leader-msp-2024");
        let _ = api::evaluate(programme, &text, as_of);
        let _ = api::evaluate_promotion_json(programme, &text, as_of, Detail::Report);
        let _ = api::check_candidature_json(programme, &text, as_of);
    }
}
