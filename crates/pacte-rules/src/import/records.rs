//! The learner records being built, one item per key: a seminar day, a
//! platform activity, a traceur, a module chosen. When two items meet on one
//! key, the rule of each kind says which stands, and a diagnostic for the one
//! set aside says why: the same record again, or a conflict settled.

use super::diagnostic::{Flaw, Origin};
use super::wording::Defect;
use crate::date::IsoDate;
use crate::learner::{
    Activity, Attendance, AttendanceStatus, LearnerRecord, TraceurRecord, TraceurRecordStatus,
};
use std::collections::HashMap;

/// A record ready to keep.
pub(super) enum Record {
    Attendance(Attendance),
    Activity(Activity),
    Traceur(TraceurRecord),
    ChosenModule(Choice),
}

/// An elective module the learner chose, on the day the platform says.
#[derive(PartialEq)]
pub(super) struct Choice {
    pub module: String,
    pub date: IsoDate,
}

impl Record {
    pub fn date(&self) -> IsoDate {
        match self {
            Record::Attendance(a) => a.date,
            Record::Activity(a) => a.date,
            Record::Traceur(t) => t.date,
            Record::ChosenModule(c) => c.date,
        }
    }

    /// Whether the learner record keeps the date, for the engine to hold
    /// against the promotion: a module chosen is kept without one (chosen
    /// at enrolment, before the promotion starts, it stands).
    pub fn keeps_its_date(&self) -> bool {
        !matches!(self, Record::ChosenModule(_))
    }
}

/// How items of one kind meet on one key.
trait Keep: PartialEq {
    fn same_key(&self, other: &Self) -> bool;
    /// Whether `self`, found after `old` and different, stands instead.
    fn replaces(&self, old: &Self) -> bool;
    /// Why `self` is set aside for `kept`, a different item of its key: by
    /// default, it is the same record again.
    fn conflict<'a>(&'a self, _kept: &'a Self, kept_at: &'a Origin) -> Defect<'a> {
        Defect::SameRecord { kept_at }
    }
}

/// One record per seminar day: the least favourable, as a day is attended
/// only if attended whole.
impl Keep for Attendance {
    fn same_key(&self, other: &Self) -> bool {
        self.session == other.session && self.date == other.date
    }

    fn replaces(&self, old: &Self) -> bool {
        favour(self) < favour(old)
    }

    fn conflict<'a>(&'a self, kept: &'a Self, kept_at: &'a Origin) -> Defect<'a> {
        Defect::AttendanceConflict {
            here: self,
            kept,
            kept_at,
        }
    }
}

/// One record per platform activity: the first time it was done.
impl Keep for Activity {
    fn same_key(&self, other: &Self) -> bool {
        self.id == other.id
    }

    fn replaces(&self, old: &Self) -> bool {
        self.date < old.date
    }
}

/// One entry per module chosen: the first time it was chosen.
impl Keep for Choice {
    fn same_key(&self, other: &Self) -> bool {
        self.module == other.module
    }

    fn replaces(&self, old: &Self) -> bool {
        self.date < old.date
    }
}

/// One record per traceur: the latest, and on one day the furthest along.
impl Keep for TraceurRecord {
    fn same_key(&self, other: &Self) -> bool {
        self.id == other.id
    }

    fn replaces(&self, old: &Self) -> bool {
        (self.date, progress(self.status)) > (old.date, progress(old.status))
    }

    fn conflict<'a>(&'a self, kept: &'a Self, kept_at: &'a Origin) -> Defect<'a> {
        Defect::Superseded {
            dropped: self,
            kept,
            kept_at,
        }
    }
}

/// Items of one kind, one per key, each with where it came from.
struct Keyed<T> {
    items: Vec<(T, Origin)>,
}

