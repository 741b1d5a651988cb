//! Records made from the fuzzer's bytes with the programme's own ids (and
//! some it does not know): deeper than mutated JSON text, which mostly stops
//! at the reader. The same invariants as [`super::learner`], and the verdict
//! does not move when the lists are given in another order.

use arbitrary::{Result, Unstructured};
use pacte_rules::date::IsoDate;
use pacte_rules::learner::*;
use pacte_rules::minutes::Minutes;
use pacte_rules::programme::{Catalog, Modality, Programme};

/// Target `records`: bytes read as a programme, a date and records.
pub fn target(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok((programme, as_of, record)) = case(&mut u) else {
        return;
    };
    let text = super::json(&record);
    if super::learner::evaluated(programme, &text, as_of).is_none() {
        panic!("records written by serde refused: {text}");
    }
    let settled = settled(&record);
    let [once, other] = [settled.clone(), reversed(&settled)].map(|r| {
        super::learner::evaluated(programme, &super::json(&r), as_of)
            .expect("records written by serde")
    });
    assert_eq!(
        verdict(&once),
        verdict(&other),
        "the order of the lists moved the verdict"
    );
}

/// A programme, a date and records of it.
pub fn case(u: &mut Unstructured) -> Result<(&'static Programme, IsoDate, LearnerRecord)> {
    let ids: Vec<&str> = Catalog::embedded().ids().collect();
    let programme = Catalog::embedded_programme(u.choose(&ids)?)
        .map_err(|_| arbitrary::Error::IncorrectFormat)?;
    let as_of = date(u, programme)?;
    Ok((programme, as_of, records(u, programme)?))
}

/// The parts of a report that make the verdict: stage, tallies, days,
/// traceurs, electives and unmet conditions (not the paths of `ignored`,
/// which are positions in the lists).
pub fn verdict(report: &pacte_rules::report::ProgressReport) -> String {
    let mut codes: Vec<String> = report
        .ignored
        .iter()
        .map(|i| super::json(&i.code))
        .collect();
    codes.sort();
    super::json(&(
        report.stage,
        &report.hours,
        &report.sessions,
        &report.traceurs,
        &report.electives,
        &report.unmet,
        codes,
    ))
}

/// The records with every record that shares its key with an earlier one
/// made a copy of it: where records disagree their order decides, by rule
/// (the last given, or the latest dated), so only agreeing ones may move.
pub fn settled(record: &LearnerRecord) -> LearnerRecord {
    fn settle<T: Clone, K: PartialEq>(items: &[T], key: impl Fn(&T) -> Option<K>) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(items.len());
        for item in items {
            let first =
                key(item).and_then(|k| out.iter().find(|o| key(o).as_ref() == Some(&k)).cloned());
            out.push(first.unwrap_or_else(|| item.clone()));
        }
        out
    }
    LearnerRecord {
        attendance: settle(&record.attendance, |a| Some((a.session.clone(), a.date))),
        activities: settle(&record.activities, |a| a.id.clone()),
        traceurs: settle(&record.traceurs, |t| Some((t.id.clone(), t.date))),
        ..record.clone()
    }
}

/// The same records, each list in the other order.
pub fn reversed(record: &LearnerRecord) -> LearnerRecord {
    LearnerRecord {
        attendance: record.attendance.iter().rev().cloned().collect(),
        activities: record.activities.iter().rev().cloned().collect(),
        traceurs: record.traceurs.iter().rev().cloned().collect(),
        chosen_modules: record.chosen_modules.iter().rev().cloned().collect(),
        ..record.clone()
    }
}

fn records(u: &mut Unstructured, p: &Programme) -> Result<LearnerRecord> {
    let d = &p.definition;
    let ids = |items: Vec<&String>| -> Vec<String> {
        items
            .into_iter()
            .cloned()
            .chain(["inconnu".to_string()])
            .collect()
    };
    let sessions = ids(d.sessions.iter().map(|s| &s.id).collect());
    let modules = ids(d.modules.iter().map(|m| &m.id).collect());
    let traceurs = ids(d.traceurs.iter().map(|t| &t.id).collect());
    let justifications = [
        None,
        Some("motif impérieux"),
        Some(" \u{a0}"),
        Some("\u{200b}"),
    ];
    let mut record = LearnerRecord {
        learner_id: "fuzz-001".into(),
        programme: u.arbitrary::<bool>()?.then(|| p.id().to_string()),
        ..LearnerRecord::default()
    };
    for _ in 0..u.int_in_range(0..=16)? {
        record.attendance.push(Attendance {
            session: u.choose(&sessions)?.clone(),
            date: date(u, p)?,
            status: *u.choose(&[AttendanceStatus::Present, AttendanceStatus::Absent])?,
            justification: u.choose(&justifications)?.map(str::to_string),
            team_member_present: *u.choose(&[None, Some(true), Some(false)])?,
        });
    }
    for _ in 0..u.int_in_range(0..=12)? {
        record.activities.push(Activity {
            id: u
                .choose(&[None, Some("a1"), Some("a2"), Some("a3")])?
                .map(str::to_string),
            title: None,
            modality: *u.choose(&Modality::ALL)?,
            module: if u.arbitrary()? {
                Some(u.choose(&modules)?.clone())
            } else {
                None
            },
            date: date(u, p)?,
            // Up to a day: longer is refused by the import, and plausibility
            // limits in the engine are still to come (issue 10).
            minutes: Minutes(u.int_in_range(0..=24 * 60)?),
        });
    }
    for _ in 0..u.int_in_range(0..=8)? {
        record.traceurs.push(TraceurRecord {
            id: u.choose(&traceurs)?.clone(),
            status: *u.choose(&[
                TraceurRecordStatus::Deposited,
                TraceurRecordStatus::ToRevise,
                TraceurRecordStatus::Validated,
            ])?,
            date: date(u, p)?,
        });
    }
    for _ in 0..u.int_in_range(0..=4)? {
        record.chosen_modules.push(u.choose(&modules)?.clone());
    }
    if u.arbitrary()? {
        record.memoire = Some(MemoireRecord {
            status: *u.choose(&[MemoireStatus::InProgress, MemoireStatus::Submitted])?,
            date: if u.arbitrary()? {
                Some(date(u, p)?)
            } else {
                None
            },
        });
    }
    if u.arbitrary()? {
        record.soutenance = Some(SoutenanceRecord {
            date: date(u, p)?,
            status: *u.choose(&[
                SoutenanceRecordStatus::Scheduled,
                SoutenanceRecordStatus::Passed,
                SoutenanceRecordStatus::Failed,
            ])?,
        });
    }
    Ok(record)
}

/// A day of the programme's calendar most of the time (where the rules
/// bite), otherwise any day from 2019 to 2027.
fn date(u: &mut Unstructured, p: &Programme) -> Result<IsoDate> {
    let days: Vec<IsoDate> = p
        .definition
        .sessions
        .iter()
        .flat_map(|s| s.days.iter().map(|d| d.date))
        .collect();
    if !days.is_empty() && u.ratio(3, 4)? {
        return Ok(*u.choose(&days)?);
    }
    let (y, m, d) = (
        u.int_in_range(2019..=2027)?,
        u.int_in_range(1..=12)?,
        u.int_in_range(1..=28)?,
    );
    Ok(IsoDate::from_ymd(y, m, d).expect("a day every month has"))
}
