//! Reading input documents with the JSON path of every problem, and every
//! unknown field reported rather than silently dropped.
//!
//! Every document is read through one deserializer that keeps the path of
//! each value ([`track`]): an unknown field is noted and skipped; any other
//! error is the answer, with its path. One reading path only, so that each
//! type's reading code is made once in the wasm build.

mod track;

#[cfg(test)]
use crate::problem::ProblemCode;
use crate::problem::{Problem, Refusal};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::cell::RefCell;
use std::fmt::Display;
use track::{Track, Tracked};

/// The key by which a document names its JSON Schema (`"$schema": "…"`), for
/// editors: at the top of a document it is read past, never an unknown field.
pub const SCHEMA_KEY: &str = "$schema";

/// A document read into `T`, with the JSON paths of the fields `T` does not
/// know. What to make of those (an error, an `ignored` entry) is the caller's call.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: T,
    pub unknown_fields: Vec<String>,
}

/// Reads `T` from JSON text; a syntax error is `INVALID_JSON`. Every
/// document goes through the tracking reader, even one without unknown
/// fields: a second, plain serde path would make every type's reading code
/// twice over in the wasm build (measured: +40 KB gzipped).
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<Parsed<T>, Problem> {
    tracked(without_bom(text)).map_err(|failure| match failure {
        Failure::Syntax(e) => syntax_problem(&e),
        Failure::Shape(path, detail) => shape_problem(&path, &detail),
    })
}

/// Why a reading failed: the text is not JSON, or a value is not of its type.
#[derive(Debug)]
enum Failure {
    Syntax(serde_json::Error),
    /// The JSON path of the value, and serde's words.
    Shape(String, String),
}

/// Text as read, without the UTF-8 byte-order mark some editors and exports
/// put first (the CSV import accepts one too).
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads `T` from a JSON value already in memory (a merged definition). A
/// failure is left as its path and serde's words, for a caller that rewrites
/// the path before wording the problem.
pub fn from_value_raw<T: DeserializeOwned>(value: &Value) -> Result<Parsed<T>, (String, String)> {
    // The text of `value.to_string()`, by the serializer every answer takes:
    // Display would make a second copy of the writing code. It cannot fail
    // (a Value's keys are strings).
    let text = crate::json_text::to_json(value).unwrap_or_default();
    tracked(&text).map_err(|failure| match failure {
        Failure::Syntax(e) => (String::new(), e.to_string()),
        Failure::Shape(path, detail) => (path, detail),
    })
}

/// Reads JSON text into a generic value, for documents merged before typing.
pub fn json_value(text: &str) -> Result<Value, Problem> {
    serde_json::from_str(without_bom(text)).map_err(|e| syntax_problem(&e))
}

/// One reading that skips and notes the unknown fields (see
/// [`track`]), again only when a reading taught which struct refuses them.
fn tracked<T: DeserializeOwned>(text: &str) -> Result<Parsed<T>, Failure> {
    let track = RefCell::new(Track::default());
    read_tracked(text, &track).map(|value| Parsed {
        value,
        unknown_fields: unknown_but_schema(track.into_inner().unknown_fields),
    })
}

/// The unknown fields, but the document's own `$schema`. Out of line:
/// `tracked` is made once per document type, and the wasm build counts every byte.
#[inline(never)]
fn unknown_but_schema(mut fields: Vec<String>) -> Vec<String> {
    fields.retain(|path| path.strip_prefix('/') != Some(SCHEMA_KEY));
    fields
}

fn read_tracked<'a, T: DeserializeOwned>(
    text: &'a str,
    track: &RefCell<Track<'a>>,
) -> Result<T, Failure> {
    loop {
        let mut reader = serde_json::Deserializer::from_str(text);
        let tracked = Tracked {
            inner: &mut reader,
            track,
            of: None,
        };
        let error = match T::deserialize(tracked).and_then(|value| reader.end().map(|()| value)) {
            Ok(value) => return Ok(value),
            Err(e) if e.is_syntax() || e.is_eof() => return Err(Failure::Syntax(e)),
            Err(e) => e,
        };
        let detail = error.to_string();
        let detail = detail.split(" at line ").next().unwrap_or_default();
        track
            .borrow_mut()
            .learn_from(detail)
            .map_err(|path| Failure::Shape(path, detail.to_string()))?;
    }
}

/// The field named by serde's "unknown field `x`, expected …" message (a
/// name may itself hold a backtick).
fn unknown_field(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("unknown field `")?;
    ["`, expected", "`, there are no fields"]
        .iter()
        .find_map(|end| rest.find(end).map(|at| &rest[..at]))
}

