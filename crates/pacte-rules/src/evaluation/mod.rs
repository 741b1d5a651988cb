//! Evaluation: a learner's records held against a programme on a date.
//! Each condition of the diploma has its own file; [`stage`] weighs them.

mod attendance;
mod diploma;
mod electives;
mod hours;
mod pointer;
pub(crate) mod stage;
mod traceurs;

pub(crate) use attendance::Day;
pub(crate) use electives::Elective;
pub(crate) use hours::Time;
pub(crate) use pointer::Pointer;
pub(crate) use traceurs::Traceur;

use crate::date::IsoDate;
use crate::learner::LearnerRecord;
use crate::parse;
use crate::problem::{Problem, Refusal};
use crate::programme::Programme;
use crate::report::wording::{Caveat, SetAside, Shortfall};
use crate::report::*;
use crate::sorting::sort_positions;

/// A learner's records held against a programme on a date: the verdict, the
/// tallies and statuses, and each finding as a typed value. Its words and
/// JSON pointers are written only when asked for: [`Evaluation::report`]
/// writes the full report, [`Evaluation::standing`] a summary without words.
pub struct Evaluation<'a> {
    pub(crate) programme: &'a Programme,
    pub(crate) record: &'a LearnerRecord,
    pub(crate) as_of: IsoDate,
    pub(crate) stage: Stage,
    /// Whether a due date of an unmet condition has passed.
    pub(crate) overdue: bool,
    pub(crate) hours: Time,
    /// Each day of the calendar, session after session.
    pub(crate) days: Vec<Day>,
    /// Each elective group of the programme, in its order.
    pub(crate) electives: Vec<Elective>,
    /// Each traceur of the programme, in its order.
    pub(crate) traceurs: Vec<Traceur>,
    pub(crate) memoire: MemoireReport,
    pub(crate) soutenance: SoutenanceReport,
    /// Most serious first.
    pub(crate) unmet: Vec<Pending<'a>>,
    pub(crate) ignored: Vec<(Pointer<'a>, SetAside<'a>)>,
    pub(crate) advisories: Vec<(Pointer<'a>, Caveat<'a>)>,
}

/// A condition not met yet, and the rule of the definition it comes from.
pub(crate) struct Pending<'a> {
    pub shortfall: Shortfall<'a>,
    pub rule: Pointer<'a>,
    pub blocking: bool,
    pub due_date: Option<IsoDate>,
}

/// What evaluation gathers as it goes: the unmet conditions and the records
/// it could not use.
pub(crate) struct Context<'a> {
    pub programme: &'a Programme,
    pub as_of: IsoDate,
    /// The first day records count from, if any bound.
    pub records_from: Option<IsoDate>,
    pub unmet: Vec<Pending<'a>>,
    pub ignored: Vec<(Pointer<'a>, SetAside<'a>)>,
    pub advisories: Vec<(Pointer<'a>, Caveat<'a>)>,
}

impl<'a> Context<'a> {
    pub fn unmet(
        &mut self,
        shortfall: Shortfall<'a>,
        rule: Pointer<'a>,
        blocking: bool,
        due_date: Option<IsoDate>,
    ) {
        self.unmet.push(Pending {
            shortfall,
            rule,
            blocking,
            due_date,
        });
    }

    pub fn ignore(&mut self, at: Pointer<'a>, why: SetAside<'a>) {
        self.ignored.push((at, why));
    }

    pub fn advise(&mut self, at: Pointer<'a>, caveat: Caveat<'a>) {
        self.advisories.push((at, caveat));
    }

    /// Records dated after `asOf` are not facts yet, and those dated before
    /// the promotion are not of it: either is set aside, with the reason.
    pub fn out_of_time(&mut self, at: Pointer<'a>, date: IsoDate) -> bool {
        let Some(why) = self.dated_out(date) else {
            return false;
        };
        self.ignore(at, why);
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
pub fn evaluate<'a>(
    programme: &'a Programme,
    record: &'a LearnerRecord,
    unknown_fields: &'a [String],
    as_of: IsoDate,
) -> Result<Evaluation<'a>, Problem> {
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
        cx.ignore(Pointer::Written(path), SetAside::UnknownField { path });
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
    let unmet = most_serious_first(std::mem::take(&mut cx.unmet));
    Ok(Evaluation {
        programme,
        record,
        as_of,
        stage: stage::stage(
            &unmet,
            anything_recorded,
            as_of,
            programme.definition.at_risk_within_days,
        ),
        overdue: stage::overdue(&unmet, as_of),
        hours,
        days: presence.days,
        electives,
        traceurs,
        memoire,
        soutenance,
        unmet,
        ignored: cx.ignored,
        advisories: cx.advisories,
    })
}

/// Blocking conditions first, then by due date (those without one last),
/// in the order found among equals.
fn most_serious_first(unmet: Vec<Pending>) -> Vec<Pending> {
    let key = |u: &Pending| (!u.blocking, u.due_date.is_none(), u.due_date);
    let mut order: Vec<usize> = (0..unmet.len()).collect();
    sort_positions(&mut order, &|a, b| {
        (key(&unmet[a]), a).cmp(&(key(&unmet[b]), b))
    });
    let mut unmet: Vec<Option<Pending>> = unmet.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| unmet[i].take()).collect()
}

/// A learner's records as a caller holds them: JSON text, read here (its
/// unknown fields reported as ignored), or records read already, whole (the
/// packed form's reader takes only records with no unknown field).
#[derive(Debug, Clone, Copy)]
pub enum Records<'a> {
    Json(&'a str),
    Read(&'a LearnerRecord),
}

impl<'a> From<&'a str> for Records<'a> {
    fn from(json: &'a str) -> Self {
        Records::Json(json)
    }
}

impl<'a> From<&'a String> for Records<'a> {
    fn from(json: &'a String) -> Self {
        Records::Json(json)
    }
}

impl<'a> From<&'a LearnerRecord> for Records<'a> {
    fn from(record: &'a LearnerRecord) -> Self {
        Records::Read(record)
    }
}

/// Evaluates a learner's records into what `write` makes of the evaluation:
/// a report, or a standing.
pub fn evaluate_into<T>(
    programme: &Programme,
    records: Records,
    as_of: IsoDate,
    write: impl FnOnce(Evaluation) -> T,
) -> Result<T, Problem> {
    let parsed;
    let (record, unknown_fields) = match records {
        Records::Read(record) => (record, &[][..]),
        Records::Json(json) => {
            parsed = parse::from_json::<LearnerRecord>(json)?;
            (&parsed.value, &parsed.unknown_fields[..])
        }
    };
    Ok(write(evaluate(programme, record, unknown_fields, as_of)?))
}

/// Reads a learner's records from JSON text and evaluates them.
pub fn evaluate_json(
    programme: &Programme,
    json: &str,
    as_of: IsoDate,
) -> Result<ProgressReport, Problem> {
    evaluate_into(programme, Records::Json(json), as_of, |e| e.report())
}
