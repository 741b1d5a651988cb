//! A promotion's report: each learner's report or standing (or why their
//! records were refused) in input order, and how many learners stand at each stage.

use crate::date::IsoDate;
use crate::evaluation::{self, Evaluation};
use crate::problem::{Problem, Refusal};
use crate::programme::Programme;
use crate::report::{ProgressReport, Stage, Standing};
use serde::{Deserialize, Serialize};
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

/// How much of each learner's evaluation a promotion answers: the full
/// report (the default), or the standing alone, for a table of many learners.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Detail {
    #[default]
    Report,
    Standing,
}

impl Detail {
    pub fn parse(text: &str) -> Option<Detail> {
        match text {
            "report" => Some(Detail::Report),
            "standing" => Some(Detail::Standing),
            _ => None,
        }
    }

    /// Evaluates one learner's records (JSON text, or read already) to this detail.
    pub fn evaluate<'a>(
        self,
        programme: &Programme,
        records: impl Into<evaluation::Records<'a>>,
        as_of: IsoDate,
    ) -> Result<Evaluated, Problem> {
        evaluation::evaluate_into(programme, records.into(), as_of, |e| self.write(e))
    }

    pub fn write(self, evaluation: Evaluation) -> Evaluated {
        match self {
            Detail::Report => Evaluated::Report(Box::new(evaluation.report())),
            Detail::Standing => Evaluated::Standing(Box::new(evaluation.standing())),
        }
    }
}

/// A learner evaluated, to the detail asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Evaluated {
    Report(Box<ProgressReport>),
    Standing(Box<Standing>),
}

impl Evaluated {
    fn learner_id(&self) -> &str {
        match self {
            Evaluated::Report(r) => &r.learner_id,
            Evaluated::Standing(s) => &s.learner_id,
        }
    }

    fn stage(&self) -> Stage {
        match self {
            Evaluated::Report(r) => r.stage,
            Evaluated::Standing(s) => s.stage,
        }
    }
}

/// One learner of a promotion: evaluated (its report, or its standing), or
/// refused with the problems of its records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum PromotionEntry {
    Evaluated {
        report: Box<ProgressReport>,
    },
    Standing {
        standing: Box<Standing>,
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

/// A promotion's counts, written last when its entries are streamed (JSON
/// Lines out): `{"kind": "summary", …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename = "summary", rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct PromotionSummary {
    pub as_of: IsoDate,
    pub stages: StageCounts,
    pub invalid: u32,
    /// Learners in the input, evaluated or invalid.
    pub learners: u32,
}

/// A promotion taken one learner at a time: each result becomes its entry as
/// it comes, and the counts add up. It keeps the learner ids seen, not the
/// reports: a promotion streamed holds one report at a time. A learner id
/// seen before is refused in its place: two files for one learner would be
/// two verdicts, each on half the records.
pub struct PromotionTally {
    summary: PromotionSummary,
    seen: HashMap<String, u32>,
}

impl PromotionTally {
    pub fn new(as_of: IsoDate) -> PromotionTally {
        PromotionTally {
            summary: PromotionSummary {
                as_of,
                stages: StageCounts::default(),
                invalid: 0,
                learners: 0,
            },
            seen: HashMap::new(),
        }
    }

    /// The entry of the learner at `index` of the input.
    pub fn entry(&mut self, index: u32, result: Result<Evaluated, Problem>) -> PromotionEntry {
        let seen = &mut self.seen;
        let result = result.and_then(|r| match seen.entry(r.learner_id().to_string()) {
            Entry::Occupied(first) => Err(Problem::new(
                "/learnerId",
                Refusal::LearnerTwice {
                    learner_id: r.learner_id().to_string(),
                    first: *first.get(),
                },
            )),
            Entry::Vacant(slot) => {
                slot.insert(index);
                Ok(r)
            }
        });
        self.summary.learners += 1;
        match result {
            Ok(r) => {
                self.summary.stages.add(r.stage());
                match r {
                    Evaluated::Report(report) => PromotionEntry::Evaluated { report },
                    Evaluated::Standing(standing) => PromotionEntry::Standing { standing },
                }
            }
            Err(problem) => {
                self.summary.invalid += 1;
                PromotionEntry::Invalid {
                    index,
                    problems: vec![problem.under(&format!("/{index}"))],
                }
            }
        }
    }

    /// The entry of the learner that follows those taken so far: for a
    /// caller reading learners in order, the index is the count.
    pub fn next(&mut self, result: Result<Evaluated, Problem>) -> PromotionEntry {
        let index = self.summary.learners;
        self.entry(index, result)
    }

    pub fn summary(&self) -> PromotionSummary {
        self.summary
    }
}

/// Gathers per-learner results into a promotion report.
pub fn promotion(
    results: impl IntoIterator<Item = (u32, Result<Evaluated, Problem>)>,
    as_of: IsoDate,
) -> PromotionReport {
    let mut tally = PromotionTally::new(as_of);
    let learners = results
        .into_iter()
        .map(|(index, result)| tally.entry(index, result))
        .collect();
    let summary = tally.summary();
    PromotionReport {
        as_of,
        stages: summary.stages,
        invalid: summary.invalid,
        learners,
    }
}
