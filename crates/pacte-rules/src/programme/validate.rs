//! The checks a definition must pass beyond its shape: ids unique, references
//! resolved, dates coherent, elective groups satisfiable, the calendar able to
//! supply the in-person hours. Every problem is reported, with its path.

use super::definition::*;
use crate::minutes::Minutes;
use crate::problem::{pointer, Problem, Refusal};
use std::collections::HashSet;

/// `set_aside` holds ids of elements already reported as malformed: references
/// to them are not reported a second time.
pub(super) fn validate(def: &ProgrammeDefinition, set_aside: &[String]) -> Vec<Problem> {
    let mut out = Vec::new();
    if def.id.trim().is_empty() {
        out.push(Problem::new("/id", Refusal::EmptyId));
    }
    unique_ids(
        &mut out,
        "/modules",
        def.modules.iter().map(|m| m.id.as_str()),
    );
    unique_ids(
        &mut out,
        "/electiveGroups",
        def.elective_groups.iter().map(|g| g.id.as_str()),
    );
    unique_ids(
        &mut out,
        "/traceurs",
        def.traceurs.iter().map(|t| t.id.as_str()),
    );
    unique_ids(
        &mut out,
        "/sessions",
        def.sessions.iter().map(|s| s.id.as_str()),
    );
    let modules: HashSet<&str> = def
        .modules
        .iter()
        .map(|m| m.id.as_str())
        .chain(set_aside.iter().map(String::as_str))
        .collect();
    elective_groups(&mut out, def, &modules);
    for (i, t) in def.traceurs.iter().enumerate() {
        if let Some(m) = &t.module {
            known_module(
                &mut out,
                &modules,
                m,
                pointer(["traceurs".to_string(), i.to_string(), "module".into()]),
            );
        }
    }
    sessions(&mut out, def, &modules);
    if def.counting.max_activity_minutes.is_zero() {
        out.push(Problem::new(
            "/counting/maxActivityMinutes",
            Refusal::NoActivityCanCount,
        ));
    }
    calendar_supply(&mut out, def);
    if let Some(rules) = &def.candidature {
        candidature(&mut out, rules);
    }
    out
}

/// `list` is the list's JSON Pointer, e.g. `/candidature/teamPieces`.
fn unique_ids<'a>(out: &mut Vec<Problem>, list: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            out.push(Problem::new(
                format!("{list}/{i}/id"),
                Refusal::DuplicateId {
                    list: list.to_string(),
                    id: id.to_string(),
                },
            ));
        }
    }
}

fn known_module(out: &mut Vec<Problem>, modules: &HashSet<&str>, id: &str, path: String) {
    if !modules.contains(id) {
        out.push(Problem::new(
            path,
            Refusal::UnknownModule {
                module: id.to_string(),
            },
        ));
    }
}

fn elective_groups(out: &mut Vec<Problem>, def: &ProgrammeDefinition, modules: &HashSet<&str>) {
    for (i, g) in def.elective_groups.iter().enumerate() {
        for (j, m) in g.modules.iter().enumerate() {
            known_module(
                out,
                modules,
                m,
                pointer([
                    "electiveGroups".to_string(),
                    i.to_string(),
                    "modules".into(),
                    j.to_string(),
                ]),
            );
        }
        let offered = g.modules.iter().collect::<HashSet<_>>().len() as u32;
        let path = pointer([
            "electiveGroups".to_string(),
            i.to_string(),
            "atLeast".into(),
        ]);
        if g.at_least > offered {
            out.push(Problem::new(
                path,
                Refusal::ElectiveGroupTooLarge {
                    group: g.id.clone(),
                    at_least: g.at_least,
                    offered,
                },
            ));
        } else if g.at_least == 0 {
            out.push(Problem::new(
                path,
                Refusal::ElectiveGroupAsksNothing {
                    group: g.id.clone(),
                },
            ));
        }
    }
}

