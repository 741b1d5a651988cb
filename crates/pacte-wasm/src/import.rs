//! The import module's entry point: platform data to learner records
//! ([`pacte_rules::import`]). Built apart from the engine (feature `import`)
//! so that the pages showing progress do not download the adapters.

use super::bridge::{answer, error, json_text, string_arg, JsResult};
use pacte_rules::api;
use pacte_rules::import::ImportOptions;
use wasm_bindgen::prelude::*;

/// Turns platform data (Moodle completion or attendance, xAPI statements,
/// CSV text) into learner records through a mapping document; what did not
/// map comes back as diagnostics. `input` is JSON text, or CSV text for `csv`.
#[wasm_bindgen(js_name = importRecords, unchecked_return_type = "ImportResult")]
pub fn import_records(
    #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Mapping | string")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> JsResult {
    let options = import_options(options)?;
    let mapping = match mapping.as_string() {
        Some(text) => text,
        None => json_text(&mapping, "mapping")?,
    };
    let input = string_arg(&input, "input").map_err(|p| error(vec![p]))?;
    answer(api::import(&options, &mapping, &input))
}

fn import_options(value: JsValue) -> Result<ImportOptions, JsValue> {
    let text = json_text(&value, "options")?;
    pacte_rules::parse::from_json::<ImportOptions>(&text)
        .map(|parsed| parsed.value)
        .map_err(|p| error(vec![p]))
}
