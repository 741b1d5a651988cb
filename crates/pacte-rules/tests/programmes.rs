//! Programme definitions as data: the six embedded ones say what the sources
//! say, and a definition that breaks the format is refused with every
//! problem, each with its code and its JSON path as written.

mod common;

use common::*;
use pacte_rules::api::{self, Answer, ProgrammeSource};
use pacte_rules::minutes::Minutes;
use pacte_rules::programme::{Mention, Programme, Quota, StructureType};
use pacte_rules::report::Stage;
use serde_json::json;

fn hours(p: &Programme) -> [Option<u32>; 3] {
    let r = &p.definition.required_minutes;
    [r.presentiel, r.elearning, r.equipe].map(|m| m.map(|m| m.0 / 60))
}

fn strs<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    items.into_iter().map(String::as_str).collect()
}

/// The (date, minutes) of every seminar day, session by session.
fn calendar(p: &Programme) -> Vec<(&str, Vec<(String, u32)>)> {
    p.definition
        .sessions
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.days
                    .iter()
                    .map(|d| (d.date.to_string(), d.minutes.0))
                    .collect(),
            )
        })
        .collect()
}

/// Asserts the one problem of a definition fixture: its code, path and French message.
fn assert_refused_once(name: &str, with: &[&str], code: &str, path: &str, message: &str) {
    let problems = assert_refused(name, with, &[(code, path)]);
    assert_eq!(problems[0].message.fr, message, "{name}");
}

/// Asserts the problems of a definition fixture, as (code, path), in order.
fn assert_refused(
    name: &str,
    with: &[&str],
    expected: &[(&str, &str)],
) -> Vec<pacte_rules::problem::Problem> {
    let problems = definition_problems(name, with);
    let expected: Vec<(String, &str)> = expected
        .iter()
        .map(|(code, path)| (code.to_string(), *path))
        .collect();
    assert_eq!(located(&problems), expected, "{name}");
    problems
}

// --- The embedded programmes -------------------------------------------

#[test]
fn six_programmes_are_embedded_in_catalogue_order() {
    let ids: Vec<String> = api::programmes().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, PROGRAMMES);
    for p in api::programmes() {
        assert!(
            p.hash.starts_with("sha256:") && p.hash.len() == 7 + 64,
            "{}: {}",
            p.id,
            p.hash
        );
    }
}

#[test]
fn every_embedded_programme_names_its_sources_and_its_own_hash() {
    let mut hashes: Vec<&str> = PROGRAMMES
        .iter()
        .map(|id| embedded(id).hash.as_str())
        .collect();
    for id in PROGRAMMES {
        assert!(
            !embedded(id).definition.sources.is_empty(),
            "{id} names no source"
        );
    }
    hashes.sort();
    hashes.dedup();
    assert_eq!(hashes.len(), 6, "two programmes share a hash");
}

/// The definition as written, and those it extends, nearest first.
fn written_chain(id: &str) -> Vec<serde_json::Value> {
    let mut chain = Vec::new();
    let mut next = Some(id.to_string());
    while let Some(id) = next {
        let text = std::fs::read_to_string(repo_path(&format!(
            "crates/pacte-rules/programmes/{id}.json"
        )))
        .unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        next = doc["extends"].as_str().map(str::to_string);
        chain.push(doc);
    }
    chain
}

#[test]
fn every_embedded_definition_states_each_counting_rule_and_due_date_or_the_default_it_takes() {
    let mut silent = Vec::new();
    for id in PROGRAMMES {
        let p = embedded(id);
        let chain = written_chain(id);
        let mut rules = vec![
            "/atRiskWithinDays".to_string(),
            "/attendance/excusedMinutesCount".into(),
            "/counting/maxActivityMinutes".into(),
            "/memoire/dueDate".into(),
            "/soutenance/date".into(),
        ];
        if p.definition.promotion.is_some() {
            rules.push("/counting/recordsFrom".into());
        }
        for (g, _) in p.definition.elective_groups.iter().enumerate() {
            rules.push(format!("/electiveGroups/{g}/doneBy"));
        }
        if p.definition
            .candidature
            .as_ref()
            .is_some_and(|c| c.due_date.is_some())
        {
            rules.push("/candidature/dueDateIncluded".into());
        }
        // Each traceur says what makes it count, in so many words.
        for (t, _) in p.definition.traceurs.iter().enumerate() {
            let counts = format!("/traceurs/{t}/counts");
            if !chain.iter().any(|doc| doc.pointer(&counts).is_some()) {
                silent.push(format!("{id}: {counts}"));
            }
        }
        for rule in rules {
            // Set where it is written (in this definition or one it extends), or a
            // note of `defaults` covers it.
            let stated = chain.iter().any(|doc| {
                doc.pointer(&rule).is_some_and(|v| !v.is_null())
                    || doc["defaults"].as_array().is_some_and(|notes| {
                        notes.iter().any(|n| {
                            n["path"].as_str().is_some_and(|path| {
                                rule == path || rule.starts_with(&format!("{path}/"))
                            })
                        })
                    })
            });
            if !stated {
                silent.push(format!("{id}: {rule}"));
            }
        }
    }
    assert_eq!(
        silent,
        Vec::<String>::new(),
        "neither set nor noted in defaults"
    );
}

