//! The `pacte` command line, run as a user runs it: what it prints, and its
//! exit codes (0 the answer is not negative, 1 a negative verdict, 2 invalid
//! input or usage).

#[path = "../../pacte-rules/tests/common/mod.rs"]
mod common;

use common::*;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The (code, path) of each problem of a refusal, which must exit 2.
    fn problems(&self) -> Vec<(String, String)> {
        assert_eq!(self.code, 2, "stderr: {}", self.stderr);
        let answer = self.json();
        assert_eq!(answer["kind"], "failure");
        answer["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["code"].as_str().unwrap().into(),
                    p["path"].as_str().unwrap().into(),
                )
            })
            .collect()
    }
}

fn pacte(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .output()
        .expect("the pacte binary runs");
    Run {
        code: out.status.code().expect("an exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

/// Writes an input file for one test. Tests run in parallel and two may use
/// the same fixture, so every file gets a name of its own.
fn scratch(name: &str, contents: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let unique = format!(
        "{}-{}-{name}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(unique);
    std::fs::write(&path, contents).expect("scratch file written");
    path.to_string_lossy().into_owned()
}

/// `pacte evaluate` on a learner fixture, with the fixture's programme (or region) and date.
fn evaluate_fixture(name: &str, format: &str) -> Run {
    let f = learner(name);
    let file = scratch(&format!("{name}.json"), f.learner.get());
    pacte(&[
        "evaluate",
        "--programme",
        &f.programme_argument(),
        "--as-of",
        &f.as_of,
        "--format",
        format,
        &file,
    ])
}

fn check_fixture(name: &str, format: &str) -> Run {
    let f = candidature(name);
    let file = scratch(&format!("{name}.json"), f.file.get());
    pacte(&[
        "check-candidature",
        "--programme",
        &f.programme,
        "--as-of",
        &f.as_of,
        "--format",
        format,
        &file,
    ])
}

fn learner_line(name: &str) -> String {
    learner(name).learner_value().to_string()
}

fn definition_file(name: &str) -> String {
    fixture_path("definitions", name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn programmes_lists_the_six_embedded_ids() {
    let run = pacte(&["programmes"]);
    assert_eq!(run.code, 0);
    let listed = run.json();
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, PROGRAMMES);
}

#[test]
fn evaluate_prints_the_library_report_as_json_and_exits_0() {
    let name = "hdf-absent-s3-day2-with-justification";
    let run = evaluate_fixture(name, "json");
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.json(), serde_json::to_value(evaluate(name)).unwrap());
    assert_eq!(run.json()["stage"], "inProgress");
}

#[test]
fn evaluate_in_text_writes_the_report_in_french() {
    let run = evaluate_fixture("hdf-absent-s3-day2-with-justification", "text");
    assert_eq!(run.code, 0);
    let hash = &embedded("hdf-leader-msp-2024").hash;
    let expected = format!(
        "Camille Martin — PACTE LEADER MSP Hauts-de-France — promotion 1, 2024
Au 20 septembre 2024 : Parcours en cours
Règles : hdf-leader-msp-2024 version 2024.1 ({hash})

Heures
  Présentiel  28 h + 7 h excusées sur 49 h, reste 14 h
  E-learning  1 h 30 (pas d'exigence en heures)
  En équipe   2 h (pas d'exigence en heures)

Séminaires
  Séminaire 1 11 avril 2024 : présent·e
  Séminaire 2 23 mai 2024 : présent·e
  Séminaire 2 24 mai 2024 : présent·e
  Séminaire 3 12 septembre 2024 : présent·e
  Séminaire 3 13 septembre 2024 : absence justifiée (heures excusées)
  Séminaire 4 3 octobre 2024 : à venir
  Séminaire 4 4 octobre 2024 : à venir

Mémoire : en cours de rédaction
Soutenance : pas encore programmée

Ce qui reste à faire
  - il manque 14 h de présentiel (28 h faites, 7 h excusées sur 49 h)
  - mémoire non déposé (échéance le 27 novembre 2024)
  - soutenance pas encore passée (prévue le 27 novembre 2024)
  - Séminaire 4 le 3 octobre 2024 : à venir
  - Séminaire 4 le 4 octobre 2024 : à venir
"
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn a_blocked_learner_exits_1() {
    let run = evaluate_fixture("hdf-absent-s3-day2-without-justification", "text");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("  - absence non justifiée au Séminaire 3 le 13 septembre 2024 (bloquant)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_at_risk_learner_is_no_negative_verdict() {
    assert_eq!(
        evaluate_fixture("hdf-s3-attendance-not-recorded-yet", "json").code,
        0
    );
}

#[test]
fn invalid_records_exit_2_with_the_problem_on_stdout_and_stderr() {
    let file = scratch(
        "impossible-date.json",
        r#"{"learnerId":"x","attendance":[{"session":"S1","date":"2024-04-31","status":"present"}]}"#,
    );
    let run = pacte(&[
        "evaluate",
        "--programme",
        "hdf-leader-msp-2024",
        "--as-of",
        "2024-09-20",
        &file,
    ]);
    assert_eq!(
        run.problems(),
        [("INVALID_DATE".to_string(), "/attendance/0/date".to_string())]
    );
    assert!(
        run.stderr
            .starts_with("INVALID_DATE /attendance/0/date : date invalide en /attendance/0/date"),
        "{}",
        run.stderr
    );
}

#[test]
fn text_that_is_not_json_exits_2() {
    let file = scratch("not-json.json", r#"{"learnerId":"x"} et la suite"#);
    let run = pacte(&[
        "evaluate",
        "--programme",
        "msp-cds",
        "--as-of",
        "2025-01-01",
        &file,
    ]);
    assert_eq!(
        run.problems(),
        [("INVALID_JSON".to_string(), String::new())]
    );
}

#[test]
fn a_bad_evaluation_date_or_programme_exits_2() {
    let file = scratch("bad-arguments.json", r#"{"learnerId":"x"}"#);
    let run = pacte(&[
        "evaluate",
        "--programme",
        "msp-cds",
        "--as-of",
        "20/09/2024",
        &file,
    ]);
    assert_eq!(
        run.problems(),
        [("INVALID_ARGUMENT".to_string(), "/asOf".to_string())]
    );
    let run = pacte(&[
        "evaluate",
        "--programme",
        "pacte-normandie",
        "--as-of",
        "2024-09-20",
        &file,
    ]);
    assert_eq!(
        run.problems(),
        [("UNKNOWN_PROGRAMME".to_string(), String::new())]
    );
}

#[test]
fn evaluate_against_a_regional_definition_file() {
    let definition = json!({
        "id": "hdf-leader-msp-2024-rattrapage",
        "version": "2024.2",
        "extends": "hdf-leader-msp-2024",
        "title": "PACTE LEADER MSP Hauts-de-France — séminaire 3 déplacé",
        "sessions": [
            { "id": "S1", "title": "Séminaire 1", "days": [{ "date": "2024-04-11", "minutes": 420 }] },
            { "id": "S3", "title": "Séminaire 3", "days": [{ "date": "2024-09-19", "minutes": 420 }] }
        ]
    });
    let programme = scratch("regional-definition.json", &definition.to_string());
    let records = scratch(
        "regional-learner.json",
        r#"{"learnerId":"hdf-2024-021","programme":"leader-msp"}"#,
    );
    let run = pacte(&[
        "evaluate",
        "--programme",
        &programme,
        "--as-of",
        "2024-03-01",
        &records,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(
        report["programme"]["lineage"],
        json!([
            "hdf-leader-msp-2024-rattrapage",
            "hdf-leader-msp-2024",
            "leader-msp"
        ])
    );
    assert_eq!(report["hours"]["presentiel"]["requiredMinutes"], 840);
}

#[test]
fn a_promotion_given_as_a_json_array_is_evaluated_learner_by_learner() {
    let names = [
        "hdf-absent-s3-day2-with-justification",
        "hdf-absent-s3-day2-without-justification",
        "hdf-s3-attendance-not-recorded-yet",
    ];
    let array = format!("[{}]", names.map(learner_line).join(",\n"));
    let run = pacte(&[
        "evaluate-promotion",
        "--programme",
        "hdf-leader-msp-2024",
        "--as-of",
        "2024-09-20",
        &scratch("promotion.json", &array),
    ]);
    assert_eq!(
        run.code, 1,
        "a blocked learner makes the promotion's verdict negative"
    );
    let promotion = run.json();
    assert_eq!(
        promotion["stages"],
        json!({ "blocked": 1, "atRisk": 1, "notStarted": 0, "inProgress": 1, "readyToDefend": 0, "complete": 0 })
    );
    assert_eq!(promotion["invalid"], 0);
    for (entry, name) in promotion["learners"].as_array().unwrap().iter().zip(names) {
        assert_eq!(entry["kind"], "evaluated");
        assert_eq!(
            entry["report"],
            serde_json::to_value(evaluate(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn json_lines_out_stream_one_line_per_learner_then_the_summary_the_same_entries_as_the_json() {
    let lines = [
        learner_line("hdf-absent-s3-day2-with-justification"),
        r#"{"learnerId":"hdf-2024-099","attendance":[{"session":"S1","date":"2024-04-31","status":"present"}]}"#.to_string(),
        String::new(),
        learner_line("hdf-s3-attendance-not-recorded-yet"),
    ];
    let args = |file: &str, format: &str| {
        pacte(&[
            "evaluate-promotion",
            "--programme",
            "hdf-leader-msp-2024",
            "--as-of",
            "2024-09-20",
            "--format",
            format,
            file,
        ])
    };
    let whole = args(&scratch("streamed.jsonl", &lines.join("\n")), "json");
    let streamed = args(&scratch("streamed.jsonl", &lines.join("\n")), "jsonl");
    assert_eq!(streamed.code, whole.code);
    let out: Vec<Value> = streamed
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let promotion = whole.json();
    assert_eq!(out.len(), 4, "three learners and the summary");
    assert_eq!(out[..3], promotion["learners"].as_array().unwrap()[..]);
    assert_eq!(
        out[3],
        json!({
            "kind": "summary",
            "asOf": "2024-09-20",
            "stages": promotion["stages"],
            "invalid": 1,
            "learners": 3
        })
    );
    // A JSON array streams the same way.
    let array = format!("[{}]", [&lines[0], &lines[3]].map(|l| l.as_str()).join(","));
    let from_array = args(&scratch("streamed.json", &array), "jsonl");
    assert_eq!(from_array.stdout.lines().count(), 3);
}

#[test]
fn a_bad_line_of_json_lines_is_reported_with_its_index_and_the_others_evaluated() {
    let lines = [
        learner_line("hdf-absent-s3-day2-with-justification"),
        r#"{"learnerId":"hdf-2024-099","attendance":[{"session":"S1","date":"2024-04-31","status":"present"}]}"#.to_string(),
        String::new(),
        learner_line("hdf-s3-attendance-not-recorded-yet"),
    ];
    let file = scratch("promotion.jsonl", &lines.join("\n"));
    let run = pacte(&[
        "evaluate-promotion",
        "--programme",
        "hdf-leader-msp-2024",
        "--as-of",
        "2024-09-20",
        &file,
    ]);
    assert_eq!(
        run.code, 1,
        "an unreadable learner makes the promotion's verdict negative"
    );
    let promotion = run.json();
    assert_eq!(promotion["invalid"], 1);
    let learners = promotion["learners"].as_array().unwrap();
    assert_eq!(learners.len(), 3, "the blank line is no learner");
    assert_eq!(learners[0]["report"]["stage"], "inProgress");
    assert_eq!(learners[1]["kind"], "invalid");
    assert_eq!(learners[1]["index"], 1);
    assert_eq!(learners[1]["problems"][0]["code"], "INVALID_DATE");
    assert_eq!(learners[1]["problems"][0]["path"], "/1/attendance/0/date");
    assert_eq!(learners[2]["report"]["stage"], "atRisk");
}

#[test]
fn check_candidature_exits_0_for_an_eligible_file_and_1_otherwise() {
    let run = check_fixture("bretagne-complete-file-two-candidates", "json");
    assert_eq!(run.code, 0);
    assert_eq!(run.json()["verdict"]["kind"], "eligible");
    let run = check_fixture("bretagne-board-letter-not-signed-by-all-members", "text");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "Candidature de l'équipe CPTS du Pays de Morlaix — PACTE Soins primaires pour les CPTS — Bretagne, promotion 2021–2022
Verdict : incomplète
  - équipe : la lettre d'engagement n'est pas signée par Yannick Cloarec
"
    );
}

#[test]
fn a_candidature_file_with_an_unknown_field_exits_2() {
    let file = scratch(
        "candidature-unknown-field.json",
        r#"{"team":{"name":"MSP des Coteaux","structureType":"msp","siret":"123"},"candidates":[]}"#,
    );
    let run = pacte(&[
        "check-candidature",
        "--programme",
        "msp-cds",
        "--as-of",
        "2025-05-15",
        &file,
    ]);
    assert_eq!(
        run.problems(),
        [("UNKNOWN_FIELD".to_string(), "/team/siret".to_string())]
    );
}

#[test]
fn check_programme_reports_every_problem_and_exits_2() {
    let run = pacte(&[
        "check-programme",
        &definition_file("several-errors-at-once"),
    ]);
    let expected = [
        ("INVALID_DATE", "/sessions/2/days/1/date"),
        ("UNKNOWN_FIELD", "/sessions/3/salle"),
        ("DUPLICATE_ID", "/sessions/3/id"),
    ];
    assert_eq!(
        run.problems(),
        expected.map(|(c, p)| (c.to_string(), p.to_string()))
    );
    assert_eq!(
        run.stderr.lines().count(),
        3,
        "one line a problem: {}",
        run.stderr
    );
}

#[test]
fn check_programme_takes_the_definitions_a_file_extends() {
    let run = pacte(&[
        "check-programme",
        &definition_file("cycle-a-extends-b"),
        "--with",
        &definition_file("cycle-b-extends-a"),
    ]);
    assert_eq!(
        run.problems(),
        [("EXTENDS_CYCLE".to_string(), "/extends".to_string())]
    );
}

#[test]
fn check_programme_prints_a_valid_definition_resolved() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../pacte-rules/programmes/bretagne-cpts-2021.json");
    let run = pacte(&["check-programme", &file.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let resolved = run.json();
    assert_eq!(resolved["lineage"], json!(["bretagne-cpts-2021", "cpts"]));
    assert_eq!(resolved["hash"], embedded("bretagne-cpts-2021").hash);
    assert_eq!(
        resolved,
        serde_json::to_value(embedded("bretagne-cpts-2021").details()).unwrap()
    );
}

#[test]
fn a_reader_closing_the_pipe_after_one_byte_ends_the_command_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // Far more than a pipe's buffer, so the command is still writing when
    // the reader goes away (as `pacte evaluate-promotion … | head -c1`).
    let line = learner_line("hdf-absent-s3-day2-with-justification");
    let lines = vec![line; 400].join("\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args([
            "evaluate-promotion",
            "--programme",
            "hdf-leader-msp-2024",
            "--as-of",
            "2024-09-20",
            &scratch("promotion.jsonl", &lines),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the pacte binary runs");
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(first, *b"{");
    assert_eq!(out.status.code(), Some(141), "128 + SIGPIPE, not an abort");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn control_characters_in_a_learners_name_are_shown_escaped_in_text() {
    let name = "Camille\u{0}\u{1b}[2J\u{1b}]0;titre\u{7}\u{9b}";
    let learner = json!({ "learnerId": "x\ry", "displayName": name }).to_string();
    let file = scratch("control-characters.json", &learner);
    let on = [
        "--programme",
        "msp-cds",
        "--as-of",
        "2025-01-15",
        "--format",
        "text",
    ];
    let run = pacte(&[&["evaluate"][..], &on, &[&file]].concat());
    assert_eq!(
        run.stdout.lines().next().unwrap(),
        "Camille\\u{0}\\u{1b}[2J\\u{1b}]0;titre\\u{7}\\u{9b} — DE PACTE Soins primaires — Coordinateur de regroupements pluri-professionnels de soins primaires, mention MSP-CDS"
    );
    let promotion = scratch("control-characters.jsonl", &learner);
    let run = pacte(&[&["evaluate-promotion"][..], &on, &[&promotion]].concat());
    assert_eq!(
        run.stdout.lines().nth(1).unwrap(),
        "  Camille\\u{0}\\u{1b}[2J\\u{1b}]0;titre\\u{7}\\u{9b} : Parcours pas encore commencé (10 conditions non remplies)"
    );
    assert!(!run.stdout.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn the_same_learner_id_twice_in_a_promotion_is_refused_in_the_second_place() {
    let line = learner_line("hdf-absent-s3-day2-with-justification");
    let lines = [line.clone(), learner_line("hdf-soutenance-passed"), line].join("\n");
    let run = pacte(&[
        "evaluate-promotion",
        "--programme",
        "hdf-leader-msp-2024",
        "--as-of",
        "2024-09-20",
        &scratch("twice.jsonl", &lines),
    ]);
    assert_eq!(run.code, 1, "an invalid learner makes the verdict negative");
    let promotion = run.json();
    assert_eq!(promotion["invalid"], 1);
    assert_eq!(
        promotion["learners"][2],
        json!({ "kind": "invalid", "index": 2, "problems": [{
            "code": "DUPLICATE_ID",
            "path": "/2/learnerId",
            "message": {
                "fr": "l'apprenant « hdf-2024-007 » figure déjà dans la promotion (n° 0) : ses enregistrements vont dans un seul dossier",
                "en": "the learner \"hdf-2024-007\" is already in the promotion (no. 0): their records belong in one file"
            }
        }]})
    );
}

#[test]
fn an_empty_promotion_file_is_refused_not_reported_as_zero_learners() {
    for (name, contents) in [("empty.jsonl", "\n \n"), ("empty.json", "[]")] {
        let run = pacte(&[
            "evaluate-promotion",
            "--programme",
            "msp-cds",
            "--as-of",
            "2025-01-15",
            &scratch(name, contents),
        ]);
        assert_eq!(
            run.problems(),
            [("EMPTY_PROMOTION".into(), "".into())],
            "{name}"
        );
    }
}
