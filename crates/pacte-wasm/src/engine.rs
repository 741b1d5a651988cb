//! The engine's entry points: programmes, evaluation, promotions, candidatures.
//! Each is a few lines over [`pacte_rules::api`]; the JSON bridge is [`super::bridge`].

use super::bridge::{answer, error, js_type, json_text, string_arg, stringify, to_js, JsResult};
use super::records::{self, learner_arg};
use pacte_rules::api::{self, Answer, Detail, ProgrammeSource};
use pacte_rules::date::IsoDate;
use pacte_rules::labels::{self, Language};
use pacte_rules::minutes::Minutes;
use pacte_rules::problem::{Problem, Refusal};
use pacte_rules::programme::Programme as CoreProgramme;
use serde_json::Value;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

/// A promotion evaluated learner by learner: each `addJson` answers that
/// learner's entry (a repeated `learnerId` refused as in a whole promotion),
/// `summary` the counts so far. Memory holds the learner ids, not the reports.
#[wasm_bindgen]
pub struct PromotionStream {
    programme: Cow<'static, CoreProgramme>,
    detail: Detail,
    tally: api::PromotionTally,
}

#[wasm_bindgen]
impl PromotionStream {
    /// The next learner: one line of JSON Lines, their records as JSON text.
    #[wasm_bindgen(js_name = addJson, unchecked_return_type = "PromotionEntry")]
    pub fn add_json(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> JsResult {
        let json = string_arg(&json, "json").map_err(|p| error(vec![p]))?;
        let as_of = self.tally.summary().as_of;
        let evaluated = self.detail.evaluate(&self.programme, &json, as_of);
        to_js(&self.tally.next(evaluated))
    }

    #[wasm_bindgen(unchecked_return_type = "PromotionSummary")]
    pub fn summary(&self) -> JsResult {
        to_js(&self.tally.summary())
    }
}

/// A programme resolved once, to evaluate many learners against.
#[wasm_bindgen]
pub struct Programme {
    pub(crate) inner: Cow<'static, CoreProgramme>,
}

#[wasm_bindgen]
impl Programme {
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.definition.id.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.definition.version.clone()
    }

    /// `sha256:` digest of the resolved definition.
    #[wasm_bindgen(getter)]
    pub fn hash(&self) -> String {
        self.inner.hash.clone()
    }

    /// What names this programme, and its definition with every `extends` merged in.
    #[wasm_bindgen(unchecked_return_type = "ProgrammeDetails")]
    pub fn details(&self) -> JsResult {
        to_js(&self.inner.details())
    }

    /// The progress report of one learner. Throws a `PacteError` on invalid records.
    #[wasm_bindgen(unchecked_return_type = "ProgressReport")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LearnerRecord")] learner: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    ) -> JsResult {
        let learner = learner_arg(&learner, "learner")?;
        answer(api::evaluate(&self.inner, learner.records(), date(&as_of)?))
    }

    /// Where one learner stands: the stage, tallies and unmet conditions of
    /// `evaluate`'s report, without its words; for many learners at once.
    #[wasm_bindgen(unchecked_return_type = "Standing")]
    pub fn standing(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LearnerRecord")] learner: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    ) -> JsResult {
        let learner = learner_arg(&learner, "learner")?;
        answer(api::standing(&self.inner, learner.records(), date(&as_of)?))
    }

    /// Same as `standing`, from the records' JSON text.
    #[wasm_bindgen(js_name = standingJson, unchecked_return_type = "Standing")]
    pub fn standing_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    ) -> JsResult {
        let json = string_arg(&json, "json").map_err(|p| error(vec![p]))?;
        answer(api::standing(&self.inner, &json, date(&as_of)?))
    }

    /// Same as `evaluate`, from the records' JSON text.
    #[wasm_bindgen(js_name = evaluateJson, unchecked_return_type = "ProgressReport")]
    pub fn evaluate_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    ) -> JsResult {
        let json = string_arg(&json, "json").map_err(|p| error(vec![p]))?;
        answer(api::evaluate(&self.inner, &json, date(&as_of)?))
    }

    /// Every learner of a promotion; a learner with invalid records is reported
    /// `invalid` in its place, the others are evaluated to `detail`
    /// (`"report"` unless said).
    #[wasm_bindgen(js_name = evaluatePromotion, unchecked_return_type = "PromotionReport")]
    pub fn evaluate_promotion(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LearnerRecord[]")] learners: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Detail")] detail: Option<JsValue>,
    ) -> JsResult {
        let as_of = date(&as_of)?;
        let detail = detail_arg(detail)?;
        if !js_sys::Array::is_array(&learners) {
            return Err(error(vec![Problem::new(
                "/learners",
                Refusal::PromotionNotAList,
            )]));
        }
        let learners = js_sys::Array::from(&learners);
        let results = learners.iter().enumerate().map(|(i, learner)| {
            let evaluated = records::learner(&learner)
                .ok_or_else(unreadable)
                .and_then(|learner| detail.evaluate(&self.inner, learner.records(), as_of));
            (i as u32, evaluated)
        });
        to_js(&api::promotion(results, as_of))
    }

    /// A promotion taken one learner at a time (JSON Lines read line by
    /// line, a file too big for one answer): see [`PromotionStream`].
    #[wasm_bindgen(js_name = promotionStream)]
    pub fn promotion_stream(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Detail")] detail: Option<JsValue>,
    ) -> Result<PromotionStream, JsValue> {
        let as_of = date(&as_of)?;
        Ok(PromotionStream {
            programme: self.inner.clone(),
            detail: detail_arg(detail)?,
            tally: api::PromotionTally::new(as_of),
        })
    }

    /// A promotion from JSON text: a JSON array, or JSON Lines.
    #[wasm_bindgen(js_name = evaluatePromotionJson, unchecked_return_type = "PromotionReport")]
    pub fn evaluate_promotion_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Detail")] detail: Option<JsValue>,
    ) -> JsResult {
        let text = string_arg(&text, "text").map_err(|p| error(vec![p]))?;
        answer(api::evaluate_promotion_json(
            &self.inner,
            &text,
            date(&as_of)?,
            detail_arg(detail)?,
        ))
    }

    /// Checks an application file against this programme's candidature rules.
    #[wasm_bindgen(js_name = checkCandidature, unchecked_return_type = "CandidatureReport")]
    pub fn check_candidature(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CandidatureFile")] file: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    ) -> JsResult {
        answer(api::check_candidature_json(
            &self.inner,
            &json_text(&file, "file")?,
            date(&as_of)?,
        ))
    }
}