#[test]
fn the_msp_cds_mention_is_96_30_and_30_hours_over_five_mandatory_modules() {
    let p = embedded("msp-cds");
    assert_eq!(p.definition.mention, Mention::MspCds);
    assert_eq!(hours(p), [Some(96), Some(30), Some(30)]);
    assert_eq!(
        strs(p.definition.modules.iter().map(|m| &m.title)),
        [
            "Prise de fonction",
            "Projet de santé",
            "Démarche qualité",
            "Dynamique collective",
            "Gestion de structure"
        ]
    );
    assert!(p.definition.elective_groups.is_empty());
    assert_eq!(p.definition.traceurs[0].id, "fiche-de-poste");
    assert_eq!(p.definition.soutenance.duration_minutes, Minutes(60));
}

#[test]
fn the_cpts_mention_is_124_50_and_50_hours() {
    let p = embedded("cpts");
    assert_eq!(p.definition.mention, Mention::Cpts);
    assert_eq!(hours(p), [Some(124), Some(50), Some(50)]);
    assert_eq!(p.definition.modules.len(), 5);
    assert_eq!(
        p.definition.candidature.as_ref().unwrap().structure_types,
        [StructureType::Cpts]
    );
    // The fifth module is uncertain in the sources: the definition says so.
    assert!(p.definition.defaults.iter().any(|d| d.path == "/modules/0"));
}

#[test]
fn the_socle_is_four_modules_and_one_complementary_module_of_four() {
    let p = embedded("socle-option");
    assert_eq!(p.lineage, ["socle-option", "msp-cds"]);
    let group = &p.definition.elective_groups[0];
    assert_eq!(group.at_least, 1);
    assert_eq!(
        strs(&group.modules),
        [
            "strategie-de-communication",
            "telemedecine",
            "parcours-de-sante",
            "gestion-budgetaire-et-comptable"
        ]
    );
    let socle: Vec<&str> = p
        .definition
        .modules
        .iter()
        .filter(|m| !p.is_elective(&m.id))
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        socle,
        [
            "prise-de-fonction",
            "projet-de-sante",
            "demarche-qualite",
            "dynamique-collective"
        ]
    );
    // Hours are those of the mention it extends.
    assert_eq!(hours(p), [Some(96), Some(30), Some(30)]);
}

#[test]
fn leaders_are_held_to_no_hours_and_no_traceurs() {
    let p = embedded("leader-msp");
    assert_eq!(p.definition.mention, Mention::LeaderMsp);
    assert_eq!(hours(p), [None, None, None]);
    assert!(p.definition.traceurs.is_empty());
    assert!(
        !p.definition
            .candidature
            .as_ref()
            .unwrap()
            .derogation_for_recruitment
    );
}

#[test]
fn the_hauts_de_france_calendar_is_the_one_of_the_webinar() {
    let p = embedded("hdf-leader-msp-2024");
    assert_eq!(p.lineage, ["hdf-leader-msp-2024", "leader-msp"]);
    let day = |d: &str| (d.to_string(), 420);
    assert_eq!(
        calendar(p),
        [
            ("S1", vec![day("2024-04-11")]),
            ("S2", vec![day("2024-05-23"), day("2024-05-24")]),
            ("S3", vec![day("2024-09-12"), day("2024-09-13")]),
            ("S4", vec![day("2024-10-03"), day("2024-10-04")]),
        ]
    );
    assert_eq!(p.definition.soutenance.date, Some(date("2024-11-27")));
    // In-person time left out of the definition is the calendar's: 7 days of 7 h.
    assert_eq!(hours(p)[0], Some(49));
}

