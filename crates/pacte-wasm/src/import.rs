//! The import module's entry point: platform data to learner records
//! ([`pacte_rules::import`]). Built apart from the engine (feature `import`)
//! so that the pages showing progress do not download the adapters.

use super::bridge::{answer, error, json_text, JsResult};
use pacte_rules::api;
use wasm_bindgen::prelude::*;

/// Turns platform data (Moodle completion or attendance, xAPI statements,
/// CSV text) into learner records through a mapping document; what did not
/// map comes back as diagnostics. `input` is JSON text, or CSV text for `csv`.
#[wasm_bindgen(js_name = importRecords, unchecked_return_type = "ImportResult")]
pub fn import_records(
    #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Mapping | string")] mapping: JsValue,
    input: &str,
) -> JsResult {
    let options = from_js(options)?;
    let mapping = match mapping.as_string() {
        Some(text) => text,
        None => json_text(&mapping)?,
    };
    answer(api::import(&options, &mapping, input))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    let text = json_text(&value)?;
    pacte_rules::parse::from_json::<T>(&text)
        .map(|parsed| parsed.value)
        .map_err(|p| error(vec![p]))
}
