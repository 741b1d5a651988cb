//! The words of a candidature report: each reason, advisory and missing piece
//! as a value carrying what it names, written in French and English in one
//! `match`. The checks build these values and never write words.

use super::FindingCode;
use crate::date::IsoDate;
use crate::message::{Message, Wording};
use crate::report::wording::{count_en, count_fr};

/// A candidate as a committee reads the file: by name, or by place in the
/// list while the name is still blank (a form being filled in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who<'a> {
    Named(&'a str),
    /// Counted from 1, as a person counts.
    Unnamed(usize),
    Team,
}

impl<'a> Who<'a> {
    /// The candidate at `index` of the file's list.
    pub fn candidate(name: &'a str, index: usize) -> Who<'a> {
        if name.trim().is_empty() {
            Who::Unnamed(index + 1)
        } else {
            Who::Named(name)
        }
    }

    fn french(self) -> String {
        match self {
            Who::Named(name) => name.to_string(),
            Who::Unnamed(n) => format!("Candidat·e n° {n}"),
            Who::Team => "équipe".into(),
        }
    }

    fn english(self) -> String {
        match self {
            Who::Named(name) => name.to_string(),
            Who::Unnamed(n) => format!("Candidate no. {n}"),
            Who::Team => "team".into(),
        }
    }
}

/// A reason to refuse a file, or an advisory for the committee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remark<'a> {
    StructureNotAccepted {
        accepted: &'a str,
        given: &'a str,
    },
    NotInTeam {
        who: Who<'a>,
        derogation_possible: bool,
    },
    DerogationToDecide {
        who: Who<'a>,
    },
    TooFewCandidates {
        min: u32,
        count: u32,
    },
    TooManyCandidates {
        max: u32,
        count: u32,
    },
    /// `fr`, `en`: the trainings the programme finds desirable, joined with "ou" / "or".
    NoDesirableTraining {
        who: Who<'a>,
        fr: &'a str,
        en: &'a str,
    },
    SentAfterDueDate {
        sent: IsoDate,
        due_date: IsoDate,
    },
    MissingAfterDueDate {
        due_date: IsoDate,
    },
    UnknownPiece {
        who: Who<'a>,
        piece: &'a str,
        asked: &'a str,
    },
    UnknownQuestion {
        question: &'a str,
        asked: &'a str,
    },
    /// `first`: the index of the first entry of the same person.
    RepeatedCandidate {
        who: Who<'a>,
        first: usize,
    },
    /// `question`: the question's number in the file, from 1.
    SupportOffered {
        question: usize,
        support: &'a str,
    },
}

