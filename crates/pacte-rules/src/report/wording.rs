//! The words of a progress report: why a record was set aside, and what an
//! unmet condition still asks. One variant per message, carrying what it
//! names; one `match` writes it in French and English side by side. The rules
//! build these values and never write words.

use super::{AdvisoryCode, Condition, ElectiveState, IgnoredCode};
use crate::date::IsoDate;
use crate::message::{Message, Wording};
use crate::minutes::Minutes;
use crate::programme::Modality;

/// Why a record of the learner's file does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside<'a> {
    UnknownField {
        path: &'a str,
    },
    UnknownSession {
        session: &'a str,
    },
    NotASessionDay {
        date: IsoDate,
        session: &'a str,
    },
    UnknownTraceur {
        traceur: &'a str,
    },
    /// An activity's module: the hours still count, without a module.
    UnknownModuleOfActivity {
        module: &'a str,
    },
    UnknownModuleChosen {
        module: &'a str,
    },
    NotAnElectiveModule {
        module: &'a str,
    },
    DatedAfterAsOf {
        date: IsoDate,
        as_of: IsoDate,
    },
    ActivityListedTwice {
        id: &'a str,
    },
    /// `first`: the index of the first choice of the same module.
    ModuleChosenTwice {
        module: &'a str,
        first: usize,
    },
    /// `by`: the index of the attendance record that replaces this one.
    DayRecordReplaced {
        by: usize,
    },
    /// `by`: the index of the later state of the same traceur.
    TraceurStateReplaced {
        by: usize,
    },
    ZeroDuration,
    EmptyJustification {
        date: IsoDate,
    },
    JustificationNotApplicable {
        date: IsoDate,
    },
    DatedBeforePromotion {
        date: IsoDate,
        from: IsoDate,
    },
    ActivityTooLong {
        minutes: Minutes,
        max: Minutes,
    },
    /// `session`: the title of the seminar attended that day.
    CountedAsSeminarDay {
        date: IsoDate,
        session: &'a str,
    },
}

