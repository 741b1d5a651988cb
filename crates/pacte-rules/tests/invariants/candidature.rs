//! A candidature file, checked against the programme's candidature rules.

use pacte_rules::api::{self, Answer};
use pacte_rules::candidature::Verdict;
use pacte_rules::parse::without_bom;
use serde_json::Value;

/// Target `candidature`: `<programme> <asOf>`, then the file as JSON text.
pub fn target(data: &[u8]) {
    let Some((programme, as_of, text)) = super::programme_and_date(data) else {
        return;
    };
    let answer = api::check_candidature_json(programme, text, as_of);
    assert_eq!(
        super::json(&answer),
        super::json(&api::check_candidature_json(programme, text, as_of)),
        "checking the same file twice gives other JSON"
    );
    super::assert_refusal(&answer);
    let Answer::Success { value: report } = answer else {
        return;
    };
    let doc: Value = serde_json::from_str(without_bom(text)).expect("an accepted file is JSON");
    let (reasons, missing) = match &report.verdict {
        Verdict::Eligible {} => (&[][..], &[][..]),
        Verdict::Incomplete { missing, .. } => {
            assert!(!missing.is_empty(), "incomplete, with nothing missing");
            (&[][..], &missing[..])
        }
        Verdict::Ineligible { reasons, missing } => {
            assert!(!reasons.is_empty(), "ineligible, for no reason");
            (&reasons[..], &missing[..])
        }
    };
    super::assert_located(reasons);
    super::assert_located(&report.advisories);
    // What the committee reads points at the file: at a candidate it has,
    // or at the team (where a piece or an answer may be what is missing).
    let paths = reasons
        .iter()
        .chain(&report.advisories)
        .map(|f| &f.path)
        .chain(missing.iter().map(|m| &m.path));
    let candidates = doc
        .get("candidates")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    for path in paths {
        let mut segments = path.split('/').skip(1);
        let located = match (segments.next(), segments.next()) {
            (Some("candidates"), Some(i)) => i.parse::<usize>().is_ok_and(|i| i < candidates),
            (Some(field), _) => ["candidates", "team", "submittedOn", "programme"].contains(&field),
            (None, _) => true,
        };
        assert!(located, "a finding at {path}, which is not in the file");
    }
}