#[test]
fn the_bretagne_promotion_takes_one_to_three_candidates_per_cpts_until_30_june_2021() {
    let p = embedded("bretagne-cpts-2021");
    assert_eq!(p.lineage, ["bretagne-cpts-2021", "cpts"]);
    let rules = p.definition.candidature.as_ref().unwrap();
    assert_eq!(rules.candidates_per_team, Some(Quota { min: 1, max: 3 }));
    assert_eq!(rules.due_date, Some(date("2021-06-30")));
    assert_eq!(
        rules.board_letter_piece.as_deref(),
        Some("lettre-engagement")
    );
    assert_eq!(
        strs(rules.candidate_pieces.iter().map(|p| &p.id)),
        ["lettre-de-motivation", "cv"]
    );
    assert_eq!(
        strs(rules.team_pieces.iter().map(|p| &p.id)),
        ["lettre-engagement", "projet-de-sante"]
    );
    assert_eq!(
        strs(rules.questions.iter().map(|q| &q.id)),
        ["organisation-coordination", "besoin-accompagnement"]
    );
}

#[test]
fn the_bretagne_calendar_has_a_diagnostic_day_a_rentree_and_four_two_day_seminars() {
    let p = embedded("bretagne-cpts-2021");
    let shape: Vec<(&str, bool, usize)> = p
        .definition
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), s.mandatory, s.days.len()))
        .collect();
    assert_eq!(
        shape,
        [
            ("diagnostic", false, 1),
            ("rentree", true, 1),
            ("S1", true, 2),
            ("S2", true, 2),
            ("S3", true, 2),
            ("S4", true, 2)
        ]
    );
    // Seed 002 gives no hours: only the calendar's 9 mandatory days are
    // required; the 124, 50 and 50 h of the 2025 mention are not taken.
    assert_eq!(hours(p), [Some(63), None, None]);
}

#[test]
fn a_promotion_keeps_the_sources_and_default_notes_of_the_programme_it_extends() {
    let p = embedded("bretagne-cpts-2021");
    let cpts = embedded("cpts");
    assert_eq!(
        p.definition.sources.len(),
        cpts.definition.sources.len() + 1
    );
    // In the parent's order; a note the promotion restates (its own soutenance
    // date) reads in the promotion's words.
    let paths = |d: &[pacte_rules::programme::DefaultNote]| -> Vec<String> {
        d.iter().map(|n| n.path.clone()).collect()
    };
    assert_eq!(
        paths(&p.definition.defaults[..cpts.definition.defaults.len()]),
        paths(&cpts.definition.defaults)
    );
    assert!(p
        .definition
        .defaults
        .iter()
        .any(|d| d.path == "/sessions/0/mandatory"));
}

#[test]
fn a_default_note_restated_by_a_promotion_is_listed_once_in_the_promotions_words() {
    let parent = r#"{"id":"parent","version":"1","title":"P","mention":"cpts",
        "sources":["seed 002"],"defaults":[{"path":"/atRiskWithinDays","note":"30 jours, par défaut."}]}"#;
    let promotion = r#"{"id":"promotion","version":"1","extends":"parent","sources":["seed 002"],
        "defaults":[{"path":"/atRiskWithinDays","note":"15 jours pour cette promotion."}]}"#;
    let answer = api::check_programme(
        &ProgrammeSource::Definition(serde_json::from_str(promotion).unwrap()),
        &[serde_json::from_str(parent).unwrap()],
    );
    let Answer::Success { value } = answer else {
        panic!("the promotion resolves: {answer:?}")
    };
    assert_eq!(strs(&value.definition.sources), ["seed 002"]);
    let notes: Vec<(&str, &str)> = value
        .definition
        .defaults
        .iter()
        .map(|d| (d.path.as_str(), d.note.as_str()))
        .collect();
    assert_eq!(
        notes,
        [("/atRiskWithinDays", "15 jours pour cette promotion.")]
    );
}