impl Wording for SetAside<'_> {
    type Code = IgnoredCode;

    fn code(&self) -> IgnoredCode {
        match self {
            SetAside::UnknownField { .. } => IgnoredCode::UnknownField,
            SetAside::UnknownSession { .. } => IgnoredCode::UnknownSession,
            SetAside::NotASessionDay { .. } => IgnoredCode::NotASessionDay,
            SetAside::UnknownTraceur { .. } => IgnoredCode::UnknownTraceur,
            SetAside::UnknownModuleOfActivity { .. } | SetAside::UnknownModuleChosen { .. } => {
                IgnoredCode::UnknownModule
            }
            SetAside::NotAnElectiveModule { .. } => IgnoredCode::NotAnElectiveModule,
            SetAside::DatedAfterAsOf { .. } => IgnoredCode::DatedAfterAsOf,
            SetAside::ActivityListedTwice { .. } | SetAside::ModuleChosenTwice { .. } => {
                IgnoredCode::DuplicateRecord
            }
            SetAside::DayRecordReplaced { .. } | SetAside::TraceurStateReplaced { .. } => {
                IgnoredCode::Superseded
            }
            SetAside::ZeroDuration => IgnoredCode::ZeroDuration,
            SetAside::EmptyJustification { .. } => IgnoredCode::EmptyJustification,
            SetAside::JustificationNotApplicable { .. } => IgnoredCode::JustificationNotApplicable,
            SetAside::DatedBeforePromotion { .. } => IgnoredCode::DatedBeforePromotion,
            SetAside::ActivityTooLong { .. } => IgnoredCode::ImplausibleDuration,
            SetAside::CountedAsSeminarDay { .. } => IgnoredCode::CountedAsSeminarDay,
        }
    }

    fn message(&self) -> Message {
        let (fr, en) = match *self {
            SetAside::UnknownField { path } => {
                (format!("champ inconnu {path}"), format!("unknown field {path}"))
            }
            SetAside::UnknownSession { session } => (
                format!("le séminaire « {session} » n'existe pas dans ce programme"),
                format!("the seminar \"{session}\" does not exist in this programme"),
            ),
            SetAside::NotASessionDay { date, session } => (
                format!(
                    "le {} n'est pas une journée du séminaire « {session} »",
                    date.french()
                ),
                format!("{} is not a day of the seminar \"{session}\"", date.english()),
            ),
            SetAside::UnknownTraceur { traceur } => (
                format!("le document traceur « {traceur} » n'existe pas dans ce programme"),
                format!("the document traceur \"{traceur}\" does not exist in this programme"),
            ),
            SetAside::UnknownModuleOfActivity { module } => (
                format!("module « {module} » inconnu : les heures comptent, sans module"),
                format!("unknown module \"{module}\": the hours count, without a module"),
            ),
            SetAside::UnknownModuleChosen { module } => (
                format!("module « {module} » inconnu"),
                format!("unknown module \"{module}\""),
            ),
            SetAside::NotAnElectiveModule { module } => (
                format!("le module « {module} » est obligatoire, il ne se choisit pas"),
                format!("the module \"{module}\" is mandatory, not a choice"),
            ),
            SetAside::DatedAfterAsOf { date, as_of } => (
                format!(
                    "daté du {}, après la date d'évaluation ({})",
                    date.french(),
                    as_of.french()
                ),
                format!(
                    "dated {}, after the evaluation date ({})",
                    date.english(),
                    as_of.english()
                ),
            ),
            SetAside::ActivityListedTwice { id } => (
                format!("l'activité « {id} » figure déjà : comptée une seule fois"),
                format!("the activity \"{id}\" is already listed: counted once"),
            ),
            SetAside::ModuleChosenTwice { module, first } => (
                format!(
                    "module « {module} » déjà choisi (/chosenModules/{first}) : compté une seule fois"
                ),
                format!(
                    "module \"{module}\" already chosen (/chosenModules/{first}): counted once"
                ),
            ),
            SetAside::DayRecordReplaced { by } => (
                format!("remplacé par l'enregistrement /attendance/{by} pour la même journée"),
                format!("replaced by the record /attendance/{by} for the same day"),
            ),
            SetAside::TraceurStateReplaced { by } => (
                format!("état antérieur, remplacé par /traceurs/{by}"),
                format!("an earlier state, replaced by /traceurs/{by}"),
            ),
            SetAside::ZeroDuration => (
                "activité d'une durée nulle".into(),
                "activity of zero duration".into(),
            ),
            SetAside::EmptyJustification { date } => (
                format!(
                    "la justification de l'absence du {} est vide : l'absence reste non justifiée",
                    date.french()
                ),
                format!(
                    "the justification of the absence on {} is empty: the absence stays unjustified",
                    date.english()
                ),
            ),
            SetAside::JustificationNotApplicable { date } => (
                format!(
                    "une justification pour le {}, où la présence est enregistrée : sans objet",
                    date.french()
                ),
                format!(
                    "a justification for {}, a day attended: it does not apply",
                    date.english()
                ),
            ),
            SetAside::DatedBeforePromotion { date, from } => (
                format!(
                    "daté du {}, avant le début de la promotion ({}) : ne compte pas pour elle",
                    date.french(),
                    from.french()
                ),
                format!(
                    "dated {}, before the promotion began ({}): it does not count for it",
                    date.english(),
                    from.english()
                ),
            ),
            SetAside::ActivityTooLong { minutes, max } => (
                format!(
                    "activité de {minutes}, plus que les {max} qu'une activité peut durer : erreur de saisie ou d'export probable"
                ),
                format!(
                    "activity of {minutes}, more than the {max} one activity may last: most likely a typing or export slip"
                ),
            ),
            SetAside::CountedAsSeminarDay { date, session } => (
                format!(
                    "activité en présentiel le {}, jour du séminaire « {session} » où la présence est enregistrée : la journée compte déjà",
                    date.french()
                ),
                format!(
                    "in-person activity on {}, a day of the seminar \"{session}\" attended: the day already counts",
                    date.english()
                ),
            ),
        };
        Message::new(fr, en)
    }
}

/// A remark on a record counted as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caveat<'a> {
    /// `first`: the index of the identical activity listed first.
    IdenticalActivity {
        first: usize,
    },
    TeamMemberAbsent {
        session: &'a str,
        date: IsoDate,
    },
}

impl Wording for Caveat<'_> {
    type Code = AdvisoryCode;

    fn code(&self) -> AdvisoryCode {
        match self {
            Caveat::IdenticalActivity { .. } => AdvisoryCode::PossibleDuplicate,
            Caveat::TeamMemberAbsent { .. } => AdvisoryCode::TeamMemberAbsent,
        }
    }

    fn message(&self) -> Message {
        match *self {
            Caveat::IdenticalActivity { first } => Message::new(
                format!(
                    "identique à /activities/{first} (même jour, modalité, module, titre et durée) et sans identifiant : les deux comptent ; vérifier qu'il ne s'agit pas d'un doublon d'export"
                ),
                format!(
                    "identical to /activities/{first} (same day, modality, module, title and length) and without an id: both count; check it is not an export repeated"
                ),
            ),
            Caveat::TeamMemberAbsent { session, date } => Message::new(
                format!(
                    "{session} le {} : la journée demande un membre de l'équipe aux côtés de l'apprenant, aucun n'est venu",
                    date.french()
                ),
                format!(
                    "{session} on {}: the day asks for a member of the team beside the learner, none came",
                    date.english()
                ),
            ),
        }
    }
}

