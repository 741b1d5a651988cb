//! Condition 1: every regional seminar attended, or missed for a justified
//! reason. The days of the calendar, each with its status.

use super::{Context, Pointer};
use crate::date::IsoDate;
use crate::learner::{is_blank, Attendance, AttendanceStatus};
use crate::minutes::Minutes;
use crate::report::wording::{Caveat, SetAside, Shortfall};
use crate::report::DayStatus;

/// One day of the calendar as this learner lived it: its status, and the
/// index of the attendance record it stands on. The report adds the day's
/// date, minutes and the record's justification.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Day {
    pub status: DayStatus,
    pub record: Option<usize>,
}

/// The calendar as this learner lived it.
pub(super) struct Presence {
    /// Each day of the calendar, session after session.
    pub days: Vec<Day>,
    pub attended: Minutes,
    pub excused: Minutes,
    /// Seminar time still ahead, mandatory or not.
    pub upcoming: Minutes,
    /// Past seminar time with nothing recorded: its record may still come.
    pub not_recorded: Minutes,
    pub any_recorded: bool,
    /// Attended in-person time of sessions that belong to exactly one
    /// module, with the module's index.
    pub by_module: Vec<(usize, Minutes)>,
    /// The days attended, each with the index of its session, in calendar order.
    attended_days: Vec<(IsoDate, usize)>,
}

impl Presence {
    /// The session of the day attended on `date`, if any. Validation refuses
    /// a date twice in a session, not across sessions: a date attended in two
    /// sessions is the later session's day. A calendar has a few dozen days,
    /// and only in-person activities are looked up.
    pub fn attended_on(&self, date: IsoDate) -> Option<usize> {
        let days = &self.attended_days;
        days.iter()
            .rev()
            .find(|&&(d, _)| d == date)
            .map(|&(_, s)| s)
    }
}

pub(super) fn sessions<'a>(cx: &mut Context<'a>, records: &'a [Attendance]) -> Presence {
    let chosen = latest_per_day(cx, records);
    let mut presence = Presence {
        days: Vec::with_capacity(chosen.chosen.len()),
        attended: Minutes::ZERO,
        excused: Minutes::ZERO,
        upcoming: Minutes::ZERO,
        not_recorded: Minutes::ZERO,
        any_recorded: chosen.any(),
        by_module: Vec::new(),
        attended_days: Vec::new(),
    };
    let sessions = &cx.programme.definition.sessions;
    for (s, session) in sessions.iter().enumerate() {
        for (d, day) in session.days.iter().enumerate() {
            let index = chosen.get(s, d);
            let record = index.map(|i| &records[i]);
            if let (Some(i), Some(a)) = (index, record) {
                justification_set_aside(cx, i, a);
            }
            let status = match record {
                Some(a) if a.status == AttendanceStatus::Present => DayStatus::Present,
                Some(a) if a.is_justified_absence() => DayStatus::Excused,
                Some(_) => DayStatus::UnjustifiedAbsence,
                None if day.date > cx.as_of => DayStatus::Upcoming,
                None => DayStatus::NotRecorded,
            };
            match status {
                DayStatus::Present => {
                    presence.attended += day.minutes;
                    presence.attended_days.push((day.date, s));
                    let module = match session.modules.as_slice() {
                        [module] => cx.programme.module_index(module),
                        _ => None,
                    };
                    if let Some(m) = module {
                        presence.by_module.push((m, day.minutes));
                    }
                }
                DayStatus::Excused => presence.excused += day.minutes,
                DayStatus::Upcoming => presence.upcoming += day.minutes,
                DayStatus::NotRecorded => presence.not_recorded += day.minutes,
                DayStatus::UnjustifiedAbsence => {}
            }
            if session.mandatory {
                unmet_day(cx, s, d, status);
            }
            let team_missing = day.team_member_required
                && status == DayStatus::Present
                && record.and_then(|a| a.team_member_present) == Some(false);
            if let Some(i) = index.filter(|_| team_missing) {
                cx.advise(
                    Pointer::ItemField("attendance", i, "teamMemberPresent"),
                    Caveat::TeamMemberAbsent {
                        session: &session.title,
                        date: day.date,
                    },
                );
            }
            presence.days.push(Day {
                status,
                record: index,
            });
        }
    }
    presence
}

