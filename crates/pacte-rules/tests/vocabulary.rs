//! The wire vocabulary (docs/vocabulary.md): every JSON key the engine reads
//! or writes is camelCase, every enum value camelCase, every code
//! SCREAMING_SNAKE_CASE, and every tagged union is tagged `kind` (a
//! diagnostic, `code`). Checked on every fixture, every answer to it, and
//! every embedded programme.

mod common;

use common::*;
use pacte_rules::api::{self, Detail};
use pacte_rules::import::ImportSource;
use serde::Serialize;
use serde_json::Value;

/// Objects whose keys are ids chosen by whoever writes the document, not words of the format.
const KEYED_BY_ID: [&str; 8] = [
    "answers",
    "learners",
    "courseModules",
    "courses",
    "attendanceSessions",
    "attendanceStatuses",
    "xapiActivities",
    "csvRefs",
];

/// Keys whose values are enum values (camelCase) or codes (SCREAMING_SNAKE_CASE).
const ENUM_KEYS: [&str; 12] = [
    "kind",
    "stage",
    "status",
    "modality",
    "mention",
    "counts",
    "source",
    "severity",
    "structureType",
    "structureTypes",
    "initialTraining",
    "onCompletion",
];

fn is_camel_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

fn is_code(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with('_')
}

/// Every word of the format in `value` that breaks a rule, with its JSON path.
fn offences(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let at = format!("{path}/{key}");
                // A document names its JSON Schema at its top, under JSON Schema's own key.
                let schema_key = path.is_empty() && key == pacte_rules::parse::SCHEMA_KEY;
                if !is_camel_case(key) && !schema_key {
                    out.push(format!("key {at}"));
                }
                let enum_value = |v: &Value, out: &mut Vec<String>| match v.as_str() {
                    Some(s) if !is_camel_case(s) => out.push(format!("value {at}: {s:?}")),
                    _ => {}
                };
                match (key.as_str(), child) {
                    ("code", Value::String(code)) if !is_code(code) => {
                        out.push(format!("code {at}: {code:?}"))
                    }
                    (k, Value::Array(items)) if ENUM_KEYS.contains(&k) => {
                        items.iter().for_each(|v| enum_value(v, out))
                    }
                    (k, v) if ENUM_KEYS.contains(&k) => enum_value(v, out),
                    (k, Value::Object(ids)) if KEYED_BY_ID.contains(&k) => ids
                        .iter()
                        .for_each(|(id, v)| offences(v, &format!("{at}/{id}"), out)),
                    _ => offences(child, &at, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                offences(item, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn assert_vocabulary<T: Serialize>(what: &str, value: &T) {
    let json = serde_json::to_value(value).expect("serializes");
    let mut found = Vec::new();
    offences(&json, "", &mut found);
    assert!(found.is_empty(), "{what}: {found:#?}");
}

#[test]
fn every_embedded_programme_speaks_the_vocabulary() {
    for id in PROGRAMMES {
        assert_vocabulary(id, &embedded(id).details());
    }
    assert_vocabulary("programmes()", &api::programmes());
}

#[test]
fn every_learner_fixture_and_its_report_speak_the_vocabulary() {
    for name in fixture_names("learners") {
        assert_vocabulary(&name, &learner(&name).learner_value());
        assert_vocabulary(&name, &evaluate_answer(&name));
    }
}

#[test]
fn every_candidature_fixture_and_its_report_speak_the_vocabulary() {
    for name in fixture_names("candidatures") {
        let file: Value = serde_json::from_str(candidature(&name).file.get()).expect("JSON");
        assert_vocabulary(&name, &file);
        assert_vocabulary(&name, &check_answer(&name));
    }
}

#[test]
fn every_refused_definition_is_answered_in_the_vocabulary() {
    for name in fixture_names("definitions") {
        assert_vocabulary(&name, &definition_problems(&name, &[]));
    }
}

#[test]
fn mappings_and_imports_speak_the_vocabulary() {
    for programme in ["hdf-leader-msp-2024", "bretagne-cpts-2021"] {
        let mapping: Value = serde_json::from_str(&read(mapping_path(programme))).expect("JSON");
        assert_vocabulary(programme, &mapping);
    }
    let imports = [
        (
            ImportSource::MoodleCompletion,
            "hdf-leader-msp-2024",
            "moodle-completion-hdf.json",
        ),
        (
            ImportSource::MoodleAttendance,
            "hdf-leader-msp-2024",
            "moodle-attendance-hdf.json",
        ),
        (ImportSource::Xapi, "hdf-leader-msp-2024", "xapi-hdf.json"),
        (ImportSource::Csv, "bretagne-cpts-2021", "csv-bretagne.csv"),
    ];
    for (source, programme, file) in imports {
        assert_vocabulary(file, &import_answer(source, programme, "2024-10-01", file));
    }
}

#[test]
fn a_promotion_report_counts_its_stages_under_the_stage_names() {
    let lines = fixture_names("learners")
        .iter()
        .filter(|name| learner(name).programme == "hdf-leader-msp-2024")
        .map(|name| learner(name).learner.get().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let answer = api::evaluate_promotion_json(
        embedded("hdf-leader-msp-2024"),
        &lines,
        date("2024-09-20"),
        Detail::Report,
    );
    assert_vocabulary("promotion", &answer);
    let json = serde_json::to_value(&answer).expect("serializes");
    for entry in json["value"]["learners"].as_array().expect("learners") {
        if let Some(stage) = entry["report"]["stage"].as_str() {
            assert!(
                json["value"]["stages"].get(stage).is_some(),
                "no count for {stage}"
            );
        }
    }
}

#[test]
fn the_words_the_format_gave_up_are_caught() {
    let old = serde_json::json!({
        "stage": "at_risk",
        "learner_id": "x",
        "mention": "msp-cds",
        "unmet": [{ "code": "HoursShort" }],
        "answers": { "besoin-accompagnement": "oui" },
        "$schema": "../schemas/learner.schema.json",
        "memoire": { "$schema": "misplaced" }
    });
    let mut found = Vec::new();
    offences(&old, "", &mut found);
    assert_eq!(
        found,
        [
            "key /learner_id",
            "key /memoire/$schema",
            "value /mention: \"msp-cds\"",
            "value /stage: \"at_risk\"",
            "code /unmet/0/code: \"HoursShort\"",
        ]
    );
}
