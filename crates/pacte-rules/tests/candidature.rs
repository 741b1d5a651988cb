//! Who may apply, and whether a file is complete: the Bretagne CPTS promotion
//! (seed 002: 1 to 3 candidates per CPTS, a complete file before 30 June 2021,
//! a letter signed by every member of the board) and the national mentions
//! (seeds 000, 003: be in a team or ask a derogation; a health training is
//! desirable, never required).

mod common;

use common::*;
use pacte_rules::candidature::{CandidatureReport, MissingPiece, Verdict};
use std::collections::BTreeSet;

type Row<'a> = (String, &'a str, &'a str);

fn row(code: &str, path: &'static str, message: &'static str) -> Row<'static> {
    (code.to_string(), path, message)
}

/// Missing pieces as (piece, path, French message).
fn pieces(missing: &[MissingPiece]) -> Vec<Row<'_>> {
    missing
        .iter()
        .map(|m| (m.piece.clone(), m.path.as_str(), m.message.fr.as_str()))
        .collect()
}

/// The pieces an `incomplete` file still lacks, due by the deadline.
fn assert_incomplete(name: &str, expected: &[Row]) {
    let report = check(name);
    let Verdict::Incomplete { missing, due_date } = &report.verdict else {
        panic!("{name}: incomplete expected, got {:?}", report.verdict);
    };
    // What is missing may still come, until the deadline.
    assert_eq!(*due_date, Some(date("2021-06-30")));
    assert_eq!(pieces(missing), expected, "{name}");
}

/// Asserts the one reason an `ineligible` file is refused for, and the
/// pieces missing besides.
fn assert_ineligible(name: &str, reason: Row, missing_too: &[Row]) {
    let report = check(name);
    let Verdict::Ineligible { reasons, missing } = &report.verdict else {
        panic!("{name}: ineligible expected, got {:?}", report.verdict);
    };
    assert_eq!(findings(reasons), [reason], "{name}");
    assert_eq!(pieces(missing), missing_too, "{name}");
}

/// Asserts an `eligible` file and its advisories.
fn assert_eligible(name: &str, advisories: &[Row]) -> CandidatureReport {
    let report = check(name);
    assert_eq!(report.verdict, Verdict::Eligible {}, "{name}");
    assert_eq!(findings(&report.advisories), advisories, "{name}");
    report
}

// --- Eligible ----------------------------------------------------------

#[test]
fn a_complete_bretagne_file_sent_in_time_is_eligible() {
    let report = assert_eligible("bretagne-complete-file-two-candidates", &[]);
    assert_eq!(report.team, "CPTS du Pays de Morlaix");
    assert_eq!(report.programme.lineage, ["bretagne-cpts-2021", "cpts"]);
}

// --- Incomplete --------------------------------------------------------

#[test]
fn a_team_asking_for_support_is_offered_it_before_the_programme() {
    // Seed 002: "En fonction des réponses à ces deux questions […] un
    // accompagnement des CPTS à la structuration à la fonction de coordination
    // en amont du programme PACTE est proposé." An advisory, never a refusal.
    let report = assert_eligible(
        "bretagne-team-asks-support-before-the-programme",
        &[row(
            "SUPPORT_OFFERED",
            "/team/answers/besoin-accompagnement",
            "équipe : réponse oui à la question 2 ; à lui proposer : un accompagnement de la CPTS à la structuration de la fonction de coordination, en amont du programme PACTE",
        )],
    );
    assert_eq!(report.next_steps.len(), 2);
}

#[test]
fn an_eligible_file_is_receivable_and_the_report_names_the_selection_steps() {
    // Seed 000: "Pré-sélection sur dossier […] si besoin, auditionnés au cours
    // d'un entretien de 30 mn […] Les candidatures sont validées par l'EHESP."
    let report = assert_eligible("msp-cds-coordinator-without-health-training", &[row(
        "NO_DESIRABLE_TRAINING",
        "/candidates/0",
        "Julie Masson n'a pas de formation initiale de professionnel de santé ou de pilotage en santé (souhaitable, non exigée)",
    )]);
    assert_eq!(
        report.next_steps,
        [
            "Pré-sélection sur dossier par l'ARS",
            "Si besoin, entretien de 30 minutes avec l'ARS, des partenaires régionaux ou des formateurs relais",
            "Validation de la candidature par l'EHESP",
        ]
    );
}

