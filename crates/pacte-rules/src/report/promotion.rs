//! A promotion's report: each learner's report (or why their records were
//! refused) in input order, and how many learners stand at each stage.

use crate::date::IsoDate;
use crate::problem::{Problem, Refusal};
use crate::report::{ProgressReport, Stage};
use serde::Serialize;
use std::collections::hash_map::{Entry, HashMap};

/// A promotion's reports: one entry per learner, in input order, and the count per stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct PromotionReport {
    pub as_of: IsoDate,
    pub stages: StageCounts,
    pub invalid: u32,
    pub learners: Vec<PromotionEntry>,
}

/// One learner of a promotion: evaluated, or refused with the problems of its records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum PromotionEntry {
    Evaluated {
        report: Box<ProgressReport>,
    },
    /// `index` is the learner's position in the input (array index, or
    /// non-blank line of JSON Lines, from 0); problem paths start with it.
    Invalid {
        index: u32,
        problems: Vec<Problem>,
    },
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct StageCounts {
    pub blocked: u32,
    pub at_risk: u32,
    pub not_started: u32,
    pub in_progress: u32,
    pub ready_to_defend: u32,
    pub complete: u32,
}

impl StageCounts {
    fn add(&mut self, stage: Stage) {
        let slot = match stage {
            Stage::Blocked => &mut self.blocked,
            Stage::AtRisk => &mut self.at_risk,
            Stage::NotStarted => &mut self.not_started,
            Stage::InProgress => &mut self.in_progress,
            Stage::ReadyToDefend => &mut self.ready_to_defend,
            Stage::Complete => &mut self.complete,
        };
        *slot += 1;
    }
}

/// Gathers per-learner results into a promotion report. A learner id seen
/// before is refused in its place: two files for one learner would be two
/// verdicts, each on half the records.
pub fn promotion(
    results: impl IntoIterator<Item = (u32, Result<ProgressReport, Problem>)>,
    as_of: IsoDate,
) -> PromotionReport {
    let mut report = PromotionReport {
        as_of,
        stages: StageCounts::default(),
        invalid: 0,
        learners: Vec::new(),
    };
    let mut seen = HashMap::new();
    for (index, result) in results {
        let result = result.and_then(|r| match seen.entry(r.learner_id.clone()) {
            Entry::Occupied(first) => Err(Problem::new(
                "/learnerId",
                Refusal::LearnerTwice {
                    learner_id: r.learner_id.clone(),
                    first: *first.get(),
                },
            )),
            Entry::Vacant(slot) => {
                slot.insert(index);
                Ok(r)
            }
        });
        report.learners.push(match result {
            Ok(r) => {
                report.stages.add(r.stage);
                PromotionEntry::Evaluated {
                    report: Box::new(r),
                }
            }
            Err(problem) => {
                report.invalid += 1;
                PromotionEntry::Invalid {
                    index,
                    problems: vec![problem.under(&format!("/{index}"))],
                }
            }
        });
    }
    report
}
