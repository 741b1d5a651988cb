//! The programme definition format: the rules of one PACTE programme or
//! regional promotion, as data. Field names are camelCase in JSON.

use crate::date::IsoDate;
use crate::minutes::Minutes;
use serde::{Deserialize, Serialize};

/// A programme definition as written in a JSON file. A regional promotion
/// `extends` a national programme and overrides any part of it (JSON Merge
/// Patch, RFC 7396: objects merge key by key, lists are replaced whole, `null`
/// removes a field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgrammeDefinition {
    /// The programme's id, e.g. `hdf-leader-msp-2024`: what learner records and `extends` name.
    pub id: String,
    /// The version of these rules, e.g. `2024.1`: reports name it with their hash.
    pub version: String,
    /// The title people read.
    pub title: String,
    pub mention: Mention,
    /// The id of the definition this one overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    // Not `null`: a definition that extends nothing leaves the key out.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub extends: Option<String>,
    /// The documents the rules come from (seed files, web pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// What in this definition is a default chosen where the sources are
    /// silent, rather than a fact of the sources: a region overrides it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defaults: Vec<DefaultNote>,
    /// Hours required per modality, in minutes.
    #[serde(default)]
    pub required_minutes: RequiredMinutes,
    /// The teaching modules; every module no elective group names is mandatory.
    #[serde(default)]
    pub modules: Vec<Module>,
    /// Modules to choose from: "at least N of these".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elective_groups: Vec<ElectiveGroup>,
    /// The documents traceurs learners upload.
    #[serde(default)]
    pub traceurs: Vec<TraceurRule>,
    /// The dates a regional promotion runs between; a national programme has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion: Option<Promotion>,
    /// The calendar of in-person seminars.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Whether a mémoire is required, and its due date.
    #[serde(default)]
    pub memoire: MemoireRule,
    /// Whether a soutenance is required, its date and its length.
    #[serde(default)]
    pub soutenance: SoutenanceRule,
    /// What a justified absence does.
    #[serde(default)]
    pub attendance: AttendancePolicy,
    /// The bounds within which a learner's record counts.
    #[serde(default)]
    pub counting: CountingRules,
    /// A missing item whose due date is this close (or past) puts the learner `atRisk`.
    #[serde(default = "default_at_risk_within_days")]
    pub at_risk_within_days: u32,
    /// Who may apply, and what an application file holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidature: Option<CandidatureRules>,
}

fn default_at_risk_within_days() -> u32 {
    30
}

fn yes() -> bool {
    true
}

/// The diploma's mention: which teams the coordinator works for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Mention {
    /// Maisons de santé pluriprofessionnelles and centres de santé.
    MspCds,
    /// Communautés professionnelles territoriales de santé.
    Cpts,
    /// The programme for the health professionals who lead an MSP.
    LeaderMsp,
}

/// The three ways PACTE hours are spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Modality {
    /// In person, at the regional seminars.
    Presentiel,
    /// On the PACTE e-learning platform.
    Elearning,
    /// Work carried out with the learner's own team.
    Equipe,
}

impl Modality {
    pub const ALL: [Modality; 3] = [Modality::Presentiel, Modality::Elearning, Modality::Equipe];

    pub fn key(self) -> &'static str {
        match self {
            Modality::Presentiel => "presentiel",
            Modality::Elearning => "elearning",
            Modality::Equipe => "equipe",
        }
    }

    /// "de présentiel", "d'e-learning", "de travail en équipe": ready to follow "il manque 2 h 30".
    pub fn french_partitive(self) -> &'static str {
        match self {
            Modality::Presentiel => "de présentiel",
            Modality::Elearning => "d'e-learning",
            Modality::Equipe => "de travail en équipe",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Modality::Presentiel => "in-person",
            Modality::Elearning => "e-learning",
            Modality::Equipe => "team work",
        }
    }
}

/// A part of the definition that is a default rather than a fact of the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DefaultNote {
    /// JSON Pointer to the defaulted part, e.g. `/traceurs`.
    pub path: String,
    /// Why this default, in words.
    pub note: String,
}

/// Hours required per modality. An absent `presentiel` is the sum of the
/// mandatory seminar days of the calendar; an absent other modality is no condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequiredMinutes {
    /// In person, at the seminars. Absent (or `null` over a parent's value): the sum of the mandatory seminar days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentiel: Option<Minutes>,
    /// On the e-learning platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elearning: Option<Minutes>,
    /// Work with the learner's own team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipe: Option<Minutes>,
}

