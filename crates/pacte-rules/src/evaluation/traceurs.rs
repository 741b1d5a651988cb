//! Condition 3: the documents traceurs. A traceur of an elective module is
//! due only from learners taking that module ([`super::electives::taken`]).

use super::{Context, Pointer};
use crate::date::IsoDate;
use crate::learner::{TraceurRecord, TraceurRecordStatus};
use crate::programme::{TraceurCounts, TraceurRule};
use crate::report::wording::{SetAside, Shortfall};
use crate::report::TraceurStatus;
use std::collections::HashSet;

/// Where the learner stands with one traceur of the programme; the report
/// adds its id, title and module.
pub(crate) struct Traceur {
    pub status: TraceurStatus,
    /// The date of the record it stands on.
    pub date: Option<IsoDate>,
    /// False for an optional traceur, or one of an elective module not taken.
    pub required: bool,
    pub met: bool,
    pub due_date: Option<IsoDate>,
}

pub(super) fn traceurs<'a>(
    cx: &mut Context<'a>,
    records: &'a [TraceurRecord],
    taken: &HashSet<&str>,
) -> Vec<Traceur> {
    let latest = latest_per_traceur(cx, records);
    let rules = &cx.programme.definition.traceurs;
    let mut reports = Vec::with_capacity(rules.len());
    for (t, rule) in rules.iter().enumerate() {
        let record = latest[t].map(|i| &records[i]);
        let status = match record.map(|r| r.status) {
            None => TraceurStatus::Missing,
            Some(TraceurRecordStatus::Deposited) => TraceurStatus::Deposited,
            Some(TraceurRecordStatus::ToRevise) => TraceurStatus::ToRevise,
            Some(TraceurRecordStatus::Validated) => TraceurStatus::Validated,
        };
        let met = match rule.counts {
            TraceurCounts::Deposited => {
                matches!(status, TraceurStatus::Deposited | TraceurStatus::Validated)
            }
            TraceurCounts::Validated => status == TraceurStatus::Validated,
        };
        let required = rule.mandatory
            && rule
                .module
                .as_ref()
                .is_none_or(|m| !cx.programme.is_elective(m) || taken.contains(m.as_str()));
        let due_date = rule.due_date.or(cx.programme.final_due_date());
        if required && !met {
            unmet_traceur(cx, t, rule, status, due_date);
        }
        reports.push(Traceur {
            status,
            date: record.map(|r| r.date),
            required,
            met,
            due_date,
        });
    }
    reports
}

/// The record that stands for each traceur of the programme: the latest by
/// date, the last given on a tie.
fn latest_per_traceur<'a>(
    cx: &mut Context<'a>,
    records: &'a [TraceurRecord],
) -> Vec<Option<usize>> {
    let mut latest: Vec<Option<usize>> = vec![None; cx.programme.definition.traceurs.len()];
    for (i, r) in records.iter().enumerate() {
        let at = Pointer::Item("traceurs", i);
        let Some(t) = cx.programme.traceur_index(&r.id) else {
            cx.ignore(at, SetAside::UnknownTraceur { traceur: &r.id });
            continue;
        };
        if cx.out_of_time(at, r.date) {
            continue;
        }
        let replaced = match latest[t] {
            Some(prev) if records[prev].date > r.date => Some(i),
            _ => latest[t].replace(i),
        };
        if let Some(old) = replaced {
            let Some(by) = latest[t] else { continue };
            cx.ignore(
                Pointer::Item("traceurs", old),
                SetAside::TraceurStateReplaced { by },
            );
        }
    }
    latest
}

fn unmet_traceur<'a>(
    cx: &mut Context<'a>,
    t: usize,
    rule: &'a TraceurRule,
    status: TraceurStatus,
    due: Option<crate::date::IsoDate>,
) {
    let (traceur, title) = (rule.id.as_str(), rule.title.as_str());
    let shortfall = match status {
        TraceurStatus::Missing => Shortfall::TraceurMissing { traceur, title },
        TraceurStatus::ToRevise => Shortfall::TraceurToRevise { traceur, title },
        TraceurStatus::Deposited | TraceurStatus::Validated => {
            Shortfall::TraceurAwaitingValidation { traceur, title }
        }
    };
    cx.unmet(shortfall, Pointer::Item("traceurs", t), false, due);
}
