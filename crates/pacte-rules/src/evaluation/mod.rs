//! Evaluation: a learner's records held against a programme on a date.
//! Each condition of the diploma has its own file; [`stage`] weighs them.

mod attendance;
mod diploma;
mod electives;
mod hours;
mod stage;
mod traceurs;

use crate::date::IsoDate;
use crate::learner::LearnerRecord;
use crate::message::Wording;
use crate::parse;
use crate::problem::{Problem, Refusal};
use crate::programme::Programme;
use crate::report::wording::{Caveat, SetAside, Shortfall};
use crate::report::*;

/// What evaluation gathers as it goes: the unmet conditions and the records
/// it could not use.
pub(crate) struct Context<'a> {
    pub programme: &'a Programme,
    pub as_of: IsoDate,
    /// The first day records count from, if any bound.
    pub records_from: Option<IsoDate>,
    pub unmet: Vec<Unmet>,
    pub ignored: Vec<Ignored>,
    pub advisories: Vec<Advisory>,
}

impl Context<'_> {
    pub fn unmet(
        &mut self,
        shortfall: Shortfall,
        rule: String,
        blocking: bool,
        due_date: Option<IsoDate>,
    ) {
        self.unmet.push(Unmet {
            condition: shortfall.code(),
            rule,
            blocking,
            due_date,
            message: shortfall.message(),
        });
    }

    pub fn ignore(&mut self, path: String, why: SetAside) {
        self.ignored.push(Ignored::new(path, why));
    }

    pub fn advise(&mut self, path: String, caveat: Caveat) {
        self.advisories.push(Advisory::new(path, caveat));
    }

    /// Records dated after `asOf` are not facts yet, and those dated before
    /// the promotion are not of it: either is set aside, with the reason.
    /// `path` is made only when the record is set aside: most records are not.
    pub fn out_of_time(&mut self, path: impl FnOnce() -> String, date: IsoDate) -> bool {
        let Some(why) = self.dated_out(date) else {
            return false;
        };
        self.ignore(path(), why);
        true
    }

    /// Why a record of that date does not count, if it does not.
    pub fn dated_out(&self, date: IsoDate) -> Option<SetAside<'static>> {
        let as_of = self.as_of;
        match self.records_from {
            _ if date > as_of => Some(SetAside::DatedAfterAsOf { date, as_of }),
            Some(from) if date < from => Some(SetAside::DatedBeforePromotion { date, from }),
            _ => None,
        }
    }
}

/// Evaluates one learner. `unknown_fields` are the JSON paths of fields the
/// records carried that the format does not know: they are reported as ignored.
pub fn evaluate(
    programme: &Programme,
    record: &LearnerRecord,
    unknown_fields: &[String],
    as_of: IsoDate,
) -> Result<ProgressReport, Problem> {
    if let Some(enrolled) = record
        .programme
        .as_deref()
        .filter(|p| !programme.is_or_extends(p))
    {
        return Err(Problem::new(
            "/programme",
            Refusal::LearnerOfAnotherProgramme {
                enrolled: enrolled.to_string(),
                programme: programme.id().to_string(),
            },
        ));
    }
    let mut cx = Context {
        programme,
        as_of,
        records_from: programme.records_from(),
        unmet: Vec::new(),
        ignored: Vec::new(),
        advisories: Vec::new(),
    };
    for path in unknown_fields {
        cx.ignore(path.clone(), SetAside::UnknownField { path });
    }
    let presence = attendance::sessions(&mut cx, &record.attendance);
    let hours = hours::hours(&mut cx, &record.activities, &presence);
    let declared = electives::declared(&mut cx, &record.chosen_modules);
    let taken = electives::taken(&cx, &declared, &hours, &record.traceurs);
    let traceurs = traceurs::traceurs(&mut cx, &record.traceurs, &taken);
    let electives = electives::electives(&mut cx, &declared, &hours, &traceurs);
    let memoire = diploma::memoire(&mut cx, record.memoire.as_ref());
    let soutenance = diploma::soutenance(&mut cx, record.soutenance.as_ref());
    let anything_recorded = presence.any_recorded
        || hours.total.done_minutes.0 > 0
        || traceurs.iter().any(|t| t.status != TraceurStatus::Missing)
        || memoire.status != MemoireReportStatus::NotStarted
        || soutenance.status != SoutenanceReportStatus::NotScheduled;
    let mut unmet = std::mem::take(&mut cx.unmet);
    unmet.sort_by_key(|u| (!u.blocking, u.due_date.is_none(), u.due_date));
    let overdue = stage::overdue(&unmet, as_of);
    let stage = stage::stage(
        &unmet,
        anything_recorded,
        as_of,
        programme.definition.at_risk_within_days,
    );
    Ok(ProgressReport {
        learner_id: record.learner_id.clone(),
        display_name: record.display_name.clone(),
        programme: programme.summary(),
        engine: EngineStamp::current(),
        as_of,
        stage,
        summary: stage::summary(stage, overdue),
        next_step: stage::next_step(stage, overdue),
        hours,
        sessions: presence.sessions,
        electives,
        traceurs,
        memoire,
        soutenance,
        unmet,
        ignored: cx.ignored,
        advisories: cx.advisories,
    })
}

/// Reads a learner's records from JSON text and evaluates them.
pub fn evaluate_json(
    programme: &Programme,
    json: &str,
    as_of: IsoDate,
) -> Result<ProgressReport, Problem> {
    let parsed = parse::from_json::<LearnerRecord>(json)?;
    evaluate(programme, &parsed.value, &parsed.unknown_fields, as_of)
}
