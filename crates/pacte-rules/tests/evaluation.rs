//! The diploma conditions of the sources (seeds 000–004), checked on learners
//! written from them: the stage of each, what stands between them and the
//! diploma, and what of their records the engine set aside.

mod common;

use common::*;
use pacte_rules::api::Answer;
use pacte_rules::message::Message;
use pacte_rules::minutes::Minutes;
use pacte_rules::programme::{ElectiveDone, Modality};
use pacte_rules::report::*;
use std::collections::BTreeSet;

fn tally(required: Option<u32>, done: u32, excused: u32, remaining: u32) -> Tally {
    Tally {
        required_minutes: required.map(Minutes),
        done_minutes: Minutes(done),
        excused_minutes: Minutes(excused),
        remaining_minutes: Minutes(remaining),
    }
}

fn day_status(report: &ProgressReport, session: &str, date_text: &str) -> DayStatus {
    let s = report
        .sessions
        .iter()
        .find(|s| s.id == session)
        .expect("session in report");
    s.days
        .iter()
        .find(|d| d.date == date(date_text))
        .expect("day in session")
        .status
}

fn traceur<'a>(report: &'a ProgressReport, id: &str) -> &'a TraceurReport {
    report
        .traceurs
        .iter()
        .find(|t| t.id == id)
        .expect("traceur in report")
}

/// Evaluates a fixture and asserts the records set aside, as (code, path, French message).
fn assert_set_aside(name: &str, expected: &[(&str, &str, &str)]) -> ProgressReport {
    let report = evaluate(name);
    let expected: Vec<(String, &str, &str)> = expected
        .iter()
        .map(|&(code, path, message)| (code.to_string(), path, message))
        .collect();
    assert_eq!(ignored(&report), expected, "{name}");
    report
}

const UPCOMING: &str = "SESSION_UPCOMING";

// --- Stages -------------------------------------------------------------

#[test]
fn before_the_first_seminar_the_learner_has_not_started() {
    let report = evaluate("hdf-before-first-seminar");
    assert_eq!(report.stage, Stage::NotStarted);
    assert_eq!(report.summary.fr, "Parcours pas encore commencé");
    let mut expected = vec![
        "HOURS_SHORT",
        "MEMOIRE_NOT_SUBMITTED",
        "SOUTENANCE_NOT_PASSED",
    ];
    expected.extend([UPCOMING; 7]);
    assert_eq!(unmet_codes(&report), expected);
    assert_eq!(report.hours.presentiel, tally(Some(2940), 0, 0, 2940));
    assert_eq!(
        report.unmet[0].message.fr,
        "il manque 49 h de présentiel (0 min faites sur 49 h)"
    );
    assert_eq!(
        report.unmet[3].message.fr,
        "Séminaire 1 le 11 avril 2024 : à venir"
    );
}

#[test]
fn a_justified_absence_keeps_the_learner_on_track_and_its_hours_are_excused() {
    let report = evaluate("hdf-absent-s3-day2-with-justification");
    assert_eq!(report.stage, Stage::InProgress);
    let s3_day2 = &report.sessions[2].days[1];
    assert_eq!(s3_day2.status, DayStatus::Excused);
    assert_eq!(
        s3_day2.justification.as_deref(),
        Some("hospitalisation d'un enfant")
    );
    // 4 days attended (28 h), 1 excused (7 h), S4 still ahead (14 h).
    assert_eq!(report.hours.presentiel, tally(Some(2940), 1680, 420, 840));
    // The total adds only what is asked: e-learning and team work have no hours here.
    assert_eq!(report.hours.total, tally(Some(2940), 1680, 420, 840));
    assert_eq!(
        unmet_codes(&report),
        [
            "HOURS_SHORT",
            "MEMOIRE_NOT_SUBMITTED",
            "SOUTENANCE_NOT_PASSED",
            UPCOMING,
            UPCOMING
        ]
    );
    assert_eq!(
        unmet_messages(&report),
        [
            "il manque 14 h de présentiel (28 h faites, 7 h excusées sur 49 h)",
            "mémoire non déposé (échéance le 27 novembre 2024)",
            "soutenance pas encore passée (prévue le 27 novembre 2024)",
            "Séminaire 4 le 3 octobre 2024 : à venir",
            "Séminaire 4 le 4 octobre 2024 : à venir",
        ]
    );
    assert!(report.ignored.is_empty());
}

#[test]
fn an_unjustified_absence_blocks_the_diploma() {
    let report = evaluate("hdf-absent-s3-day2-without-justification");
    assert_eq!(report.stage, Stage::Blocked);
    assert_eq!(
        day_status(&report, "S3", "2024-09-13"),
        DayStatus::UnjustifiedAbsence
    );
    assert_eq!(
        unmet_codes(&report),
        [
            "HOURS_UNREACHABLE",
            "SESSION_UNJUSTIFIED_ABSENCE",
            "MEMOIRE_NOT_SUBMITTED",
            "SOUTENANCE_NOT_PASSED",
            UPCOMING,
            UPCOMING
        ]
    );
    let absence = the_unmet(&report, "SESSION_UNJUSTIFIED_ABSENCE");
    assert!(absence.blocking);
    assert_eq!(absence.rule, "/sessions/2/days/1");
    assert_eq!(
        absence.condition,
        Condition::SessionUnjustifiedAbsence {
            session: "S3".into(),
            date: date("2024-09-13")
        }
    );
    assert_eq!(
        absence.message.fr,
        "absence non justifiée au Séminaire 3 le 13 septembre 2024"
    );
}