impl Wording for Remark<'_> {
    type Code = FindingCode;

    fn code(&self) -> FindingCode {
        match self {
            Remark::StructureNotAccepted { .. } => FindingCode::StructureNotAccepted,
            Remark::NotInTeam { .. } => FindingCode::NoTeam,
            Remark::DerogationToDecide { .. } => FindingCode::DerogationToDecide,
            Remark::TooFewCandidates { .. } => FindingCode::NoCandidate,
            Remark::TooManyCandidates { .. } => FindingCode::QuotaExceeded,
            Remark::NoDesirableTraining { .. } => FindingCode::NoDesirableTraining,
            Remark::SentAfterDueDate { .. } | Remark::MissingAfterDueDate { .. } => {
                FindingCode::DueDatePassed
            }
            Remark::UnknownPiece { .. } => FindingCode::UnknownPiece,
            Remark::UnknownQuestion { .. } => FindingCode::UnknownQuestion,
            Remark::RepeatedCandidate { .. } => FindingCode::DuplicateCandidate,
            Remark::SupportOffered { .. } => FindingCode::SupportOffered,
        }
    }

    fn message(&self) -> Message {
        let (fr, en) = match *self {
            Remark::StructureNotAccepted { accepted, given } => (
                format!("cette mention accueille les coordinateurs de {accepted}, pas de {given}"),
                format!("this mention takes coordinators of {accepted}, not of {given}"),
            ),
            Remark::NotInTeam {
                who,
                derogation_possible: true,
            } => (
                format!(
                    "{} n'est pas intégré·e à une équipe, sans demande de dérogation",
                    who.french()
                ),
                format!("{} is not in a team, and asks no derogation", who.english()),
            ),
            Remark::NotInTeam {
                who,
                derogation_possible: false,
            } => (
                format!(
                    "{} n'est pas intégré·e à une équipe, et ce programme ne prévoit pas de dérogation",
                    who.french()
                ),
                format!(
                    "{} is not in a team, and this programme allows no derogation",
                    who.english()
                ),
            ),
            Remark::DerogationToDecide { who } => (
                format!(
                    "{} n'est pas encore intégré·e à une équipe : la dérogation demandée se décide sur dossier",
                    who.french()
                ),
                format!(
                    "{} is not in a team yet: the derogation asked is decided on the file",
                    who.english()
                ),
            ),
            Remark::TooFewCandidates { min, count } => (
                format!(
                    "au moins {} par équipe, le dossier {}",
                    count_fr(min, "candidat", "candidats"),
                    match count {
                        0 => "n'en présente aucun".to_string(),
                        n => format!("en présente {n}"),
                    }
                ),
                format!(
                    "at least {} per team, the file has {}",
                    count_en(min, "candidate", "candidates"),
                    if count == 0 {
                        "none".to_string()
                    } else {
                        count.to_string()
                    }
                ),
            ),
            Remark::TooManyCandidates { max, count } => (
                format!(
                    "au plus {} par équipe, le dossier en présente {count}",
                    count_fr(max, "candidat", "candidats")
                ),
                format!(
                    "at most {} per team, the file has {count}",
                    count_en(max, "candidate", "candidates")
                ),
            ),
            Remark::NoDesirableTraining { who, fr, en } => (
                format!(
                    "{} n'a pas de formation initiale {fr} (souhaitable, non exigée)",
                    who.french()
                ),
                format!(
                    "{} has no initial training {en} (desirable, not required)",
                    who.english()
                ),
            ),
            Remark::SentAfterDueDate { sent, due_date } => (
                format!(
                    "dossier envoyé le {}, après la date limite du {}",
                    sent.french(),
                    due_date.french()
                ),
                format!(
                    "file sent on {}, after the deadline of {}",
                    sent.english(),
                    due_date.english()
                ),
            ),
            Remark::MissingAfterDueDate { due_date } => (
                format!(
                    "des pièces manquent encore après la date limite du {}",
                    due_date.french()
                ),
                format!(
                    "pieces are still missing after the deadline of {}",
                    due_date.english()
                ),
            ),
            Remark::UnknownPiece { who, piece, asked } => (
                format!(
                    "{} : pièce « {piece} » inconnue de ce programme (pièces demandées : {asked})",
                    who.french()
                ),
                format!(
                    "{}: piece \"{piece}\" unknown to this programme (pieces asked: {asked})",
                    who.english()
                ),
            ),
            Remark::UnknownQuestion { question, asked } => (
                format!(
                    "équipe : réponse à une question « {question} » que ce programme ne pose pas (questions posées : {asked})"
                ),
                format!(
                    "team: an answer to a question \"{question}\" this programme does not ask (questions asked: {asked})"
                ),
            ),
            Remark::RepeatedCandidate { who, first } => (
                format!(
                    "{} figure déjà au dossier (/candidates/{first}) : compté·e une seule fois",
                    who.french()
                ),
                format!(
                    "{} is already in the file (/candidates/{first}): counted once",
                    who.english()
                ),
            ),
            Remark::SupportOffered { question, support } => (
                format!("équipe : réponse oui à la question {question} ; à lui proposer : {support}"),
                format!("team: answered yes to question {question}; to be offered: {support}"),
            ),
        };
        Message::new(fr, en)
    }
}

/// What a file still lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lack<'a> {
    Piece {
        who: Who<'a>,
        title: &'a str,
    },
    BoardList,
    /// `names`: the members who have not signed, joined with commas.
    Signatures {
        names: &'a str,
    },
    Answer {
        question: &'a str,
    },
    /// Whether the candidate already works in the team: the prerequisite, never presumed.
    InTeamUnknown {
        who: Who<'a>,
    },
}

impl Lack<'_> {
    pub fn message(&self) -> Message {
        let (fr, en) = match *self {
            Lack::Piece { who, title } => (
                format!("{} : il manque la pièce « {title} »", who.french()),
                format!("{}: the piece \"{title}\" is missing", who.english()),
            ),
            Lack::BoardList => (
                "équipe : la liste des membres du CA/bureau manque".into(),
                "team: the list of board members is missing".into(),
            ),
            Lack::Signatures { names } => (
                format!("équipe : la lettre d'engagement n'est pas signée par {names}"),
                format!("team: the letter of commitment is not signed by {names}"),
            ),
            Lack::InTeamUnknown { who } => (
                format!(
                    "{} : dire si la personne travaille déjà dans l'équipe (condition d'accès)",
                    who.french()
                ),
                format!(
                    "{}: say whether they already work in the team (the prerequisite)",
                    who.english()
                ),
            ),
            Lack::Answer { question } => (
                format!("équipe : réponse manquante à « {question} »"),
                format!("team: no answer to \"{question}\""),
            ),
        };
        Message::new(fr, en)
    }
}