#[test]
fn a_candidate_who_does_not_say_whether_they_work_in_the_team_leaves_the_file_incomplete() {
    // Seed 000's one hard prerequisite is never presumed.
    assert_incomplete(
        "bretagne-candidate-silent-on-working-in-the-team",
        &[row(
            "inTeam",
            "/candidates/1/inTeam",
            "Loïc Prigent : dire si la personne travaille déjà dans l'équipe (condition d'accès)",
        )],
    );
}

#[test]
fn a_file_sent_on_the_due_date_itself_is_on_time_as_the_definition_says() {
    // Seed 002: "AVANT LE 30 JUIN 2021"; the Bretagne definition reads it as
    // "by 30 June" (candidature.dueDateIncluded, noted in its defaults).
    assert_eligible("bretagne-file-sent-on-the-due-date", &[]);
}

#[test]
fn a_candidate_not_named_yet_is_named_by_their_place_in_the_list() {
    assert_incomplete(
        "bretagne-second-candidate-not-named-yet",
        &[
            row(
                "lettre-de-motivation",
                "/candidates/1/pieces",
                "Candidat·e n° 2 : il manque la pièce « Lettre de motivation »",
            ),
            row(
                "cv",
                "/candidates/1/pieces",
                "Candidat·e n° 2 : il manque la pièce « Curriculum vitae »",
            ),
        ],
    );
}

#[test]
fn a_file_may_be_opened_without_a_candidates_cv() {
    assert_incomplete(
        "bretagne-file-opened-without-one-cv",
        &[row(
            "cv",
            "/candidates/1/pieces",
            "Loïc Prigent : il manque la pièce « Curriculum vitae »",
        )],
    );
}

#[test]
fn a_file_may_be_opened_without_the_projet_de_sante() {
    assert_incomplete(
        "bretagne-file-opened-without-projet-de-sante",
        &[row(
            "projet-de-sante",
            "/team/pieces",
            "équipe : il manque la pièce « Copie du projet de santé validé par l'ARS »",
        )],
    );
}

#[test]
fn the_letter_of_commitment_must_be_signed_by_every_member_of_the_board() {
    assert_incomplete(
        "bretagne-board-letter-not-signed-by-all-members",
        &[row(
            "lettre-engagement",
            "/team/board/signedBy",
            "équipe : la lettre d'engagement n'est pas signée par Yannick Cloarec",
        )],
    );
}

#[test]
fn a_letter_of_commitment_without_the_list_of_the_board_cannot_be_checked() {
    assert_incomplete(
        "bretagne-board-letter-without-list-of-members",
        &[row(
            "lettre-engagement",
            "/team/board",
            "équipe : la liste des membres du CA/bureau manque",
        )],
    );
}

#[test]
fn both_questions_need_a_detailed_answer() {
    // One answer is blank, the other absent.
    assert_incomplete(
        "bretagne-questions-left-unanswered",
        &[
            row(
                "organisation-coordination",
                "/team/answers/organisation-coordination",
                "équipe : réponse manquante à « Comment est organisée - ou va être organisée - la fonction de coordination au sein de votre équipe ? »",
            ),
            row(
                "besoin-accompagnement",
                "/team/answers/besoin-accompagnement",
                "équipe : réponse manquante à « Avez-vous besoin d'aide ou d'accompagnement pour y réfléchir et stabiliser cette fonction de coordination avant le début de la formation ? Si oui, détaillez vos besoins »",
            ),
        ],
    );
}

// --- Ineligible --------------------------------------------------------

#[test]
fn the_cpts_promotion_does_not_take_an_msp_team() {
    let reason = row(
        "STRUCTURE_NOT_ACCEPTED",
        "/team/structureType",
        "cette mention accueille les coordinateurs de CPTS, pas de MSP",
    );
    assert_ineligible("bretagne-msp-team-applies-to-cpts-promotion", reason, &[]);
}

#[test]
fn at_most_three_candidates_per_cpts() {
    let reason = row(
        "QUOTA_EXCEEDED",
        "/candidates",
        "au plus 3 candidats par équipe, le dossier en présente 4",
    );
    assert_ineligible("bretagne-four-candidates-one-cpts", reason, &[]);
}

