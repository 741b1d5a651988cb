//! Reading input documents with the JSON path of every problem, and every
//! unknown field reported rather than silently dropped.

use crate::problem::{pointer, Problem, ProblemCode};
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use std::fmt::Display;

/// A document read into `T`, with the JSON paths of the fields `T` does not
/// know. What to make of those (an error, an `ignored` entry) is the caller's call.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: T,
    pub unknown_fields: Vec<String>,
}

/// Deserialises `T` from any serde source (JSON text, a JS object…).
pub fn deserialize<'de, D, T>(source: D) -> Result<Parsed<T>, Problem>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    tracked(source).map_err(|(path, e)| shape_problem(&path, &e))
}

/// Deserialises `T` from JSON text; a syntax error is `INVALID_JSON`.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<Parsed<T>, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = tracked(&mut de).map_err(|(path, e)| match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => syntax_problem(&e),
        _ => shape_problem(&path, &e),
    })?;
    de.end().map_err(|e| syntax_problem(&e))?;
    Ok(parsed)
}

fn tracked<'de, D, T>(source: D) -> Result<Parsed<T>, (String, D::Error)>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut unknown_fields = Vec::new();
    let mut note = |path: serde_ignored::Path<'_>| unknown_fields.push(ignored_pointer(&path));
    let ignoring = serde_ignored::Deserializer::new(source, &mut note);
    match serde_path_to_error::deserialize(ignoring) {
        Ok(value) => Ok(Parsed { value, unknown_fields }),
        Err(e) => Err((tracked_pointer(e.path()), e.into_inner())),
    }
}

/// Deserialises `T` from a JSON value already in memory.
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<Parsed<T>, Problem> {
    deserialize(value)
}

/// Reads JSON text into a generic value, for documents merged before typing.
pub fn json_value(text: &str) -> Result<serde_json::Value, Problem> {
    serde_json::from_str(text).map_err(|e| syntax_problem(&e))
}

pub fn syntax_problem(e: &serde_json::Error) -> Problem {
    Problem::new(
        ProblemCode::InvalidJson,
        "",
        format!("JSON illisible, ligne {} colonne {} : {e}", e.line(), e.column()),
        format!("unreadable JSON, line {} column {}: {e}", e.line(), e.column()),
    )
}

pub fn unknown_field_problem(path: &str) -> Problem {
    Problem::new(
        ProblemCode::UnknownField,
        path,
        format!("champ inconnu {path}"),
        format!("unknown field {path}"),
    )
}

fn shape_problem(path: &str, e: &impl Display) -> Problem {
    let detail = e.to_string();
    let at = if path.is_empty() { "(document)" } else { path };
    if detail.starts_with("invalid date") {
        return Problem::new(
            ProblemCode::InvalidDate,
            path,
            format!("date invalide en {at} : attendu une date réelle écrite AAAA-MM-JJ ({detail})"),
            format!("{detail} at {at}"),
        );
    }
    Problem::new(ProblemCode::InvalidValue, path, format!("valeur invalide en {at} : {detail}"), format!("invalid value at {at}: {detail}"))
}

fn tracked_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    pointer(path.iter().filter_map(|s| match s {
        Segment::Seq { index } => Some(index.to_string()),
        Segment::Map { key } => Some(key.clone()),
        Segment::Enum { variant } => Some(variant.clone()),
        Segment::Unknown => None,
    }))
}

fn ignored_pointer(path: &serde_ignored::Path<'_>) -> String {
    fn segments(path: &serde_ignored::Path<'_>, out: &mut Vec<String>) {
        use serde_ignored::Path;
        match path {
            Path::Root => {}
            Path::Seq { parent, index } => {
                segments(parent, out);
                out.push(index.to_string());
            }
            Path::Map { parent, key } => {
                segments(parent, out);
                out.push(key.clone());
            }
            Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => segments(parent, out),
        }
    }
    let mut out = Vec::new();
    segments(path, &mut out);
    pointer(out)
}
