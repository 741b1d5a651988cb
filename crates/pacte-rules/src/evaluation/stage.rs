//! The verdict: one stage weighed from the unmet conditions.

use super::Pending;
use crate::date::IsoDate;
use crate::message::Message;
use crate::report::wording::Shortfall;
use crate::report::Stage;

pub(super) fn stage(
    unmet: &[Pending],
    anything_recorded: bool,
    as_of: IsoDate,
    at_risk_within_days: u32,
) -> Stage {
    let defending_is_all_that_is_left = unmet
        .iter()
        .all(|u| matches!(u.shortfall, Shortfall::SoutenanceNotPassed { .. }));
    let due_soon = |u: &Pending| {
        u.due_date
            .is_some_and(|d| as_of.days_until(d) <= i64::from(at_risk_within_days))
    };
    if unmet.is_empty() {
        Stage::Complete
    } else if unmet.iter().any(|u| u.blocking) {
        Stage::Blocked
    } else if defending_is_all_that_is_left {
        Stage::ReadyToDefend
    } else if unmet.iter().any(due_soon) {
        Stage::AtRisk
    } else if !anything_recorded {
        Stage::NotStarted
    } else {
        Stage::InProgress
    }
}

/// Whether a due date of an unmet condition has passed.
pub(super) fn overdue(unmet: &[Pending], as_of: IsoDate) -> bool {
    unmet.iter().any(|u| u.due_date.is_some_and(|d| d < as_of))
}

/// The stage in words. An at-risk file reads "en retard" only once a due
/// date has passed; before, the due date is near.
pub(crate) fn summary(stage: Stage, overdue: bool) -> Message {
    match stage {
        Stage::Blocked => Message::new(
            "Diplôme compromis : une condition ne peut plus être remplie",
            "Diploma compromised: a condition can no longer be met",
        ),
        Stage::AtRisk if overdue => Message::new(
            "En retard : une échéance est passée",
            "Overdue: a due date has passed",
        ),
        Stage::AtRisk => Message::new(
            "Échéance proche : des éléments restent à fournir",
            "Due date near: items are still missing",
        ),
        Stage::NotStarted => Message::new("Parcours pas encore commencé", "Not started yet"),
        Stage::InProgress => Message::new("Parcours en cours", "In progress"),
        Stage::ReadyToDefend => Message::new(
            "Dossier prêt pour la soutenance",
            "Ready to defend the mémoire",
        ),
        Stage::Complete => Message::new("Conditions du diplôme remplies", "Diploma conditions met"),
    }
}

/// What the learner does next when the file cannot go on as it is: addressed
/// to the learner, whom the formateur relais accompanies.
pub(crate) fn next_step(stage: Stage, overdue: bool) -> Option<Message> {
    match stage {
        Stage::Blocked => Some(Message::new(
            "Contactez votre formateur relais pour voir avec lui ce qui reste possible.",
            "Contact your formateur relais to see together what remains possible.",
        )),
        Stage::AtRisk if overdue => Some(Message::new(
            "Fournissez au plus vite ce qui est en retard, ou prévenez votre formateur relais.",
            "Provide what is overdue as soon as you can, or tell your formateur relais.",
        )),
        _ => None,
    }
}
