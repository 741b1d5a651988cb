//! Evidence: what a source read from one platform item, before the mapping
//! says what it stands for. [`Importer::take`] holds it against the mapping
//! and the programme, in one order for every source, and either adds it to
//! a learner's records or says why not.

use super::mapping::{AttendanceMark, Mapping, Table, Target};
use super::records::Records;
use super::time::TimeZone;
use super::{Diagnostic, DiagnosticCode};
use crate::date::IsoDate;
use crate::learner::{
    Activity, Attendance, AttendanceStatus, LearnerRecord, TraceurRecord, TraceurRecordStatus,
};
use crate::message::Message;
use crate::minutes::Minutes;
use crate::programme::Programme;
use std::collections::HashSet;

/// Where an item is in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Origin {
    /// JSON Pointer (JSON sources).
    Path(String),
    /// Line, from 1 for the header (CSV).
    Line(u64),
}

impl Origin {
    fn fr(&self) -> String {
        match self {
            Origin::Path(path) => path.clone(),
            Origin::Line(line) => format!("ligne {line}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Origin::Path(path) => path.clone(),
            Origin::Line(line) => format!("line {line}"),
        }
    }
}

/// A diagnostic waiting for its place: a value a source could not read,
/// reported only if the value turns out to be needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Flaw {
    pub code: DiagnosticCode,
    pub message: Message,
}

impl Flaw {
    pub fn new(code: DiagnosticCode, fr: impl Into<String>, en: impl Into<String>) -> Flaw {
        Flaw {
            code,
            message: Message::new(fr, en),
        }
    }
}

/// The platform's user, as the source names them.
pub(super) struct Who {
    pub key: String,
    pub display_name: Option<String>,
}

/// What the platform says happened.
pub(super) enum Outcome {
    /// Completed, attended; `passed` when with a pass (validates a traceur).
    Done {
        passed: bool,
    },
    /// An attendance status; `justification` of an absence or an excuse.
    Mark {
        mark: AttendanceMark,
        justification: Option<String>,
    },
    /// cmi5 `waived`: a justified absence for a seminar, nothing counted otherwise.
    Waived {
        reason: String,
    },
    NotDone,
    NotTracked,
    Failed,
    /// A traceur's status, as an export states it.
    Traceur(TraceurRecordStatus),
    /// Known by the source alone not to count (an xAPI verb not used, a
    /// status not defined), whatever the item maps to.
    SetAside(Flaw),
}

pub(super) struct Evidence {
    pub origin: Origin,
    pub who: Who,
    /// The source's own id of this item (an xAPI statement id): the same twice counts once.
    pub item_id: Option<String>,
    pub table: Table,
    pub platform_id: String,
    pub outcome: Outcome,
    /// The item's local date, or why it has none.
    pub date: Result<IsoDate, Flaw>,
    /// The duration the source gives, if any.
    pub minutes: Option<Result<Minutes, Flaw>>,
    /// The platform user who overrode the state (a formateur).
    pub overridden_by: Option<String>,
    /// Whether the item done on another day is another occurrence (a class
    /// attended, a row of an export); otherwise it counts once, whenever done.
    pub repeats: bool,
}

