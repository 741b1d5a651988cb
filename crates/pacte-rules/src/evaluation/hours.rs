//! Condition 2: hours per modality. Attended time, excused time and what
//! remains, in exact minutes; never below zero.

use super::attendance::Presence;
use super::{Context, Pointer};
use crate::learner::Activity;
use crate::minutes::Minutes;
use crate::programme::Modality;
use crate::report::wording::{Caveat, SetAside, Shortfall};
use crate::report::Tally;
use crate::sorting::sort_positions;
use std::collections::HashMap;

/// The tallies, and the time recorded per module: the report's `hours`,
/// without the modules' ids and titles, which only the report writes.
pub(crate) struct Time {
    pub presentiel: Tally,
    pub elearning: Tally,
    pub equipe: Tally,
    pub total: Tally,
    /// Each module with time recorded, by its index, in the order of the
    /// modules' ids: the time of each modality.
    pub by_module: Vec<(usize, [Minutes; 3])>,
}

impl Time {
    /// All the time recorded in a module, in any modality.
    pub fn in_module(&self, module: usize) -> Minutes {
        self.by_module
            .iter()
            .filter(|(m, _)| *m == module)
            .flat_map(|(_, minutes)| minutes)
            .copied()
            .sum()
    }
}

pub(super) fn hours<'a>(
    cx: &mut Context<'a>,
    activities: &'a [Activity],
    presence: &Presence,
) -> Time {
    let mut done = [Minutes::ZERO; 3];
    // Per module of the programme, by its index: the time of each modality.
    let mut by_module: Vec<Option<[Minutes; 3]>> =
        vec![None; cx.programme.definition.modules.len()];
    for &(m, minutes) in &presence.by_module {
        by_module[m].get_or_insert_default()[Modality::Presentiel as usize] += minutes;
    }
    let listed_twice = listed_twice(cx, activities);
    // Activities without id, by what they say: the same twice is worth a word.
    let mut unnamed = HashMap::new();
    for (i, a) in activities.iter().enumerate() {
        let at = Pointer::Item("activities", i);
        if let Some(why) = set_aside(cx, a) {
            cx.ignore(at, why);
            continue;
        }
        if let Some(id) = a.id.as_deref().filter(|_| listed_twice[i]) {
            cx.ignore(at, SetAside::ActivityListedTwice { id });
            continue;
        }
        if let Some(s) = Some(a.date)
            .filter(|_| a.modality == Modality::Presentiel)
            .and_then(|date| presence.attended_on(date))
        {
            let session = &cx.programme.definition.sessions[s].title;
            cx.ignore(
                at,
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
                cx.advise(at, Caveat::IdenticalActivity { first });
            } else {
                unnamed.insert(what, i);
            }
        }
        done[a.modality as usize] += a.minutes;
        let Some(module) = a.module.as_deref() else {
            continue;
        };
        match cx.programme.module_index(module) {
            Some(m) => by_module[m].get_or_insert_default()[a.modality as usize] += a.minutes,
            None => cx.ignore(
                Pointer::ItemField("activities", i, "module"),
                SetAside::UnknownModuleOfActivity { module },
            ),
        }
    }
    let activity = |m: Modality| done[m as usize];
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
    let modules = &cx.programme.definition.modules;
    // In the order of their ids, whatever the definition's order.
    let mut recorded: Vec<usize> = (0..modules.len())
        .filter(|&m| by_module[m].is_some())
        .collect();
    sort_positions(&mut recorded, &|a, b| modules[a].id.cmp(&modules[b].id));
    let by_module = recorded
        .into_iter()
        .filter_map(|m| Some((m, by_module[m]?)))
        .collect();
    Time {
        presentiel,
        elearning,
        equipe,
        total,
        by_module,
    }
}

/// Why an activity does not count, whatever the others say: no time, more
/// than an activity can last, or dated outside the promotion's time.
fn set_aside(cx: &Context, a: &Activity) -> Option<SetAside<'static>> {
    let max = cx.programme.definition.counting.max_activity_minutes;
    if a.minutes.is_zero() {
        Some(SetAside::ZeroDuration)
    } else if a.minutes > max {
        let minutes = a.minutes;
        Some(SetAside::ActivityTooLong { minutes, max })
    } else {
        cx.dated_out(a.date)
    }
}

/// For each activity, whether an earlier one that counts has the same id:
/// the first listed counts, the others are set aside. The activities are
/// sorted by the hash of their id (numbers compare fast), then by the id
/// itself, then by position: the same ids end up side by side, in the order
/// listed, in n log n whatever the ids.
fn listed_twice(cx: &Context, activities: &[Activity]) -> Vec<bool> {
    let id = |i: usize| activities[i].id.as_deref().unwrap_or_default();
    let hashes: Vec<u64> = (0..activities.len()).map(|i| fnv1a(id(i))).collect();
    let mut counted: Vec<usize> = (0..activities.len())
        .filter(|&i| activities[i].id.is_some() && set_aside(cx, &activities[i]).is_none())
        .collect();
    sort_positions(&mut counted, &|a, b| {
        let by_hash = hashes[a].cmp(&hashes[b]);
        by_hash.then_with(|| id(a).cmp(id(b))).then(a.cmp(&b))
    });
    let mut twice = vec![false; activities.len()];
    for pair in counted.windows(2).filter(|pair| id(pair[0]) == id(pair[1])) {
        twice[pair[1]] = true;
    }
    twice
}

/// FNV-1a, 64 bits: a few instructions a byte, for short ids.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A module's own hours: asked of every mandatory module, and of an elective
/// one only where the learner has started it (its group says which count).
fn module_requirements(cx: &mut Context, by_module: &[Option<[Minutes; 3]>]) {
    let programme = cx.programme;
    for (m, module) in programme.definition.modules.iter().enumerate() {
        let Some(required) = module.required_minutes else {
            continue;
        };
        let done: Minutes = by_module[m].map_or(Minutes::ZERO, |m| m.iter().copied().sum());
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
            Pointer::ItemField("modules", m, "requiredMinutes"),
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
    let rule = Pointer::Key("requiredMinutes", modality.key());
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
