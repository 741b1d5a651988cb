//! The one surface of calls and answers, spoken by the command-line tool and
//! the WebAssembly binding alike. Inputs are JSON text (the binding turns JS
//! objects into it with the browser's own `JSON.stringify`), or a learner's
//! records read already from their packed form ([`Records`]); answers are serde
//! values, written with the same serializer natively and in wasm, so both give
//! byte-identical JSON.

use crate::candidature::{self, CandidatureFile, CandidatureReport};
use crate::date::IsoDate;
use crate::evaluation;
pub use crate::evaluation::Records;
use crate::parse;
use crate::problem::{Problem, Refusal};
use crate::programme::{Catalog, Programme, ProgrammeDetails, ProgrammeSummary};
pub use crate::report::promotion::promotion;
pub use crate::report::promotion::{
    Detail, Evaluated, PromotionEntry, PromotionReport, PromotionSummary, PromotionTally,
    StageCounts,
};
use crate::report::{ProgressReport, Standing};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;

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
            .and_then(|catalog| catalog.load(id))
            .map(Cow::Owned),
        // Without more definitions, the embedded catalog as it is, not a copy.
        (ProgrammeSource::Definition(doc), true) => {
            Catalog::embedded().load_document(doc).map(Cow::Owned)
        }
        (ProgrammeSource::Definition(doc), false) => Catalog::embedded()
            .with(extra.iter().cloned())
            .and_then(|catalog| catalog.load_document(doc))
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

/// Evaluates one learner's records (JSON text, or read already).
pub fn evaluate<'a>(
    programme: &Programme,
    learner: impl Into<Records<'a>>,
    as_of: IsoDate,
) -> Answer<ProgressReport> {
    evaluation::evaluate_into(programme, learner.into(), as_of, |e| e.report())
        .map_err(|p| vec![p])
        .into()
}

/// Where one learner stands: the stage, tallies and unmet conditions of
/// [`evaluate`]'s report, without its words.
pub fn standing<'a>(
    programme: &Programme,
    learner: impl Into<Records<'a>>,
    as_of: IsoDate,
) -> Answer<Standing> {
    evaluation::evaluate_into(programme, learner.into(), as_of, |e| e.standing())
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

/// Evaluates a promotion given as a JSON array of learner records, or as JSON
/// Lines (one record a line), each learner to `detail`. One bad learner does
/// not stop the others.
pub fn evaluate_promotion_json(
    programme: &Programme,
    text: &str,
    as_of: IsoDate,
    detail: Detail,
) -> Answer<PromotionReport> {
    let text = parse::without_bom(text);
    let evaluate = |(i, json): (usize, &str)| (i as u32, detail.evaluate(programme, json, as_of));
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

/// Evaluates a promotion given as JSON Lines, one learner at a time, for a
/// caller that streams: `emit` gets each entry as it is made, in input
/// order, and the answer is the summary. Memory holds one report and the
/// learner ids, whatever the number of learners; blank lines are skipped.
pub fn evaluate_promotion_lines<S: AsRef<str>>(
    programme: &Programme,
    lines: impl IntoIterator<Item = S>,
    as_of: IsoDate,
    detail: Detail,
    mut emit: impl FnMut(&PromotionEntry),
) -> Answer<PromotionSummary> {
    let mut tally = PromotionTally::new(as_of);
    let learners = lines.into_iter().filter(|l| !l.as_ref().trim().is_empty());
    for line in learners {
        emit(&tally.next(detail.evaluate(programme, line.as_ref(), as_of)));
    }
    match tally.summary() {
        summary if summary.learners == 0 => Answer::Failure {
            problems: vec![Problem::new("", Refusal::EmptyPromotion)],
        },
        summary => Answer::Success { value: summary },
    }
}

/// Turns a platform's data (Moodle completion or attendance, xAPI, CSV) into
/// learner records ready for [`evaluate`], through a mapping document
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
