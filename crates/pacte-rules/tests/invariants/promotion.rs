//! A promotion: a JSON array of learners' records, or JSON Lines.

use pacte_rules::api::{self, Answer, Detail, PromotionEntry};
use pacte_rules::parse::without_bom;
use serde_json::value::RawValue;

/// Target `promotion`: `<programme> <asOf>`, then the promotion's text.
pub fn target(data: &[u8]) {
    let Some((programme, as_of, text)) = super::programme_and_date(data) else {
        return;
    };
    let answer = api::evaluate_promotion_json(programme, text, as_of, Detail::Report);
    assert_eq!(
        super::json(&answer),
        super::json(&api::evaluate_promotion_json(
            programme,
            text,
            as_of,
            Detail::Report
        )),
        "evaluating the same promotion twice gives other JSON"
    );
    super::assert_refusal(&answer);
    let Answer::Success { value: report } = answer else {
        return;
    };
    // One entry per learner given, in order: each one's own answer, but for
    // a learner id given again.
    let text = without_bom(text);
    let items: Vec<&str> = if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text)
            .expect("an accepted array")
            .iter()
            .map(|r| r.get())
            .collect()
    } else {
        assert_lines_read_as_an_array(programme, text, as_of);
        text.lines().filter(|l| !l.trim().is_empty()).collect()
    };
    assert_eq!(report.learners.len(), items.len(), "one entry per learner");
    let s = report.stages;
    let counted =
        s.blocked + s.at_risk + s.not_started + s.in_progress + s.ready_to_defend + s.complete;
    assert_eq!(
        counted + report.invalid,
        items.len() as u32,
        "every learner counted once"
    );
    let mut ids = std::collections::HashSet::new();
    for (i, (entry, item)) in report.learners.iter().zip(&items).enumerate() {
        let alone = api::evaluate(programme, *item, as_of);
        match (entry, alone) {
            (PromotionEntry::Evaluated { report }, Answer::Success { value }) => {
                assert!(
                    ids.insert(report.learner_id.clone()),
                    "learner id {} evaluated twice",
                    report.learner_id
                );
                assert_eq!(
                    super::json(report),
                    super::json(&value),
                    "learner {i}: not its own report"
                );
            }
            (PromotionEntry::Invalid { index, problems }, alone) => {
                assert_eq!(*index as usize, i, "an invalid learner at another index");
                super::assert_located(problems);
                let prefix = format!("/{i}");
                assert!(
                    problems
                        .iter()
                        .all(|p| p.path == prefix || p.path.starts_with(&format!("{prefix}/"))),
                    "problems of learner {i} not under {prefix}"
                );
                if let Answer::Success { value } = alone {
                    assert!(
                        !ids.insert(value.learner_id.clone()),
                        "learner {i} accepted alone, refused in the promotion"
                    );
                }
            }
            (PromotionEntry::Evaluated { .. }, Answer::Failure { problems }) => {
                panic!("learner {i} refused alone ({problems:?}), accepted in the promotion")
            }
            (PromotionEntry::Standing { .. }, _) => {
                panic!("learner {i}: a standing in a promotion of reports")
            }
        }
    }
}

/// The same learners as JSON Lines and as a JSON array: the same answer.
pub fn assert_lines_read_as_an_array(
    programme: &pacte_rules::programme::Programme,
    text: &str,
    as_of: pacte_rules::date::IsoDate,
) {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines
        .iter()
        .any(|l| serde_json::from_str::<&RawValue>(l).is_err())
    {
        return;
    }
    let array = format!("[{}]", lines.join(","));
    assert_eq!(
        super::json(&api::evaluate_promotion_json(
            programme,
            text,
            as_of,
            Detail::Report
        )),
        super::json(&api::evaluate_promotion_json(
            programme,
            &array,
            as_of,
            Detail::Report
        )),
        "JSON Lines and the same learners as an array answer differently"
    );
}
