//! The progress report: where a learner stands against a programme on a
//! given date, what still stands between them and the diploma, and what of
//! their records could not be used. [`text`] writes it for a person.

mod progress;
pub mod promotion;
mod standing;
pub mod text;
pub mod wording;

pub use standing::{Standing, Tallies, UnmetCondition};

use crate::date::IsoDate;
use crate::message::{Message, Notice};
use crate::minutes::Minutes;
use crate::programme::{ElectiveDone, Modality, ProgrammeSummary, TraceurCounts};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProgressReport {
    pub learner_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    pub programme: ProgrammeSummary,
    pub engine: EngineStamp,
    pub as_of: IsoDate,
    pub stage: Stage,
    /// The stage in words, for a heading.
    pub summary: Message,
    /// For a blocked or overdue file, what the learner does next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_step: Option<Message>,
    pub hours: Hours,
    pub sessions: Vec<SessionReport>,
    pub electives: Vec<ElectiveReport>,
    pub traceurs: Vec<TraceurReport>,
    pub memoire: MemoireReport,
    pub soutenance: SoutenanceReport,
    /// One entry per condition not met yet, most serious first.
    pub unmet: Vec<Unmet>,
    /// Records the engine could not use, and why. Nothing is dropped silently.
    pub ignored: Vec<Ignored>,
    /// Records counted as they stand, with a remark a person should check.
    pub advisories: Vec<Advisory>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct EngineStamp {
    pub name: String,
    pub version: String,
}

impl EngineStamp {
    /// This engine, as every answer names it.
    pub fn current() -> EngineStamp {
        EngineStamp {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: crate::ENGINE_VERSION.to_string(),
        }
    }
}

/// Where the learner stands, from worst to best:
/// `blocked` < `atRisk` < `notStarted` < `inProgress` < `readyToDefend` < `complete`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Stage {
    /// A condition can no longer be met.
    Blocked,
    /// A due date has passed, or is near, with items missing.
    AtRisk,
    /// Nothing recorded yet, and nothing overdue.
    NotStarted,
    InProgress,
    /// Conditions 1 to 4 met: seminars, e-learning and team hours, traceurs, mémoire.
    ReadyToDefend,
    /// Diploma conditions met, soutenance passed.
    Complete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Hours {
    pub presentiel: Tally,
    pub elearning: Tally,
    pub equipe: Tally,
    /// The modalities with a requirement, added up (none: all zero).
    pub total: Tally,
    /// Hours per module, where the records name one.
    pub by_module: Vec<ModuleHours>,
}

impl Hours {
    pub fn get(&self, modality: Modality) -> &Tally {
        match modality {
            Modality::Presentiel => &self.presentiel,
            Modality::Elearning => &self.elearning,
            Modality::Equipe => &self.equipe,
        }
    }
}

/// Required, attended, excused and remaining time of one modality. None is
/// ever negative; `remaining` is what is still to be done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Tally {
    /// Absent when the programme sets no hours for this modality.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_minutes: Option<Minutes>,
    pub done_minutes: Minutes,
    /// Missed for a justified reason: not attended, yet not held against the learner.
    pub excused_minutes: Minutes,
    pub remaining_minutes: Minutes,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ModuleHours {
    pub module: String,
    pub title: String,
    pub presentiel_minutes: Minutes,
    pub elearning_minutes: Minutes,
    pub equipe_minutes: Minutes,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SessionReport {
    pub id: String,
    pub title: String,
    pub mandatory: bool,
    pub days: Vec<DayReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DayReport {
    pub date: IsoDate,
    pub minutes: Minutes,
    pub status: DayStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// The day asks for a member of the learner's team beside the learner.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub team_member_required: bool,
    /// Whether one came, as the attendance record says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_member_present: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum DayStatus {
    Present,
    /// Absent with a justification: the hours are excused.
    Excused,
    UnjustifiedAbsence,
    /// Past, and nothing recorded for it.
    NotRecorded,
    Upcoming,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ElectiveReport {
    pub id: String,
    pub title: String,
    pub at_least: u32,
    /// What makes a module of the group done.
    pub done_by: ElectiveDone,
    /// The modules offered, in the definition's order, each where the learner stands.
    pub modules: Vec<ElectiveModule>,
    /// At least `atLeast` modules done.
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ElectiveModule {
    pub module: String,
    pub title: String,
    pub state: ElectiveState,
}

/// Where a learner stands with one elective module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum ElectiveState {
    /// Done, as the group's `doneBy` says.
    Done,
    /// Work recorded, not done yet.
    Started,
    /// Declared in `chosenModules`, nothing recorded: an intention.
    Chosen,
    NotTaken,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct TraceurReport {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// False for an optional traceur, or one of an elective module not chosen.
    pub required: bool,
    pub counts: TraceurCounts,
    pub status: TraceurStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
    /// Whether this document meets its rule (deposit or validation).
    pub met: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum TraceurStatus {
    Missing,
    /// Uploaded, awaiting the formateur relais' check.
    Deposited,
    ToRevise,
    Validated,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MemoireReport {
    pub required: bool,
    pub status: MemoireReportStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum MemoireReportStatus {
    NotStarted,
    InProgress,
    Submitted,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SoutenanceReport {
    pub required: bool,
    pub status: SoutenanceReportStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    pub duration_minutes: Minutes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum SoutenanceReportStatus {
    NotScheduled,
    Scheduled,
    Passed,
    Failed,
}

/// A condition not met yet. `code` tells which, with its own numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Unmet {
    // Named as an override so that tsify writes `{ … } & Condition`: an interface
    // cannot extend a union type.
    #[serde(flatten)]
    #[cfg_attr(feature = "typescript", tsify(type = "Condition"))]
    pub condition: Condition,
    /// JSON Pointer to the rule of the resolved definition this comes from.
    pub rule: String,
    /// True when the condition can no longer be met.
    pub blocking: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
    pub message: Message,
}

/// The unmet conditions, with stable codes callers switch on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "code",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Condition {
    HoursShort {
        modality: Modality,
        required_minutes: Minutes,
        done_minutes: Minutes,
        excused_minutes: Minutes,
        remaining_minutes: Minutes,
    },
    /// Less time recorded in a module than its own `requiredMinutes`.
    ModuleHoursShort {
        module: String,
        required_minutes: Minutes,
        done_minutes: Minutes,
    },
    /// The seminar days left cannot supply the in-person time missing.
    HoursUnreachable {
        modality: Modality,
        remaining_minutes: Minutes,
        upcoming_minutes: Minutes,
    },
    SessionUnjustifiedAbsence {
        session: String,
        date: IsoDate,
    },
    SessionNotRecorded {
        session: String,
        date: IsoDate,
    },
    SessionUpcoming {
        session: String,
        date: IsoDate,
    },
    ElectiveModuleMissing {
        group: String,
        at_least: u32,
        /// Modules of the group done so far.
        done: u32,
    },
    TraceurMissing {
        traceur: String,
    },
    TraceurToRevise {
        traceur: String,
    },
    TraceurAwaitingValidation {
        traceur: String,
    },
    MemoireNotSubmitted {},
    SoutenanceNotPassed {},
    SoutenanceFailed {},
}

/// A record the engine could not use, located in the learner's records.
#[cfg_attr(feature = "typescript", tsify::declare)]
pub type Ignored = Notice<IgnoredCode>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum IgnoredCode {
    UnknownField,
    UnknownSession,
    NotASessionDay,
    UnknownTraceur,
    UnknownModule,
    NotAnElectiveModule,
    DatedAfterAsOf,
    DuplicateRecord,
    /// An earlier state of the same item, replaced by a later record.
    Superseded,
    ZeroDuration,
    /// An absence's justification with nothing in it (only spaces): the
    /// absence stays unjustified.
    EmptyJustification,
    /// A justification on a day the learner attended: there is no absence to justify.
    JustificationNotApplicable,
    /// Dated before the first day records count from (`counting.recordsFrom`,
    /// by default the promotion's start): not of this promotion.
    DatedBeforePromotion,
    /// An activity longer than `counting.maxActivityMinutes`.
    ImplausibleDuration,
    /// An in-person activity on a seminar day the learner attended: the day
    /// already counts, its time is not counted twice.
    CountedAsSeminarDay,
}

/// A record counted as it stands, with a remark, located in the learner's records.
#[cfg_attr(feature = "typescript", tsify::declare)]
pub type Advisory = Notice<AdvisoryCode>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum AdvisoryCode {
    /// An activity without id identical to an earlier one (same day,
    /// modality, module, title and length): both count, as two sessions of
    /// the same work may; a person checks it is not an export repeated.
    PossibleDuplicate,
    /// The learner attended a day that asks for a member of their team, and
    /// the record says none came: the team's part, not a diploma condition.
    TeamMemberAbsent,
}
