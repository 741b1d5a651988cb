//! The WebAssembly binding: a thin skin over [`crate::api`]. No rule lives
//! here. JS values cross as JSON text, turned by the JS engine's own
//! `JSON.stringify` and `JSON.parse`: measured faster than walking objects
//! field by field across the boundary, it keeps the wasm small (one serde
//! path per type), and the answers are byte for byte the CLI's JSON.
//! Invalid input becomes a thrown `PacteError` (an `Error` with `code`,
//! `path` and `problems`), never a trap: a trap would leave the instance unusable.

use crate::api::{self, Answer, ProgrammeSource};
use crate::date::IsoDate;
use crate::problem::Problem;
use crate::programme::Programme as CoreProgramme;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_EXTRA: &'static str = r#"
/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;
/** An embedded programme id, or a programme definition (which may `extends` an embedded one). */
export type ProgrammeSource = string | ProgrammeDefinition | ({ id: string; version: string; extends: string } & Partial<ProgrammeDefinition>);
/** What every entry point throws on invalid input: switch on `code`. */
export interface PacteError extends Error {
  name: "PacteError";
  code: ProblemCode;
  /** JSON Pointer of the first problem, e.g. `/attendance/3/date`. */
  path: string;
  /** Every problem found (a definition reports all of them at once). */
  problems: Problem[];
}
"#;

type JsResult = Result<JsValue, JsValue>;

/// A programme resolved once, to evaluate many learners against.
#[wasm_bindgen(js_name = Programme)]
pub struct ProgrammeHandle {
    inner: Cow<'static, CoreProgramme>,
}

#[wasm_bindgen(js_class = Programme)]
impl ProgrammeHandle {
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

    #[wasm_bindgen(unchecked_return_type = "ResolvedProgramme")]
    pub fn resolved(&self) -> JsResult {
        to_js(&api::ResolvedProgramme::from(self.inner.as_ref()))
    }

    /// The progress report of one learner. Throws a `PacteError` on invalid records.
    #[wasm_bindgen(unchecked_return_type = "ProgressReport")]
    pub fn evaluate(&self, #[wasm_bindgen(unchecked_param_type = "LearnerRecord")] learner: JsValue, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> JsResult {
        answer(api::evaluate_json(&self.inner, &json_text(&learner)?, date(as_of)?))
    }