/// What a condition not met yet still asks, with the titles its message names.
/// Its code and numbers are the report's [`Condition`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortfall<'a> {
    HoursShort {
        modality: Modality,
        required: Minutes,
        done: Minutes,
        excused: Minutes,
        remaining: Minutes,
    },
    HoursUnreachable {
        modality: Modality,
        remaining: Minutes,
        upcoming: Minutes,
    },
    ModuleHoursShort {
        module: &'a str,
        title: &'a str,
        required: Minutes,
        done: Minutes,
    },
    SessionUnjustifiedAbsence {
        session: &'a str,
        title: &'a str,
        date: IsoDate,
    },
    SessionNotRecorded {
        session: &'a str,
        title: &'a str,
        date: IsoDate,
    },
    /// `with_team_member`: the day asks for a member of the learner's team too.
    SessionUpcoming {
        session: &'a str,
        title: &'a str,
        date: IsoDate,
        with_team_member: bool,
    },
    /// `under_way`: the titles of the group's modules chosen or started, not done.
    ElectiveModuleMissing {
        group: &'a str,
        title: &'a str,
        at_least: u32,
        done: u32,
        under_way: Vec<(&'a str, ElectiveState)>,
    },
    TraceurMissing {
        traceur: &'a str,
        title: &'a str,
    },
    TraceurToRevise {
        traceur: &'a str,
        title: &'a str,
    },
    TraceurAwaitingValidation {
        traceur: &'a str,
        title: &'a str,
    },
    MemoireNotSubmitted {
        due_date: Option<IsoDate>,
    },
    /// `date`: the soutenance's date, when one is set.
    SoutenanceNotPassed {
        date: Option<IsoDate>,
    },
    SoutenanceFailed,
}