impl RequiredMinutes {
    pub fn get(&self, modality: Modality) -> Option<Minutes> {
        match modality {
            Modality::Presentiel => self.presentiel,
            Modality::Elearning => self.elearning,
            Modality::Equipe => self.equipe,
        }
    }
}

/// A teaching module. Modules named by an elective group are optional;
/// every other module is mandatory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Module {
    /// The module's id, e.g. `prise-de-fonction`.
    pub id: String,
    /// The title people read.
    pub title: String,
    /// What the learner is able to do at the end of the module.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Time the learner records in this module, in any modality, for it to
    /// count as followed; absent: no hours per module (the sources give
    /// none). Its traceurs and seminars are conditions of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_minutes: Option<Minutes>,
}

/// "At least N of these modules", e.g. one complementary module of four.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ElectiveGroup {
    /// The group's id.
    pub id: String,
    /// The title people read.
    pub title: String,
    /// How many of the modules a learner chooses, at least.
    pub at_least: u32,
    /// The ids of the modules to choose from.
    pub modules: Vec<String>,
    /// What makes a module of the group done (by default, hours recorded in
    /// it): a declared choice alone never does. Its traceurs are due as soon
    /// as the module is taken, a condition of their own.
    #[serde(default)]
    pub done_by: ElectiveDone,
}

/// What makes an elective module done. A module without traceurs is done
/// by its hours alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ElectiveDone {
    /// Time recorded in the module, in any modality: as much as the
    /// module's own `requiredMinutes` where it sets some, else any.
    #[default]
    Hours,
    /// Its mandatory traceurs meeting their rule (deposit or validation).
    Traceurs,
    /// Both.
    HoursAndTraceurs,
}

/// A written "document traceur" the learner produces and uploads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraceurRule {
    /// The traceur's id, e.g. `fiche-de-poste`: what learner records name.
    pub id: String,
    /// The title people read.
    pub title: String,
    /// The module it belongs to; a traceur of an elective module is due only
    /// from learners who chose that module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// Whether the diploma needs it (by default, yes).
    #[serde(default = "yes")]
    pub mandatory: bool,
    /// Whether depositing the document is enough, or the formateur relais must validate it.
    #[serde(default)]
    pub counts: TraceurCounts,
    /// The date by which it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
}

/// What makes a document traceur count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TraceurCounts {
    /// Depositing it is enough.
    Deposited,
    /// The formateur relais must validate it.
    #[default]
    Validated,
}

/// The dates a regional promotion runs between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Promotion {
    /// The region, e.g. `Hauts-de-France`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The first day of the promotion.
    pub start_date: IsoDate,
    /// The last day of the promotion: every seminar day falls between the two.
    pub end_date: IsoDate,
}

/// A regional in-person seminar, of one or more days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Session {
    /// The seminar's id, e.g. `S1`: what attendance records name.
    pub id: String,
    /// The title people read.
    pub title: String,
    /// The ids of the modules it teaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    /// Whether every learner must attend (by default, yes).
    #[serde(default = "yes")]
    pub mandatory: bool,
    /// Its days, with their dates and minutes.
    pub days: Vec<SessionDay>,
}

/// One day of a seminar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionDay {
    /// The day the seminar takes place.
    pub date: IsoDate,
    /// In-person time of the day; days of one calendar need not be equal.
    pub minutes: Minutes,
    /// Whether a member of the learner's team comes too (seed 002: "la
    /// participation de votre/vos leader ou d'un membre actif de votre CPTS
    /// sera requis pour certains séminaires"); by default, no.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub team_member_required: bool,
}

/// The mémoire: the written analysis of an approach carried out in the learner's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemoireRule {
    /// Whether the diploma needs it (by default, yes).
    #[serde(default = "yes")]
    pub required: bool,
    /// The date by which it is to be submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
}

impl Default for MemoireRule {
    fn default() -> Self {
        MemoireRule {
            required: true,
            due_date: None,
        }
    }
}

/// The soutenance: the defence of the mémoire before a regional jury.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SoutenanceRule {
    /// Whether the diploma needs it (by default, yes).
    #[serde(default = "yes")]
    pub required: bool,
    /// The day it takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// Its length, in minutes (by default 60).
    #[serde(default = "one_hour")]
    pub duration_minutes: Minutes,
}

fn one_hour() -> Minutes {
    Minutes::hours(1)
}