#[test]
fn at_least_one_candidate_per_cpts() {
    let reason = row(
        "NO_CANDIDATE",
        "/candidates",
        "au moins 1 candidat par équipe, le dossier n'en présente aucun",
    );
    assert_ineligible("bretagne-file-without-candidate", reason, &[]);
}

#[test]
fn a_file_sent_after_30_june_2021_is_too_late() {
    let reason = row(
        "DUE_DATE_PASSED",
        "/submittedOn",
        "dossier envoyé le 2 juillet 2021, après la date limite du 30 juin 2021",
    );
    assert_ineligible("bretagne-file-sent-after-deadline", reason, &[]);
}

#[test]
fn pieces_still_missing_after_the_deadline_make_the_file_too_late() {
    let reason = row(
        "DUE_DATE_PASSED",
        "",
        "des pièces manquent encore après la date limite du 30 juin 2021",
    );
    let missing = row(
        "lettre-de-motivation",
        "/candidates/0/pieces",
        "Maëlle Le Gall : il manque la pièce « Lettre de motivation »",
    );
    assert_ineligible(
        "bretagne-pieces-still-missing-after-deadline",
        reason,
        &[missing],
    );
}

#[test]
fn a_candidate_without_a_team_must_ask_a_derogation() {
    let reason = row(
        "NO_TEAM",
        "/candidates/0",
        "Claire Dumont n'est pas intégré·e à une équipe, sans demande de dérogation",
    );
    assert_ineligible(
        "msp-cds-coordinator-not-in-team-without-derogation",
        reason,
        &[],
    );
}

#[test]
fn a_cpts_not_constituted_yet_is_no_team() {
    let reason = row(
        "NO_TEAM",
        "/candidates/0",
        "Annaïg Josse n'est pas intégré·e à une équipe, sans demande de dérogation",
    );
    assert_ineligible(
        "bretagne-cpts-not-yet-constituted-no-derogation-asked",
        reason,
        &[],
    );
}

#[test]
fn pacte_leader_allows_no_derogation() {
    let reason = row("NO_TEAM", "/candidates/0", "Dr Bruno Leclercq n'est pas intégré·e à une équipe, et ce programme ne prévoit pas de dérogation");
    assert_ineligible(
        "leader-msp-leader-being-recruited-asks-derogation",
        reason,
        &[],
    );
    assert!(check("leader-msp-leader-being-recruited-asks-derogation")
        .advisories
        .is_empty());
}

#[test]
fn a_file_addressed_to_another_programme_is_refused() {
    let problems = failure(
        "mismatch",
        check_answer("bretagne-file-addressed-to-msp-cds"),
    );
    assert_eq!(
        located(&problems),
        [("PROGRAMME_MISMATCH".to_string(), "/programme")]
    );
    assert_eq!(problems[0].message.fr, "le dossier est adressé à « msp-cds », pas à « bretagne-cpts-2021 » ni à un programme qu'il étend");
}

// --- Advisories --------------------------------------------------------

#[test]
fn a_candidate_without_health_training_is_eligible_with_an_advisory() {
    let advisory = row(
        "NO_DESIRABLE_TRAINING",
        "/candidates/0",
        "Julie Masson n'a pas de formation initiale de professionnel de santé ou de pilotage en santé (souhaitable, non exigée)",
    );
    assert_eligible("msp-cds-coordinator-without-health-training", &[advisory]);
}

#[test]
fn the_advisory_names_only_the_trainings_the_programme_finds_desirable() {
    // PACTE Leader looks for health professionals only.
    let advisory =
        row(
            "NO_DESIRABLE_TRAINING",
            "/candidates/0",
            "Hélène Vasseur n'a pas de formation initiale de professionnel de santé (souhaitable, non exigée)",
        );
    assert_eligible(
        "hdf-leader-candidate-trained-in-health-management-only",
        &[advisory],
    );
}

#[test]
fn a_derogation_asked_is_left_to_the_committee() {
    let advisory = row(
        "DEROGATION_TO_DECIDE",
        "/candidates/0",
        "Samir Ouali n'est pas encore intégré·e à une équipe : la dérogation demandée se décide sur dossier",
    );
    assert_eligible(
        "msp-cds-coordinator-being-recruited-asks-derogation",
        &[advisory],
    );
}