/// The programmes embedded in the engine.
#[wasm_bindgen(unchecked_return_type = "ProgrammeSummary[]")]
pub fn programmes() -> JsResult {
    to_js(&api::programmes())
}

/// Resolves a programme: an embedded id, or a definition object. Throws a
/// `PacteError` listing every problem of an invalid definition.
#[wasm_bindgen(js_name = loadProgramme)]
pub fn load_programme(
    #[wasm_bindgen(unchecked_param_type = "ProgrammeSource")] source: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ProgrammeDocument[]")] extra: Option<JsValue>,
) -> Result<Programme, JsValue> {
    let source = ProgrammeSource::from(json_value(&source, "source")?);
    let extra = extra_documents(extra)?;
    api::programme(&source, &extra)
        .map(|inner| Programme { inner })
        .map_err(error)
}

/// Validates a definition object without throwing: the answer is a success
/// with the resolved programme, or every problem with its path.
#[wasm_bindgen(js_name = checkProgramme, unchecked_return_type = "Answer<ProgrammeDetails>")]
pub fn check_programme(
    #[wasm_bindgen(unchecked_param_type = "ProgrammeDocument")] definition: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ProgrammeDocument[]")] extra: Option<JsValue>,
) -> JsResult {
    let document = stringify(&definition).ok_or_else(|| vec![unreadable()]);
    check(document.and_then(|text| parse_json(&text)), extra)
}

/// Same as `checkProgramme`, from the definition's JSON text: syntax errors
/// come back located.
#[wasm_bindgen(js_name = checkProgrammeJson, unchecked_return_type = "Answer<ProgrammeDetails>")]
pub fn check_programme_json(
    #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ProgrammeDocument[]")] extra: Option<JsValue>,
) -> JsResult {
    let json = string_arg(&json, "json").map_err(|p| vec![p]);
    check(json.and_then(|text| parse_json(&text)), extra)
}

fn parse_json(text: &str) -> Result<Value, Vec<Problem>> {
    pacte_rules::parse::json_value(text).map_err(|p| vec![p])
}

fn check(document: Result<Value, Vec<Problem>>, extra: Option<JsValue>) -> JsResult {
    let checked = match (document, extra_documents(extra)) {
        (Ok(doc), Ok(extra)) => api::check_programme(&ProgrammeSource::Definition(doc), &extra),
        (Err(problems), _) => Answer::Failure { problems },
        (_, Err(e)) => return Err(e),
    };
    to_js(&checked)
}