impl Default for SoutenanceRule {
    fn default() -> Self {
        SoutenanceRule {
            required: true,
            date: None,
            duration_minutes: one_hour(),
        }
    }
}

/// What a justified absence ("motif impérieux") does. It always keeps the
/// condition "attend every seminar" (seed 002); its hours are excused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttendancePolicy {
    /// Excused hours count toward the in-person hours required (shown apart
    /// from attended hours all the same).
    #[serde(default = "yes")]
    pub excused_minutes_count: bool,
}

impl Default for AttendancePolicy {
    fn default() -> Self {
        AttendancePolicy {
            excused_minutes_count: true,
        }
    }
}

/// The bounds within which a learner's record counts; a record outside
/// them is set aside with the reason, never counted nor dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountingRules {
    /// The longest one activity may last, in minutes (by default 1,440: one
    /// day). A longer one is a typing or export slip, not time spent.
    #[serde(default = "one_day")]
    pub max_activity_minutes: Minutes,
    /// The first day a record counts from. Absent: the promotion's start
    /// date, or every record for a programme without promotion dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_from: Option<IsoDate>,
}

fn one_day() -> Minutes {
    Minutes::DAY
}

impl Default for CountingRules {
    fn default() -> Self {
        CountingRules {
            max_activity_minutes: one_day(),
            records_from: None,
        }
    }
}

/// Who may apply, and what an application file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CandidatureRules {
    /// Structure types whose coordinators the mention accepts.
    pub structure_types: Vec<StructureType>,
    /// A candidate not yet in a team may ask for a derogation, decided on the file.
    #[serde(default = "yes")]
    pub derogation_for_recruitment: bool,
    /// How many candidates one team may present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates_per_team: Option<Quota>,
    /// The date by which files are to be sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
    /// Whether a file sent on the due date itself is on time (by default, yes).
    #[serde(default = "yes")]
    pub due_date_included: bool,
    /// Pieces each candidate provides (CV, motivation letter…).
    #[serde(default)]
    pub candidate_pieces: Vec<Piece>,
    /// Pieces the team provides once for all its candidates.
    #[serde(default)]
    pub team_pieces: Vec<Piece>,
    /// The team piece every member of the board (CA/bureau) signs: the
    /// team's letter of commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board_letter_piece: Option<String>,
    /// Questions the team answers in detail.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Initial trainings that are desirable, never required: their absence is an advisory.
    #[serde(default)]
    pub desirable_trainings: Vec<Training>,
    /// What follows once a file can be received, in order (pre-selection,
    /// an interview if needed, validation): the report names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<String>,
}

/// The kind of primary-care team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum StructureType {
    /// Maison de santé pluriprofessionnelle.
    Msp,
    /// Centre de santé.
    Cds,
    /// Communauté professionnelle territoriale de santé.
    Cpts,
}

impl StructureType {
    pub fn label(self) -> &'static str {
        match self {
            StructureType::Msp => "MSP",
            StructureType::Cds => "CDS",
            StructureType::Cpts => "CPTS",
        }
    }
}

/// Initial training of a candidate, as the selection looks at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Training {
    /// Physician, nurse, paramedical profession.
    HealthProfessional,
    /// Steering or management in health.
    HealthManagement,
    /// Any other field.
    Other,
}

impl Training {
    /// "de professionnel de santé": ready to follow "formation initiale".
    pub fn french(self) -> &'static str {
        match self {
            Training::HealthProfessional => "de professionnel de santé",
            Training::HealthManagement => "de pilotage en santé",
            Training::Other => "d'un autre domaine",
        }
    }

    /// "as a health professional": ready to follow "initial training".
    pub fn english(self) -> &'static str {
        match self {
            Training::HealthProfessional => "as a health professional",
            Training::HealthManagement => "in health management",
            Training::Other => "in another field",
        }
    }
}

/// A number between `min` and `max`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quota {
    pub min: u32,
    pub max: u32,
}

/// A piece of the application file (a CV, a letter…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Piece {
    /// The piece's id: what candidature files name.
    pub id: String,
    /// The title people read.
    pub title: String,
}

/// A question of the application file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Question {
    /// The question's id: what the team's answers are keyed by.
    pub id: String,
    /// The question, as asked.
    pub text: String,
    /// What the programme offers a team whose answer begins with "oui"
    /// (or "yes"); the report tells the committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_if_yes: Option<String>,
}
