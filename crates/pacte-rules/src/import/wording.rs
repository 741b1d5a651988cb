//! The words of every import diagnostic: one variant per message, carrying
//! what it names, and one `match` writing it in French and English side by
//! side. The sources and the importer build these values and never write
//! words; a new message is a new variant here, with its code in
//! [`Defect::code`].

use super::diagnostic::{DiagnosticCode, Flaw, Origin};
use super::mapping::Target;
use crate::date::IsoDate;
use crate::learner::{Attendance, AttendanceStatus, TraceurRecord, TraceurRecordStatus};
use crate::message::{Message, Wording};
use crate::minutes::Minutes;
use crate::problem::in_french;
use crate::programme::SessionDay;
use crate::report::wording::SetAside;

/// Why an item of the platform data is not taken as it stands.
#[derive(Debug, Clone, Copy)]
pub(super) enum Defect<'a> {
    // What a source cannot read.
    /// serde's words for why an item does not read (`detail`).
    UnreadableItem {
        detail: &'a str,
    },
    ListExpected,
    /// An xAPI actor named by none of its identifiers.
    ActorWithoutId,
    /// A course completion whose envelope does not say which course.
    CourseIdMissing,
    /// The csv crate's words for a row it cannot read.
    UnreadableLine {
        error: &'a str,
    },
    /// A CSV row with another number of fields than the header, and its
    /// required fields filled: so at least three, a plural.
    IncompleteLine {
        fields: usize,
        expected: usize,
    },
    /// A CSV row whose required `column` is blank.
    EmptyField {
        column: &'a str,
    },
    /// `given`: the timestamp as written, if any.
    InvalidTimestamp {
        given: Option<&'a str>,
    },
    UnreadableDate {
        given: &'a str,
    },
    NegativeDuration {
        given: Duration<'a>,
    },
    UnreadableDuration {
        given: Duration<'a>,
    },
    /// `max`: the programme's `counting.maxActivityMinutes`; none when the
    /// duration is beyond what minutes can count at all.
    ImplausibleDuration {
        given: Duration<'a>,
        max: Option<Minutes>,
    },
    UnknownCompletionState {
        state: i64,
    },
    UnknownAcronym {
        acronym: &'a str,
    },
    /// A log entry's status id that the session's status set lacks.
    StatusNotInSession {
        status: &'a str,
    },
    UnknownKindOrStatus {
        kind: &'a str,
        status: &'a str,
    },
    VerbNotUsed {
        verb: &'a str,
    },
    /// A StatementResult's `more` link: the statements behind it are not read.
    PartialAnswer {
        more: &'a str,
    },
    /// A warning of a Moodle web service, with its `warningcode`.
    MoodleWarning {
        text: &'a str,
        code: &'a str,
    },

    // What the mapping makes of the item.
    UnknownLearner {
        user: &'a str,
    },
    OtherLearner {
        learner: &'a str,
        asked: &'a str,
    },
    /// `field`: the mapping's table the id is looked up in.
    UnmappedId {
        id: &'a str,
        field: &'a str,
    },
    IgnoredByMapping {
        id: &'a str,
        reason: Option<&'a str>,
    },
    /// What the platform says does not fit the `target`.
    TargetMismatch {
        target: &'a Target,
    },

    // What the platform says happened.
    NotCompleted,
    NotTracked,
    CompletionFailed,
    /// `by`: the platform user (a formateur).
    CompletionOverridden {
        by: &'a str,
    },
    LateCountedPresent,
    AbsentFromActivity,
    Waived {
        reason: &'a str,
    },
    NoDuration,
    ZeroDuration,
    DatedAfterAsOf {
        date: IsoDate,
        as_of: IsoDate,
    },
    DatedBeforePromotion {
        date: IsoDate,
        from: IsoDate,
    },
    /// `days`: those of the seminar titled `title`.
    NotASessionDay {
        date: IsoDate,
        title: &'a str,
        days: &'a [SessionDay],
    },

    // Two items for one record.
    /// An xAPI statement id seen before.
    StatementTwice {
        id: &'a str,
    },
    /// The same record as the one kept at `kept_at`.
    SameRecord {
        kept_at: &'a Origin,
    },
    /// Two statuses for one seminar day: `kept`, from `kept_at`, stands.
    AttendanceConflict {
        here: &'a Attendance,
        kept: &'a Attendance,
        kept_at: &'a Origin,
    },
    /// An earlier state of a traceur, replaced by `kept` from `kept_at`.
    Superseded {
        dropped: &'a TraceurRecord,
        kept: &'a TraceurRecord,
        kept_at: &'a Origin,
    },
}

