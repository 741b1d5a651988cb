//! One import under way. [`Importer::take`] holds each item's evidence
//! against the mapping and the programme, in one order for every source:
//! whose it is, whether it is to be imported at all, what record it makes;
//! then the record joins its learner's [`Records`], or a diagnostic says why not.

use super::diagnostic::{Diagnostic, Flaw, Origin};
use super::evidence::{Evidence, Outcome};
use super::mapping::{AttendanceMark, Mapping, Target};
use super::records::{Choice, Record, Records};
use super::time::TimeZone;
use super::wording::{Defect, Duration};
use crate::date::IsoDate;
use crate::learner::{
    Activity, Attendance, AttendanceStatus, LearnerRecord, TraceurRecord, TraceurRecordStatus,
};
use crate::programme::Programme;
use std::collections::HashSet;

/// The mapping, the records built and the diagnostics said.
pub(super) struct Importer<'a> {
    programme: &'a Programme,
    pub mapping: &'a Mapping,
    pub zone: TimeZone,
    as_of: IsoDate,
    asked: Option<&'a str>,
    seen_items: HashSet<String>,
    records: Records,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Importer<'a> {
    pub fn new(
        programme: &'a Programme,
        mapping: &'a Mapping,
        zone: TimeZone,
        as_of: IsoDate,
        asked: Option<&'a str>,
    ) -> Importer<'a> {
        let mut records = Records::default();
        if let Some(id) = asked {
            records.learner(id, None);
        }
        Importer {
            programme,
            mapping,
            zone,
            as_of,
            asked,
            seen_items: HashSet::new(),
            records,
            diagnostics: Vec::new(),
        }
    }

    pub fn diagnose(&mut self, origin: &Origin, learner: Option<&str>, flaw: impl Into<Flaw>) {
        self.diagnostics
            .push(Diagnostic::new(origin, learner, flaw.into()));
    }

    pub fn finish(self) -> (Vec<LearnerRecord>, Vec<Diagnostic>) {
        (
            self.records.finish(&self.mapping.programme),
            self.diagnostics,
        )
    }

    /// Holds one item against the mapping: added to its learner's records,
    /// or set aside with a diagnostic.
    pub fn take(&mut self, e: Evidence) {
        let Some(learner) = self.learner_id(&e) else {
            return;
        };
        let at = self
            .records
            .learner(&learner, e.who.display_name.as_deref());
        let target = match self.admit(&e) {
            Ok(target) => target,
            Err(flaw) => return self.diagnose(&e.origin, Some(&learner), flaw),
        };
        if let Some(by) = &e.overridden_by {
            self.diagnose(
                &e.origin,
                Some(&learner),
                Defect::CompletionOverridden { by },
            );
        }
        let record = match self.record(&e, target) {
            Ok(record) => record,
            Err(flaw) => return self.diagnose(&e.origin, Some(&learner), flaw),
        };
        if let Some((dropped, flaw)) = self.records.keep(at, record, e.origin.clone()) {
            self.diagnose(&dropped, Some(&learner), flaw);
        }
        if let Outcome::Mark {
            mark: AttendanceMark::Late,
            ..
        } = e.outcome
        {
            self.diagnose(&e.origin, Some(&learner), Defect::LateCountedPresent);
        }
    }

    /// The learner id of the records, if the item is about a learner wanted.
    fn learner_id(&mut self, e: &Evidence) -> Option<String> {
        let key = &e.who.key;
        let learners = &self.mapping.learners;
        let id = match learners.get(key) {
            Some(id) => id.clone(),
            // A source that already writes learner ids (a CSV export) needs no entry.
            None if learners.is_empty() || learners.values().any(|id| id == key) => key.clone(),
            None => {
                self.diagnose(&e.origin, None, Defect::UnknownLearner { user: key });
                return None;
            }
        };
        if let Some(asked) = self.asked.filter(|asked| *asked != id) {
            let other = Defect::OtherLearner {
                learner: &id,
                asked,
            };
            self.diagnose(&e.origin, Some(&id), other);
            return None;
        }
        Some(id)
    }

    /// What the item stands for, if it is to be imported at all.
    fn admit(&mut self, e: &Evidence) -> Result<&'a Target, Flaw> {
        if let Some(id) = e
            .item_id
            .as_ref()
            .filter(|id| !self.seen_items.insert(id.to_string()))
        {
            return Err(Defect::StatementTwice { id }.into());
        }
        if let Outcome::SetAside(flaw) = &e.outcome {
            return Err(flaw.clone());
        }
        let id = &e.platform_id;
        let mapping: &'a Mapping = self.mapping;
        match mapping.table(e.table).get(id) {
            None => Err(Defect::UnmappedId {
                id,
                field: e.table.field(),
            }
            .into()),
            Some(Target::Ignore { reason }) => Err(Defect::IgnoredByMapping {
                id,
                reason: reason.as_deref(),
            }
            .into()),
            Some(target) => Ok(target),
        }
    }

    /// The record the item makes, or why it makes none.
    fn record(&self, e: &Evidence, target: &Target) -> Result<Record, Flaw> {
        use AttendanceMark::{Absent, Excused, Late, Present};
        let record = match (target, &e.outcome) {
            (_, Outcome::NotDone) => return Err(Defect::NotCompleted.into()),
            (_, Outcome::NotTracked) => return Err(Defect::NotTracked.into()),
            (_, Outcome::Failed) => return Err(Defect::CompletionFailed.into()),
            (Target::Session { session, date }, outcome) => {
                let (status, justification) = match outcome {
                    Outcome::Done { .. }
                    | Outcome::Mark {
                        mark: Present | Late,
                        ..
                    } => (AttendanceStatus::Present, None),
                    Outcome::Mark {
                        mark: Absent | Excused,
                        justification,
                    } => (AttendanceStatus::Absent, justification.clone()),
                    Outcome::Waived { reason } => (AttendanceStatus::Absent, Some(reason.clone())),
                    _ => return Err(Defect::TargetMismatch { target }.into()),
                };
                let date = match date {
                    Some(pinned) => *pinned,
                    None => self.session_day(target, session, e)?,
                };
                Record::Attendance(Attendance {
                    session: session.clone(),
                    date,
                    status,
                    justification,
                    team_member_present: None,
                })
            }
            (
                Target::Activity {
                    modality,
                    module,
                    minutes,
                    title,
                },
                Outcome::Done { .. }
                | Outcome::Mark {
                    mark: Present | Late,
                    ..
                },
            ) => {
                let minutes = match &e.minutes {
                    Some(given) => given.clone()?,
                    None => minutes.ok_or(Defect::NoDuration)?,
                };
                if minutes.is_zero() {
                    return Err(Defect::ZeroDuration.into());
                }
                // The engine's bound, from the same definition field.
                let max = self.programme.definition.counting.max_activity_minutes;
                if minutes > max {
                    return Err(Defect::ImplausibleDuration {
                        given: Duration::Read(minutes),
                        max: Some(max),
                    }
                    .into());
                }
                let date = e.date.clone()?;
                // An occurrence is its own activity; otherwise the item counts once, whenever done.
                let occurrence = if e.repeats {
                    format!("@{date}")
                } else {
                    String::new()
                };
                let id = format!(
                    "{}:{}{occurrence}",
                    e.table.activity_prefix(),
                    e.platform_id
                );
                Record::Activity(Activity {
                    id: Some(id),
                    title: title.clone(),
                    modality: *modality,
                    module: module.clone(),
                    date,
                    minutes,
                })
            }
            (Target::Activity { .. }, Outcome::Mark { .. }) => {
                return Err(Defect::AbsentFromActivity.into())
            }
            (Target::Activity { .. } | Target::Traceur { .. }, Outcome::Waived { reason }) => {
                return Err(Defect::Waived { reason }.into())
            }
            (
                Target::Traceur {
                    traceur,
                    on_completion,
                },
                Outcome::Done { passed },
            ) => Record::Traceur(TraceurRecord {
                id: traceur.clone(),
                status: if *passed {
                    TraceurRecordStatus::Validated
                } else {
                    *on_completion
                },
                date: e.date.clone()?,
            }),
            (Target::Traceur { traceur, .. }, Outcome::Traceur(status)) => {
                Record::Traceur(TraceurRecord {
                    id: traceur.clone(),
                    status: *status,
                    date: e.date.clone()?,
                })
            }
            (Target::ChosenModule { module }, Outcome::Done { .. }) => {
                Record::ChosenModule(Choice {
                    module: module.clone(),
                    date: e.date.clone()?,
                })
            }
            _ => return Err(Defect::TargetMismatch { target }.into()),
        };
        // The engine's bounds in time, from the same definition.
        let date = record.date();
        if date > self.as_of {
            let as_of = self.as_of;
            return Err(Defect::DatedAfterAsOf { date, as_of }.into());
        }
        let records_from = self.programme.records_from();
        if let Some(from) = records_from.filter(|from| record.keeps_its_date() && date < *from) {
            return Err(Defect::DatedBeforePromotion { date, from }.into());
        }
        Ok(record)
    }

    /// The seminar day of an item whose mapping pins none: its own date.
    fn session_day(&self, target: &Target, session: &str, e: &Evidence) -> Result<IsoDate, Flaw> {
        let date = e.date.clone()?;
        // The mapping was checked against the programme: the session is there.
        let Some(s) = self
            .programme
            .session_index(session)
            .map(|s| &self.programme.definition.sessions[s])
        else {
            return Err(Defect::TargetMismatch { target }.into());
        };
        if s.days.iter().any(|day| day.date == date) {
            return Ok(date);
        }
        Err(Defect::NotASessionDay {
            date,
            title: &s.title,
            days: &s.days,
        }
        .into())
    }
}
