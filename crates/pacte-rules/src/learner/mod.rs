//! A learner's records: what the platform and the formateur relais know of
//! their attendance, activities, documents, mémoire and soutenance.

use crate::date::IsoDate;
use crate::minutes::Minutes;
use crate::programme::{Modality, StructureType};
use serde::{Deserialize, Serialize};

/// Everything known of one learner. Field names are camelCase in JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct LearnerRecord {
    pub learner_id: String,
    /// The name shown to formateurs; never interpreted as markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The programme the learner is enrolled in: the one evaluated, or one it extends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure_type: Option<StructureType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Elective modules the learner chose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chosen_modules: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traceurs: Vec<TraceurRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memoire: Option<MemoireRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soutenance: Option<SoutenanceRecord>,
}

/// Presence or absence at one day of a seminar session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Attendance {
    pub session: String,
    pub date: IsoDate,
    pub status: AttendanceStatus,
    /// The "motif impérieux" of an absence; an absence with one is justified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

impl Attendance {
    pub fn is_justified_absence(&self) -> bool {
        self.status == AttendanceStatus::Absent
            && self
                .justification
                .as_deref()
                .is_some_and(|j| !j.trim().is_empty())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum AttendanceStatus {
    Present,
    Absent,
}

/// Time spent in e-learning, team work (or in person outside the calendar).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Activity {
    /// The platform's id for this activity: the same id twice counts once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub modality: Modality,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    pub date: IsoDate,
    pub minutes: Minutes,
}

/// The latest known state of one document traceur.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct TraceurRecord {
    pub id: String,
    pub status: TraceurRecordStatus,
    pub date: IsoDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum TraceurRecordStatus {
    /// Uploaded on the platform, not yet checked by the formateur relais.
    Deposited,
    /// Checked and sent back for changes.
    ToRevise,
    Validated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MemoireRecord {
    pub status: MemoireStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum MemoireStatus {
    InProgress,
    Submitted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SoutenanceRecord {
    pub date: IsoDate,
    pub status: SoutenanceRecordStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum SoutenanceRecordStatus {
    Scheduled,
    Passed,
    Failed,
}