/// A duration as the source gave it, to show beside what is wrong with it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Duration<'a> {
    Seconds(i64),
    Minutes(i64),
    /// An ISO 8601 duration, or whatever text stood in its place.
    Text(&'a str),
    /// Read and rounded to minutes: written as people read it ("240 h").
    Read(Minutes),
}

impl Wording for Defect<'_> {
    type Code = DiagnosticCode;

    fn code(&self) -> DiagnosticCode {
        use DiagnosticCode as C;
        match self {
            Defect::UnreadableItem { .. }
            | Defect::ListExpected
            | Defect::ActorWithoutId
            | Defect::CourseIdMissing
            | Defect::UnreadableLine { .. }
            | Defect::IncompleteLine { .. }
            | Defect::EmptyField { .. } => C::MalformedItem,
            Defect::InvalidTimestamp { .. } | Defect::UnreadableDate { .. } => C::InvalidTimestamp,
            Defect::NegativeDuration { .. } => C::NegativeDuration,
            Defect::UnreadableDuration { .. } => C::InvalidDuration,
            Defect::ImplausibleDuration { .. } => C::ImplausibleDuration,
            Defect::UnknownCompletionState { .. }
            | Defect::UnknownAcronym { .. }
            | Defect::StatusNotInSession { .. }
            | Defect::UnknownKindOrStatus { .. } => C::UnknownStatus,
            Defect::VerbNotUsed { .. } => C::VerbNotUsed,
            Defect::PartialAnswer { .. } | Defect::MoodleWarning { .. } => C::PlatformWarning,
            Defect::UnknownLearner { .. } => C::UnknownLearner,
            Defect::OtherLearner { .. } => C::OtherLearner,
            Defect::UnmappedId { .. } => C::UnmappedId,
            Defect::IgnoredByMapping { .. } => C::IgnoredByMapping,
            Defect::TargetMismatch { .. } => C::TargetMismatch,
            Defect::NotCompleted => C::NotCompleted,
            Defect::NotTracked => C::NotTracked,
            Defect::CompletionFailed => C::CompletionFailed,
            Defect::CompletionOverridden { .. } => C::CompletionOverridden,
            Defect::LateCountedPresent => C::LateCountedPresent,
            Defect::AbsentFromActivity => C::AbsentFromActivity,
            Defect::Waived { .. } => C::Waived,
            Defect::NoDuration => C::NoDuration,
            Defect::ZeroDuration => C::ZeroDuration,
            Defect::DatedAfterAsOf { .. } => C::DatedAfterAsOf,
            Defect::DatedBeforePromotion { .. } => C::DatedBeforePromotion,
            Defect::NotASessionDay { .. } => C::NotASessionDay,
            Defect::StatementTwice { .. } | Defect::SameRecord { .. } => C::DuplicateRecord,
            Defect::AttendanceConflict { .. } => C::AttendanceConflict,
            Defect::Superseded { .. } => C::Superseded,
        }
    }

    fn message(&self) -> Message {
        let (fr, en) = match *self {
            Defect::UnreadableItem { detail } => (
                format!("élément illisible : {}", in_french(detail)),
                format!("unreadable item: {detail}"),
            ),
            Defect::ListExpected => (
                "une liste est attendue ici".into(),
                "a list is expected here".into(),
            ),
            Defect::ActorWithoutId => (
                "acteur sans identifiant (account, mbox, mbox_sha1sum ou openid)".into(),
                "actor without an identifier (account, mbox, mbox_sha1sum or openid)".into(),
            ),
            Defect::CourseIdMissing => (
                "« courseid » manque à l'enveloppe : l'achèvement du cours ne peut être rattaché"
                    .into(),
                "the envelope lacks \"courseid\": the course completion cannot be placed".into(),
            ),
            Defect::UnreadableLine { error } => (
                format!("ligne illisible : {error}"),
                format!("unreadable line: {error}"),
            ),
            Defect::IncompleteLine { fields, expected } => (
                format!("ligne incomplète : {fields} champs au lieu de {expected}"),
                format!("incomplete line: {fields} fields instead of {expected}"),
            ),
            Defect::EmptyField { column } => (
                format!("ligne incomplète : « {column} » vide"),
                format!("incomplete line: empty \"{column}\""),
            ),
            Defect::InvalidTimestamp { given } => {
                let given = given.unwrap_or("absent");
                (
                    format!("horodatage invalide ({given})"),
                    format!("invalid timestamp ({given})"),
                )
            }
            Defect::UnreadableDate { given } => (
                format!("date « {given} » illisible : attendu AAAA-MM-JJ"),
                format!("unreadable date \"{given}\": expected YYYY-MM-DD"),
            ),
            Defect::NegativeDuration { given } => (
                format!("durée négative ({given})"),
                format!("negative duration ({given})"),
            ),
            Defect::UnreadableDuration { given } => (
                format!("durée illisible ({given}) : attendu une durée ISO 8601 comme PT1H30M, ou des minutes"),
                format!("unreadable duration ({given}): expected an ISO 8601 duration such as PT1H30M, or minutes"),
            ),
            Defect::ImplausibleDuration {
                given,
                max: Some(max),
            } => (
                format!("durée invraisemblable ({given}) : plus de {max} pour un seul élément"),
                format!("implausible duration ({given}): more than {max} for one item"),
            ),
            Defect::ImplausibleDuration { given, max: None } => (
                format!("durée invraisemblable ({given}) : au-delà de ce qu'une durée peut compter"),
                format!("implausible duration ({given}): beyond what a duration can count"),
            ),
            Defect::UnknownCompletionState { state } => (
                format!("état d'achèvement Moodle {state} inconnu (0 à 3)"),
                format!("unknown Moodle completion state {state} (0 to 3)"),
            ),
            Defect::UnknownAcronym { acronym } => (
                format!("statut « {acronym} » inconnu : le déclarer dans « attendanceStatuses » de la correspondance"),
                format!("unknown status \"{acronym}\": declare it in the mapping's \"attendanceStatuses\""),
            ),
            Defect::StatusNotInSession { status } => (
                format!("le statut n° {status} n'est pas dans les statuts de la session"),
                format!("status {status} is not among the session's statuses"),
            ),
            Defect::UnknownKindOrStatus { kind, status } => (
                format!("« {kind} » / « {status} » : genre ou statut inconnu (voir docs/import.md)"),
                format!("\"{kind}\" / \"{status}\": unknown kind or status (see docs/import.md)"),
            ),
            Defect::VerbNotUsed { verb } => (
                format!("verbe non utilisé : {verb}"),
                format!("verb not used: {verb}"),
            ),
            Defect::PartialAnswer { more } => (
                format!("réponse partielle du LRS : la suite est à lire à l'adresse « {more} »"),
                format!("a partial answer of the LRS: the rest is to be read at \"{more}\""),
            ),
            Defect::MoodleWarning { text, code } => (
                format!("Moodle signale : {text} ({code})"),
                format!("Moodle warns: {text} ({code})"),
            ),
            Defect::UnknownLearner { user } => (
                format!("l'utilisateur « {user} » n'est pas dans la table « learners » de la correspondance"),
                format!("the user \"{user}\" is not in the mapping's \"learners\" table"),
            ),
            Defect::OtherLearner { learner, asked } => (
                format!("concerne « {learner} », pas l'apprenant demandé « {asked} »"),
                format!("about \"{learner}\", not the learner asked for, \"{asked}\""),
            ),
            Defect::UnmappedId { id, field } => (
                format!("« {id} » n'est pas dans « {field} » de la correspondance : à ajouter, ou à marquer « ignore »"),
                format!("\"{id}\" is not in the mapping's \"{field}\": add it, or mark it \"ignore\""),
            ),
            Defect::IgnoredByMapping { id, reason } => {
                let why = reason.unwrap_or("-");
                (
                    format!("« {id} » ignoré par la correspondance ({why})"),
                    format!("\"{id}\" ignored by the mapping ({why})"),
                )
            }
            Defect::TargetMismatch { target } => {
                let (fr, en) = target_words(target);
                (
                    format!("la correspondance en fait {fr} : ce que dit la plateforme ne s'y applique pas"),
                    format!("the mapping makes it {en}: what the platform says does not apply to it"),
                )
            }
            Defect::NotCompleted => ("non achevé".into(), "not completed".into()),
            Defect::NotTracked => (
                "l'achèvement n'est pas suivi sur la plateforme pour cette activité ou cet utilisateur : il ne comptera jamais".into(),
                "completion is not tracked on the platform for this activity or user: it will never count".into(),
            ),
            Defect::CompletionFailed => (
                "achevé avec échec : ne vaut pas achèvement".into(),
                "completed with a fail: not a completion".into(),
            ),
            Defect::CompletionOverridden { by } => (
                format!("état d'achèvement fixé à la main par l'utilisateur {by} (formateur) : retenu"),
                format!("completion state set by hand by user {by} (a trainer): honoured"),
            ),
            Defect::LateCountedPresent => (
                "en retard : compté présent".into(),
                "late: counted present".into(),
            ),
            Defect::AbsentFromActivity => (
                "absent : aucun temps compté".into(),
                "absent: no time counted".into(),
            ),
            Defect::Waived { reason } => (
                format!("dispensé ({reason}) : ni temps ni document comptés"),
                format!("waived ({reason}): no time nor document counted"),
            ),
            Defect::NoDuration => (
                "aucune durée, ni de la plateforme ni de la correspondance".into(),
                "no duration, from the platform or the mapping".into(),
            ),
            Defect::ZeroDuration => (
                "durée arrondie à 0 min : rien à compter".into(),
                "duration rounds to 0 min: nothing to count".into(),
            ),
            // The engine's rule, in the engine's words: one text for both.
            Defect::DatedBeforePromotion { date, from } => {
                return SetAside::DatedBeforePromotion { date, from }.message()
            }
            Defect::DatedAfterAsOf { date, as_of } => (
                format!(
                    "daté du {}, après la date d'import ({})",
                    date.french(),
                    as_of.french()
                ),
                format!(
                    "dated {}, after the import date ({})",
                    date.english(),
                    as_of.english()
                ),
            ),
            Defect::NotASessionDay { date, title, days } => {
                let (fr_days, en_days): (Vec<String>, Vec<String>) = days
                    .iter()
                    .map(|day| (day.date.french(), day.date.english()))
                    .unzip();
                (
                    format!(
                        "le {} n'est pas une journée du séminaire « {title} » ({})",
                        date.french(),
                        fr_days.join(", ")
                    ),
                    format!(
                        "{} is not a day of the seminar \"{title}\" ({})",
                        date.english(),
                        en_days.join(", ")
                    ),
                )
            }
            Defect::StatementTwice { id } => (
                format!("la déclaration « {id} » figure déjà : comptée une seule fois"),
                format!("the statement \"{id}\" is already there: counted once"),
            ),
            Defect::SameRecord { kept_at } => (
                format!("le même qu'en {} : compté une seule fois, là", place_fr(kept_at)),
                format!("the same as at {}: counted once, there", place_en(kept_at)),
            ),
            Defect::AttendanceConflict {
                here,
                kept,
                kept_at,
            } => {
                let (here, stands) = (attendance_words(here), attendance_words(kept));
                (
                    format!(
                        "{} le {} : « {} » ici, « {} » en {} ; le moins favorable, « {} », est retenu",
                        kept.session,
                        kept.date.french(),
                        here.0,
                        stands.0,
                        place_fr(kept_at),
                        stands.0
                    ),
                    format!(
                        "{} on {}: \"{}\" here, \"{}\" at {}; the less favourable, \"{}\", stands",
                        kept.session,
                        kept.date.english(),
                        here.1,
                        stands.1,
                        place_en(kept_at),
                        stands.1
                    ),
                )
            }
            Defect::Superseded {
                dropped,
                kept,
                kept_at,
            } => {
                let (old, new) = (traceur_words(dropped.status), traceur_words(kept.status));
                (
                    format!(
                        "« {} » {} le {} : remplacé par « {} » le {} ({})",
                        kept.id,
                        old.0,
                        dropped.date.french(),
                        new.0,
                        kept.date.french(),
                        place_fr(kept_at)
                    ),
                    format!(
                        "\"{}\" {} on {}: replaced by \"{}\" on {} ({})",
                        kept.id,
                        old.1,
                        dropped.date.english(),
                        new.1,
                        kept.date.english(),
                        place_en(kept_at)
                    ),
                )
            }
        };
        Message::new(fr, en)
    }
}

