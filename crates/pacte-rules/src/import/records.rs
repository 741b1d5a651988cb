//! The learner records being built, one item per key: a seminar day, a
//! platform activity, a traceur. When two items meet on one key, the rule of
//! each kind says which stands, and the caller says why in a diagnostic.

use super::evidence::Origin;
use crate::learner::{
    Activity, Attendance, AttendanceStatus, LearnerRecord, TraceurRecord, TraceurRecordStatus,
};
use std::collections::HashMap;

/// Two items of one key: the one set aside and the one that stands.
pub(super) struct Clash<T> {
    pub identical: bool,
    pub dropped: (T, Origin),
    pub kept: (T, Origin),
}

/// Items of one kind, one per key, each with where it came from.
struct Keyed<T> {
    items: Vec<(T, Origin)>,
}

impl<T: Clone + PartialEq> Keyed<T> {
    fn insert(
        &mut self,
        item: T,
        origin: Origin,
        same_key: impl Fn(&T, &T) -> bool,
        new_wins: impl Fn(&T, &T) -> bool,
    ) -> Option<Clash<T>> {
        let Some(slot) = self.items.iter_mut().find(|(old, _)| same_key(old, &item)) else {
            self.items.push((item, origin));
            return None;
        };
        let identical = slot.0 == item;
        let dropped = if !identical && new_wins(&slot.0, &item) {
            std::mem::replace(slot, (item, origin))
        } else {
            (item, origin)
        };
        Some(Clash {
            identical,
            dropped,
            kept: slot.clone(),
        })
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
}

/// Every learner found, in order of first appearance.
#[derive(Default)]
pub(super) struct Records {
    learners: Vec<Learner>,
    index: HashMap<String, usize>,
}

/// How favourable an attendance is: on one day, the least favourable stands,
/// as a seminar day is attended only if attended whole.
fn favour(a: &Attendance) -> u8 {
    match a.status {
        AttendanceStatus::Present => 2,
        AttendanceStatus::Absent if a.is_justified_absence() => 1,
        AttendanceStatus::Absent => 0,
    }
}

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

    /// One record per seminar day.
    pub fn attend(
        &mut self,
        learner: usize,
        item: Attendance,
        origin: Origin,
    ) -> Option<Clash<Attendance>> {
        self.learners[learner].attendance.insert(
            item,
            origin,
            |a, b| a.session == b.session && a.date == b.date,
            |old, new| favour(new) < favour(old),
        )
    }

    /// One record per platform activity: the first time it was done.
    pub fn spend(
        &mut self,
        learner: usize,
        item: Activity,
        origin: Origin,
    ) -> Option<Clash<Activity>> {
        self.learners[learner].activities.insert(
            item,
            origin,
            |a, b| a.id == b.id,
            |old, new| new.date < old.date,
        )
    }

    /// One record per traceur: the latest, and on one day the furthest along.
    pub fn file(
        &mut self,
        learner: usize,
        item: TraceurRecord,
        origin: Origin,
    ) -> Option<Clash<TraceurRecord>> {
        self.learners[learner].traceurs.insert(
            item,
            origin,
            |a, b| a.id == b.id,
            |old, new| (new.date, progress(new.status)) > (old.date, progress(old.status)),
        )
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
                ..LearnerRecord::default()
            })
            .collect()
    }
}
