//! The checks a definition must pass beyond its shape: ids unique, references
//! resolved, dates coherent, elective groups satisfiable, the calendar able to
//! supply the in-person hours. Every problem is reported, with its path.

use super::definition::*;
use crate::minutes::Minutes;
use crate::problem::{pointer, Problem, ProblemCode};
use std::collections::HashSet;

/// `set_aside` holds ids of elements already reported as malformed: references
/// to them are not reported a second time.
pub(super) fn validate(def: &ProgrammeDefinition, set_aside: &[String]) -> Vec<Problem> {
    let mut out = Vec::new();
    if def.id.trim().is_empty() {
        out.push(Problem::new(
            ProblemCode::InvalidValue,
            "/id",
            "l'identifiant est vide",
            "the id is empty",
        ));
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
                ProblemCode::DuplicateId,
                format!("{list}/{i}/id"),
                format!("l'identifiant « {id} » figure deux fois dans {list}"),
                format!("the id \"{id}\" appears twice in {list}"),
            ));
        }
    }
}

fn known_module(out: &mut Vec<Problem>, modules: &HashSet<&str>, id: &str, path: String) {
    if !modules.contains(id) {
        out.push(Problem::new(
            ProblemCode::UnknownReference,
            path,
            format!("le module « {id} » n'existe pas dans ce programme"),
            format!("the module \"{id}\" does not exist in this programme"),
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
                ProblemCode::ElectiveGroupTooLarge,
                path,
                format!(
                    "le groupe « {} » demande au moins {} modules mais n'en propose que {offered}",
                    g.id, g.at_least
                ),
                format!(
                    "the group \"{}\" asks for at least {} modules but offers only {offered}",
                    g.id, g.at_least
                ),
            ));
        } else if g.at_least == 0 {
            out.push(Problem::new(
                ProblemCode::InvalidValue,
                path,
                format!(
                    "le groupe « {} » demande au moins 0 module : il ne demande rien",
                    g.id
                ),
                format!(
                    "the group \"{}\" asks for at least 0 modules: it asks nothing",
                    g.id
                ),
            ));
        }
    }
}

fn sessions(out: &mut Vec<Problem>, def: &ProgrammeDefinition, modules: &HashSet<&str>) {
    if let Some(c) = &def.promotion {
        if c.end_date < c.start_date {
            out.push(Problem::new(
                ProblemCode::PromotionDatesReversed,
                "/promotion/endDate",
                format!(
                    "la promotion finit ({}) avant de commencer ({})",
                    c.end_date, c.start_date
                ),
                format!(
                    "the promotion ends ({}) before it starts ({})",
                    c.end_date, c.start_date
                ),
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
                ProblemCode::EmptySession,
                at(&["days"]),
                format!("le séminaire « {} » n'a aucune journée", s.id),
                format!("the seminar \"{}\" has no day", s.id),
            ));
        }
        let mut dates = HashSet::new();
        for (j, d) in s.days.iter().enumerate() {
            let j = j.to_string();
            if !dates.insert(d.date) {
                out.push(Problem::new(
                    ProblemCode::DuplicateId,
                    at(&["days", &j, "date"]),
                    format!(
                        "le séminaire « {} » compte deux fois la journée du {}",
                        s.id, d.date
                    ),
                    format!("the seminar \"{}\" lists the day {} twice", s.id, d.date),
                ));
            }
            if d.minutes.is_zero() {
                out.push(Problem::new(
                    ProblemCode::EmptySession,
                    at(&["days", &j, "minutes"]),
                    format!(
                        "la journée du {} du séminaire « {} » dure 0 minute",
                        d.date, s.id
                    ),
                    format!(
                        "the day {} of the seminar \"{}\" lasts 0 minutes",
                        d.date, s.id
                    ),
                ));
            }
            if let Some(c) = def
                .promotion
                .as_ref()
                .filter(|c| d.date < c.start_date || d.date > c.end_date)
            {
                out.push(Problem::new(
                    ProblemCode::SessionOutsidePromotion,
                    at(&["days", &j, "date"]),
                    format!(
                        "la journée du {} du séminaire « {} » est hors de la promotion ({} – {})",
                        d.date, s.id, c.start_date, c.end_date
                    ),
                    format!(
                        "the day {} of the seminar \"{}\" is outside the promotion ({} – {})",
                        d.date, s.id, c.start_date, c.end_date
                    ),
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
            ProblemCode::CalendarShortOfPresentiel,
            "/requiredMinutes/presentiel",
            format!("le calendrier n'offre que {supplied} de séminaires obligatoires pour {required} de présentiel exigées"),
            format!("the calendar offers only {supplied} of mandatory seminars for {required} of in-person time required"),
        ));
    }
}

fn candidature(out: &mut Vec<Problem>, rules: &CandidatureRules) {
    if let Some(q) = rules
        .candidates_per_team
        .filter(|q| q.min > q.max || q.max == 0)
    {
        out.push(Problem::new(
            ProblemCode::InvalidValue,
            "/candidature/candidatesPerTeam",
            format!(
                "quota de candidats par équipe impossible : de {} à {}",
                q.min, q.max
            ),
            format!(
                "impossible quota of candidates per team: from {} to {}",
                q.min, q.max
            ),
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
            ProblemCode::UnknownReference,
            "/candidature/boardLetterPiece",
            format!("la pièce « {letter} » n'est pas une pièce d'équipe du dossier"),
            format!("the piece \"{letter}\" is not a team piece of the file"),
        ));
    }
}