impl From<Defect<'_>> for Flaw {
    fn from(defect: Defect<'_>) -> Flaw {
        Flaw::new(defect)
    }
}

impl std::fmt::Display for Duration<'_> {
    /// The same in both languages: a number and its unit, or the text given.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Duration::Seconds(n) => write!(f, "{n} s"),
            Duration::Minutes(n) => write!(f, "{n} min"),
            Duration::Text(text) => f.write_str(text),
            Duration::Read(minutes) => write!(f, "{minutes}"),
        }
    }
}

fn place_fr(origin: &Origin) -> String {
    match origin {
        Origin::Path(path) => path.clone(),
        Origin::Line(line) => format!("ligne {line}"),
    }
}

fn place_en(origin: &Origin) -> String {
    match origin {
        Origin::Path(path) => path.clone(),
        Origin::Line(line) => format!("line {line}"),
    }
}

/// What the mapping makes of an item, as "la correspondance en fait …" goes on.
fn target_words(target: &Target) -> (String, String) {
    match target {
        Target::Session { session, .. } => (
            format!("le séminaire « {session} »"),
            format!("the seminar \"{session}\""),
        ),
        Target::Activity { modality, .. } => (
            format!("une activité {}", modality.french_partitive()),
            format!("an activity ({})", modality.english()),
        ),
        Target::Traceur { traceur, .. } => (
            format!("le document traceur « {traceur} »"),
            format!("the document traceur \"{traceur}\""),
        ),
        Target::ChosenModule { module } => (
            format!("le choix du module « {module} »"),
            format!("the choice of the module \"{module}\""),
        ),
        Target::Ignore { .. } => (
            "un élément ignoré".to_string(),
            "an ignored item".to_string(),
        ),
    }
}

/// How an attendance reads, in French and English.
fn attendance_words(a: &Attendance) -> (&'static str, &'static str) {
    match (a.status, a.is_justified_absence()) {
        (AttendanceStatus::Present, _) => ("présent", "present"),
        (AttendanceStatus::Absent, true) => ("absence justifiée", "justified absence"),
        (AttendanceStatus::Absent, false) => ("absent", "absent"),
    }
}

fn traceur_words(status: TraceurRecordStatus) -> (&'static str, &'static str) {
    match status {
        TraceurRecordStatus::Deposited => ("déposé", "deposited"),
        TraceurRecordStatus::ToRevise => ("à reprendre", "to revise"),
        TraceurRecordStatus::Validated => ("validé", "validated"),
    }
}
