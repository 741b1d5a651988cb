//! Checking an application file against the programme's candidature rules.

use super::wording::{Lack, Remark, Who};
use super::*;
use crate::problem::{pointer, Problem, Refusal};
use crate::programme::{CandidatureRules, Programme};

pub fn check(
    programme: &Programme,
    file: &CandidatureFile,
    as_of: IsoDate,
) -> Result<CandidatureReport, Problem> {
    let Some(rules) = &programme.definition.candidature else {
        return Err(Problem::new(
            "",
            Refusal::NoCandidatureRules {
                programme: programme.id().to_string(),
            },
        ));
    };
    // As for a learner: a file addressed to another programme is not judged by these rules.
    if let Some(named) = file
        .programme
        .as_deref()
        .filter(|p| !programme.is_or_extends(p))
    {
        return Err(Problem::new(
            "/programme",
            Refusal::FileForAnotherProgramme {
                named: named.to_string(),
                programme: programme.id().to_string(),
            },
        ));
    }
    let mut reasons = Vec::new();
    let mut advisories = Vec::new();
    let repeated = repeated_candidates(file, &mut advisories);
    eligibility(rules, file, &repeated, &mut reasons, &mut advisories);
    unknown_ids(rules, file, &repeated, &mut advisories);
    support_offered(rules, file, &mut advisories);
    let missing = missing_pieces(rules, file, &repeated);
    deadline(rules, file, as_of, !missing.is_empty(), &mut reasons);
    let verdict = if !reasons.is_empty() {
        Verdict::Ineligible { reasons, missing }
    } else if !missing.is_empty() {
        Verdict::Incomplete {
            missing,
            due_date: rules.due_date,
        }
    } else {
        Verdict::Eligible {}
    };
    let next_steps = match verdict {
        Verdict::Eligible {} => rules.next_steps.clone(),
        _ => Vec::new(),
    };
    Ok(CandidatureReport {
        programme: programme.summary(),
        engine: EngineStamp::current(),
        as_of,
        team: file.team.name.clone(),
        verdict,
        advisories,
        next_steps,
    })
}

/// A yes to a question that opens a support (seed 002: "besoin d'aide ou
/// d'accompagnement") is told to the committee; it never weighs on the verdict.
fn support_offered(
    rules: &CandidatureRules,
    file: &CandidatureFile,
    advisories: &mut Vec<Finding>,
) {
    for (n, q) in rules.questions.iter().enumerate() {
        let Some(support) = q.support_if_yes.as_deref() else {
            continue;
        };
        if file.team.answers.get(&q.id).is_some_and(|a| says_yes(a)) {
            advisories.push(Finding::new(
                pointer(["team", "answers", q.id.as_str()]),
                Remark::SupportOffered {
                    question: n + 1,
                    support,
                },
            ));
        }
    }
}

/// An answer whose first word is "oui" (or "yes"), whatever its case (ASCII
/// letters: Unicode tables would weigh in the wasm): "Oui :
/// nous souhaitons…" is a yes with its details.
fn says_yes(answer: &str) -> bool {
    let first = answer
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    first.eq_ignore_ascii_case("oui") || first.eq_ignore_ascii_case("yes")
}

/// The candidates listed again (same name, whatever the spaces and the case of
/// unaccented letters: Unicode case tables would weigh 10 KB in the wasm):
/// `true` at the index of each later entry, with an advisory naming the first.
fn repeated_candidates(file: &CandidatureFile, advisories: &mut Vec<Finding>) -> Vec<bool> {
    let mut first = std::collections::HashMap::new();
    let mut repeated = vec![false; file.candidates.len()];
    for (i, c) in file.candidates.iter().enumerate() {
        let key = c
            .name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        // An entry without a name yet (a form being filled in) is nobody in particular.
        if key.is_empty() {
            continue;
        }
        if let Some(&earlier) = first.get(&key) {
            repeated[i] = true;
            advisories.push(Finding::new(
                format!("/candidates/{i}"),
                Remark::RepeatedCandidate {
                    who: Who::candidate(&c.name, i),
                    first: earlier,
                },
            ));
        } else {
            first.insert(key, i);
        }
    }
    repeated
}