// --- Ids the programme does not know, and repetitions ---------------------

#[test]
fn a_misspelled_piece_id_is_named_and_the_required_piece_is_missing() {
    let report = check("bretagne-piece-ids-misspelled");
    let Verdict::Incomplete { missing, .. } = &report.verdict else {
        panic!("incomplete expected, got {:?}", report.verdict);
    };
    assert_eq!(
        pieces(missing),
        [
            row(
                "cv",
                "/candidates/1/pieces",
                "Loïc Prigent : il manque la pièce « Curriculum vitae »"
            ),
            row(
                "projet-de-sante",
                "/team/pieces",
                "équipe : il manque la pièce « Copie du projet de santé validé par l'ARS »"
            ),
        ]
    );
    assert_eq!(
        findings(&report.advisories),
        [
            row(
                "UNKNOWN_PIECE",
                "/team/pieces/1",
                "équipe : pièce « projet-sante » inconnue de ce programme (pièces demandées : lettre-engagement, projet-de-sante)"
            ),
            row(
                "UNKNOWN_PIECE",
                "/candidates/1/pieces/1",
                "Loïc Prigent : pièce « curriculum-vitae » inconnue de ce programme (pièces demandées : lettre-de-motivation, cv)"
            ),
        ]
    );
}

#[test]
fn an_answer_to_a_question_the_programme_does_not_ask_is_named() {
    let report = check("bretagne-answer-to-a-question-not-asked");
    let Verdict::Incomplete { missing, .. } = &report.verdict else {
        panic!("incomplete expected, got {:?}", report.verdict);
    };
    assert_eq!(
        pieces(missing),
        [row(
            "organisation-coordination",
            "/team/answers/organisation-coordination",
            "équipe : réponse manquante à « Comment est organisée - ou va être organisée - la fonction de coordination au sein de votre équipe ? »"
        )]
    );
    assert_eq!(
        findings(&report.advisories),
        [row(
            "UNKNOWN_QUESTION",
            "/team/answers/organisation-de-la-coordination",
            "équipe : réponse à une question « organisation-de-la-coordination » que ce programme ne pose pas (questions posées : organisation-coordination, besoin-accompagnement)"
        )]
    );
}

#[test]
fn the_same_candidate_twice_counts_once_toward_the_quota() {
    // Four entries, three people: within the quota of three per CPTS.
    assert_eligible(
        "bretagne-same-candidate-listed-twice",
        &[row(
            "DUPLICATE_CANDIDATE",
            "/candidates/3",
            "maëlle  le gall figure déjà au dossier (/candidates/0) : compté·e une seule fois",
        )],
    );
}

// --- The fixtures as a whole -------------------------------------------

#[test]
fn candidature_fixtures_cover_every_verdict_and_finding() {
    let mut verdicts = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for name in fixture_names("candidatures") {
        let f = candidature(&name);
        assert!(
            PROGRAMMES.contains(&f.programme.as_str()),
            "{name}: {}",
            f.programme
        );
        date(&f.as_of);
        if let pacte_rules::api::Answer::Success { value } = check_answer(&name) {
            verdicts.insert(verdict_name(&value.verdict));
            if let Verdict::Ineligible { reasons, .. } = &value.verdict {
                codes.extend(reasons.iter().map(|r| json_name(&r.code)));
            }
            codes.extend(value.advisories.iter().map(|a| json_name(&a.code)));
        }
    }
    assert_eq!(verdicts, set_of(&["eligible", "incomplete", "ineligible"]));
    assert_eq!(
        codes,
        set_of(&[
            "STRUCTURE_NOT_ACCEPTED",
            "NO_TEAM",
            "QUOTA_EXCEEDED",
            "NO_CANDIDATE",
            "DUE_DATE_PASSED",
            "NO_DESIRABLE_TRAINING",
            "DEROGATION_TO_DECIDE",
            "UNKNOWN_PIECE",
            "UNKNOWN_QUESTION",
            "DUPLICATE_CANDIDATE",
            "SUPPORT_OFFERED"
        ])
    );
}
