//! Condition 2: hours per modality. Attended time, excused time and what
//! remains, in exact minutes; never below zero.

use super::attendance::Presence;
use super::Context;
use crate::learner::Activity;
use crate::minutes::Minutes;
use crate::programme::Modality;
use crate::report::wording::{Caveat, SetAside, Shortfall};
use crate::report::{Hours, ModuleHours, Tally};
use std::collections::{BTreeMap, HashMap, HashSet};

pub(super) fn hours(cx: &mut Context, activities: &[Activity], presence: &Presence) -> Hours {
    let mut done: BTreeMap<Modality, Minutes> = BTreeMap::new();
    let mut by_module: BTreeMap<String, [Minutes; 3]> = BTreeMap::new();
    for (module, minutes) in &presence.by_module {
        by_module.entry(module.clone()).or_default()[0] += *minutes;
    }
    let max = cx.programme.definition.counting.max_activity_minutes;
    let mut seen_ids = HashSet::new();
    // Activities without id, by what they say: the same twice is worth a word.
    let mut unnamed = HashMap::new();
    for (i, a) in activities.iter().enumerate() {
        // Made only for a record set aside.
        let path = || format!("/activities/{i}");
        if a.minutes.is_zero() {
            cx.ignore(path(), SetAside::ZeroDuration);
            continue;
        }
        if a.minutes > max {
            let minutes = a.minutes;
            cx.ignore(path(), SetAside::ActivityTooLong { minutes, max });
            continue;
        }
        if cx.out_of_time(path, a.date) {
            continue;
        }
        if let Some(id) = a.id.as_deref().filter(|id| !seen_ids.insert(*id)) {
            cx.ignore(path(), SetAside::ActivityListedTwice { id });
            continue;
        }
        if let Some(&s) = presence
            .attended_days
            .get(&a.date)
            .filter(|_| a.modality == Modality::Presentiel)
        {
            let session = &cx.programme.definition.sessions[s].title;
            cx.ignore(
                path(),
                SetAside::CountedAsSeminarDay {
                    date: a.date,
                    session,
                },
            );
            continue;
        }
        if a.id.is_none() {
            let what = (a.date, a.modality, &a.module, &a.title, a.minutes);
            if let Some(&first) = unnamed.get(&what) {
                cx.advise(path(), Caveat::IdenticalActivity { first });
            } else {
                unnamed.insert(what, i);
            }
        }
        *done.entry(a.modality).or_default() += a.minutes;
        match a.module.as_deref() {
            Some(m) if cx.programme.module(m).is_some() => {
                by_module.entry(m.to_string()).or_default()[a.modality as usize] += a.minutes;
            }
            Some(module) => cx.ignore(
                format!("{}/module", path()),
                SetAside::UnknownModuleOfActivity { module },
            ),
            None => {}
        }
    }
    let activity = |m: Modality| done.get(&m).copied().unwrap_or_default();
    let presentiel = tally(
        cx,
        Modality::Presentiel,
        presence.attended + activity(Modality::Presentiel),
        presence.excused,
        Some(presence),
    );
    let elearning = tally(
        cx,
        Modality::Elearning,
        activity(Modality::Elearning),
        Minutes::ZERO,
        None,
    );
    let equipe = tally(
        cx,
        Modality::Equipe,
        activity(Modality::Equipe),
        Minutes::ZERO,
        None,
    );
    let total = total(&[presentiel, elearning, equipe]);
    module_requirements(cx, &by_module);
    let by_module = by_module
        .into_iter()
        .map(|(module, [p, e, q])| ModuleHours {
            title: cx
                .programme
                .module(&module)
                .map(|m| m.title.clone())
                .unwrap_or_default(),
            module,
            presentiel_minutes: p,
            elearning_minutes: e,
            equipe_minutes: q,
        })
        .collect();
    Hours {
        presentiel,
        elearning,
        equipe,
        total,
        by_module,
    }
}

/// A module's own hours: asked of every mandatory module, and of an elective
/// one only where the learner has started it (its group says which count).
fn module_requirements(cx: &mut Context, by_module: &BTreeMap<String, [Minutes; 3]>) {
    let programme = cx.programme;
    for (m, module) in programme.definition.modules.iter().enumerate() {
        let Some(required) = module.required_minutes else {
            continue;
        };
        let done: Minutes = by_module
            .get(&module.id)
            .map_or(Minutes::ZERO, |m| m.iter().copied().sum());
        if done >= required || (programme.is_elective(&module.id) && done.is_zero()) {
            continue;
        }
        cx.unmet(
            Shortfall::ModuleHoursShort {
                module: &module.id,
                title: &module.title,
                required,
                done,
            },
            format!("/modules/{m}/requiredMinutes"),
            false,
            programme.final_due_date(),
        );
    }
}

/// One modality's tally, and its unmet condition if any. `calendar` is given
/// for in-person time, whose shortfall is blocking when the seminars left
/// cannot make it up.
fn tally(
    cx: &mut Context,
    modality: Modality,
    done: Minutes,
    excused: Minutes,
    calendar: Option<&Presence>,
) -> Tally {
    let required = cx.programme.definition.required_minutes.get(modality);
    let credited = if cx.programme.definition.attendance.excused_minutes_count {
        done + excused
    } else {
        done
    };
    let remaining = required.map_or(Minutes::ZERO, |r| r.saturating_sub(credited));
    let tally = Tally {
        required_minutes: required,
        done_minutes: done,
        excused_minutes: excused,
        remaining_minutes: remaining,
    };
    let Some(required) = required.filter(|_| !remaining.is_zero()) else {
        return tally;
    };
    let rule = format!("/requiredMinutes/{}", modality.key());
    let due = cx.programme.final_due_date();
    let has_calendar = !cx.programme.definition.sessions.is_empty();
    // A day not recorded yet may still turn out attended: only what neither
    // the days ahead nor those can supply is out of reach.
    match calendar.filter(|p| has_calendar && p.upcoming + p.not_recorded < remaining) {
        Some(p) => cx.unmet(
            Shortfall::HoursUnreachable {
                modality,
                remaining,
                upcoming: p.upcoming,
            },
            rule,
            true,
            due,
        ),
        None => cx.unmet(
            Shortfall::HoursShort {
                modality,
                required,
                done,
                excused,
                remaining,
            },
            rule,
            false,
            due,
        ),
    }
    tally
}

/// The modalities with a requirement, added up: time with no requirement
/// is not set against a target it does not count toward.
fn total(tallies: &[Tally]) -> Tally {
    let asked = || tallies.iter().filter(|t| t.required_minutes.is_some());
    Tally {
        required_minutes: asked()
            .filter_map(|t| t.required_minutes)
            .reduce(|a, b| a + b),
        done_minutes: asked().map(|t| t.done_minutes).sum(),
        excused_minutes: asked().map(|t| t.excused_minutes).sum(),
        remaining_minutes: asked().map(|t| t.remaining_minutes).sum(),
    }
}
