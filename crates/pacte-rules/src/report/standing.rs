//! Where a learner stands, without words: the stage, the tallies and the
//! unmet conditions with their numbers. It is what bulk work needs (a
//! promotion's table, a portal with many learners): a tenth of the full
//! report, and none of its messages written. The full report of the same
//! evaluation says the same, in words ([`Evaluation::report`]).

use super::{
    Condition, DayStatus, MemoireReportStatus, SoutenanceReportStatus, Stage, Tally, TraceurStatus,
};
use crate::date::IsoDate;
use crate::evaluation::Evaluation;
use crate::message::Wording;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Standing {
    pub learner_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    pub stage: Stage,
    pub hours: Tallies,
    /// Each day of the programme's calendar, session after session: the
    /// statuses of the report's `sessions[].days[]`, in that order.
    pub days: Vec<DayStatus>,
    /// Each traceur of the programme, in the definition's order.
    pub traceurs: Vec<TraceurStatus>,
    pub memoire: MemoireReportStatus,
    pub soutenance: SoutenanceReportStatus,
    /// The unmet conditions, most serious first, as in the report.
    pub unmet: Vec<UnmetCondition>,
    /// How many records were set aside, and how many carry a remark: the
    /// full report's `ignored` and `advisories` say which and why.
    pub ignored_count: u32,
    pub advisory_count: u32,
}

/// The report's hours without the detail per module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Tallies {
    pub presentiel: Tally,
    pub elearning: Tally,
    pub equipe: Tally,
    pub total: Tally,
}

/// An unmet condition without its message and rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct UnmetCondition {
    #[serde(flatten)]
    #[cfg_attr(feature = "typescript", tsify(type = "Condition"))]
    pub condition: Condition,
    pub blocking: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<IsoDate>,
}

impl Evaluation<'_> {
    pub fn standing(&self) -> Standing {
        let hours = &self.hours;
        Standing {
            learner_id: self.record.learner_id.clone(),
            display_name: self.record.display_name.clone(),
            stage: self.stage,
            hours: Tallies {
                presentiel: hours.presentiel,
                elearning: hours.elearning,
                equipe: hours.equipe,
                total: hours.total,
            },
            days: self.days.iter().map(|d| d.status).collect(),
            traceurs: self.traceurs.iter().map(|t| t.status).collect(),
            memoire: self.memoire.status,
            soutenance: self.soutenance.status,
            unmet: self
                .unmet
                .iter()
                .map(|u| UnmetCondition {
                    condition: u.shortfall.code(),
                    blocking: u.blocking,
                    due_date: u.due_date,
                })
                .collect(),
            ignored_count: self.ignored.len() as u32,
            advisory_count: self.advisories.len() as u32,
        }
    }
}