impl<T: Keep> Keyed<T> {
    /// Adds `item`, unless one of its key is there: then one stands, and
    /// the answer is where the other came from and why it is set aside.
    fn insert(&mut self, item: T, origin: Origin) -> Option<(Origin, Flaw)> {
        let Some(slot) = self.items.iter_mut().find(|(old, _)| old.same_key(&item)) else {
            self.items.push((item, origin));
            return None;
        };
        let dropped = if slot.0 != item && item.replaces(&slot.0) {
            std::mem::replace(slot, (item, origin))
        } else {
            (item, origin)
        };
        let (kept, kept_at) = (&slot.0, &slot.1);
        let why = if dropped.0 == *kept {
            Defect::SameRecord { kept_at }
        } else {
            dropped.0.conflict(kept, kept_at)
        };
        let flaw = Flaw::from(why);
        Some((dropped.1, flaw))
    }

    fn into_sorted<K: Ord>(self, key: impl Fn(&T) -> K) -> Vec<T> {
        let mut items: Vec<T> = self.items.into_iter().map(|(item, _)| item).collect();
        items.sort_by_key(key);
        items
    }
}

impl<T> Default for Keyed<T> {
    fn default() -> Self {
        Keyed { items: Vec::new() }
    }
}

#[derive(Default)]
struct Learner {
    id: String,
    display_name: Option<String>,
    attendance: Keyed<Attendance>,
    activities: Keyed<Activity>,
    traceurs: Keyed<TraceurRecord>,
    chosen_modules: Keyed<Choice>,
}

/// Every learner found, in order of first appearance.
#[derive(Default)]
pub(super) struct Records {
    learners: Vec<Learner>,
    index: HashMap<String, usize>,
}

/// How favourable an attendance is: absent, then justified, then present.
fn favour(a: &Attendance) -> u8 {
    match a.status {
        AttendanceStatus::Present => 2,
        AttendanceStatus::Absent if a.is_justified_absence() => 1,
        AttendanceStatus::Absent => 0,
    }
}

/// How far along a traceur is.
fn progress(status: TraceurRecordStatus) -> u8 {
    match status {
        TraceurRecordStatus::Deposited => 0,
        TraceurRecordStatus::ToRevise => 1,
        TraceurRecordStatus::Validated => 2,
    }
}

impl Records {
    /// The learner's position, adding them when first found.
    pub fn learner(&mut self, id: &str, display_name: Option<&str>) -> usize {
        let at = *self.index.entry(id.to_string()).or_insert_with(|| {
            self.learners.push(Learner {
                id: id.to_string(),
                ..Learner::default()
            });
            self.learners.len() - 1
        });
        let learner = &mut self.learners[at];
        if learner.display_name.is_none() {
            learner.display_name = display_name.map(str::to_string);
        }
        at
    }

    /// Adds the record to the learner's; when it meets another of its key,
    /// where the one set aside came from and why.
    pub fn keep(
        &mut self,
        learner: usize,
        record: Record,
        origin: Origin,
    ) -> Option<(Origin, Flaw)> {
        let learner = &mut self.learners[learner];
        match record {
            Record::Attendance(item) => learner.attendance.insert(item, origin),
            Record::Activity(item) => learner.activities.insert(item, origin),
            Record::Traceur(item) => learner.traceurs.insert(item, origin),
            Record::ChosenModule(item) => learner.chosen_modules.insert(item, origin),
        }
    }

    pub fn finish(self, programme: &str) -> Vec<LearnerRecord> {
        self.learners
            .into_iter()
            .map(|l| LearnerRecord {
                learner_id: l.id,
                display_name: l.display_name,
                programme: Some(programme.to_string()),
                attendance: l.attendance.into_sorted(|a| (a.date, a.session.clone())),
                activities: l.activities.into_sorted(|a| (a.date, a.id.clone())),
                traceurs: l.traceurs.into_sorted(|t| t.id.clone()),
                chosen_modules: l
                    .chosen_modules
                    .into_sorted(|c| c.module.clone())
                    .into_iter()
                    .map(|c| c.module)
                    .collect(),
                ..LearnerRecord::default()
            })
            .collect()
    }
}