#[test]
fn in_person_hours_the_seminars_left_cannot_supply_are_unreachable() {
    let report = evaluate("hdf-absent-s3-day2-without-justification");
    let unreachable = the_unmet(&report, "HOURS_UNREACHABLE");
    assert!(unreachable.blocking);
    assert_eq!(unreachable.rule, "/requiredMinutes/presentiel");
    assert_eq!(
        unreachable.condition,
        Condition::HoursUnreachable {
            modality: Modality::Presentiel,
            remaining_minutes: Minutes(1260),
            upcoming_minutes: Minutes(840)
        }
    );
    assert_eq!(
        unreachable.message.fr,
        "il manque 21 h de présentiel et les séminaires restants n'en offrent que 14 h"
    );
}

#[test]
fn a_missing_item_due_within_thirty_days_puts_the_learner_at_risk() {
    let report = evaluate("hdf-memoire-not-submitted-four-weeks-before-soutenance");
    assert_eq!(report.stage, Stage::AtRisk);
    assert_eq!(
        unmet_codes(&report),
        ["MEMOIRE_NOT_SUBMITTED", "SOUTENANCE_NOT_PASSED"]
    );
    assert_eq!(report.unmet[0].due_date, Some(date("2024-11-27")));
    assert_eq!(report.memoire.status, MemoireReportStatus::InProgress);
    // Four weeks ahead, nothing is late yet: the due date is near.
    assert_eq!(
        report.summary.fr,
        "Échéance proche : des éléments restent à fournir"
    );
}

#[test]
fn an_at_risk_file_is_late_only_once_a_due_date_has_passed() {
    // The S3 days are past and unrecorded: their due date, the day itself, is behind.
    let report = evaluate("hdf-s3-attendance-not-recorded-yet");
    assert_eq!(report.stage, Stage::AtRisk);
    assert_eq!(report.summary.fr, "En retard : une échéance est passée");
    assert_eq!(report.summary.en, "Overdue: a due date has passed");
    assert_eq!(
        report.next_step.unwrap().fr,
        "Fournissez au plus vite ce qui est en retard, ou prévenez votre formateur relais."
    );
}

#[test]
fn the_at_risk_window_is_thirty_days_before_the_due_date() {
    let f = learner("hdf-memoire-not-submitted-four-weeks-before-soutenance");
    let stage_on = |as_of: &str| success(as_of, evaluate_on(&f, as_of)).stage;
    assert_eq!(
        stage_on("2024-10-27"),
        Stage::InProgress,
        "31 days before the soutenance"
    );
    assert_eq!(
        stage_on("2024-10-28"),
        Stage::AtRisk,
        "30 days before the soutenance"
    );
}

#[test]
fn with_the_memoire_submitted_only_the_soutenance_is_left() {
    let report = evaluate("hdf-memoire-submitted-soutenance-scheduled");
    assert_eq!(report.stage, Stage::ReadyToDefend);
    assert_eq!(report.summary.fr, "Dossier prêt pour la soutenance");
    assert_eq!(unmet_codes(&report), ["SOUTENANCE_NOT_PASSED"]);
    assert_eq!(
        report.unmet[0].message.fr,
        "soutenance pas encore passée (prévue le 27 novembre 2024)"
    );
    assert_eq!(report.soutenance.status, SoutenanceReportStatus::Scheduled);
    assert_eq!(report.soutenance.duration_minutes, Minutes(60));
    // The justified absence from S3 does not stand in the way.
    assert_eq!(report.hours.presentiel, tally(Some(2940), 2520, 420, 0));
}

#[test]
fn a_passed_soutenance_completes_the_diploma_conditions() {
    let report = evaluate("hdf-soutenance-passed");
    assert_eq!(report.stage, Stage::Complete);
    assert_eq!(report.summary.fr, "Conditions du diplôme remplies");
    assert!(report.unmet.is_empty());
    assert_eq!(report.hours.presentiel, tally(Some(2940), 2940, 0, 0));
    assert_eq!(report.soutenance.status, SoutenanceReportStatus::Passed);
    assert_eq!(
        report.programme.lineage,
        ["hdf-leader-msp-2024", "leader-msp"]
    );
}

#[test]
fn a_failed_soutenance_blocks_the_diploma() {
    let report = evaluate("hdf-soutenance-failed");
    assert_eq!(report.stage, Stage::Blocked);
    assert_eq!(unmet_codes(&report), ["SOUTENANCE_FAILED"]);
    assert!(report.unmet[0].blocking);
    // A blocked learner is told whom to turn to.
    assert_eq!(
        report.next_step.as_ref().unwrap().fr,
        "Contactez votre formateur relais pour voir avec lui ce qui reste possible."
    );
    assert_eq!(
        report.unmet[0].message.fr,
        "soutenance non validée par le jury"
    );
}