/// One learner against a programme, in one call.
#[wasm_bindgen(unchecked_return_type = "ProgressReport")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "ProgrammeSource")] programme: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LearnerRecord")] learner: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
) -> JsResult {
    load_programme(programme, None)?.evaluate(learner, as_of)
}

/// The engine's words for every value of the reports' enums (stages, day,
/// traceur, mémoire and soutenance statuses, modalities), keyed by the value.
#[wasm_bindgen(unchecked_return_type = "Labels")]
pub fn labels() -> JsResult {
    to_js(&pacte_rules::labels::Labels::default())
}

/// A duration as the engine writes it: "84 h", "2 h 30", "45 min".
#[wasm_bindgen(js_name = formatMinutes)]
pub fn format_minutes(
    #[wasm_bindgen(unchecked_param_type = "number")] minutes: JsValue,
) -> Result<String, JsValue> {
    let whole = minutes
        .as_f64()
        .filter(|m| m.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(m));
    match whole {
        Some(m) => Ok(Minutes(m as u32).to_string()),
        None => {
            let given = minutes
                .as_f64()
                .map_or_else(|| js_type(&minutes), |m| m.to_string());
            let refusal = Refusal::ArgumentNotMinutes {
                name: "minutes".into(),
                given,
            };
            Err(error(vec![Problem::new("/minutes", refusal)]))
        }
    }
}

/// A date as people read it: "1er août 2024", or "1 August 2024" with `lang` "en".
#[wasm_bindgen(js_name = formatDate)]
pub fn format_date(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language")] lang: Option<JsValue>,
) -> Result<String, JsValue> {
    let text = string_arg(&date, "date").map_err(|p| error(vec![p]))?;
    let date = IsoDate::parse(&text).ok_or_else(|| {
        error(vec![Problem::new(
            "/date",
            Refusal::ArgumentNotADate {
                name: "date".into(),
                text,
            },
        )])
    })?;
    let language = match lang.filter(|l| !l.is_undefined()) {
        None => Language::Fr,
        Some(lang) => {
            let text = string_arg(&lang, "lang").map_err(|p| error(vec![p]))?;
            Language::parse(&text).ok_or_else(|| {
                error(vec![Problem::new(
                    "/lang",
                    Refusal::UnknownLanguage { given: text },
                )])
            })?
        }
    };
    Ok(labels::format_date(date, language))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_LANGUAGE: &'static str = r#"
/** The languages the engine writes. */
export type Language = "fr" | "en";
"#;

/// The engine's version, as every report names it.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    pacte_rules::ENGINE_VERSION.to_string()
}

fn date(as_of: &JsValue) -> Result<IsoDate, JsValue> {
    string_arg(as_of, "asOf")
        .and_then(|text| api::as_of(&text))
        .map_err(|p| error(vec![p]))
}

/// `"report"` (also when left out) or `"standing"`.
fn detail_arg(detail: Option<JsValue>) -> Result<Detail, JsValue> {
    let Some(detail) = detail.filter(|d| !d.is_undefined() && !d.is_null()) else {
        return Ok(Detail::Report);
    };
    let text = string_arg(&detail, "detail").map_err(|p| error(vec![p]))?;
    Detail::parse(&text).ok_or_else(|| {
        error(vec![Problem::new(
            "/detail",
            Refusal::UnknownDetail { given: text },
        )])
    })
}

/// What `JSON.stringify` cannot write: `undefined`, a function, a cycle, a BigInt.
fn unreadable() -> Problem {
    Problem::new("", Refusal::UnwritableValue)
}

/// Definitions that the source may `extends`, beside the embedded ones.
fn extra_documents(extra: Option<JsValue>) -> Result<Vec<Value>, JsValue> {
    let Some(extra) = extra.filter(|e| !e.is_undefined() && !e.is_null()) else {
        return Ok(Vec::new());
    };
    match json_value(&extra, "extra")? {
        Value::Array(documents) => Ok(documents),
        _ => Err(error(vec![Problem::new(
            "/extra",
            Refusal::ExtraDefinitionsNotAList,
        )])),
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_PROGRAMME_SOURCE: &'static str = r#"
/** A definition document: complete, or one that `extends` another and overrides part of it. */
export type ProgrammeDocument = ProgrammeDefinition | ({ id: string; version: string; extends: string } & Partial<ProgrammeDefinition>);
/** An embedded programme id, or a definition document. */
export type ProgrammeSource = string | ProgrammeDocument;
"#;

/// The JS value of argument `name` as a generic JSON value (a definition,
/// before it is typed).
fn json_value(value: &JsValue, name: &str) -> Result<Value, JsValue> {
    parse_json(&json_text(value, name)?).map_err(error)
}
