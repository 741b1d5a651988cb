//! Fixtures shared by the test files, read from tests/fixtures/:
//! - learners/<situation>.json: `{ "programme", "asOf", "learner" }`, and
//!   `region` when the learner is evaluated against a regional definition of
//!   regions/ that extends `programme`;
//! - candidatures/<situation>.json: `{ "programme", "asOf", "file" }`;
//! - definitions/<situation>.json: a programme definition that must be refused;
//! - regions/<shape>.json: a regional definition that loads.
//!
//! The same files feed the WebAssembly parity test (tests/package), so their
//! shape is checked here too.

// Each test file is its own crate and uses only part of these helpers.
#![allow(dead_code)]

use pacte_rules::api::{self, Answer, ProgrammeSource};
use pacte_rules::candidature::{CandidatureReport, Finding, Verdict};
use pacte_rules::date::IsoDate;
use pacte_rules::import::{ImportOptions, ImportResult, ImportSource};
use pacte_rules::message::Notice;
use pacte_rules::problem::Problem;
use pacte_rules::programme::{Catalog, Programme};
use pacte_rules::report::{ProgressReport, Unmet};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The embedded programmes, in catalogue order.
pub const PROGRAMMES: [&str; 6] = [
    "msp-cds",
    "cpts",
    "socle-option",
    "leader-msp",
    "hdf-leader-msp-2024",
    "bretagne-cpts-2021",
];

/// A learner fixture, exactly as the parity test reads it. The records stay
/// JSON text as written: the order of their fields is the order in which
/// unknown ones are reported.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LearnerFixture {
    pub programme: String,
    /// A regional definition of regions/, extending `programme`: the rules
    /// the learner is evaluated against.
    #[serde(default)]
    pub region: Option<String>,
    pub as_of: String,
    pub learner: Box<RawValue>,
}

impl LearnerFixture {
    pub fn learner_value(&self) -> Value {
        serde_json::from_str(self.learner.get()).expect("JSON")
    }

    /// The programme the learner is evaluated against: the region's, or the embedded one.
    pub fn rules(&self) -> Cow<'static, Programme> {
        match &self.region {
            Some(region) => api::programme(
                &ProgrammeSource::Definition(regional_definition(region)),
                &[],
            )
            .unwrap_or_else(|problems| panic!("{region}: {problems:?}")),
            None => Cow::Borrowed(embedded(&self.programme)),
        }
    }

    /// The same rules as `pacte evaluate --programme` takes them: the region's file, or the embedded id.
    pub fn programme_argument(&self) -> String {
        match &self.region {
            Some(region) => fixture_path("regions", region)
                .to_string_lossy()
                .into_owned(),
            None => self.programme.clone(),
        }
    }
}

/// A candidature fixture, exactly as the parity test reads it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CandidatureFixture {
    pub programme: String,
    pub as_of: String,
    pub file: Box<RawValue>,
}

/// A path from the repository's root (every crate sits two levels below it).
pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

pub fn fixture_path(kind: &str, name: &str) -> PathBuf {
    repo_path("tests/fixtures")
        .join(kind)
        .join(format!("{name}.json"))
}

/// The situations of one kind of fixture (file names without `.json`), sorted.
pub fn fixture_names(kind: &str) -> Vec<String> {
    let dir = repo_path("tests/fixtures").join(kind);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            entry
                .ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".json")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

pub fn fixture_text(kind: &str, name: &str) -> String {
    let path = fixture_path(kind, name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture<T: DeserializeOwned>(kind: &str, name: &str) -> T {
    serde_json::from_str(&fixture_text(kind, name))
        .unwrap_or_else(|e| panic!("{kind}/{name}.json: {e}"))
}

pub fn learner(name: &str) -> LearnerFixture {
    fixture("learners", name)
}

pub fn candidature(name: &str) -> CandidatureFixture {
    fixture("candidatures", name)
}

pub fn definition(name: &str) -> Value {
    fixture("definitions", name)
}

/// A regional definition that loads: a calendar of one of the shapes the sources describe.
pub fn regional_definition(name: &str) -> Value {
    fixture("regions", name)
}

pub fn date(text: &str) -> IsoDate {
    IsoDate::parse(text).unwrap_or_else(|| panic!("not a date: {text}"))
}

pub fn embedded(id: &str) -> &'static Programme {
    Catalog::embedded_programme(id).unwrap_or_else(|problems| panic!("{id}: {problems:?}"))
}

/// The answer for a learner fixture, as the CLI and the wasm binding give it.
pub fn evaluate_answer(name: &str) -> Answer<ProgressReport> {
    let f = learner(name);
    evaluate_on(&f, &f.as_of)
}

/// The learner of a fixture, evaluated on another date.
pub fn evaluate_on(f: &LearnerFixture, as_of: &str) -> Answer<ProgressReport> {
    api::evaluate(&f.rules(), f.learner.get(), date(as_of))
}

pub fn evaluate(name: &str) -> ProgressReport {
    success(name, evaluate_answer(name))
}

pub fn check_answer(name: &str) -> Answer<CandidatureReport> {
    let f = candidature(name);
    api::check_candidature_json(embedded(&f.programme), f.file.get(), date(&f.as_of))
}

pub fn check(name: &str) -> CandidatureReport {
    success(name, check_answer(name))
}

pub fn success<T>(name: &str, answer: Answer<T>) -> T {
    match answer {
        Answer::Success { value } => value,
        Answer::Failure { problems } => panic!("{name}: refused with {problems:?}"),
    }
}

pub fn failure<T: std::fmt::Debug>(name: &str, answer: Answer<T>) -> Vec<Problem> {
    match answer {
        Answer::Failure { problems } => problems,
        Answer::Success { value } => panic!("{name}: accepted as {value:?}"),
    }
}

pub fn set_of(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The JSON name of a serialised value: a code (`"HOURS_SHORT"`), a stage…
pub fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value).expect("serialisable") {
        Value::String(s) => s,
        Value::Object(map) => map
            .get("code")
            .and_then(Value::as_str)
            .expect("a code field")
            .to_string(),
        other => panic!("no name in {other}"),
    }
}