// --- Seminars -----------------------------------------------------------

#[test]
fn a_past_day_without_record_is_at_risk_not_blocked() {
    // The attendance of S3 may still be entered: nothing is out of reach yet.
    let report = evaluate("hdf-s3-attendance-not-recorded-yet");
    assert_eq!(report.stage, Stage::AtRisk);
    assert_eq!(
        unmet_codes(&report),
        [
            "SESSION_NOT_RECORDED",
            "SESSION_NOT_RECORDED",
            "HOURS_SHORT",
            "MEMOIRE_NOT_SUBMITTED",
            "SOUTENANCE_NOT_PASSED",
            UPCOMING,
            UPCOMING
        ]
    );
    let first = &report.unmet[0];
    assert!(!first.blocking);
    assert_eq!(first.due_date, Some(date("2024-09-12")));
    assert_eq!(
        first.message.fr,
        "présence non renseignée au Séminaire 3 le 12 septembre 2024"
    );
    assert_eq!(
        report.unmet[2].message.fr,
        "il manque 28 h de présentiel (21 h faites sur 49 h)"
    );
    assert_eq!(
        day_status(&report, "S3", "2024-09-13"),
        DayStatus::NotRecorded
    );
}

#[test]
fn an_optional_seminar_day_missed_is_no_condition() {
    // Bretagne: the pre-training diagnostic day is not a seminar of the parcours.
    let report = evaluate("bretagne-diagnostic-day-missed-ready-to-defend");
    assert!(!report.sessions[0].mandatory);
    assert_eq!(
        day_status(&report, "diagnostic", "2021-07-08"),
        DayStatus::UnjustifiedAbsence
    );
    assert_eq!(day_status(&report, "S2", "2021-12-10"), DayStatus::Excused);
    assert_eq!(report.stage, Stage::ReadyToDefend);
    assert_eq!(unmet_codes(&report), ["SOUTENANCE_NOT_PASSED"]);
    // No soutenance date in the source: due at the end of the promotion, no date in the text.
    assert_eq!(report.unmet[0].message.fr, "soutenance pas encore passée");
    assert_eq!(report.unmet[0].due_date, Some(date("2022-06-30")));
    // 9 mandatory days of 7 h: 8 attended, 1 excused.
    assert_eq!(report.hours.presentiel, tally(Some(3780), 3360, 420, 0));
}

#[test]
fn a_learner_enrolled_in_the_national_mention_is_evaluated_against_its_regional_promotion() {
    let report = evaluate("bretagne-diagnostic-day-missed-ready-to-defend");
    assert_eq!(
        learner("bretagne-diagnostic-day-missed-ready-to-defend").learner_value()["programme"],
        "cpts"
    );
    assert_eq!(report.programme.id, "bretagne-cpts-2021");
    assert_eq!(report.programme.lineage, ["bretagne-cpts-2021", "cpts"]);
}

#[test]
fn a_learner_of_another_mention_is_refused() {
    let problems = failure(
        "mismatch",
        evaluate_answer("bretagne-learner-enrolled-in-msp-cds"),
    );
    assert_eq!(
        located(&problems),
        [("PROGRAMME_MISMATCH".to_string(), "/programme")]
    );
    assert_eq!(
        problems[0].message.fr,
        "l'apprenant est inscrit à « msp-cds », pas à « bretagne-cpts-2021 » ni à un programme qu'il étend"
    );
}

// --- Hours --------------------------------------------------------------

#[test]
fn e_learning_short_of_the_thirty_hours_of_the_msp_cds_mention() {
    let report = evaluate("msp-cds-elearning-short-by-2h30");
    assert_eq!(report.stage, Stage::InProgress);
    assert_eq!(
        unmet_codes(&report),
        ["HOURS_SHORT", "SOUTENANCE_NOT_PASSED"]
    );
    let short = &report.unmet[0];
    assert_eq!(
        short.condition,
        Condition::HoursShort {
            modality: Modality::Elearning,
            required_minutes: Minutes(1800),
            done_minutes: Minutes(1650),
            excused_minutes: Minutes(0),
            remaining_minutes: Minutes(150),
        }
    );
    assert_eq!(short.rule, "/requiredMinutes/elearning");
    assert_eq!(
        short.message.fr,
        "il manque 2 h 30 d'e-learning (27 h 30 faites sur 30 h)"
    );
    // No promotion, no soutenance date: nothing is due, nothing at risk.
    assert_eq!(short.due_date, None);
    assert_eq!(report.hours.presentiel, tally(Some(5760), 5760, 0, 0));
    assert_eq!(report.hours.equipe, tally(Some(1800), 1800, 0, 0));
    assert_eq!(report.hours.total, tally(Some(9360), 9210, 0, 150));
}