#[test]
fn a_regional_definition_given_at_run_time_extends_an_embedded_one() {
    let doc = json!({
        "id": "hdf-leader-msp-2025",
        "version": "2025.1",
        "extends": "hdf-leader-msp-2024",
        "title": "PACTE LEADER MSP Hauts-de-France — promotion 2, 2025",
        "promotion": { "region": "Hauts-de-France", "startDate": "2025-03-01", "endDate": "2025-11-30" },
        "sessions": [{ "id": "S1", "title": "Séminaire 1", "days": [{ "date": "2025-03-20", "minutes": 390 }] }],
        "soutenance": { "date": "2025-11-27" }
    });
    let Answer::Success { value } = api::check_programme(&ProgrammeSource::Definition(doc), &[])
    else {
        panic!("refused");
    };
    assert_eq!(
        value.summary.lineage,
        ["hdf-leader-msp-2025", "hdf-leader-msp-2024", "leader-msp"]
    );
    assert_eq!(
        value.definition.required_minutes.presentiel,
        Some(Minutes(390))
    );
    // Merge patch: the soutenance keeps the duration of the parent.
    assert_eq!(value.definition.soutenance.duration_minutes, Minutes(60));
    assert_ne!(value.summary.hash, embedded("hdf-leader-msp-2024").hash);
}

