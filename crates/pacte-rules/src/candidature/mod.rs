//! Candidature: who may apply, and whether an application file is complete.
//! The rules come from the programme definition ([`CandidatureRules`]); the
//! verdict is `eligible`, `incomplete` or `ineligible`, with every reason,
//! plus advisories that never refuse.

mod check;
mod wording;

pub use check::check;

use crate::date::IsoDate;
use crate::message::{Message, Notice};
use crate::programme::ProgrammeSummary;
use crate::programme::{StructureType, Training};
use crate::report::EngineStamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An application file: one team and its candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CandidatureFile {
    /// The id of the programme applied for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// When the file was sent; absent for a file being filled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<IsoDate>,
    /// The team that applies.
    pub team: Team,
    /// The coordinators the team presents.
    pub candidates: Vec<Candidate>,
}

/// The team that applies, and the pieces it provides once for all its candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Team {
    /// The team's name.
    pub name: String,
    /// The team's structure; absent when the candidates have no team yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure_type: Option<StructureType>,
    /// Ids of the team pieces provided.
    #[serde(default)]
    pub pieces: Vec<String>,
    /// Its board (CA/bureau), who sign the letter of commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<Board>,
    /// Answers to the questions of the file, by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
}

/// The board (CA/bureau) and who signed the team's letter of commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Board {
    /// The names of the board's members.
    pub members: Vec<String>,
    /// The names of the members who signed the letter of commitment.
    #[serde(default)]
    pub signed_by: Vec<String>,
}

/// A coordinator the team presents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Candidate {
    /// The candidate's name.
    pub name: String,
    /// Ids of the candidate's pieces provided.
    #[serde(default)]
    pub pieces: Vec<String>,
    /// Already working in the team (the prerequisite). Absent: not said yet,
    /// and the file is incomplete until it is; never presumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_team: Option<bool>,
    /// Being recruited, and asking for a derogation.
    #[serde(default)]
    pub derogation_requested: bool,
    /// The candidate's initial training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_training: Option<Training>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CandidatureReport {
    pub programme: ProgrammeSummary,
    pub engine: EngineStamp,
    pub as_of: IsoDate,
    pub team: String,
    pub verdict: Verdict,
    /// Remarks for the committee that never refuse a file.
    pub advisories: Vec<Finding>,
    /// What follows for a file that can be received (`eligible`): the
    /// selection steps of the programme, in order. Empty otherwise.
    pub next_steps: Vec<String>,
}

/// The verdict on a file; `ineligible` outranks `incomplete`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Verdict {
    Eligible {},
    /// Pieces are missing; they may still be sent before `dueDate`.
    Incomplete {
        missing: Vec<MissingPiece>,
        #[serde(skip_serializing_if = "Option::is_none")]
        due_date: Option<IsoDate>,
    },
    Ineligible {
        reasons: Vec<Finding>,
        missing: Vec<MissingPiece>,
    },
}

/// A piece of the file not provided, for the team or for one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MissingPiece {
    /// JSON Pointer into the file: `/team` or `/candidates/1`.
    pub path: String,
    /// The id of the piece or question, or `inTeam` for an answer the
    /// candidate still owes about their team.
    pub piece: String,
    pub message: Message,
}

/// A reason to refuse a file, or an advisory for the committee.
#[cfg_attr(feature = "typescript", tsify::declare)]
pub type Finding = Notice<FindingCode>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum FindingCode {
    /// The mention does not accept this structure type.
    StructureNotAccepted,
    /// Not in a team, and no derogation asked or possible.
    NoTeam,
    QuotaExceeded,
    /// Fewer candidates than the quota's minimum (or none).
    NoCandidate,
    DueDatePassed,
    /// Advisory: no initial training as a health professional or in health management.
    NoDesirableTraining,
    /// Advisory: a derogation is asked; the committee decides on the file.
    DerogationToDecide,
    /// Advisory: a piece id the programme does not list (for the team, or for
    /// a candidate). Most likely a typo of a required piece, which is then
    /// listed as missing anyway: naming the unknown id is enough, and refusing
    /// the file for it too would count the same slip twice.
    UnknownPiece,
    /// Advisory: an answer to a question the programme does not ask. As for
    /// a piece, most likely a question id mistyped: the question asked is then
    /// unanswered, and that makes the file incomplete on its own.
    UnknownQuestion,
    /// Advisory: the same candidate (same name, whatever the case and the
    /// spaces) listed again. The later entry is set aside: it is not counted
    /// toward the quota, nor checked for pieces or eligibility, so that one
    /// person never fills two places. The file is not refused for it: the
    /// committee sees the repetition and the quota holds.
    DuplicateCandidate,
    /// Advisory: the team answered yes to a question whose answer opens a
    /// support the programme offers (seed 002: help to structure the
    /// coordination function before the programme).
    SupportOffered,
}