#[test]
fn hours_are_also_tallied_per_module() {
    let report = evaluate("msp-cds-elearning-short-by-2h30");
    let by_module: Vec<(&str, u32, u32, u32)> = report
        .hours
        .by_module
        .iter()
        .map(|m| {
            (
                m.module.as_str(),
                m.presentiel_minutes.0,
                m.elearning_minutes.0,
                m.equipe_minutes.0,
            )
        })
        .collect();
    assert_eq!(
        by_module,
        [
            ("demarche-qualite", 1440, 0, 1800),
            ("dynamique-collective", 1440, 0, 0),
            ("gestion-de-structure", 0, 450, 0),
            ("prise-de-fonction", 1440, 600, 0),
            ("projet-de-sante", 1440, 600, 0),
        ]
    );
    assert_eq!(report.hours.by_module[0].title, "Démarche qualité");
}

#[test]
fn team_work_short_of_the_fifty_hours_of_the_cpts_mention() {
    let report = evaluate("cpts-team-work-short-by-8h");
    assert_eq!(report.stage, Stage::InProgress);
    assert_eq!(
        unmet_codes(&report),
        ["HOURS_SHORT", "SOUTENANCE_NOT_PASSED"]
    );
    assert_eq!(
        report.unmet[0].message.fr,
        "il manque 8 h de travail en équipe (42 h faites sur 50 h)"
    );
    assert_eq!(report.hours.presentiel, tally(Some(7440), 7440, 0, 0));
    assert_eq!(report.hours.elearning, tally(Some(3000), 3000, 0, 0));
    assert_eq!(report.hours.equipe, tally(Some(3000), 2520, 0, 480));
}

/// The unmet condition of a module short of its own hours, in a region
/// asking 10 h of Projet de santé and 6 h in the complementary module
/// followed (regions/hours-asked-per-module-occitanie): due at its
/// soutenance, 4 December 2025; never blocking, time can still be recorded.
fn module_hours_short(
    module: &str,
    required: u32,
    done: u32,
    rule: &str,
    words: [&str; 2],
) -> Unmet {
    Unmet {
        condition: Condition::ModuleHoursShort {
            module: module.into(),
            required_minutes: Minutes(required),
            done_minutes: Minutes(done),
        },
        rule: rule.into(),
        blocking: false,
        due_date: Some(date("2025-12-04")),
        message: Message::new(words[0], words[1]),
    }
}

#[test]
fn a_mandatory_module_short_of_the_hours_its_region_asks_is_unmet() {
    // 2 h 30 of e-learning and 1 h 30 with the team in the module; no
    // complementary module started, none asked its hours yet.
    let report = evaluate("occitanie-projet-de-sante-4h-of-the-10h-it-asks");
    assert_eq!(report.programme.id, "occitanie-socle-option-2025");
    assert_eq!(
        the_unmet(&report, "MODULE_HOURS_SHORT"),
        &module_hours_short(
            "projet-de-sante",
            600,
            240,
            "/modules/1/requiredMinutes",
            [
                "module « Projet de santé » : 4 h enregistrées sur les 10 h demandées",
                "module \"Projet de santé\": 4 h recorded of the 10 h asked",
            ]
        )
    );
}

#[test]
fn an_elective_module_started_short_of_its_hours_is_unmet_one_only_chosen_is_not() {
    // 10 h in Projet de santé, as asked; 2 h in Télémédecine, started; Parcours
    // de santé chosen, nothing recorded; the two others not taken.
    let report = evaluate("occitanie-telemedecine-started-2h-of-the-6h-it-asks");
    assert_eq!(
        the_unmet(&report, "MODULE_HOURS_SHORT"),
        &module_hours_short(
            "telemedecine",
            360,
            120,
            "/modules/5/requiredMinutes",
            [
                "module « Télémédecine » : 2 h enregistrées sur les 6 h demandées",
                "module \"Télémédecine\": 2 h recorded of the 6 h asked",
            ]
        )
    );
    assert_eq!(
        states(&report.electives[0])[2],
        ("parcours-de-sante", ElectiveState::Chosen)
    );
    // Done by its hours means the hours the module asks: 2 h of 6 h is started.
    assert_eq!(
        states(&report.electives[0])[1],
        ("telemedecine", ElectiveState::Started)
    );
    assert!(unmet_codes(&report).contains(&"ELECTIVE_MODULE_MISSING".to_string()));
}

#[test]
fn leaders_have_no_hours_to_make_only_a_memoire_to_defend() {
    let report = evaluate("leader-msp-memoire-submitted");
    assert_eq!(report.stage, Stage::ReadyToDefend);
    assert_eq!(unmet_codes(&report), ["SOUTENANCE_NOT_PASSED"]);
    assert_eq!(report.hours.elearning, tally(None, 180, 0, 0));
    assert_eq!(report.hours.total, tally(None, 0, 0, 0));
    assert!(report.sessions.is_empty() && report.traceurs.is_empty());
}

// --- Documents traceurs and elective modules ---------------------------