#[test]
fn naming_its_json_schema_changes_neither_a_definition_nor_its_hash() {
    let path = repo_path("crates/pacte-rules/programmes/hdf-leader-msp-2024.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    assert_eq!(doc["$schema"], "../../../schemas/programme.schema.json");
    let hash = |doc: &serde_json::Value| match api::check_programme(
        &ProgrammeSource::Definition(doc.clone()),
        &[],
    ) {
        Answer::Success { value } => value.summary.hash,
        Answer::Failure { problems } => panic!("refused: {problems:?}"),
    };
    let embedded_hash = &embedded("hdf-leader-msp-2024").hash;
    assert_eq!(&hash(&doc), embedded_hash);
    doc.as_object_mut().expect("an object").remove("$schema");
    assert_eq!(&hash(&doc), embedded_hash);
}

// --- Definitions refused -----------------------------------------------

#[test]
fn an_unknown_field_is_refused_with_its_path() {
    assert_refused_once(
        "unknown-field-in-session",
        &[],
        "UNKNOWN_FIELD",
        "/sessions/1/lieu",
        "champ inconnu /sessions/1/lieu",
    );
}

#[test]
fn a_missing_field_is_refused_with_the_path_of_its_object() {
    assert_refused_once(
        "session-day-without-minutes",
        &[],
        "INVALID_VALUE",
        "/sessions/1/days/1",
        "valeur invalide en /sessions/1/days/1 : champ « minutes » manquant",
    );
}

#[test]
fn a_seminar_day_longer_than_a_day_is_refused() {
    assert_refused_once(
        "session-day-of-4294967295-minutes",
        &[],
        "IMPLAUSIBLE_DURATION",
        "/sessions/1/days/1/minutes",
        "la journée du 2025-05-16 du séminaire « S2 » dure 71582788 h 15, plus qu'une journée de 24 h",
    );
}

#[test]
fn an_impossible_date_is_refused_with_its_path_and_nothing_else() {
    // Setting the day aside leaves the calendar 7 h short of the required
    // 42 h: that would only echo the bad date, so it is not reported.
    let problems = assert_refused(
        "impossible-date-in-session",
        &[],
        &[("INVALID_DATE", "/sessions/2/days/1/date")],
    );
    assert!(
        problems[0]
            .message
            .fr
            .starts_with("date invalide en /sessions/2/days/1/date : "),
        "{}",
        problems[0].message.fr
    );
    assert_eq!(
        problems[0].message.fr,
        "date invalide en /sessions/2/days/1/date : « 2025-09-31 » n'est pas une date réelle écrite AAAA-MM-JJ"
    );
}

#[test]
fn a_duplicate_id_is_refused_at_its_second_occurrence() {
    assert_refused_once(
        "duplicate-session-id",
        &[],
        "DUPLICATE_ID",
        "/sessions/2/id",
        "l'identifiant « S2 » figure deux fois dans /sessions",
    );
}

#[test]
fn a_traceur_of_a_module_the_programme_lacks_is_refused() {
    assert_refused_once(
        "traceur-of-unknown-module",
        &[],
        "UNKNOWN_REFERENCE",
        "/traceurs/1/module",
        "le module « strategie-de-communication » n'existe pas dans ce programme",
    );
}

#[test]
fn a_seminar_day_outside_the_promotion_dates_is_refused() {
    assert_refused(
        "session-outside-promotion",
        &[],
        &[("SESSION_OUTSIDE_PROMOTION", "/sessions/2/days/1/date")],
    );
}

#[test]
fn definitions_extending_each_other_in_a_circle_are_refused() {
    assert_refused_once(
        "cycle-a-extends-b",
        &["cycle-b-extends-a"],
        "EXTENDS_CYCLE",
        "/extends",
        "les définitions s'étendent en cercle : cycle-a → cycle-b → cycle-a",
    );
}

#[test]
fn extending_a_programme_nobody_gave_is_refused() {
    assert_refused_once(
        "extends-unknown-parent",
        &[],
        "UNKNOWN_PARENT",
        "/extends",
        "« cpts-national » n'est ni un programme intégré ni une définition fournie",
    );
}

#[test]
fn an_elective_group_asking_more_modules_than_it_offers_is_refused() {
    assert_refused_once(
        "elective-group-asks-more-than-it-offers",
        &[],
        "ELECTIVE_GROUP_TOO_LARGE",
        "/electiveGroups/0/atLeast",
        "le groupe « modules-complementaires » demande au moins 3 modules mais n'en propose que 2",
    );
}

#[test]
fn a_seminar_without_days_is_refused() {
    assert_refused_once(
        "session-without-days",
        &[],
        "EMPTY_SESSION",
        "/sessions/1/days",
        "le séminaire « S2 » n'a aucune journée",
    );
}

#[test]
fn a_calendar_that_cannot_supply_the_96_hours_of_presentiel_is_refused() {
    assert_refused_once(
        "calendar-short-of-96-hours",
        &[],
        "CALENDAR_SHORT_OF_PRESENTIEL",
        "/requiredMinutes/presentiel",
        "le calendrier n'offre que 42 h de séminaires obligatoires pour 96 h de présentiel exigées",
    );
}

#[test]
fn several_errors_are_all_reported_with_their_paths_as_written() {
    assert_refused(
        "several-errors-at-once",
        &[],
        &[
            ("INVALID_DATE", "/sessions/2/days/1/date"),
            ("UNKNOWN_FIELD", "/sessions/3/salle"),
            ("DUPLICATE_ID", "/sessions/3/id"),
        ],
    );
}

#[test]
fn messages_name_the_path_as_written_after_an_element_is_set_aside() {
    let problems = assert_refused(
        "malformed-session-before-an-impossible-date",
        &[],
        &[
            ("INVALID_VALUE", "/sessions/1"),
            ("INVALID_DATE", "/sessions/2/days/1/date"),
        ],
    );
    for p in &problems {
        assert!(
            p.message.fr.contains(&format!(" en {} : ", p.path)),
            "{}",
            p.message.fr
        );
    }
}

#[test]
fn regional_calendars_of_either_shape_load_and_evaluate() {
    // Seed 003: "3 séminaires présentiels par an"; elsewhere, a regional
    // announcement: one two-day seminar a quarter over 18 months.
    for (name, as_of, sessions, presentiel, stage) in [
        (
            "three-seminars-a-year-pays-de-la-loire",
            "2025-07-01",
            3,
            2520,
            Stage::InProgress,
        ),
        (
            "one-two-day-seminar-a-quarter-grand-est",
            "2025-12-01",
            6,
            5040,
            Stage::InProgress,
        ),
    ] {
        let doc = regional_definition(name);
        let programme = api::programme(&ProgrammeSource::Definition(doc), &[])
            .unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert_eq!(programme.definition.sessions.len(), sessions, "{name}");
        assert_eq!(
            programme.definition.required_minutes.presentiel,
            Some(Minutes(presentiel)),
            "{name}"
        );
        // A learner present at every seminar day held so far.
        let as_of = date(as_of);
        let attendance: Vec<serde_json::Value> = programme
            .definition
            .sessions
            .iter()
            .flat_map(|s| s.days.iter().map(move |d| (s, d)))
            .filter(|(_, d)| d.date <= as_of)
            .map(|(s, d)| json!({ "session": s.id, "date": d.date, "status": "present" }))
            .collect();
        let learner = json!({ "learnerId": "exemple-001", "attendance": attendance });
        let report = success(name, api::evaluate(&programme, &learner.to_string(), as_of));
        assert_eq!(report.stage, stage, "{name}");
        assert!(report.ignored.is_empty(), "{name}: {:?}", report.ignored);
    }
}

#[test]
fn a_region_replacing_the_traceurs_keeps_its_modules_asked_of_the_learner_by_their_own_hours() {
    // Without the default one-traceur-per-module list, a module's own
    // requirement is data: 10 h recorded in "Démarche qualité".
    let mut modules = serde_json::to_value(&embedded("msp-cds").definition.modules).unwrap();
    let quality = modules
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["id"] == "demarche-qualite")
        .unwrap();
    quality["requiredMinutes"] = json!(600);
    let doc = json!({
        "id": "region-sans-traceurs", "version": "1", "extends": "msp-cds",
        "title": "Une région sans documents traceurs", "traceurs": [], "modules": modules
    });
    let programme = api::programme(&ProgrammeSource::Definition(doc), &[]).unwrap();
    let learner = json!({ "learnerId": "exemple-002", "activities": [
        { "id": "q1", "modality": "elearning", "module": "demarche-qualite", "date": "2025-03-03", "minutes": 240 }
    ]});
    let report = success(
        "region",
        api::evaluate(&programme, &learner.to_string(), date("2025-04-01")),
    );
    let unmet = the_unmet(&report, "MODULE_HOURS_SHORT");
    assert_eq!(
        unmet.message.fr,
        "module « Démarche qualité » : 4 h enregistrées sur les 10 h demandées"
    );
    assert_eq!(unmet.rule, "/modules/2/requiredMinutes");
}