/// The unmet codes of a report, in report order.
pub fn unmet_codes(report: &ProgressReport) -> Vec<String> {
    report
        .unmet
        .iter()
        .map(|u| json_name(&u.condition))
        .collect()
}

/// The French messages of the unmet conditions, in report order.
pub fn unmet_messages(report: &ProgressReport) -> Vec<&str> {
    report.unmet.iter().map(|u| u.message.fr.as_str()).collect()
}

/// The one unmet condition with this code.
pub fn the_unmet<'a>(report: &'a ProgressReport, code: &str) -> &'a Unmet {
    let found: Vec<&Unmet> = report
        .unmet
        .iter()
        .filter(|u| json_name(&u.condition) == code)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {code} expected in {:?}",
        unmet_codes(report)
    );
    found[0]
}

/// The ignored records of a report as (code, path, French message).
pub fn ignored(report: &ProgressReport) -> Vec<(String, &str, &str)> {
    notices(&report.ignored)
}

/// The records counted with a remark, as (code, path, French message).
pub fn advisories(report: &ProgressReport) -> Vec<(String, &str, &str)> {
    notices(&report.advisories)
}

fn notices<C: Serialize>(notices: &[Notice<C>]) -> Vec<(String, &str, &str)> {
    notices
        .iter()
        .map(|n| (json_name(&n.code), n.path.as_str(), n.message.fr.as_str()))
        .collect()
}

/// Problems as (code, path), the way a caller switches on them.
pub fn located(problems: &[Problem]) -> Vec<(String, &str)> {
    problems
        .iter()
        .map(|p| (json_name(&p.code), p.path.as_str()))
        .collect()
}

/// Findings as (code, path, French message).
pub fn findings(found: &[Finding]) -> Vec<(String, &str, &str)> {
    found
        .iter()
        .map(|f| (json_name(&f.code), f.path.as_str(), f.message.fr.as_str()))
        .collect()
}

/// `eligible`, `incomplete` or `ineligible`.
pub fn verdict_name(verdict: &Verdict) -> String {
    serde_json::to_value(verdict).expect("serialisable")["kind"]
        .as_str()
        .expect("a verdict")
        .to_string()
}

/// The mapping document of an embedded programme (examples/mappings/).
pub fn mapping_path(programme: &str) -> PathBuf {
    repo_path("examples/mappings").join(format!("{programme}.json"))
}

/// A platform export of tests/fixtures/import/.
pub fn input_path(file: &str) -> PathBuf {
    repo_path("tests/fixtures/import").join(file)
}

pub fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn options(source: ImportSource, as_of: &str, learner: Option<&str>) -> ImportOptions {
    ImportOptions {
        source,
        as_of: date(as_of),
        learner_id: learner.map(str::to_string),
    }
}

/// The answer for a fixture, read through the example mapping of `programme`.
pub fn import_answer(
    source: ImportSource,
    programme: &str,
    as_of: &str,
    file: &str,
) -> Answer<ImportResult> {
    api::import(
        &options(source, as_of, None),
        &read(mapping_path(programme)),
        &read(input_path(file)),
    )
}

pub fn import(source: ImportSource, programme: &str, as_of: &str, file: &str) -> ImportResult {
    success(file, import_answer(source, programme, as_of, file))
}

/// The problems of a definition fixture, resolved with the other fixtures named in `with`.
pub fn definition_problems(name: &str, with: &[&str]) -> Vec<Problem> {
    let extra: Vec<Value> = with.iter().map(|w| definition(w)).collect();
    failure(
        name,
        api::check_programme(&ProgrammeSource::Definition(definition(name)), &extra),
    )
}