#[test]
fn each_state_of_a_traceur_has_its_own_condition() {
    let report = evaluate("msp-cds-traceurs-in-every-state");
    assert_eq!(
        unmet_codes(&report),
        [
            "HOURS_SHORT",
            "HOURS_SHORT",
            "HOURS_SHORT",
            "TRACEUR_TO_REVISE",
            "TRACEUR_AWAITING_VALIDATION",
            "TRACEUR_MISSING",
            "TRACEUR_MISSING",
            "MEMOIRE_NOT_SUBMITTED",
            "SOUTENANCE_NOT_PASSED",
        ]
    );
    assert_eq!(
        unmet_messages(&report)[3..7],
        [
            "document traceur à reprendre : Fiche de poste du coordinateur",
            "document traceur déposé, en attente de validation : Feuille de route du projet de santé",
            "document traceur manquant : Règles de fonctionnement de l'équipe et organisation des réunions",
            "document traceur manquant : Budget de fonctionnement et état de synthèse",
        ]
    );
    assert_eq!(
        report.unmet[3].condition,
        Condition::TraceurToRevise {
            traceur: "fiche-de-poste".into()
        }
    );
    assert_eq!(report.unmet[3].rule, "/traceurs/0");
    let statuses: Vec<(TraceurStatus, bool)> =
        report.traceurs.iter().map(|t| (t.status, t.met)).collect();
    assert_eq!(
        statuses,
        [
            (TraceurStatus::ToRevise, false),
            (TraceurStatus::Deposited, false),
            (TraceurStatus::Validated, true),
            (TraceurStatus::Missing, false),
            (TraceurStatus::Missing, false),
        ]
    );
    assert_eq!(report.stage, Stage::InProgress);
}

#[test]
fn the_latest_state_of_a_traceur_stands_whatever_the_order_given() {
    let report = assert_set_aside(
        "msp-cds-traceurs-revised-then-validated",
        &[
            (
                "SUPERSEDED",
                "/traceurs/0",
                "état antérieur, remplacé par /traceurs/1",
            ),
            (
                "SUPERSEDED",
                "/traceurs/3",
                "état antérieur, remplacé par /traceurs/2",
            ),
        ],
    );
    assert_eq!(
        traceur(&report, "fiche-de-poste").status,
        TraceurStatus::Validated
    );
    assert_eq!(
        traceur(&report, "fiche-de-poste").date,
        Some(date("2025-01-08"))
    );
    // The deposit listed last is older than the validation listed before it.
    assert_eq!(
        traceur(&report, "feuille-de-route").status,
        TraceurStatus::Validated
    );
}

#[test]
fn the_socle_asks_one_complementary_module_of_the_learners_choice() {
    let report = evaluate("socle-option-no-complementary-module-chosen");
    assert_eq!(
        unmet_codes(&report),
        ["ELECTIVE_MODULE_MISSING", "SOUTENANCE_NOT_PASSED"]
    );
    let missing = &report.unmet[0];
    assert_eq!(
        missing.condition,
        Condition::ElectiveModuleMissing {
            group: "module-complementaire".into(),
            at_least: 1,
            done: 0
        }
    );
    assert_eq!(
        missing.message.fr,
        "au moins 1 module à suivre dans « Module complémentaire au choix » (aucun commencé)"
    );
    assert_eq!(missing.rule, "/electiveGroups/0");
    // Traceurs of complementary modules are not due until one is chosen.
    let required: Vec<&str> = report
        .traceurs
        .iter()
        .filter(|t| t.required)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        required,
        [
            "fiche-de-poste",
            "feuille-de-route",
            "action-qualite",
            "regles-de-fonctionnement"
        ]
    );
    assert_eq!(report.stage, Stage::InProgress);
}

/// Each module of an elective group, where the learner stands with it.
fn states(group: &ElectiveReport) -> Vec<(&str, ElectiveState)> {
    group
        .modules
        .iter()
        .map(|m| (m.module.as_str(), m.state))
        .collect()
}

#[test]
fn hours_recorded_in_an_elective_module_meet_the_option_without_a_declaration() {
    // Seed 003: the socle "sera complété par un module complémentaire au
    // choix". 6 h of e-learning in Télémédecine: the module is done (doneBy
    // defaults to hours), and its traceur is due.
    let report = evaluate("socle-option-6h-in-telemedecine-nothing-declared");
    let option = &report.electives[0];
    assert_eq!(option.done_by, ElectiveDone::Hours);
    assert_eq!(
        states(option),
        [
            ("strategie-de-communication", ElectiveState::NotTaken),
            ("telemedecine", ElectiveState::Done),
            ("parcours-de-sante", ElectiveState::NotTaken),
            ("gestion-budgetaire-et-comptable", ElectiveState::NotTaken),
        ]
    );
    assert!(option.met);
    assert_eq!(
        unmet_codes(&report),
        ["TRACEUR_MISSING", "SOUTENANCE_NOT_PASSED"]
    );
    assert!(traceur(&report, "projet-telemedecine").required);
}

#[test]
fn a_declared_choice_without_work_is_an_intention_not_the_module_done() {
    let report = evaluate("socle-option-telemedecine-declared-nothing-recorded");
    let option = &report.electives[0];
    assert_eq!(states(option)[1], ("telemedecine", ElectiveState::Chosen));
    assert!(!option.met);
    assert_eq!(
        unmet_messages(&report),
        [
            "document traceur manquant : Projet de télémédecine de l'équipe",
            "au moins 1 module à suivre dans « Module complémentaire au choix » (« Télémédecine » choisi, rien d'enregistré encore)",
            "soutenance pas encore passée",
        ]
    );
}