#[test]
fn sources_written_as_one_text_instead_of_a_list_are_refused_not_replaced_by_the_parents() {
    let doc = json!({
        "id": "une-region", "version": "1", "extends": "msp-cds",
        "sources": "Annonce régionale, 2025"
    });
    let problems = failure(
        "sources",
        api::check_programme(&ProgrammeSource::Definition(doc), &[]),
    );
    assert_eq!(
        located(&problems),
        [("INVALID_VALUE".to_string(), "/sources")]
    );
}

#[test]
fn every_definition_fixture_is_refused() {
    for name in fixture_names("definitions") {
        // The two halves of the circle are given to each other.
        let with: &[&str] = match name.as_str() {
            "cycle-a-extends-b" => &["cycle-b-extends-a"],
            "cycle-b-extends-a" => &["cycle-a-extends-b"],
            _ => &[],
        };
        assert!(!definition_problems(&name, with).is_empty(), "{name}");
    }
}

// --- One id and version, one set of rules ----------------------------------------

/// The embedded HDF definition as its file is written.
fn hdf_file() -> serde_json::Value {
    serde_json::from_str(&read(repo_path(
        "crates/pacte-rules/programmes/hdf-leader-msp-2024.json",
    )))
    .unwrap()
}

#[test]
fn a_definition_taking_an_embedded_id_and_version_with_other_rules_is_refused() {
    // The HDF promotion with its third seminar made optional: a learner
    // blocked by an unjustified absence from it would be reported in progress.
    let mut shadow = hdf_file();
    shadow["sessions"][2]["mandatory"] = json!(false);
    let refused = |source: &ProgrammeSource, extra: &[serde_json::Value]| {
        api::programme(source, extra)
            .map(|_| ())
            .expect_err("refused")
            .iter()
            .map(|p| (json_name(&p.code), p.path.clone(), p.message.fr.clone()))
            .collect::<Vec<_>>()
    };
    let expected = vec![(
        "CONFLICTING_DEFINITION".to_string(),
        "/version".to_string(),
        "« hdf-leader-msp-2024 » version 2024.1 existe déjà avec d'autres règles : donnez une autre version (ou un autre identifiant) à cette définition".to_string(),
    )];
    // Given beside the embedded id (`--with`, `loadProgramme(id, [doc])`)…
    let by_id = ProgrammeSource::Id("hdf-leader-msp-2024".into());
    assert_eq!(refused(&by_id, &[shadow.clone()]), expected);
    // …or as the definition itself.
    assert_eq!(refused(&ProgrammeSource::Definition(shadow), &[]), expected);
}

#[test]
fn the_embedded_file_given_again_as_it_is_is_the_same_programme() {
    let by_id = ProgrammeSource::Id("hdf-leader-msp-2024".into());
    let programme = api::programme(&by_id, &[hdf_file()]).expect("the same rules");
    assert_eq!(programme.hash, embedded("hdf-leader-msp-2024").hash);
}
