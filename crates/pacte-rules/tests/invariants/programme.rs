//! A programme definition, resolved through the catalog (`extends` an
//! embedded programme, or one of the other definitions given).

use pacte_rules::api::{self, Answer, ProgrammeSource};
use pacte_rules::date::IsoDate;
use pacte_rules::parse;
use pacte_rules::programme::Catalog;
use serde_json::Value;

/// A line of its own between two definitions of one input.
pub const SEPARATOR: &str = "\n---\n";

/// Target `programme`: a definition, then the definitions it may extend,
/// each after a line `---`.
pub fn target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut docs = Vec::new();
    for part in text.split(SEPARATOR) {
        match parse::json_value(part) {
            Ok(doc) => docs.push(doc),
            Err(problem) => return super::assert_located(&[problem]),
        }
    }
    let definition = docs.remove(0);
    let source = ProgrammeSource::Definition(definition);
    let answer = api::check_programme(&source, &docs);
    assert_eq!(
        super::json(&answer),
        super::json(&api::check_programme(&source, &docs)),
        "checking the same definition twice gives other JSON"
    );
    super::assert_refusal(&answer);
    let Answer::Success { value: details } = answer else {
        return;
    };
    // Resolved, a definition is one that resolves to itself: nothing of a
    // parent is lost or added twice. Under another id, as the resolved
    // content may not take the id and version of the definition it came from.
    let mut resolved = serde_json::to_value(&details.definition).expect("serialisable");
    resolved["id"] = Value::from("fuzz-resolved");
    super::remove_at(&mut resolved, "/extends");
    let again = Catalog::embedded()
        .load_document(&resolved)
        .unwrap_or_else(|problems| panic!("a resolved definition refused: {problems:?}"));
    assert_eq!(
        serde_json::to_value(&again.definition).expect("serialisable"),
        resolved,
        "a resolved definition resolves to another"
    );
    // Any programme evaluates a learner with nothing recorded, on any day of it.
    let programme = api::programme(&source, &docs).expect("accepted once");
    let first_day = programme
        .definition
        .sessions
        .iter()
        .flat_map(|s| &s.days)
        .map(|d| d.date)
        .min();
    let as_of = first_day.or(IsoDate::parse("2024-06-30")).expect("a date");
    super::learner::evaluated(&programme, r#"{"learnerId":"fuzz-001"}"#, as_of)
        .expect("a learner with nothing recorded, accepted");
}