pub fn syntax_problem(e: &serde_json::Error) -> Problem {
    let detail = e.to_string();
    // serde_json ends its words with the position, which the message gives apart.
    let detail = detail.split(" at line ").next().unwrap_or_default();
    Problem::new(
        "",
        Refusal::UnreadableJson {
            line: e.line(),
            column: e.column(),
            detail: detail.to_string(),
        },
    )
}

pub fn unknown_field_problem(path: &str) -> Problem {
    Problem::new(path, Refusal::UnknownField { path: path.into() })
}

/// A problem of shape (wrong type, missing field, bad date) at `path`.
pub fn shape_problem(path: &str, detail: &impl Display) -> Problem {
    let detail = detail.to_string();
    let (path, detail) = (path.to_string(), detail);
    let what = if detail.starts_with("invalid date") {
        Refusal::InvalidDate {
            path: path.clone(),
            detail,
        }
    } else {
        Refusal::InvalidValue {
            path: path.clone(),
            detail,
        }
    };
    Problem::new(path, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Day {
        #[allow(dead_code)]
        minutes: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        days: Vec<Day>,
    }

    #[test]
    fn every_unknown_field_is_noted_with_its_path() {
        let parsed: Parsed<Doc> =
            from_json(r#"{"colour":1,"days":[{"minutes":1},{"minutes":2,"note":"x"}]}"#).unwrap();
        assert_eq!(parsed.value.days.len(), 2);
        assert_eq!(parsed.unknown_fields, ["/colour", "/days/1/note"]);
    }

    #[test]
    fn a_document_names_its_schema_at_its_top_only() {
        let parsed: Parsed<Doc> =
            from_json(r#"{"$schema":"../schemas/doc.json","days":[{"minutes":1,"$schema":"x"}]}"#)
                .unwrap();
        assert_eq!(parsed.value.days.len(), 1);
        assert_eq!(parsed.unknown_fields, ["/days/0/$schema"]);
    }

    #[test]
    fn unknown_fields_are_listed_in_document_order() {
        let parsed: Parsed<Doc> =
            from_json(r#"{"zeta":1,"days":[{"note":"x","minutes":1}],"alpha":2}"#).unwrap();
        assert_eq!(parsed.unknown_fields, ["/zeta", "/days/0/note", "/alpha"]);
    }

    #[test]
    fn four_thousand_unknown_fields_take_one_reading_per_struct_type() {
        let days = vec![r#"{"minutes":30,"note":"x"}"#; 4000].join(",");
        let text = format!(r#"{{"days":[{days}],"colour":1}}"#);
        let track = RefCell::new(Track::default());
        read_tracked::<Doc>(&text, &track).unwrap();
        let track = track.into_inner();
        assert_eq!(track.unknown_fields.len(), 4001);
        // Learned once for Day, once for Doc: two readings more, not 4,001.
        assert_eq!(track.readings, 2);
    }

    #[test]
    fn an_unknown_field_named_with_a_backtick_or_nested_deep_is_listed() {
        let deep = format!("{}1{}", "[".repeat(500), "]".repeat(500));
        let text = format!(r#"{{"days":[{{"minutes":1,"a`b":1,"deep":{deep}}}]}}"#);
        let parsed: Parsed<Doc> = from_json(&text).unwrap();
        assert_eq!(parsed.unknown_fields, ["/days/0/a`b", "/days/0/deep"]);
    }

    #[test]
    fn an_unknown_field_inside_a_tagged_variant_is_listed() {
        #[derive(Debug, Deserialize)]
        #[serde(tag = "kind", deny_unknown_fields)]
        enum Target {
            Day {
                #[allow(dead_code)]
                minutes: u32,
            },
        }
        let parsed: Parsed<Vec<Target>> =
            from_json(r#"[{"kind":"Day","minutes":1,"note":"x"},{"kind":"Day","minutes":2}]"#)
                .unwrap();
        assert_eq!(parsed.unknown_fields, ["/0/note"]);
    }

    #[test]
    fn a_leading_byte_order_mark_is_read_as_nothing() {
        let parsed: Parsed<Doc> = from_json("\u{feff}{\"days\":[]}").unwrap();
        assert!(parsed.value.days.is_empty());
        assert_eq!(json_value("\u{feff}[1]").unwrap(), serde_json::json!([1]));
    }

    #[test]
    fn a_wrong_type_is_located() {
        let problem =
            from_json::<Doc>(r#"{"days":[{"minutes":1},{"minutes":"deux"}]}"#).unwrap_err();
        assert_eq!(
            (problem.code, problem.path.as_str()),
            (ProblemCode::InvalidValue, "/days/1/minutes")
        );
        assert_eq!(
            from_json::<Doc>("{").unwrap_err().code,
            ProblemCode::InvalidJson
        );
    }
}