#[test]
fn the_traceur_of_the_chosen_complementary_module_becomes_due() {
    let report = assert_set_aside(
        "socle-option-telemedecine-chosen-with-a-mandatory-module",
        &[
            (
                "NOT_AN_ELECTIVE_MODULE",
                "/chosenModules/0",
                "le module « projet-de-sante » est obligatoire, il ne se choisit pas",
            ),
            (
                "UNKNOWN_MODULE",
                "/chosenModules/2",
                "module « hygiene » inconnu",
            ),
        ],
    );
    assert_eq!(
        states(&report.electives[0])[1],
        ("telemedecine", ElectiveState::Done)
    );
    assert!(report.electives[0].met);
    assert_eq!(
        unmet_codes(&report),
        ["TRACEUR_MISSING", "SOUTENANCE_NOT_PASSED"]
    );
    assert_eq!(
        report.unmet[0].message.fr,
        "document traceur manquant : Projet de télémédecine de l'équipe"
    );
    assert!(traceur(&report, "projet-telemedecine").required);
    assert!(!traceur(&report, "plan-de-communication").required);
}

#[test]
fn an_elective_chosen_twice_counts_once_and_the_repeat_is_set_aside() {
    let report = assert_set_aside(
        "socle-option-telemedecine-chosen-twice",
        &[(
            "DUPLICATE_RECORD",
            "/chosenModules/1",
            "module « telemedecine » déjà choisi (/chosenModules/0) : compté une seule fois",
        )],
    );
    assert_eq!(
        states(&report.electives[0])[1],
        ("telemedecine", ElectiveState::Done)
    );
    assert!(report.electives[0].met);
    assert_eq!(
        unmet_codes(&report),
        ["TRACEUR_MISSING", "SOUTENANCE_NOT_PASSED"]
    );
}

// --- Records set aside --------------------------------------------------

#[test]
fn a_misspelled_field_is_reported_not_silently_dropped() {
    // "justificatif" is not a field: the absence stays unjustified, and the report says why.
    let report = assert_set_aside(
        "hdf-absence-justification-field-misspelled",
        &[(
            "UNKNOWN_FIELD",
            "/attendance/4/justificatif",
            "champ inconnu /attendance/4/justificatif",
        )],
    );
    assert_eq!(report.stage, Stage::Blocked);
}

#[test]
fn attendance_at_a_seminar_the_calendar_does_not_have_is_set_aside() {
    let report = assert_set_aside(
        "hdf-attendance-for-a-fifth-seminar",
        &[(
            "UNKNOWN_SESSION",
            "/attendance/1",
            "le séminaire « S5 » n'existe pas dans ce programme",
        )],
    );
    assert_eq!(
        day_status(&report, "S2", "2024-05-23"),
        DayStatus::NotRecorded
    );
    assert_eq!(report.stage, Stage::AtRisk);
}

#[test]
fn attendance_on_a_day_without_seminar_is_set_aside() {
    let report = assert_set_aside(
        "hdf-attendance-on-a-day-without-seminar",
        &[(
            "NOT_A_SESSION_DAY",
            "/attendance/2/date",
            "le 25 mai 2024 n'est pas une journée du séminaire « Séminaire 2 »",
        )],
    );
    assert_eq!(
        day_status(&report, "S2", "2024-05-24"),
        DayStatus::NotRecorded
    );
}

#[test]
fn the_last_record_of_a_day_replaces_the_earlier_ones() {
    let report = assert_set_aside(
        "hdf-absence-then-corrected-to-present",
        &[(
            "SUPERSEDED",
            "/attendance/1",
            "remplacé par l'enregistrement /attendance/3 pour la même journée",
        )],
    );
    assert_eq!(day_status(&report, "S2", "2024-05-23"), DayStatus::Present);
    assert_eq!(report.stage, Stage::InProgress);
}

#[test]
fn an_activity_imported_twice_counts_once() {
    let report = assert_set_aside(
        "hdf-elearning-activity-imported-twice",
        &[(
            "DUPLICATE_RECORD",
            "/activities/1",
            "l'activité « elearn-leadership-1 » figure déjà : comptée une seule fois",
        )],
    );
    assert_eq!(report.hours.elearning, tally(None, 135, 0, 0));
}

#[test]
fn an_activity_of_8171_years_is_set_aside_as_implausible() {
    // counting.maxActivityMinutes, by default one day (1,440 minutes).
    let report = assert_set_aside(
        "hdf-elearning-activity-of-8171-years",
        &[(
            "IMPLAUSIBLE_DURATION",
            "/activities/0",
            "activité de 71582788 h 15, plus que les 24 h qu'une activité peut durer : erreur de saisie ou d'export probable",
        )],
    );
    assert_eq!(report.hours.elearning, tally(None, 45, 0, 0));
}

