//! A learner's records: what the platform and the formateur relais know of
//! their attendance, activities, documents, mémoire and soutenance.

use crate::date::IsoDate;
use crate::minutes::Minutes;
use crate::programme::{Modality, StructureType};
use serde::{Deserialize, Serialize};

pub mod packed;

/// Everything known of one learner. Field names are camelCase in JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LearnerRecord {
    /// The learner's id, as the platform or the region knows them.
    pub learner_id: String,
    /// The name shown to formateurs; never interpreted as markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The programme the learner is enrolled in: the one evaluated, or one it extends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// The kind of team the learner coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure_type: Option<StructureType>,
    /// Presence or absence, one entry per seminar day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendance>,
    /// Time spent, in e-learning or with the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Elective modules the learner chose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chosen_modules: Vec<String>,
    /// The documents traceurs, in their latest state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traceurs: Vec<TraceurRecord>,
    /// Where the mémoire stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memoire: Option<MemoireRecord>,
    /// Where the soutenance stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soutenance: Option<SoutenanceRecord>,
}

/// Presence or absence at one day of a seminar session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attendance {
    /// The seminar's id in the programme, e.g. `S1`.
    pub session: String,
    /// The day of the seminar.
    pub date: IsoDate,
    pub status: AttendanceStatus,
    /// The "motif impérieux" of an absence; an absence with one is justified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// On a day that asks for it, whether a member of the learner's team came too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_member_present: Option<bool>,
}

impl Attendance {
    pub fn is_justified_absence(&self) -> bool {
        self.status == AttendanceStatus::Absent
            && self.justification.as_deref().is_some_and(|j| !is_blank(j))
    }
}

/// Nothing a reader could see: only (Unicode) spaces, and the invisible
/// characters that pass for none (zero-width spaces and joiners, the BOM).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    })
}

/// Whether the learner was there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum AttendanceStatus {
    Present,
    Absent,
}

/// Time spent in e-learning, team work (or in person outside the calendar).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activity {
    /// The platform's id for this activity: the same id twice counts once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the activity was, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub modality: Modality,
    /// The id of the module it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// The day it was done.
    pub date: IsoDate,
    /// Its length, in minutes.
    pub minutes: Minutes,
}

/// The latest known state of one document traceur.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraceurRecord {
    /// The traceur's id in the programme.
    pub id: String,
    pub status: TraceurRecordStatus,
    /// The day of this state.
    pub date: IsoDate,
}

/// The state of a document traceur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TraceurRecordStatus {
    /// Uploaded on the platform, not yet checked by the formateur relais.
    Deposited,
    /// Checked and sent back for changes.
    ToRevise,
    Validated,
}

/// Where the mémoire stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemoireRecord {
    pub status: MemoireStatus,
    /// The day it was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
}

/// Being written, or submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MemoireStatus {
    InProgress,
    Submitted,
}

/// Where the soutenance stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SoutenanceRecord {
    /// The day it takes (or took) place.
    pub date: IsoDate,
    pub status: SoutenanceRecordStatus,
}

/// Scheduled, passed or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SoutenanceRecordStatus {
    Scheduled,
    Passed,
    Failed,
}
