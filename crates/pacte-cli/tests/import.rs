//! `pacte import`, run as a user runs it: it prints the library's result,
//! and its exit code says whether evidence was lost.

#[path = "../../pacte-rules/tests/common/mod.rs"]
mod common;

use common::*;
use pacte_rules::import::ImportSource;
use serde_json::{json, Value};
use std::process::Command;

const HDF: &str = "hdf-leader-msp-2024";
const BRETAGNE: &str = "bretagne-cpts-2021";

fn pacte_import(source: &str, programme: &str, as_of: &str, input: &str) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(["import", "--source", source, "--as-of", as_of, "--mapping"])
        .arg(mapping_path(programme))
        .arg(input_path(input))
        .output()
        .expect("the pacte binary runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}"));
    (out.status.code().expect("an exit code"), json)
}

#[test]
fn pacte_import_prints_the_library_result_and_exits_0_without_errors() {
    let (code, printed) = pacte_import("xapi", HDF, "2024-10-01", "xapi-duplicate-statement.json");
    assert_eq!(code, 0);
    let expected = import(
        ImportSource::Xapi,
        HDF,
        "2024-10-01",
        "xapi-duplicate-statement.json",
    );
    assert_eq!(
        printed,
        serde_json::to_value(expected).expect("result serializes")
    );
    assert_eq!(printed["source"], "xapi");
    assert_eq!(printed["asOf"], "2024-10-01");
}

#[test]
fn pacte_import_exits_1_when_evidence_was_lost() {
    let (code, printed) = pacte_import(
        "moodleCompletion",
        BRETAGNE,
        "2022-03-01",
        "moodle-completion-traceurs-bretagne.json",
    );
    assert_eq!(code, 1);
    assert_eq!(printed["diagnostics"].as_array().map(Vec::len), Some(8));
}

#[test]
fn pacte_import_exits_2_on_a_refused_input_or_a_bad_date() {
    let (code, printed) = pacte_import(
        "moodleCompletion",
        HDF,
        "2024-10-01",
        "moodle-completion-without-envelope.json",
    );
    assert_eq!(
        (code, &printed["kind"], &printed["problems"][0]["path"]),
        (2, &json!("failure"), &json!("/input"))
    );
    let (code, printed) = pacte_import("csv", BRETAGNE, "1 mars 2022", "csv-bretagne.csv");
    assert_eq!(
        (code, &printed["problems"][0]["path"]),
        (2, &json!("/asOf"))
    );
}

#[test]
fn pacte_import_refuses_an_unknown_source_as_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args([
            "import",
            "--source",
            "scorm",
            "--mapping",
            "m.json",
            "--as-of",
            "2024-10-01",
            "in.json",
        ])
        .output()
        .expect("the pacte binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("unknown source \"scorm\": expected one of moodleCompletion, moodleAttendance, xapi, csv"), "{stderr}");
}