#[test]
fn activities_dated_before_the_promotion_began_do_not_count_for_it() {
    // The HDF promotion starts on 11 April 2024 (counting.recordsFrom defaults to it).
    let report = assert_set_aside(
        "hdf-activities-dated-years-before-the-promotion",
        &[
            (
                "DATED_BEFORE_PROMOTION",
                "/activities/0",
                "daté du 4 mars 2019, avant le début de la promotion (11 avril 2024) : ne compte pas pour elle",
            ),
            (
                "DATED_BEFORE_PROMOTION",
                "/activities/1",
                "daté du 1er janvier 0, avant le début de la promotion (11 avril 2024) : ne compte pas pour elle",
            ),
        ],
    );
    assert_eq!(report.hours.elearning, tally(None, 45, 0, 0));
    assert_eq!(report.hours.equipe, tally(None, 0, 0, 0));
}

#[test]
fn an_in_person_activity_on_a_seminar_day_attended_is_not_counted_twice() {
    let report = assert_set_aside(
        "hdf-presentiel-activity-on-s2-day-attended",
        &[(
            "COUNTED_AS_SEMINAR_DAY",
            "/activities/0",
            "activité en présentiel le 23 mai 2024, jour du séminaire « Séminaire 2 » où la présence est enregistrée : la journée compte déjà",
        )],
    );
    // S1 and the two days of S2: 3 × 7 h, not 4 × 7 h.
    assert_eq!(report.hours.presentiel.done_minutes, Minutes(1260));
}

#[test]
fn the_same_activity_twice_without_id_counts_twice_and_is_pointed_out() {
    let report = assert_set_aside("hdf-same-activity-twice-without-id", &[]);
    assert_eq!(report.hours.elearning, tally(None, 270, 0, 0));
    assert_eq!(
        advisories(&report),
        [(
            "POSSIBLE_DUPLICATE".to_string(),
            "/activities/1",
            "identique à /activities/0 (même jour, modalité, module, titre et durée) et sans identifiant : les deux comptent ; vérifier qu'il ne s'agit pas d'un doublon d'export",
        )]
    );
}

#[test]
fn a_seminar_day_asking_for_a_team_member_says_so_and_notes_when_none_came() {
    // Seed 002: "la participation de votre/vos leader ou d'un membre actif de
    // votre CPTS sera requis pour certains séminaires sur une journée". The
    // learner attended; the team's part is a remark, not a diploma condition.
    let report = assert_set_aside("bretagne-rentree-without-the-cpts-member-it-asks-for", &[]);
    let rentree = &report.sessions[1].days[0];
    assert!(rentree.team_member_required);
    assert_eq!(rentree.team_member_present, Some(false));
    assert_eq!(rentree.status, DayStatus::Present);
    assert_eq!(
        advisories(&report),
        [(
            "TEAM_MEMBER_ABSENT".to_string(),
            "/attendance/0/teamMemberPresent",
            "Séminaire de rentrée le 16 septembre 2021 : la journée demande un membre de l'équipe aux côtés de l'apprenant, aucun n'est venu",
        )]
    );
    // Before the day, the calendar says so.
    let before = success(
        "before",
        evaluate_on(
            &learner("bretagne-rentree-without-the-cpts-member-it-asks-for"),
            "2021-09-01",
        ),
    );
    assert!(unmet_messages(&before).contains(
        &"Séminaire de rentrée le 16 septembre 2021 : à venir, avec un membre de votre équipe"
    ));
}

#[test]
fn an_unknown_module_keeps_its_hours_and_a_zero_duration_is_set_aside() {
    let report = assert_set_aside(
        "hdf-activities-unknown-module-and-zero-duration",
        &[
            (
                "UNKNOWN_MODULE",
                "/activities/0/module",
                "module « communication » inconnu : les heures comptent, sans module",
            ),
            (
                "ZERO_DURATION",
                "/activities/1",
                "activité d'une durée nulle",
            ),
        ],
    );
    assert_eq!(report.hours.elearning, tally(None, 75, 0, 0));
    assert!(report.hours.by_module.is_empty());
}

#[test]
fn a_misspelled_traceur_is_set_aside_and_the_real_one_is_missing() {
    let report = assert_set_aside(
        "msp-cds-traceur-id-misspelled",
        &[(
            "UNKNOWN_TRACEUR",
            "/traceurs/0",
            "le document traceur « fiche-poste » n'existe pas dans ce programme",
        )],
    );
    assert_eq!(
        traceur(&report, "fiche-de-poste").status,
        TraceurStatus::Missing
    );
}

#[test]
fn records_dated_after_the_evaluation_date_are_not_facts_yet() {
    let dated = [
        "3 octobre 2024",
        "30 septembre 2024",
        "15 octobre 2024",
        "27 novembre 2024",
    ]
    .map(|date| format!("daté du {date}, après la date d'évaluation (20 septembre 2024)"));
    let report = assert_set_aside(
        "hdf-records-dated-after-as-of",
        &[
            ("DATED_AFTER_AS_OF", "/attendance/5", &dated[0]),
            ("DATED_AFTER_AS_OF", "/activities/0", &dated[1]),
            ("DATED_AFTER_AS_OF", "/memoire", &dated[2]),
            ("DATED_AFTER_AS_OF", "/soutenance", &dated[3]),
        ],
    );
    assert_eq!(day_status(&report, "S4", "2024-10-03"), DayStatus::Upcoming);
    assert_eq!(report.memoire.status, MemoireReportStatus::NotStarted);
    assert_eq!(
        report.soutenance.status,
        SoutenanceReportStatus::NotScheduled
    );
    assert_eq!(report.stage, Stage::InProgress);
}

