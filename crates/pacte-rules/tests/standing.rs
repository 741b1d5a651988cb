//! The standing: where a learner stands without the report's words, for bulk
//! work. It must say what the full report of the same evaluation says.

mod common;
mod invariants;

use common::*;
use invariants::learner::standing_of;
use pacte_rules::api::{self, Answer, Detail, PromotionEntry};
use serde_json::json;

#[test]
fn every_learner_fixture_stands_as_its_full_report_says() {
    for name in fixture_names("learners") {
        let f = learner(&name);
        let rules = f.rules();
        let as_of = date(&f.as_of);
        let report = api::evaluate(&rules, f.learner.get(), as_of);
        let standing = api::standing(&rules, f.learner.get(), as_of);
        match (report, standing) {
            (Answer::Success { value: report }, Answer::Success { value: standing }) => {
                assert_eq!(standing, standing_of(&report), "{name}");
            }
            (Answer::Failure { problems: a }, Answer::Failure { problems: b }) => {
                assert_eq!(a, b, "{name}: refused alike");
            }
            (report, standing) => panic!("{name}: {report:?} but {standing:?}"),
        }
    }
}

#[test]
fn an_unjustified_absence_stands_blocked_with_the_day_and_no_words() {
    let f = learner("hdf-absent-s3-day2-without-justification");
    let standing = success(
        "standing",
        api::standing(&f.rules(), f.learner.get(), date(&f.as_of)),
    );
    let tally = |required, done, excused, remaining| json!({"requiredMinutes": required, "doneMinutes": done, "excusedMinutes": excused, "remainingMinutes": remaining});
    assert_eq!(
        serde_json::to_value(&standing).unwrap(),
        json!({
            "learnerId": "hdf-2024-008",
            "displayName": "Julien Dubois",
            "stage": "blocked",
            "hours": {
                "presentiel": tally(2940, 1680, 0, 1260),
                "elearning": {"doneMinutes": 0, "excusedMinutes": 0, "remainingMinutes": 0},
                "equipe": {"doneMinutes": 0, "excusedMinutes": 0, "remainingMinutes": 0},
                "total": tally(2940, 1680, 0, 1260),
            },
            // S1 and S2 attended, S3 day 1 attended and day 2 missed, S4 ahead.
            "days": ["present", "present", "present", "present", "unjustifiedAbsence", "upcoming", "upcoming"],
            "traceurs": [],
            "memoire": "inProgress",
            "soutenance": "notScheduled",
            "unmet": [
                {"code": "HOURS_UNREACHABLE", "modality": "presentiel", "remainingMinutes": 1260, "upcomingMinutes": 840, "blocking": true, "dueDate": "2024-11-27"},
                {"code": "SESSION_UNJUSTIFIED_ABSENCE", "session": "S3", "date": "2024-09-13", "blocking": true},
                {"code": "MEMOIRE_NOT_SUBMITTED", "blocking": false, "dueDate": "2024-11-27"},
                {"code": "SOUTENANCE_NOT_PASSED", "blocking": false, "dueDate": "2024-11-27"},
                {"code": "SESSION_UPCOMING", "session": "S4", "date": "2024-10-03", "blocking": false},
                {"code": "SESSION_UPCOMING", "session": "S4", "date": "2024-10-04", "blocking": false},
            ],
            "ignoredCount": 0,
            "advisoryCount": 0,
        })
    );
}

#[test]
fn a_promotion_of_standings_counts_the_learners_as_one_of_reports() {
    let text = std::fs::read_to_string(repo_path("www/data/promotion-exemple.json")).unwrap();
    let programme = embedded("hdf-leader-msp-2024");
    let as_of = date("2024-09-20");
    let reports = success(
        "reports",
        api::evaluate_promotion_json(programme, &text, as_of, Detail::Report),
    );
    let standings = success(
        "standings",
        api::evaluate_promotion_json(programme, &text, as_of, Detail::Standing),
    );
    assert_eq!(standings.stages, reports.stages);
    assert_eq!(standings.invalid, reports.invalid);
    assert_eq!(standings.learners.len(), reports.learners.len());
    for (s, r) in standings.learners.iter().zip(&reports.learners) {
        match (s, r) {
            (PromotionEntry::Standing { standing }, PromotionEntry::Evaluated { report }) => {
                assert_eq!(**standing, standing_of(report));
            }
            (s, r) => assert_eq!(s, r, "an invalid learner is the same entry"),
        }
    }
}