    /// Same as `evaluate`, from the records' JSON text.
    #[wasm_bindgen(js_name = evaluateJson, unchecked_return_type = "ProgressReport")]
    pub fn evaluate_json(&self, json: &str, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> JsResult {
        answer(api::evaluate_json(&self.inner, json, date(as_of)?))
    }

    /// Every learner of a cohort; a learner with invalid records is reported
    /// `invalid` in its place, the others are evaluated.
    #[wasm_bindgen(js_name = evaluateCohort, unchecked_return_type = "CohortReport")]
    pub fn evaluate_cohort(&self, #[wasm_bindgen(unchecked_param_type = "LearnerRecord[]")] learners: JsValue, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> JsResult {
        let as_of = date(as_of)?;
        if !js_sys::Array::is_array(&learners) {
            return Err(error(vec![Problem::new(
                crate::problem::ProblemCode::InvalidValue,
                "",
                "une promotion est une liste d'apprenants",
                "a cohort is an array of learners",
            )]));
        }
        let learners = js_sys::Array::from(&learners);
        let results = learners.iter().enumerate().map(|(i, learner)| {
            let report = json_text(&learner).map_err(|_| unreadable()).and_then(|json| crate::evaluation::evaluate_json(&self.inner, &json, as_of));
            (i as u32, report)
        });
        to_js(&api::cohort(results, as_of))
    }

    /// A cohort from JSON text: a JSON array, or JSON Lines.
    #[wasm_bindgen(js_name = evaluateCohortJson, unchecked_return_type = "CohortReport")]
    pub fn evaluate_cohort_json(&self, text: &str, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> JsResult {
        answer(api::evaluate_cohort_json(&self.inner, text, date(as_of)?))
    }

    /// Checks an application file against this programme's candidature rules.
    #[wasm_bindgen(js_name = checkCandidature, unchecked_return_type = "CandidatureReport")]
    pub fn check_candidature(&self, #[wasm_bindgen(unchecked_param_type = "CandidatureFile")] file: JsValue, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> JsResult {
        answer(api::check_candidature_json(&self.inner, &json_text(&file)?, date(as_of)?))
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
    #[wasm_bindgen(unchecked_param_type = "object[] | undefined")] extra: JsValue,
) -> Result<ProgrammeHandle, JsValue> {
    let source: ProgrammeSource = from_js(source)?;
    let extra = extra_documents(extra)?;
    api::programme(&source, &extra).map(|inner| ProgrammeHandle { inner }).map_err(error)
}

/// Validates a definition (an object, or its JSON text) without throwing:
/// the answer is a success with the resolved programme, or every problem.
#[wasm_bindgen(js_name = checkProgramme, unchecked_return_type = "Answer<ResolvedProgramme>")]
pub fn check_programme(
    #[wasm_bindgen(unchecked_param_type = "ProgrammeDefinition | Record<string, unknown> | string")] definition: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object[] | undefined")] extra: JsValue,
) -> JsResult {
    let document = match definition.as_string() {
        Some(text) => crate::parse::json_value(&text),
        None => json_text(&definition).map_err(|_| unreadable()).and_then(|text| crate::parse::json_value(&text)),
    }
    .map_err(|p| vec![p]);
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
    #[wasm_bindgen(js_name = asOf)] as_of: &str,
) -> JsResult {
    load_programme(programme, JsValue::UNDEFINED)?.evaluate(learner, as_of)
}

/// The engine's version, as every report names it.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::ENGINE_VERSION.to_string()
}

fn date(text: &str) -> Result<IsoDate, JsValue> {
    api::as_of(text).map_err(|p| error(vec![p]))
}

fn extra_documents(extra: JsValue) -> Result<Vec<Value>, JsValue> {
    if extra.is_undefined() || extra.is_null() {
        return Ok(Vec::new());
    }
    from_js(extra)
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    let text = json_text(&value)?;
    crate::parse::from_json::<T>(&text).map(|parsed| parsed.value).map_err(|p| error(vec![p]))
}

/// The JSON text of a JS value, by the JS engine's `JSON.stringify`.
fn json_text(value: &JsValue) -> Result<String, JsValue> {
    js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).ok_or_else(|| error(vec![unreadable()]))
}

/// What `JSON.stringify` cannot write: `undefined`, a function, a cycle, a BigInt.
fn unreadable() -> Problem {
    Problem::new(
        crate::problem::ProblemCode::InvalidValue,
        "",
        "valeur illisible : attendu un objet JSON (sans cycle, fonction ni BigInt)",
        "unreadable value: expected a JSON object (no cycle, function or BigInt)",
    )
}

/// Plain JS objects with the JSON shape of the CLI's output: the same serde
/// serializer writes the text, and `JSON.parse` reads it.
fn to_js<T: Serialize>(value: &T) -> JsResult {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

fn answer<T: Serialize>(answer: Answer<T>) -> JsResult {
    match answer {
        Answer::Success { value } => to_js(&value),
        Answer::Failure { problems } => Err(error(problems)),
    }
}

/// A `PacteError`: the first problem's message, code and path, and them all.
fn error(problems: Vec<Problem>) -> JsValue {
    let first = problems.first();
    let message = first.map_or_else(String::new, |p| format!("{} — {}", p.message.fr, p.message.en));
    let e = js_sys::Error::new(&message);
    e.set_name("PacteError");
    let code = first.and_then(|p| serde_json::to_value(p.code).ok()).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let path = first.map(|p| p.path.clone()).unwrap_or_default();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&e, &JsValue::from_str(key), &value);
    let _ = set("code", JsValue::from_str(&code));
    let _ = set("path", JsValue::from_str(&path));
    let _ = set("problems", to_js(&problems).unwrap_or(JsValue::NULL));
    e.into()
}
