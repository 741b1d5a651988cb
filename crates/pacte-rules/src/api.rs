//! The one surface of calls and answers, spoken by the command-line tool and
//! the WebAssembly binding alike. Inputs are JSON text (the binding turns JS
//! objects into it with the browser's own `JSON.stringify`); answers are serde
//! values, written with the same serializer natively and in wasm, so both give
//! byte-identical JSON.

use crate::candidature::{self, CandidatureFile, CandidatureReport};
use crate::date::IsoDate;
use crate::evaluation;
use crate::parse;
use crate::problem::{Problem, Refusal};
use crate::programme::{Catalog, Programme, ProgrammeDetails, ProgrammeSummary};
use crate::report::{ProgressReport, Stage};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};

/// An answer a caller must look at: the value, or every problem found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Answer<T> {
    Success { value: T },
    Failure { problems: Vec<Problem> },
}

impl<T> From<Result<T, Vec<Problem>>> for Answer<T> {
    fn from(result: Result<T, Vec<Problem>>) -> Self {
        match result {
            Ok(value) => Answer::Success { value },
            Err(problems) => Answer::Failure { problems },
        }
    }
}

/// How a call names its programme: an embedded id, or a definition document
/// (which may extend an embedded programme).
#[derive(Debug, Clone, PartialEq)]
pub enum ProgrammeSource {
    Id(String),
    Definition(Value),
}

/// A JSON string names an embedded programme; anything else is a definition
/// (whose validation says what is wrong with it).
impl From<Value> for ProgrammeSource {
    fn from(value: Value) -> Self {
        match value {
            Value::String(id) => ProgrammeSource::Id(id),
            definition => ProgrammeSource::Definition(definition),
        }
    }
}

/// The embedded programmes, in catalogue order.
pub fn programmes() -> Vec<ProgrammeSummary> {
    Catalog::embedded()
        .ids()
        .filter_map(|id| Catalog::embedded_programme(id).ok())
        .map(Programme::summary)
        .collect()
}

/// Resolves a programme. `extra` are further definitions the source may
/// extend (a regional definition built on another regional one).
pub fn programme(
    source: &ProgrammeSource,
    extra: &[Value],
) -> Result<Cow<'static, Programme>, Vec<Problem>> {
    match (source, extra.is_empty()) {
        (ProgrammeSource::Id(id), true) => Catalog::embedded_programme(id).map(Cow::Borrowed),
        (ProgrammeSource::Id(id), false) => Catalog::embedded()
            .with(extra.iter().cloned())
            .load(id)
            .map(Cow::Owned),
        (ProgrammeSource::Definition(doc), _) => Catalog::embedded()
            .with(extra.iter().cloned())
            .load_document(doc)
            .map(Cow::Owned),
    }
}

/// Validates a definition: the resolved programme, or every problem with its path.
pub fn check_programme(source: &ProgrammeSource, extra: &[Value]) -> Answer<ProgrammeDetails> {
    programme(source, extra).map(|p| p.details()).into()
}

/// Reads an `asOf` date.
pub fn as_of(text: &str) -> Result<IsoDate, Problem> {
    IsoDate::parse(text).ok_or_else(|| {
        Problem::new(
            "/asOf",
            Refusal::InvalidAsOf {
                text: text.to_string(),
            },
        )
    })
}

/// Evaluates one learner's records (JSON text).
pub fn evaluate_json(
    programme: &Programme,
    learner: &str,
    as_of: IsoDate,
) -> Answer<ProgressReport> {
    evaluation::evaluate_json(programme, learner, as_of)
        .map_err(|p| vec![p])
        .into()
}

/// Checks a candidature file (JSON text). Its fields are all known to the
/// format: an unknown one is refused, as a committee cannot judge what it cannot read.
pub fn check_candidature_json(
    programme: &Programme,
    file: &str,
    as_of: IsoDate,
) -> Answer<CandidatureReport> {
    parse::from_json::<CandidatureFile>(file)
        .and_then(|parsed| match parsed.unknown_fields.first() {
            Some(path) => Err(parse::unknown_field_problem(path)),
            None => candidature::check(programme, &parsed.value, as_of),
        })
        .map_err(|p| vec![p])
        .into()
}

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

/// Evaluates a promotion given as a JSON array of learner records, or as JSON
/// Lines (one record a line). One bad learner does not stop the others.
pub fn evaluate_promotion_json(
    programme: &Programme,
    text: &str,
    as_of: IsoDate,
) -> Answer<PromotionReport> {
    let text = parse::without_bom(text);
    let evaluate =
        |(i, json): (usize, &str)| (i as u32, evaluation::evaluate_json(programme, json, as_of));
    let learners: Vec<_> = if text.trim_start().starts_with('[') {
        match serde_json::from_str::<Vec<&RawValue>>(text) {
            Ok(items) => items
                .iter()
                .map(|raw| raw.get())
                .enumerate()
                .map(evaluate)
                .collect(),
            Err(e) => {
                return Answer::Failure {
                    problems: vec![parse::syntax_problem(&e)],
                }
            }
        }
    } else {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(evaluate)
            .collect()
    };
    if learners.is_empty() {
        return Answer::Failure {
            problems: vec![Problem::new("", Refusal::EmptyPromotion)],
        };
    }
    Answer::Success {
        value: promotion(learners, as_of),
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

/// Turns a platform's data (Moodle completion or attendance, xAPI, CSV) into
/// learner records ready for [`evaluate_json`], through a mapping document
/// (JSON text); `input` is JSON text, or CSV text for the `csv` source. What
/// does not map is in the result's diagnostics; problem paths start with
/// `/mapping` or `/input`.
pub fn import(
    options: &crate::import::ImportOptions,
    mapping: &str,
    input: &str,
) -> Answer<crate::import::ImportResult> {
    crate::import::run(options, mapping, input).into()
}
