//! The packed form of a learner's records (what the package's JS writes in
//! one pass over its objects): read exactly as the JSON reader reads the same
//! records, or left to it.

mod common;
mod invariants;

use common::*;
use invariants::learner::packed_reads_as_json;
use pacte_rules::learner::packed;
use pacte_rules::parse;
use serde_json::{json, Value};

fn packed_read(value: &Value) -> Option<pacte_rules::learner::LearnerRecord> {
    packed::read(&packed::write(value))
}

#[test]
fn every_learner_fixture_packed_reads_as_its_json_or_is_left_to_it() {
    let mut taken = 0;
    for name in fixture_names("learners") {
        let f = learner(&name);
        packed_reads_as_json(f.learner.get());
        let parsed = parse::from_json(f.learner.get());
        let whole = parsed.as_ref().is_ok_and(|p| p.unknown_fields.is_empty());
        match packed_read(&f.learner_value()) {
            Some(record) => {
                assert_eq!(
                    Some(&record),
                    parsed.as_ref().ok().map(|p| &p.value),
                    "{name}"
                );
                taken += 1;
            }
            // Only records the JSON reader refuses, or reads with a field it
            // does not know, go the JSON road.
            None => assert!(!whole, "{name}: well-formed, not taken"),
        }
    }
    assert!(taken > 20, "{taken} fixtures taken packed");
}

#[test]
fn a_record_with_a_field_the_format_does_not_know_is_left_to_the_json_reader() {
    let record = json!({"learnerId": "hdf-2024-001", "attendence": []});
    assert_eq!(packed_read(&record), None);
    let deep = json!({"learnerId": "hdf-2024-001", "memoire": {"status": "submitted", "note": 16}});
    assert_eq!(packed_read(&deep), None);
}

#[test]
fn minutes_that_are_not_whole_or_not_a_number_are_left_to_the_json_reader() {
    for minutes in [
        json!(90.5),
        json!(-30),
        json!("90"),
        json!(4294967296_u64),
        json!(null),
    ] {
        let record = json!({"learnerId": "a", "activities": [
            {"modality": "elearning", "date": "2024-03-04", "minutes": minutes}
        ]});
        assert_eq!(packed_read(&record), None, "{minutes}");
    }
}

#[test]
fn a_date_that_is_no_date_or_a_status_no_record_has_is_left_to_the_json_reader() {
    let day = |date: &str, status: &str| json!({"learnerId": "a", "attendance": [{"session": "S1", "date": date, "status": status}]});
    assert_eq!(packed_read(&day("2024-02-30", "present")), None);
    assert_eq!(packed_read(&day("2024-09-12", "excused")), None);
    assert!(packed_read(&day("2024-09-12", "absent")).is_some());
}

#[test]
fn null_in_an_optional_field_is_its_absence_as_for_the_json_reader() {
    let record = json!({
        "learnerId": "hdf-2024-001",
        "displayName": null,
        "attendance": [{"session": "S1", "date": "2024-09-12", "status": "absent", "justification": null, "teamMemberPresent": null}],
        "memoire": null
    });
    let read = packed_read(&record).expect("taken");
    assert_eq!(read, parse::from_json(&record.to_string()).unwrap().value);
    assert_eq!(read.display_name, None);
    assert_eq!(read.attendance[0].justification, None);
}

#[test]
fn a_missing_required_field_or_a_list_that_is_null_is_left_to_the_json_reader() {
    assert_eq!(
        packed_read(&json!({"displayName": "Sans identifiant"})),
        None
    );
    assert_eq!(
        packed_read(&json!({"learnerId": "a", "activities": null})),
        None
    );
    assert_eq!(packed_read(&json!(["not", "a", "record"])), None);
}

#[test]
fn truncated_or_lying_bytes_are_not_records() {
    let bytes = packed::write(&learner("hdf-absent-s3-day2-without-justification").learner_value());
    assert!(packed::read(&bytes).is_some());
    for cut in [0, 1, 5, bytes.len() / 2, bytes.len() - 1] {
        assert_eq!(packed::read(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(packed::read(&longer), None, "a byte after the record");
    // An object claiming four billion members, then nothing.
    assert_eq!(packed::read(&[6, 0xff, 0xff, 0xff, 0xff]), None);
}
