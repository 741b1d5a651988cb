//! Platform data through a mapping: what the import emits, the engine takes
//! as it stands; what it does not take is a located diagnostic.

use pacte_rules::api::{self, Answer};
use pacte_rules::date::IsoDate;
use pacte_rules::import::{ImportOptions, ImportSource};
use pacte_rules::programme::Catalog;
use pacte_rules::report::IgnoredCode;
use serde_json::Value;

/// The example mappings (examples/mappings/), by the programme they map to.
pub const MAPPINGS: [(&str, &str); 3] = [
    (
        "hdf-leader-msp-2024",
        include_str!("../../../../examples/mappings/hdf-leader-msp-2024.json"),
    ),
    (
        "bretagne-cpts-2021",
        include_str!("../../../../examples/mappings/bretagne-cpts-2021.json"),
    ),
    (
        "socle-option",
        include_str!("../../../../examples/mappings/socle-option.json"),
    ),
];

/// One platform export per source, for the `mapping` target.
const EXPORTS: [(ImportSource, &str); 4] = [
    (
        ImportSource::Csv,
        include_str!("../../../../tests/fixtures/import/csv-bretagne.csv"),
    ),
    (
        ImportSource::Xapi,
        include_str!("../../../../tests/fixtures/import/xapi-hdf.json"),
    ),
    (
        ImportSource::MoodleCompletion,
        include_str!("../../../../tests/fixtures/import/moodle-completion-hdf.json"),
    ),
    (
        ImportSource::MoodleAttendance,
        include_str!("../../../../tests/fixtures/import/moodle-attendance-hdf.json"),
    ),
];

/// Targets `import_<source>`: `<asOf> <mapping> [<learnerId>]` (a mapping
/// of [`MAPPINGS`]), then the platform's export.
pub fn csv(data: &[u8]) {
    export(ImportSource::Csv, data);
}

pub fn xapi(data: &[u8]) {
    export(ImportSource::Xapi, data);
}

pub fn moodle_completion(data: &[u8]) {
    export(ImportSource::MoodleCompletion, data);
}

pub fn moodle_attendance(data: &[u8]) {
    export(ImportSource::MoodleAttendance, data);
}

fn export(source: ImportSource, data: &[u8]) {
    let Some((head, input)) = super::split(data) else {
        return;
    };
    let (as_of, mapping, learner_id) = match head.as_slice() {
        [as_of, mapping] => (as_of, mapping, None),
        [as_of, mapping, learner] => (as_of, mapping, Some(learner.to_string())),
        _ => return,
    };
    let (Some(as_of), Some((_, mapping))) = (
        IsoDate::parse(as_of),
        MAPPINGS.iter().find(|(id, _)| id == mapping),
    ) else {
        return;
    };
    imported(
        &ImportOptions {
            source,
            as_of,
            learner_id,
        },
        mapping,
        input,
    );
}

/// Target `mapping`: a mapping document, used on an export of each source.
pub fn mapping(data: &[u8]) {
    let Ok(mapping) = std::str::from_utf8(data) else {
        return;
    };
    for (source, input) in EXPORTS {
        let options = ImportOptions {
            source,
            as_of: IsoDate::parse("2025-06-30").expect("a date"),
            learner_id: None,
        };
        imported(&options, mapping, input);
    }
}

/// Imports `input` and checks every invariant of the answer.
pub fn imported(options: &ImportOptions, mapping: &str, input: &str) {
    let answer = api::import(options, mapping, input);
    assert_eq!(
        super::json(&answer),
        super::json(&api::import(options, mapping, input)),
        "importing twice gives other JSON"
    );
    super::assert_refusal(&answer);
    let result = match answer {
        Answer::Failure { problems } => {
            let outside = problems
                .iter()
                .find(|p| !(p.path.starts_with("/mapping") || p.path.starts_with("/input")));
            assert!(
                outside.is_none(),
                "a problem neither of the mapping nor of the input: {outside:?}"
            );
            return;
        }
        Answer::Success { value } => value,
    };
    let doc: Option<Value> = (options.source != ImportSource::Csv)
        .then(|| pacte_rules::parse::json_value(input).expect("an accepted export is JSON"));
    // Lines end with LF, CRLF or a lone CR.
    let lines = 1 + input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .matches('\n')
        .count() as u64;
    for d in &result.diagnostics {
        assert_eq!(d.severity, d.code.severity(), "{d:?}");
        let located = match (&doc, &d.path, d.line) {
            // A value of the input, or a member an object of it lacks.
            (Some(doc), Some(path), None) => {
                let parent = path.rsplit_once('/').map_or("", |(parent, _)| parent);
                doc.pointer(path).is_some() || doc.pointer(parent).is_some_and(Value::is_object)
            }
            (None, None, Some(line)) => (2..=lines).contains(&line),
            _ => false,
        };
        assert!(located, "a diagnostic not located in the input: {d:?}");
    }
    if let Some(asked) = &options.learner_id {
        let ids: Vec<&str> = result
            .learners
            .iter()
            .map(|l| l.learner_id.as_str())
            .collect();
        assert_eq!(ids, [asked.as_str()], "not the one learner asked for");
    }
    // What the import emits, the engine takes: read back as JSON, every
    // record is used (a blank excuse is the platform's, said by the engine).
    let programme =
        Catalog::embedded_programme(&result.programme).expect("the mapping's programme");
    for learner in &result.learners {
        let text = super::json(learner);
        let report = super::learner::evaluated(programme, &text, options.as_of)
            .unwrap_or_else(|| panic!("imported records the engine refuses: {text}"));
        let set_aside: Vec<_> = report
            .ignored
            .iter()
            .filter(|i| i.code != IgnoredCode::EmptyJustification)
            .collect();
        assert!(
            set_aside.is_empty(),
            "imported records the engine sets aside: {set_aside:?}"
        );
    }
}