/// A justification the day's status does not rest on is said so: an empty
/// one on an absence (which stays unjustified), any on a day attended.
fn justification_set_aside(cx: &mut Context, i: usize, a: &Attendance) {
    let Some(text) = a.justification.as_deref() else {
        return;
    };
    let why = match a.status {
        AttendanceStatus::Absent if is_blank(text) => SetAside::EmptyJustification { date: a.date },
        AttendanceStatus::Absent => return,
        AttendanceStatus::Present => SetAside::JustificationNotApplicable { date: a.date },
    };
    cx.ignore(Pointer::ItemField("attendance", i, "justification"), why);
}

/// For each day of the calendar, session after session, the index of the
/// record that stands for it.
struct DayRecords {
    /// Where each session's days start in `chosen`.
    first_day: Vec<usize>,
    chosen: Vec<Option<usize>>,
}

impl DayRecords {
    fn new(cx: &Context) -> DayRecords {
        let mut first_day = Vec::new();
        let mut days = 0;
        for session in &cx.programme.definition.sessions {
            first_day.push(days);
            days += session.days.len();
        }
        DayRecords {
            first_day,
            chosen: vec![None; days],
        }
    }

    fn get(&self, s: usize, d: usize) -> Option<usize> {
        self.chosen[self.first_day[s] + d]
    }

    /// Sets the record of a day, giving back the one it replaces.
    fn insert(&mut self, s: usize, d: usize, record: usize) -> Option<usize> {
        self.chosen[self.first_day[s] + d].replace(record)
    }

    fn any(&self) -> bool {
        self.chosen.iter().any(Option::is_some)
    }
}

/// The record that stands for each (session, day): the last one given.
fn latest_per_day<'a>(cx: &mut Context<'a>, records: &'a [Attendance]) -> DayRecords {
    let mut chosen = DayRecords::new(cx);
    for (i, a) in records.iter().enumerate() {
        let at = Pointer::Item("attendance", i);
        let Some(s) = cx.programme.session_index(&a.session) else {
            cx.ignore(
                at,
                SetAside::UnknownSession {
                    session: &a.session,
                },
            );
            continue;
        };
        let session = &cx.programme.definition.sessions[s];
        let Some(d) = session.days.iter().position(|day| day.date == a.date) else {
            cx.ignore(
                Pointer::ItemField("attendance", i, "date"),
                SetAside::NotASessionDay {
                    date: a.date,
                    session: &session.title,
                },
            );
            continue;
        };
        if cx.out_of_time(at, a.date) {
            continue;
        }
        if let Some(earlier) = chosen.insert(s, d, i) {
            cx.ignore(
                Pointer::Item("attendance", earlier),
                SetAside::DayRecordReplaced { by: i },
            );
        }
    }
    chosen
}

fn unmet_day(cx: &mut Context, s: usize, d: usize, status: DayStatus) {
    let programme = cx.programme;
    let session = &programme.definition.sessions[s];
    let day = &session.days[d];
    let date = day.date;
    let (session, title) = (session.id.as_str(), session.title.as_str());
    let (shortfall, blocking, due) = match status {
        DayStatus::Present | DayStatus::Excused => return,
        DayStatus::UnjustifiedAbsence => (
            Shortfall::SessionUnjustifiedAbsence {
                session,
                title,
                date,
            },
            true,
            None,
        ),
        DayStatus::NotRecorded => (
            Shortfall::SessionNotRecorded {
                session,
                title,
                date,
            },
            false,
            Some(date),
        ),
        DayStatus::Upcoming => (
            Shortfall::SessionUpcoming {
                session,
                title,
                date,
                with_team_member: day.team_member_required,
            },
            false,
            None,
        ),
    };
    cx.unmet(shortfall, Pointer::SessionDay(s, d), blocking, due);
}