#[test]
fn a_justification_of_spaces_only_leaves_the_absence_unjustified_and_says_so() {
    // No-break, em and ideographic spaces, a zero-width space and a tab.
    let report = assert_set_aside(
        "hdf-absence-justified-with-spaces-only",
        &[(
            "EMPTY_JUSTIFICATION",
            "/attendance/4/justification",
            "la justification de l'absence du 13 septembre 2024 est vide : l'absence reste non justifiée",
        )],
    );
    assert_eq!(report.stage, Stage::Blocked);
    let day = &report.sessions[2].days[1];
    assert_eq!(day.status, DayStatus::UnjustifiedAbsence);
    assert_eq!(day.justification, None);
    assert_eq!(
        the_unmet(&report, "SESSION_UNJUSTIFIED_ABSENCE").rule,
        "/sessions/2/days/1"
    );
}

#[test]
fn a_justification_on_a_day_attended_is_set_aside_as_not_applicable() {
    let report = assert_set_aside(
        "hdf-justification-on-a-day-attended",
        &[(
            "JUSTIFICATION_NOT_APPLICABLE",
            "/attendance/3/justification",
            "une justification pour le 12 septembre 2024, où la présence est enregistrée : sans objet",
        )],
    );
    // The day counts as attended, and the report carries no justification for it.
    let day = &report.sessions[2].days[0];
    assert_eq!(day.status, DayStatus::Present);
    assert_eq!(day.justification, None);
    assert_eq!(report.stage, Stage::InProgress);
    assert_eq!(report.hours.presentiel, tally(Some(2940), 1680, 420, 840));
}

// --- The fixtures as a whole -------------------------------------------

#[test]
fn learner_fixtures_cover_every_stage_condition_ignored_code_and_programme() {
    let mut stages = BTreeSet::new();
    let mut unmet = BTreeSet::new();
    let mut set_aside = BTreeSet::new();
    let mut programmes = BTreeSet::new();
    for name in fixture_names("learners") {
        programmes.insert(learner(&name).programme);
        if let Answer::Success { value: report } = evaluate_answer(&name) {
            stages.insert(json_name(&report.stage));
            unmet.extend(unmet_codes(&report));
            set_aside.extend(report.ignored.iter().map(|i| json_name(&i.code)));
        }
    }
    assert_eq!(
        stages,
        set_of(&[
            "blocked",
            "atRisk",
            "notStarted",
            "inProgress",
            "readyToDefend",
            "complete"
        ])
    );
    assert_eq!(
        unmet,
        set_of(&[
            "HOURS_SHORT",
            "HOURS_UNREACHABLE",
            "MODULE_HOURS_SHORT",
            "SESSION_UNJUSTIFIED_ABSENCE",
            "SESSION_NOT_RECORDED",
            "SESSION_UPCOMING",
            "ELECTIVE_MODULE_MISSING",
            "TRACEUR_MISSING",
            "TRACEUR_TO_REVISE",
            "TRACEUR_AWAITING_VALIDATION",
            "MEMOIRE_NOT_SUBMITTED",
            "SOUTENANCE_NOT_PASSED",
            "SOUTENANCE_FAILED",
        ])
    );
    assert_eq!(
        set_aside,
        set_of(&[
            "UNKNOWN_FIELD",
            "UNKNOWN_SESSION",
            "NOT_A_SESSION_DAY",
            "UNKNOWN_TRACEUR",
            "UNKNOWN_MODULE",
            "NOT_AN_ELECTIVE_MODULE",
            "DATED_AFTER_AS_OF",
            "DATED_BEFORE_PROMOTION",
            "IMPLAUSIBLE_DURATION",
            "COUNTED_AS_SEMINAR_DAY",
            "DUPLICATE_RECORD",
            "SUPERSEDED",
            "ZERO_DURATION",
            "EMPTY_JUSTIFICATION",
            "JUSTIFICATION_NOT_APPLICABLE",
        ])
    );
    assert_eq!(programmes, set_of(&PROGRAMMES));
}

#[test]
fn every_learner_fixture_has_the_shape_the_parity_test_reads() {
    for name in fixture_names("learners") {
        let f = learner(&name);
        assert!(
            PROGRAMMES.contains(&f.programme.as_str()),
            "{name}: {}",
            f.programme
        );
        date(&f.as_of);
        // The parity test evaluates it against the region's definition.
        if let Some(region) = &f.region {
            assert_eq!(
                regional_definition(region)["extends"],
                f.programme.as_str(),
                "{name}: {region} extends another programme"
            );
        }
        assert!(
            f.learner_value()["learnerId"].is_string(),
            "{name}: no learnerId"
        );
    }
}