/// One import under way: the mapping, the records built and the diagnostics said.
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

    pub fn diagnose(&mut self, origin: &Origin, learner: Option<&str>, flaw: Flaw) {
        let (path, line) = match origin {
            Origin::Path(path) => (Some(path.clone()), None),
            Origin::Line(line) => (None, Some(*line)),
        };
        self.diagnostics.push(Diagnostic {
            code: flaw.code,
            severity: flaw.code.severity(),
            path,
            line,
            learner_id: learner.map(str::to_string),
            message: flaw.message,
        });
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
            let flaw = Flaw::new(
                DiagnosticCode::CompletionOverridden,
                format!(
                    "état d'achèvement fixé à la main par l'utilisateur {by} (formateur) : retenu"
                ),
                format!("completion state set by hand by user {by} (a trainer): honoured"),
            );
            self.diagnose(&e.origin, Some(&learner), flaw);
        }
        match self.record(&e, target) {
            Ok(record) => self.keep(at, &learner, record, &e),
            Err(flaw) => self.diagnose(&e.origin, Some(&learner), flaw),
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
                let flaw = Flaw::new(
                    DiagnosticCode::UnknownLearner,
                    format!("l'utilisateur « {key} » n'est pas dans la table « learners » de la correspondance"),
                    format!("the user \"{key}\" is not in the mapping's \"learners\" table"),
                );
                self.diagnose(&e.origin, None, flaw);
                return None;
            }
        };
        if let Some(asked) = self.asked.filter(|asked| *asked != id) {
            let flaw = Flaw::new(
                DiagnosticCode::OtherLearner,
                format!("concerne « {id} », pas l'apprenant demandé « {asked} »"),
                format!("about \"{id}\", not the learner asked for, \"{asked}\""),
            );
            self.diagnose(&e.origin, Some(&id), flaw);
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
            return Err(Flaw::new(
                DiagnosticCode::DuplicateRecord,
                format!("la déclaration « {id} » figure déjà : comptée une seule fois"),
                format!("the statement \"{id}\" is already there: counted once"),
            ));
        }
        if let Outcome::SetAside(flaw) = &e.outcome {
            return Err(flaw.clone());
        }
        let (id, field) = (&e.platform_id, e.table.field());
        let mapping: &'a Mapping = self.mapping;
        match mapping.table(e.table).get(id) {
            None => Err(Flaw::new(
                DiagnosticCode::UnmappedId,
                format!("« {id} » n'est pas dans « {field} » de la correspondance : à ajouter, ou à marquer « ignore »"),
                format!("\"{id}\" is not in the mapping's \"{field}\": add it, or mark it \"ignore\""),
            )),
            Some(Target::Ignore { reason }) => {
                let why = reason.as_deref().unwrap_or("-");
                Err(Flaw::new(
                    DiagnosticCode::IgnoredByMapping,
                    format!("« {id} » ignoré par la correspondance ({why})"),
                    format!("\"{id}\" ignored by the mapping ({why})"),
                ))
            }
            Some(target) => Ok(target),
        }
    }

    /// The record the item makes, or why it makes none.
    fn record(&self, e: &Evidence, target: &Target) -> Result<Record, Flaw> {
        use AttendanceMark::{Absent, Excused, Late, Present};
        let record = match (target, &e.outcome) {
            (_, Outcome::NotDone) => return Err(Flaw::new(DiagnosticCode::NotCompleted, "non achevé", "not completed")),
            (_, Outcome::NotTracked) => {
                return Err(Flaw::new(
                    DiagnosticCode::NotTracked,
                    "l'achèvement n'est pas suivi sur la plateforme pour cette activité ou cet utilisateur : il ne comptera jamais",
                    "completion is not tracked on the platform for this activity or user: it will never count",
                ))
            }
            (_, Outcome::Failed) => {
                return Err(Flaw::new(DiagnosticCode::CompletionFailed, "achevé avec échec : ne vaut pas achèvement", "completed with a fail: not a completion"))
            }
            (Target::Session { session, date }, outcome) => {
                let (status, justification) = match outcome {
                    Outcome::Done { .. } | Outcome::Mark { mark: Present | Late, .. } => (AttendanceStatus::Present, None),
                    Outcome::Mark { mark: Absent | Excused, justification } => (AttendanceStatus::Absent, justification.clone()),
                    Outcome::Waived { reason } => (AttendanceStatus::Absent, Some(reason.clone())),
                    _ => return Err(mismatch(target)),
                };
                let date = self.session_day(session, *date, e)?;
                Record::Attendance(Attendance { session: session.clone(), date, status, justification })
            }
            (Target::Activity { modality, module, minutes, title }, Outcome::Done { .. } | Outcome::Mark { mark: Present | Late, .. }) => {
                let minutes = match &e.minutes {
                    Some(given) => given.clone()?,
                    None => minutes.ok_or_else(|| {
                        Flaw::new(DiagnosticCode::NoDuration, "aucune durée, ni de la plateforme ni de la correspondance", "no duration, from the platform or the mapping")
                    })?,
                };
                if minutes.is_zero() {
                    return Err(Flaw::new(DiagnosticCode::ZeroDuration, "durée arrondie à 0 min : rien à compter", "duration rounds to 0 min: nothing to count"));
                }
                let date = e.date.clone()?;
                let occurrence = if e.repeats { format!("@{date}") } else { String::new() };
                let id = Some(format!("{}:{}{occurrence}", e.table.activity_prefix(), e.platform_id));
                Record::Activity(Activity { id, title: title.clone(), modality: *modality, module: module.clone(), date, minutes })
            }
            (Target::Activity { .. }, Outcome::Mark { .. }) => {
                return Err(Flaw::new(DiagnosticCode::AbsentFromActivity, "absent : aucun temps compté", "absent: no time counted"))
            }
            (Target::Activity { .. } | Target::Traceur { .. }, Outcome::Waived { reason }) => {
                return Err(Flaw::new(
                    DiagnosticCode::Waived,
                    format!("dispensé ({reason}) : ni temps ni document comptés"),
                    format!("waived ({reason}): no time nor document counted"),
                ))
            }
            (Target::Traceur { traceur, on_completion }, Outcome::Done { passed }) => {
                let status = if *passed { TraceurRecordStatus::Validated } else { *on_completion };
                Record::Traceur(TraceurRecord { id: traceur.clone(), status, date: e.date.clone()? })
            }
            (Target::Traceur { traceur, .. }, Outcome::Traceur(status)) => {
                Record::Traceur(TraceurRecord { id: traceur.clone(), status: *status, date: e.date.clone()? })
            }
            _ => return Err(mismatch(target)),
        };
        let date = record.date();
        if date > self.as_of {
            return Err(Flaw::new(
                DiagnosticCode::DatedAfterAsOf,
                format!(
                    "daté du {}, après la date d'import ({})",
                    date.french(),
                    self.as_of.french()
                ),
                format!(
                    "dated {}, after the import date ({})",
                    date.english(),
                    self.as_of.english()
                ),
            ));
        }
        Ok(record)
    }

    /// The seminar day an item stands for: pinned by the mapping, or the item's own date.
    fn session_day(
        &self,
        session: &str,
        pinned: Option<IsoDate>,
        e: &Evidence,
    ) -> Result<IsoDate, Flaw> {
        if let Some(date) = pinned {
            return Ok(date);
        }
        let date = e.date.clone()?;
        let Some(s) = self
            .programme
            .session_index(session)
            .map(|s| &self.programme.definition.sessions[s])
        else {
            return Err(mismatch(&Target::Session {
                session: session.to_string(),
                date: None,
            }));
        };
        if s.days.iter().any(|day| day.date == date) {
            return Ok(date);
        }
        let (fr_days, en_days): (Vec<String>, Vec<String>) = s
            .days
            .iter()
            .map(|day| (day.date.french(), day.date.english()))
            .unzip();
        Err(Flaw::new(
            DiagnosticCode::NotASessionDay,
            format!(
                "le {} n'est pas une journée du séminaire « {} » ({})",
                date.french(),
                s.title,
                fr_days.join(", ")
            ),
            format!(
                "{} is not a day of the seminar \"{}\" ({})",
                date.english(),
                s.title,
                en_days.join(", ")
            ),
        ))
    }

    /// Adds the record; when it meets another of the same key, says which stands.
    fn keep(&mut self, at: usize, learner: &str, record: Record, e: &Evidence) {
        let origin = e.origin.clone();
        let clash = match record {
            Record::Attendance(item) => self.records.attend(at, item, origin).map(|c| {
                let (dropped, kept) = (attendance_words(&c.dropped.0), attendance_words(&c.kept.0));
                let (day, where_kept) = (&c.kept.0, &c.kept.1);
                let flaw = (!c.identical).then(|| {
                    Flaw::new(
                        DiagnosticCode::AttendanceConflict,
                        format!(
                            "{} le {} : « {} » ici, « {} » en {} ; le moins favorable, « {} », est retenu",
                            day.session, day.date.french(), dropped.0, kept.0, where_kept.fr(), kept.0
                        ),
                        format!(
                            "{} on {}: \"{}\" here, \"{}\" at {}; the less favourable, \"{}\", stands",
                            day.session, day.date.english(), dropped.1, kept.1, where_kept.en(), kept.1
                        ),
                    )
                });
                (flaw, c.dropped.1, c.kept.1)
            }),
            Record::Activity(item) => self.records.spend(at, item, origin).map(|c| (None, c.dropped.1, c.kept.1)),
            Record::Traceur(item) => self.records.file(at, item, origin).map(|c| {
                let ((old, old_date), (new, new_date)) = ((traceur_words(c.dropped.0.status), c.dropped.0.date), (traceur_words(c.kept.0.status), c.kept.0.date));
                let (id, where_kept) = (&c.kept.0.id, &c.kept.1);
                let flaw = (!c.identical).then(|| {
                    Flaw::new(
                        DiagnosticCode::Superseded,
                        format!("« {id} » {} le {} : remplacé par « {} » le {} ({})", old.0, old_date.french(), new.0, new_date.french(), where_kept.fr()),
                        format!("\"{id}\" {} on {}: replaced by \"{}\" on {} ({})", old.1, old_date.english(), new.1, new_date.english(), where_kept.en()),
                    )
                });
                (flaw, c.dropped.1, c.kept.1)
            }),
        };
        if let Some((flaw, dropped, kept)) = clash {
            let flaw = flaw.unwrap_or_else(|| {
                Flaw::new(
                    DiagnosticCode::DuplicateRecord,
                    format!("le même qu'en {} : compté une seule fois, là", kept.fr()),
                    format!("the same as at {}: counted once, there", kept.en()),
                )
            });
            self.diagnose(&dropped, Some(learner), flaw);
        }
        if matches!(
            e.outcome,
            Outcome::Mark {
                mark: AttendanceMark::Late,
                ..
            }
        ) {
            let flaw = Flaw::new(
                DiagnosticCode::LateCountedPresent,
                "en retard : compté présent",
                "late: counted present",
            );
            self.diagnose(&e.origin, Some(learner), flaw);
        }
    }
}