/// Piece ids and question ids the programme does not know, each named in an advisory.
fn unknown_ids(
    rules: &CandidatureRules,
    file: &CandidatureFile,
    repeated: &[bool],
    advisories: &mut Vec<Finding>,
) {
    let ids = |pieces: &[crate::programme::Piece]| {
        pieces
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut unknown = |path: String, piece: &str, who: Who, asked: &str| {
        advisories.push(Finding::new(
            path,
            Remark::UnknownPiece { who, piece, asked },
        ))
    };
    let team_ids = ids(&rules.team_pieces);
    for (j, p) in file.team.pieces.iter().enumerate() {
        if !rules.team_pieces.iter().any(|r| r.id == *p) {
            unknown(format!("/team/pieces/{j}"), p, Who::Team, &team_ids);
        }
    }
    let candidate_ids = ids(&rules.candidate_pieces);
    for (i, c) in file.candidates.iter().enumerate() {
        if repeated[i] {
            continue;
        }
        for (j, p) in c.pieces.iter().enumerate() {
            if !rules.candidate_pieces.iter().any(|r| r.id == *p) {
                unknown(
                    format!("/candidates/{i}/pieces/{j}"),
                    p,
                    Who::candidate(&c.name, i),
                    &candidate_ids,
                );
            }
        }
    }
    let asked = rules
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    for key in file.team.answers.keys() {
        if !rules.questions.iter().any(|q| q.id == *key) {
            advisories.push(Finding::new(
                pointer(["team", "answers", key.as_str()]),
                Remark::UnknownQuestion {
                    question: key,
                    asked: &asked,
                },
            ));
        }
    }
}

fn eligibility(
    rules: &CandidatureRules,
    file: &CandidatureFile,
    repeated: &[bool],
    reasons: &mut Vec<Finding>,
    advisories: &mut Vec<Finding>,
) {
    let accepted = rules
        .structure_types
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(t) = file
        .team
        .structure_type
        .filter(|t| !rules.structure_types.contains(t))
    {
        reasons.push(Finding::new(
            "/team/structureType",
            Remark::StructureNotAccepted {
                accepted: &accepted,
                given: t.label(),
            },
        ));
    }
    // Each person counts once toward the quota.
    let count = repeated.iter().filter(|r| !**r).count() as u32;
    let quota = rules.candidates_per_team;
    if count == 0 || quota.is_some_and(|q| count < q.min) {
        let min = quota.map_or(1, |q| q.min.max(1));
        reasons.push(Finding::new(
            "/candidates",
            Remark::TooFewCandidates { min, count },
        ));
    }
    if let Some(q) = quota.filter(|q| count > q.max) {
        reasons.push(Finding::new(
            "/candidates",
            Remark::TooManyCandidates { max: q.max, count },
        ));
    }
    let has_team = file.team.structure_type.is_some();
    for (i, c) in file.candidates.iter().enumerate() {
        if repeated[i] {
            continue;
        }
        let path = format!("/candidates/{i}");
        let who = Who::candidate(&c.name, i);
        // Unknown is a missing answer (see `missing_pieces`), unless a
        // derogation is asked: then the candidate is, by their own word, not in a team yet.
        let in_team = c.in_team.unwrap_or(!c.derogation_requested);
        if !(in_team && has_team) {
            if c.derogation_requested && rules.derogation_for_recruitment {
                advisories.push(Finding::new(
                    path.clone(),
                    Remark::DerogationToDecide { who },
                ));
            } else {
                reasons.push(Finding::new(
                    path.clone(),
                    Remark::NotInTeam {
                        who,
                        derogation_possible: rules.derogation_for_recruitment,
                    },
                ));
            }
        }
        let desirable = &rules.desirable_trainings;
        if !desirable.is_empty() && !c.initial_training.is_some_and(|t| desirable.contains(&t)) {
            // Name the trainings this programme finds desirable, not a fixed pair.
            let (fr, en): (Vec<_>, Vec<_>) =
                desirable.iter().map(|t| (t.french(), t.english())).unzip();
            advisories.push(Finding::new(
                path,
                Remark::NoDesirableTraining {
                    who,
                    fr: &fr.join(" ou "),
                    en: &en.join(" or "),
                },
            ));
        }
    }
}

fn missing_pieces(
    rules: &CandidatureRules,
    file: &CandidatureFile,
    repeated: &[bool],
) -> Vec<MissingPiece> {
    let mut missing = Vec::new();
    let mut lack = |path: String, piece: &str, what: Lack| {
        missing.push(MissingPiece {
            path,
            piece: piece.to_string(),
            message: what.message(),
        })
    };
    for (i, c) in file.candidates.iter().enumerate() {
        if repeated[i] {
            continue;
        }
        if c.in_team.is_none() && !c.derogation_requested {
            lack(
                format!("/candidates/{i}/inTeam"),
                "inTeam",
                Lack::InTeamUnknown {
                    who: Who::candidate(&c.name, i),
                },
            );
        }
        for p in rules
            .candidate_pieces
            .iter()
            .filter(|p| !c.pieces.contains(&p.id))
        {
            lack(
                format!("/candidates/{i}/pieces"),
                &p.id,
                Lack::Piece {
                    who: Who::candidate(&c.name, i),
                    title: &p.title,
                },
            );
        }
    }
    let team = &file.team;
    for p in rules
        .team_pieces
        .iter()
        .filter(|p| !team.pieces.contains(&p.id))
    {
        lack(
            "/team/pieces".into(),
            &p.id,
            Lack::Piece {
                who: Who::Team,
                title: &p.title,
            },
        );
    }
    if let Some(letter) = rules
        .board_letter_piece
        .as_deref()
        .filter(|l| team.pieces.iter().any(|p| p == l))
    {
        match &team.board {
            None => lack("/team/board".into(), letter, Lack::BoardList),
            Some(board) => {
                let unsigned: Vec<&str> = board
                    .members
                    .iter()
                    .filter(|m| !board.signed_by.contains(m))
                    .map(String::as_str)
                    .collect();
                if !unsigned.is_empty() {
                    let names = unsigned.join(", ");
                    lack(
                        "/team/board/signedBy".into(),
                        letter,
                        Lack::Signatures { names: &names },
                    );
                }
            }
        }
    }
    for q in &rules.questions {
        if team.answers.get(&q.id).is_none_or(|a| a.trim().is_empty()) {
            lack(
                format!("/team/answers/{}", q.id),
                &q.id,
                Lack::Answer { question: &q.text },
            );
        }
    }
    missing
}

fn deadline(
    rules: &CandidatureRules,
    file: &CandidatureFile,
    as_of: IsoDate,
    pieces_missing: bool,
    reasons: &mut Vec<Finding>,
) {
    let Some(deadline) = rules.due_date else {
        return;
    };
    let late = |d: IsoDate| d > deadline || (d == deadline && !rules.due_date_included);
    if let Some(sent) = file.submitted_on.filter(|d| late(*d)) {
        reasons.push(Finding::new(
            "/submittedOn",
            Remark::SentAfterDueDate {
                sent,
                due_date: deadline,
            },
        ));
    } else if pieces_missing && late(as_of) {
        reasons.push(Finding::new(
            "",
            Remark::MissingAfterDueDate { due_date: deadline },
        ));
    }
}
