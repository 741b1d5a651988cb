//! The programme definition format: the rules of one PACTE programme or
//! regional promotion, as data. Field names are camelCase in JSON.

use crate::date::IsoDate;
use crate::minutes::Minutes;
use serde::{Deserialize, Serialize};

/// A programme definition as written in a JSON file. A regional promotion
/// `extends` a national programme and overrides any part of it (JSON Merge
/// Patch, RFC 7396: objects merge key by key, lists are replaced whole).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProgrammeDefinition {
    pub id: String,
    pub version: String,
    pub title: String,
    pub mention: Mention,
    /// The id of the definition this one overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// The documents the rules come from (seed files, web pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// What in this definition is a default chosen where the sources are
    /// silent, rather than a fact of the sources: a region overrides it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defaults: Vec<DefaultNote>,
    #[serde(default)]
    pub required_minutes: RequiredMinutes,
    #[serde(default)]
    pub modules: Vec<Module>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elective_groups: Vec<ElectiveGroup>,
    #[serde(default)]
    pub traceurs: Vec<TraceurRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion: Option<Promotion>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub memoire: MemoireRule,
    #[serde(default)]
    pub soutenance: SoutenanceRule,
    #[serde(default)]
    pub attendance: AttendancePolicy,
    /// A missing item whose due date is this close (or past) puts the learner `atRisk`.
    #[serde(default = "default_at_risk_within_days")]
    pub at_risk_within_days: u32,
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
pub struct DefaultNote {
    /// JSON Pointer to the defaulted part, e.g. `/traceurs`.
    pub path: String,
    pub note: String,
}

/// Hours required per modality. An absent `presentiel` is the sum of the
/// mandatory seminar days of the calendar; an absent other modality is no condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RequiredMinutes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentiel: Option<Minutes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elearning: Option<Minutes>,
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
pub struct Module {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
}

/// "At least N of these modules", e.g. one complementary module of four.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ElectiveGroup {
    pub id: String,
    pub title: String,
    pub at_least: u32,
    pub modules: Vec<String>,
}

/// A written "document traceur" the learner produces and uploads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct TraceurRule {
    pub id: String,
    pub title: String,
    /// The module it belongs to; a traceur of an elective module is due only
    /// from learners who chose that module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(default = "yes")]
    pub mandatory: bool,
    /// Whether depositing the document is enough, or the formateur relais must validate it.
    #[serde(default)]
    pub counts: TraceurCounts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum TraceurCounts {
    Deposited,
    #[default]
    Validated,
}

/// The dates a regional promotion runs between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Promotion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub start_date: IsoDate,
    pub end_date: IsoDate,
}

/// A regional in-person seminar, of one or more days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Session {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    #[serde(default = "yes")]
    pub mandatory: bool,
    pub days: Vec<SessionDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SessionDay {
    pub date: IsoDate,
    /// In-person time of the day; days of one calendar need not be equal.
    pub minutes: Minutes,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MemoireRule {
    #[serde(default = "yes")]
    pub required: bool,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SoutenanceRule {
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
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

/// Who may apply, and what an application file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CandidatureRules {
    /// Structure types whose coordinators the mention accepts.
    pub structure_types: Vec<StructureType>,
    /// A candidate not yet in a team may ask for a derogation, decided on the file.
    #[serde(default = "yes")]
    pub derogation_for_recruitment: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates_per_team: Option<Quota>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum StructureType {
    Msp,
    Cds,
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
pub enum Training {
    /// Physician, nurse, paramedical profession.
    HealthProfessional,
    /// Steering or management in health.
    HealthManagement,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Quota {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Piece {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Question {
    pub id: String,
    pub text: String,
}