/// A record ready to keep.
enum Record {
    Attendance(Attendance),
    Activity(Activity),
    Traceur(TraceurRecord),
}

impl Record {
    fn date(&self) -> IsoDate {
        match self {
            Record::Attendance(a) => a.date,
            Record::Activity(a) => a.date,
            Record::Traceur(t) => t.date,
        }
    }
}

/// The item is of a kind its target does not take.
pub(super) fn mismatch(target: &Target) -> Flaw {
    let (fr, en) = match target {
        Target::Session { session, .. } => (
            format!("le séminaire « {session} »"),
            format!("the seminar \"{session}\""),
        ),
        Target::Activity { modality, .. } => (
            format!("une activité {}", modality.key()),
            format!("an activity ({})", modality.english()),
        ),
        Target::Traceur { traceur, .. } => (
            format!("le document traceur « {traceur} »"),
            format!("the document traceur \"{traceur}\""),
        ),
        Target::Ignore { .. } => (
            "un élément ignoré".to_string(),
            "an ignored item".to_string(),
        ),
    };
    Flaw::new(
        DiagnosticCode::TargetMismatch,
        format!(
            "la correspondance en fait {fr}, à quoi ce que dit la plateforme ne s'applique pas"
        ),
        format!("the mapping makes it {en}, which what the platform says does not fit"),
    )
}

/// How an attendance reads, in French and English.
fn attendance_words(a: &Attendance) -> (&'static str, &'static str) {
    match (a.status, a.is_justified_absence()) {
        (AttendanceStatus::Present, _) => ("présent", "present"),
        (AttendanceStatus::Absent, true) => ("absence justifiée", "justified absence"),
        (AttendanceStatus::Absent, false) => ("absent", "absent"),
    }
}

fn traceur_words(status: TraceurRecordStatus) -> (&'static str, &'static str) {
    match status {
        TraceurRecordStatus::Deposited => ("déposé", "deposited"),
        TraceurRecordStatus::ToRevise => ("à reprendre", "to revise"),
        TraceurRecordStatus::Validated => ("validé", "validated"),
    }
}