impl Wording for Shortfall<'_> {
    type Code = Condition;

    fn code(&self) -> Condition {
        match *self {
            Shortfall::HoursShort {
                modality,
                required,
                done,
                excused,
                remaining,
            } => Condition::HoursShort {
                modality,
                required_minutes: required,
                done_minutes: done,
                excused_minutes: excused,
                remaining_minutes: remaining,
            },
            Shortfall::HoursUnreachable {
                modality,
                remaining,
                upcoming,
            } => Condition::HoursUnreachable {
                modality,
                remaining_minutes: remaining,
                upcoming_minutes: upcoming,
            },
            Shortfall::ModuleHoursShort {
                module,
                required,
                done,
                ..
            } => Condition::ModuleHoursShort {
                module: module.to_string(),
                required_minutes: required,
                done_minutes: done,
            },
            Shortfall::SessionUnjustifiedAbsence { session, date, .. } => {
                Condition::SessionUnjustifiedAbsence {
                    session: session.to_string(),
                    date,
                }
            }
            Shortfall::SessionNotRecorded { session, date, .. } => Condition::SessionNotRecorded {
                session: session.to_string(),
                date,
            },
            Shortfall::SessionUpcoming { session, date, .. } => Condition::SessionUpcoming {
                session: session.to_string(),
                date,
            },
            Shortfall::ElectiveModuleMissing {
                group,
                at_least,
                done,
                ..
            } => Condition::ElectiveModuleMissing {
                group: group.to_string(),
                at_least,
                done,
            },
            Shortfall::TraceurMissing { traceur, .. } => Condition::TraceurMissing {
                traceur: traceur.to_string(),
            },
            Shortfall::TraceurToRevise { traceur, .. } => Condition::TraceurToRevise {
                traceur: traceur.to_string(),
            },
            Shortfall::TraceurAwaitingValidation { traceur, .. } => {
                Condition::TraceurAwaitingValidation {
                    traceur: traceur.to_string(),
                }
            }
            Shortfall::MemoireNotSubmitted { .. } => Condition::MemoireNotSubmitted {},
            Shortfall::SoutenanceNotPassed { .. } => Condition::SoutenanceNotPassed {},
            Shortfall::SoutenanceFailed => Condition::SoutenanceFailed {},
        }
    }

    fn message(&self) -> Message {
        let (fr, en) = match *self {
            Shortfall::HoursShort {
                modality,
                required,
                done,
                excused,
                remaining,
            } => {
                let (excused_fr, excused_en) = if excused.is_zero() {
                    (String::new(), String::new())
                } else {
                    (format!(", {excused} excusées"), format!(", {excused} excused"))
                };
                (
                    format!(
                        "il manque {remaining} {} ({done} faites{excused_fr} sur {required})",
                        modality.french_partitive()
                    ),
                    format!(
                        "{remaining} of {} still missing ({done} done{excused_en} of {required})",
                        modality.english()
                    ),
                )
            }
            Shortfall::HoursUnreachable {
                modality,
                remaining,
                upcoming,
            } => (
                format!(
                    "il manque {remaining} {} et les séminaires restants n'en offrent que {upcoming}",
                    modality.french_partitive()
                ),
                format!(
                    "{remaining} of {} time missing, and the seminars left offer only {upcoming}",
                    modality.english()
                ),
            ),
            Shortfall::ModuleHoursShort {
                title,
                required,
                done,
                ..
            } => (
                format!(
                    "module « {title} » : {done} enregistrées sur les {required} demandées"
                ),
                format!("module \"{title}\": {done} recorded of the {required} asked"),
            ),
            Shortfall::SessionUnjustifiedAbsence { title, date, .. } => (
                format!("absence non justifiée au {title} le {}", date.french()),
                format!("unjustified absence from {title} on {}", date.english()),
            ),
            Shortfall::SessionNotRecorded { title, date, .. } => (
                format!("présence non renseignée au {title} le {}", date.french()),
                format!("attendance not recorded for {title} on {}", date.english()),
            ),
            Shortfall::SessionUpcoming {
                title,
                date,
                with_team_member: false,
                ..
            } => (
                format!("{title} le {} : à venir", date.french()),
                format!("{title} on {}: upcoming", date.english()),
            ),
            Shortfall::SessionUpcoming {
                title,
                date,
                with_team_member: true,
                ..
            } => (
                format!(
                    "{title} le {} : à venir, avec un membre de votre équipe",
                    date.french()
                ),
                format!(
                    "{title} on {}: upcoming, with a member of your team",
                    date.english()
                ),
            ),
            Shortfall::ElectiveModuleMissing {
                title,
                at_least,
                done,
                ref under_way,
                ..
            } => {
                let (mut fr, mut en): (Vec<String>, Vec<String>) = under_way
                    .iter()
                    .map(|&(module, state)| match state {
                        ElectiveState::Chosen => (
                            format!("« {module} » choisi, rien d'enregistré encore"),
                            format!("\"{module}\" chosen, nothing recorded yet"),
                        ),
                        _ => (
                            format!("« {module} » commencé, pas encore terminé"),
                            format!("\"{module}\" started, not finished yet"),
                        ),
                    })
                    .unzip();
                if done > 0 {
                    fr.insert(0, count_fr(done, "terminé", "terminés"));
                    en.insert(0, format!("{done} done"));
                }
                if fr.is_empty() {
                    fr.push("aucun commencé".into());
                    en.push("none started".into());
                }
                (
                    format!(
                        "au moins {} à suivre dans « {title} » ({})",
                        count_fr(at_least, "module", "modules"),
                        fr.join(" ; ")
                    ),
                    format!(
                        "at least {} to complete in \"{title}\" ({})",
                        count_en(at_least, "module", "modules"),
                        en.join("; ")
                    ),
                )
            }
            Shortfall::TraceurMissing { title, .. } => (
                format!("document traceur manquant : {title}"),
                format!("missing document traceur: {title}"),
            ),
            Shortfall::TraceurToRevise { title, .. } => (
                format!("document traceur à reprendre : {title}"),
                format!("document traceur to revise: {title}"),
            ),
            Shortfall::TraceurAwaitingValidation { title, .. } => (
                format!("document traceur déposé, en attente de validation : {title}"),
                format!("document traceur deposited, awaiting validation: {title}"),
            ),
            Shortfall::MemoireNotSubmitted { due_date: None } => {
                ("mémoire non déposé".into(), "mémoire not submitted".into())
            }
            Shortfall::MemoireNotSubmitted { due_date: Some(d) } => (
                format!("mémoire non déposé (échéance le {})", d.french()),
                format!("mémoire not submitted (due {})", d.english()),
            ),
            Shortfall::SoutenanceNotPassed { date: None } => (
                "soutenance pas encore passée".into(),
                "soutenance not passed yet".into(),
            ),
            Shortfall::SoutenanceNotPassed { date: Some(d) } => (
                format!("soutenance pas encore passée (prévue le {})", d.french()),
                format!("soutenance not passed yet (set for {})", d.english()),
            ),
            Shortfall::SoutenanceFailed => (
                "soutenance non validée par le jury".into(),
                "soutenance not passed: the jury's decision".into(),
            ),
        };
        Message::new(fr, en)
    }
}

/// "1 module", "2 modules": French takes the singular for 0 and 1.
pub fn count_fr(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n < 2 { one } else { many })
}

/// "1 module", "0 modules", "2 modules".
pub fn count_en(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
