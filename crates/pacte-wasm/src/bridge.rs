//! The bridge both modules share. JS values cross as JSON text, turned by
//! the JS engine's own `JSON.stringify` and `JSON.parse`: measured faster
//! than walking objects field by field across the boundary, it keeps the
//! wasm small (one serde path per type), and the answers are byte for byte
//! the CLI's JSON. (A learner's records, the bulk of the input, take a
//! faster road when they can: [`super::records`].) Invalid input becomes a
//! thrown `PacteError` (an `Error` with `code`, `path` and `problems`), never
//! a trap: a trap would leave the instance unusable.

use pacte_rules::api::Answer;
use pacte_rules::problem::{Problem, Refusal};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_SHARED: &'static str = r#"
/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;
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

pub type JsResult = Result<JsValue, JsValue>;

/// The JSON text of the JS value given as argument `name`, by the JS
/// engine's `JSON.stringify`.
pub fn json_text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    stringify(value).ok_or_else(|| {
        let refusal = Refusal::ArgumentNotJson {
            name: name.to_string(),
            given: js_type(value),
        };
        error(vec![Problem::new(format!("/{name}"), refusal)])
    })
}

pub fn stringify(value: &JsValue) -> Option<String> {
    copy_in(&stringify_js(value)?)
}

/// `JSON.stringify`, the text left in JS.
pub fn stringify_js(value: &JsValue) -> Option<JsValue> {
    js_sys::JSON::stringify(value).ok().map(JsValue::from)
}

/// A JS string copied into wasm memory as UTF-8; `None` for any other value.
///
/// wasm-bindgen's own copy (`as_string`, and every `&str` argument) writes an
/// ASCII text one character at a time from JS, both for the web and the Node
/// glue, and reaches `TextEncoder.encodeInto` only at the first non-ASCII
/// character; a record's JSON is mostly ASCII, kilobytes long. Here the whole
/// text goes through `encodeInto`, straight into the `String`'s buffer: a few
/// more calls across the boundary, so short texts keep the plain copy.
pub fn copy_in(text: &JsValue) -> Option<String> {
    const SHORT: u32 = 64;
    let text = text.dyn_ref::<js_sys::JsString>()?;
    let units = text.length();
    if units < SHORT {
        return text.as_string();
    }
    // As many bytes as UTF-16 units first (enough for ASCII); a text that
    // needs more continues where encodeInto stopped, with room for the worst
    // case (3 bytes a unit).
    let mut buffer = Vec::<u8>::with_capacity(units as usize);
    let mut read = 0;
    loop {
        let rest = if read == 0 {
            text.clone()
        } else {
            text.slice(read, units)
        };
        let free = buffer.spare_capacity_mut();
        // SAFETY: the view covers the vector's spare capacity, which nothing
        // else touches (or reallocates) while encodeInto writes into it.
        let view =
            unsafe { js_sys::Uint8Array::view_mut_raw(free.as_mut_ptr().cast(), free.len()) };
        let encoded = ENCODER.with(|encoder| encoder.encode_into(&rest, &view));
        // SAFETY: encodeInto wrote `written` bytes at the start of the spare capacity.
        unsafe { buffer.set_len(buffer.len() + encoded.written() as usize) };
        read += encoded.read();
        if read >= units {
            break;
        }
        buffer.reserve(3 * (units - read) as usize);
    }
    // SAFETY: TextEncoder writes UTF-8 only (a lone surrogate becomes U+FFFD).
    Some(unsafe { String::from_utf8_unchecked(buffer) })
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextEncoder)]
    type Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(this: &Encoder, text: &js_sys::JsString, into: &js_sys::Uint8Array) -> Encoded;
    /// What `encodeInto` answers: UTF-16 units read, bytes written.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

thread_local! {
    static ENCODER: Encoder = Encoder::new();
}

/// The string given as argument `name`. Entry points take `JsValue` rather
/// than `&str`, on which wasm-bindgen traps or throws a bare `TypeError`
/// when JS passes anything else.
pub fn string_arg(value: &JsValue, name: &str) -> Result<String, Problem> {
    copy_in(value).ok_or_else(|| {
        let refusal = Refusal::ArgumentNotAString {
            name: name.to_string(),
            given: js_type(value),
        };
        Problem::new(format!("/{name}"), refusal)
    })
}

/// What `typeof` says of a value, or `null`, `array`: for a message about a wrong argument.
pub fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Plain JS objects with the JSON shape of the CLI's output: the same serde
/// serializer writes the text, and `JSON.parse` reads it.
pub fn to_js<T: Serialize>(value: &T) -> JsResult {
    parse_js(&copy_out(&to_json(value)?))
}

/// The JSON text of an answer, written by serde as natively.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    pacte_rules::json_text::to_json(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// JSON text written in wasm memory, as a JS string.
pub fn copy_out(json: &str) -> JsValue {
    JsValue::from_str(json)
}

/// `JSON.parse` of a JS string.
pub fn parse_js(text: &JsValue) -> JsResult {
    json_parse(text)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

pub fn answer<T: Serialize>(answer: Answer<T>) -> JsResult {
    match answer {
        Answer::Success { value } => to_js(&value),
        Answer::Failure { problems } => Err(error(problems)),
    }
}

/// A `PacteError`: the first problem's message, code and path, and them all.
pub fn error(problems: Vec<Problem>) -> JsValue {
    let first = problems.first();
    let message = first.map_or_else(String::new, |p| {
        format!("{} — {}", p.message.fr, p.message.en)
    });
    let e = js_sys::Error::new(&message);
    e.set_name("PacteError");
    let code = first
        .and_then(|p| serde_json::to_value(p.code).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let path = first.map(|p| p.path.clone()).unwrap_or_default();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&e, &JsValue::from_str(key), &value);
    let _ = set("code", JsValue::from_str(&code));
    let _ = set("path", JsValue::from_str(&path));
    let _ = set("problems", to_js(&problems).unwrap_or(JsValue::NULL));
    e.into()
}