fn sessions(out: &mut Vec<Problem>, def: &ProgrammeDefinition, modules: &HashSet<&str>) {
    if let Some(c) = &def.promotion {
        if c.end_date < c.start_date {
            out.push(Problem::new(
                "/promotion/endDate",
                Refusal::PromotionDatesReversed {
                    start: c.start_date,
                    end: c.end_date,
                },
            ));
        }
    }
    for (i, s) in def.sessions.iter().enumerate() {
        let at = |rest: &[&str]| {
            pointer(
                ["sessions".to_string(), i.to_string()]
                    .into_iter()
                    .chain(rest.iter().map(|r| r.to_string())),
            )
        };
        for (j, m) in s.modules.iter().enumerate() {
            known_module(out, modules, m, at(&["modules", &j.to_string()]));
        }
        if s.days.is_empty() {
            out.push(Problem::new(
                at(&["days"]),
                Refusal::SessionWithoutDay {
                    session: s.id.clone(),
                },
            ));
        }
        let mut dates = HashSet::new();
        for (j, d) in s.days.iter().enumerate() {
            let j = j.to_string();
            if !dates.insert(d.date) {
                out.push(Problem::new(
                    at(&["days", &j, "date"]),
                    Refusal::SessionDayTwice {
                        session: s.id.clone(),
                        date: d.date,
                    },
                ));
            }
            if d.minutes > Minutes::DAY {
                out.push(Problem::new(
                    at(&["days", &j, "minutes"]),
                    Refusal::SessionDayLongerThanADay {
                        session: s.id.clone(),
                        date: d.date,
                        minutes: d.minutes,
                    },
                ));
            }
            if d.minutes.is_zero() {
                out.push(Problem::new(
                    at(&["days", &j, "minutes"]),
                    Refusal::SessionDayOfZeroMinutes {
                        session: s.id.clone(),
                        date: d.date,
                    },
                ));
            }
            if let Some(c) = def
                .promotion
                .as_ref()
                .filter(|c| d.date < c.start_date || d.date > c.end_date)
            {
                out.push(Problem::new(
                    at(&["days", &j, "date"]),
                    Refusal::SessionOutsidePromotion {
                        session: s.id.clone(),
                        date: d.date,
                        start: c.start_date,
                        end: c.end_date,
                    },
                ));
            }
        }
    }
}

fn calendar_supply(out: &mut Vec<Problem>, def: &ProgrammeDefinition) {
    let (Some(required), false) = (def.required_minutes.presentiel, def.sessions.is_empty()) else {
        return;
    };
    let supplied: Minutes = super::mandatory_calendar_minutes(def);
    if supplied < required {
        out.push(Problem::new(
            "/requiredMinutes/presentiel",
            Refusal::CalendarShortOfPresentiel { supplied, required },
        ));
    }
}

fn candidature(out: &mut Vec<Problem>, rules: &CandidatureRules) {
    if let Some(q) = rules
        .candidates_per_team
        .filter(|q| q.min > q.max || q.max == 0)
    {
        out.push(Problem::new(
            "/candidature/candidatesPerTeam",
            Refusal::ImpossibleQuota {
                min: q.min,
                max: q.max,
            },
        ));
    }
    unique_ids(
        out,
        "/candidature/candidatePieces",
        rules.candidate_pieces.iter().map(|p| p.id.as_str()),
    );
    unique_ids(
        out,
        "/candidature/teamPieces",
        rules.team_pieces.iter().map(|p| p.id.as_str()),
    );
    unique_ids(
        out,
        "/candidature/questions",
        rules.questions.iter().map(|q| q.id.as_str()),
    );
    if let Some(letter) = rules
        .board_letter_piece
        .as_deref()
        .filter(|l| !rules.team_pieces.iter().any(|p| p.id == *l))
    {
        out.push(Problem::new(
            "/candidature/boardLetterPiece",
            Refusal::BoardLetterNotATeamPiece {
                piece: letter.to_string(),
            },
        ));
    }
}
