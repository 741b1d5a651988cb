//! Reading input documents with the JSON path of every problem, and every
//! unknown field reported rather than silently dropped.
//!
//! Input types deny unknown fields, so the common case is one plain, fast
//! serde pass. Only when it fails is the error located: its position in the
//! text becomes a JSON path ([`locate`]); an unknown field is noted, taken
//! out, and the reading resumes; any other error is the answer, with its path.
//! No path tracking on the way keeps the wasm build small and the fast path fast.

mod locate;

use crate::problem::{pointer, Problem, Refusal};
#[cfg(test)]
use crate::problem::ProblemCode;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt::Display;

/// A document read into `T`, with the JSON paths of the fields `T` does not
/// know. What to make of those (an error, an `ignored` entry) is the caller's call.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: T,
    pub unknown_fields: Vec<String>,
}

/// Reads `T` from JSON text; a syntax error is `INVALID_JSON`.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<Parsed<T>, Problem> {
    match serde_json::from_str(text) {
        Ok(value) => Ok(Parsed {
            value,
            unknown_fields: Vec::new(),
        }),
        Err(e) if e.is_syntax() || e.is_eof() => Err(syntax_problem(&e)),
        Err(e) => tracked(text, e).map_err(|(path, detail)| shape_problem(&path, &detail)),
    }
}

/// Reads `T` from a JSON value already in memory.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<Parsed<T>, Problem> {
    from_value_raw(value).map_err(|(path, detail)| shape_problem(&path, &detail))
}

/// Reads `T` from a JSON value already in memory (a merged definition). A
/// failure is left as its path and serde's words, for a caller that rewrites
/// the path before wording the problem.
pub fn from_value_raw<T: DeserializeOwned>(value: &Value) -> Result<Parsed<T>, (String, String)> {
    let text = value.to_string();
    match serde_json::from_str(&text) {
        Ok(value) => Ok(Parsed {
            value,
            unknown_fields: Vec::new(),
        }),
        Err(e) => tracked(&text, e),
    }
}

/// Reads JSON text into a generic value, for documents merged before typing.
pub fn json_value(text: &str) -> Result<Value, Problem> {
    serde_json::from_str(text).map_err(|e| syntax_problem(&e))
}

/// The slow path: each unknown field is noted and removed, until the document
/// reads or fails for another reason.
fn tracked<T: DeserializeOwned>(
    text: &str,
    first: serde_json::Error,
) -> Result<Parsed<T>, (String, String)> {
    let mut unknown_fields = Vec::new();
    let mut text = text.to_string();
    let mut error = first;
    loop {
        let path = locate::pointer_at(
            &text,
            locate::offset_of(&text, error.line(), error.column()),
        );
        let detail = error.to_string();
        let detail = detail
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string();
        let removed = unknown_field(&detail).and_then(|field| {
            let mut doc: Value = serde_json::from_str(&text).ok()?;
            let parent = path.strip_suffix(pointer([field]).as_str())?;
            doc.pointer_mut(parent)?.as_object_mut()?.remove(field)?;
            Some(doc.to_string())
        });
        let Some(reduced) = removed else {
            return Err((path, detail));
        };
        unknown_fields.push(path);
        text = reduced;
        match serde_json::from_str(&text) {
            Ok(value) => {
                return Ok(Parsed {
                    value,
                    unknown_fields,
                })
            }
            Err(e) => error = e,
        }
    }
}

/// The field named by serde's "unknown field `x`, expected …" message.
fn unknown_field(detail: &str) -> Option<&str> {
    detail.strip_prefix("unknown field `")?.split('`').next()
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
        Refusal::InvalidDate { path: path.clone(), detail }
    } else {
        Refusal::InvalidValue { path: path.clone(), detail }
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
