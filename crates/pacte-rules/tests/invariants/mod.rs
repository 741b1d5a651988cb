//! The invariants that hold for any input, whatever it holds: an answer is a
//! value (a success, or problems with codes and paths), the same input gives
//! the same JSON, and every record is either counted or set aside with a
//! reason. A broken invariant panics, saying what broke.
//!
//! One module, two drivers: the fuzz targets of `fuzz/` (cargo-fuzz, whose
//! library this file is) on generated inputs, and `cargo test`
//! (tests/corpus.rs) on the fixtures and on every input kept in
//! `fuzz/regressions/<target>/`. Only relative paths (`super::`) are used
//! here, as the module is the root of one crate and a module of the other.
//!
//! An input is bytes: a first line of parameters (`<programme> <asOf>`, see
//! each target), then the document as the caller would give it.

// Each test file that includes this module uses only part of it.
#![allow(dead_code)]

pub mod candidature;
pub mod import;
pub mod learner;
pub mod programme;
pub mod promotion;
pub mod records;
pub mod seeds;

use pacte_rules::api::Answer;
use pacte_rules::date::IsoDate;
use pacte_rules::message::Notice;
use pacte_rules::programme::{Catalog, Programme};
use serde::Serialize;

/// A fuzz target: it reads the bytes and checks the answers' invariants.
pub type Target = fn(&[u8]);

/// Every fuzz target, by the name of its `fuzz/fuzz_targets/<name>.rs` and
/// of its regression directory.
pub const TARGETS: [(&str, Target); 10] = [
    ("programme", programme::target),
    ("learner", learner::target),
    ("records", records::target),
    ("promotion", promotion::target),
    ("candidature", candidature::target),
    ("import_csv", import::csv),
    ("import_xapi", import::xapi),
    ("import_moodle_completion", import::moodle_completion),
    ("import_moodle_attendance", import::moodle_attendance),
    ("mapping", import::mapping),
];

/// The first line's words and the rest of the input; `None` for input that
/// is not UTF-8 (every entry point takes text) or has no first line.
pub fn split(data: &[u8]) -> Option<(Vec<&str>, &str)> {
    let text = std::str::from_utf8(data).ok()?;
    let (head, rest) = text.split_once('\n')?;
    Some((head.split_whitespace().collect(), rest))
}

/// `<programme> <asOf>` on the first line: an embedded programme and a date.
pub fn programme_and_date(data: &[u8]) -> Option<(&'static Programme, IsoDate, &str)> {
    let (head, rest) = split(data)?;
    let [id, as_of] = head.as_slice() else {
        return None;
    };
    let programme = Catalog::embedded_programme(id).ok()?;
    Some((programme, IsoDate::parse(as_of)?, rest))
}

/// The JSON of an answer: it must have one, and the answers' writer (the
/// wasm binding's) writes it as serde_json does.
pub fn json<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string(value).expect("every answer is serialisable");
    let written = pacte_rules::json_text::to_json(value).expect("every answer is serialisable");
    assert_eq!(written, text, "json_text writes other JSON than serde_json");
    text
}

/// Every notice has a JSON Pointer (or the empty path) and words in both languages.
pub fn assert_located<C: std::fmt::Debug>(notices: &[Notice<C>]) {
    for n in notices {
        assert!(
            n.path.is_empty() || n.path.starts_with('/'),
            "not a JSON Pointer: {n:?}"
        );
        assert!(
            !n.message.fr.trim().is_empty() && !n.message.en.trim().is_empty(),
            "a notice without words: {n:?}"
        );
    }
}

/// A refusal names at least one problem, each located and worded.
pub fn assert_refusal<T>(answer: &Answer<T>) {
    if let Answer::Failure { problems } = answer {
        assert!(!problems.is_empty(), "a failure without a problem");
        assert_located(problems);
    }
}

/// Removes the value at a JSON Pointer, if there is one.
pub fn remove_at(doc: &mut serde_json::Value, path: &str) {
    let Some((parent, last)) = path.rsplit_once('/') else {
        return;
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    if let Some(map) = doc.pointer_mut(parent).and_then(|v| v.as_object_mut()) {
        map.remove(&key);
    }
}
