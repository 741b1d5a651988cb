//! A learner's records from JS objects: packed in JS by `js/packed.js` and
//! read without JSON text (`pacte_rules::learner::packed`), or, when either
//! side gives up, crossed as `JSON.stringify`'s text, whose reader is the
//! reference. Both roads give the same answers.

use super::bridge::{json_text, stringify};
use pacte_rules::api::Records;
use pacte_rules::learner::{packed, LearnerRecord};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/packed.js")]
extern "C" {
    /// The records in packed form, a view of the packer's buffer (copied at
    /// once); `undefined` where only JSON text says them exactly.
    pub fn pack(value: &JsValue) -> Option<js_sys::Uint8Array>;
}

/// A learner's records as they crossed.
pub enum Learner {
    Read(LearnerRecord),
    Json(String),
}

impl Learner {
    pub fn records(&self) -> Records<'_> {
        match self {
            Learner::Read(record) => Records::Read(record),
            Learner::Json(json) => Records::Json(json),
        }
    }
}

fn read(value: &JsValue) -> Option<Learner> {
    pack(value)
        .and_then(|bytes| packed::read(&bytes.to_vec()))
        .map(Learner::Read)
}

/// The learner given as argument `name`; a value with no JSON text is refused.
pub fn learner_arg(value: &JsValue, name: &str) -> Result<Learner, JsValue> {
    match read(value) {
        Some(learner) => Ok(learner),
        None => json_text(value, name).map(Learner::Json),
    }
}

/// A learner of a list; `None` for a value with no JSON text.
pub fn learner(value: &JsValue) -> Option<Learner> {
    read(value).or_else(|| stringify(value).map(Learner::Json))
}
