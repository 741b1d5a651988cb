//! The elective modules: "at least N of these", met by the work done in a
//! module, as the group's `doneBy` says (hours recorded in it, its traceurs
//! meeting their rule, or both). A declared choice (`chosenModules`) is an
//! intention: the report shows it, and it makes the module's traceurs due,
//! but on its own it does not meet the group (seed 003: the module is
//! "complété […] pour que les participants puissent valider le Diplôme").

use super::hours::Time;
use super::traceurs::Traceur;
use super::{Context, Pointer};
use crate::learner::TraceurRecord;
use crate::minutes::Minutes;
use crate::programme::ElectiveDone;
use crate::report::wording::{SetAside, Shortfall};
use crate::report::{ElectiveState, TraceurStatus};
use std::collections::HashSet;

/// The modules a learner declared, each checked: a module chosen twice,
/// unknown, or mandatory is set aside with the reason.
pub(super) fn declared<'a>(cx: &mut Context<'a>, chosen: &'a [String]) -> HashSet<&'a str> {
    let mut declared = HashSet::new();
    for (i, m) in chosen.iter().enumerate() {
        let at = Pointer::Item("chosenModules", i);
        let module = m.as_str();
        if let Some(first) = chosen[..i].iter().position(|c| c == m) {
            cx.ignore(at, SetAside::ModuleChosenTwice { module, first });
        } else if cx.programme.module(m).is_none() {
            cx.ignore(at, SetAside::UnknownModuleChosen { module });
        } else if !cx.programme.is_elective(m) {
            cx.ignore(at, SetAside::NotAnElectiveModule { module });
        } else {
            declared.insert(module);
        }
    }
    declared
}

/// The elective modules the learner is taking: declared, or with work
/// recorded in them (hours, or a record of one of their traceurs). Their
/// traceurs are due.
pub(super) fn taken<'a>(
    cx: &Context<'a>,
    declared: &HashSet<&str>,
    hours: &Time,
    traceurs: &[TraceurRecord],
) -> HashSet<&'a str> {
    let programme = cx.programme;
    let with_traceur_record = |m: &str| {
        traceurs
            .iter()
            .filter_map(|r| programme.traceur_index(&r.id))
            .any(|t| programme.definition.traceurs[t].module.as_deref() == Some(m))
    };
    programme
        .definition
        .elective_groups
        .iter()
        .flat_map(|g| &g.modules)
        .map(String::as_str)
        .filter(|m| declared.contains(m) || has_hours(cx, hours, m) || with_traceur_record(m))
        .collect()
}

/// Each module of an elective group, in the group's order, where the
/// learner stands with it; whether the group is met. The report adds the
/// group's and modules' ids and titles.
pub(crate) struct Elective {
    pub states: Vec<ElectiveState>,
    pub met: bool,
}

pub(super) fn electives<'a>(
    cx: &mut Context<'a>,
    declared: &HashSet<&str>,
    hours: &Time,
    traceurs: &[Traceur],
) -> Vec<Elective> {
    let programme = cx.programme;
    let due = programme.final_due_date();
    let groups = &programme.definition.elective_groups;
    let mut reports = Vec::with_capacity(groups.len());
    for (g, group) in groups.iter().enumerate() {
        let state = |m: &str| {
            let minutes = programme
                .module_index(m)
                .map_or(Minutes::ZERO, |m| hours.in_module(m));
            let with_hours = !minutes.is_zero();
            let required = programme.module(m).and_then(|m| m.required_minutes);
            let hours_done = with_hours && required.is_none_or(|r| minutes >= r);
            let rules = &programme.definition.traceurs;
            let mut own = traceurs
                .iter()
                .zip(rules)
                .filter(|(_, rule)| rule.module.as_deref() == Some(m))
                .map(|(t, _)| t);
            let traceurs_met = own.clone().all(|t| t.met || !t.required);
            let any_traceur = own.any(|t| t.status != TraceurStatus::Missing);
            let done = match group.done_by {
                ElectiveDone::Hours => hours_done,
                ElectiveDone::Traceurs => traceurs_met,
                ElectiveDone::HoursAndTraceurs => hours_done && traceurs_met,
            };
            if done {
                ElectiveState::Done
            } else if with_hours || any_traceur {
                ElectiveState::Started
            } else if declared.contains(m) {
                ElectiveState::Chosen
            } else {
                ElectiveState::NotTaken
            }
        };
        let title_of =
            |m: &str| -> &'a str { programme.module(m).map_or("", |m| m.title.as_str()) };
        let states: Vec<ElectiveState> = group.modules.iter().map(|m| state(m)).collect();
        let done = states.iter().filter(|&&s| s == ElectiveState::Done).count() as u32;
        let met = done >= group.at_least;
        if !met {
            let under_way = group
                .modules
                .iter()
                .zip(&states)
                .filter(|(_, s)| matches!(s, ElectiveState::Started | ElectiveState::Chosen))
                .map(|(m, &s)| (title_of(m), s))
                .collect();
            cx.unmet(
                Shortfall::ElectiveModuleMissing {
                    group: &group.id,
                    title: &group.title,
                    at_least: group.at_least,
                    done,
                    under_way,
                },
                Pointer::Item("electiveGroups", g),
                false,
                due,
            );
        }
        reports.push(Elective { states, met });
    }
    reports
}

fn has_hours(cx: &Context, hours: &Time, module: &str) -> bool {
    cx.programme
        .module_index(module)
        .is_some_and(|m| !hours.in_module(m).is_zero())
}
