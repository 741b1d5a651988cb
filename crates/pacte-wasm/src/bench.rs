//! The benchmark's probe (feature `bench`, never in the package): one
//! evaluation from a JS object, cut into steps, each timed with
//! `performance.now()` around the very functions the entry points call (the
//! packed road of [`super::records`]). scripts/bench.mjs builds a module with
//! it and prints the breakdown.

use super::bridge;
use super::engine::Programme;
use super::records;
use pacte_rules::learner::packed;
use pacte_rules::{api, evaluation};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now() -> f64;
}

/// Milliseconds spent in each step over all `learners` (an array of records),
/// as `{pack, copyIn, read, evaluate, serialize, copyOut, jsonParse, learners}`.
#[wasm_bindgen(js_name = benchSteps)]
pub fn bench_steps(programme: &Programme, learners: &js_sys::Array, as_of: &str) -> JsValue {
    let as_of = api::as_of(as_of).expect("a valid asOf");
    let mut spent = [0f64; 7];
    let mut lap = {
        let mut last = now();
        move |step: usize, spent: &mut [f64; 7]| {
            let t = now();
            spent[step] += t - last;
            last = t;
        }
    };
    for learner in learners.iter() {
        lap(6, &mut spent); // between learners: the loop itself, counted in the last step
        let bytes = records::pack(&learner).expect("records the packer writes");
        lap(0, &mut spent);
        let bytes = bytes.to_vec();
        lap(1, &mut spent);
        let record = packed::read(&bytes).expect("records read packed");
        lap(2, &mut spent);
        let report = evaluation::evaluate(&programme.inner, &record, &[], as_of)
            .expect("a learner of this programme")
            .report();
        lap(3, &mut spent);
        let bytes = bridge::to_json(&report).expect("a report is JSON");
        lap(4, &mut spent);
        let out = bridge::copy_out(&bytes);
        lap(5, &mut spent);
        let value = bridge::parse_js(&out).expect("the report's JSON");
        lap(6, &mut spent);
        drop((value, record, report));
    }
    let names = [
        "pack",
        "copyIn",
        "read",
        "evaluate",
        "serialize",
        "copyOut",
        "jsonParse",
    ];
    let result = js_sys::Object::new();
    for (name, ms) in names.iter().zip(spent) {
        let _ = js_sys::Reflect::set(&result, &JsValue::from_str(name), &JsValue::from_f64(ms));
    }
    let _ = js_sys::Reflect::set(
        &result,
        &"learners".into(),
        &JsValue::from(learners.length()),
    );
    result.into()
}
