//! The words of every problem: one variant per message, carrying the data it
//! names, and one `match` writing it in French and English side by side.
//! A new message is a new variant here, with its code in [`Refusal::code`].

use super::ProblemCode;
use crate::date::IsoDate;
use crate::message::{Message, Wording};
use crate::minutes::Minutes;
use crate::report::wording::SetAside;

/// Why an input is refused, with what the message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// serde_json's syntax error, its position taken out of `detail`.
    UnreadableJson {
        line: usize,
        column: usize,
        detail: String,
    },
    UnknownField {
        path: String,
    },
    /// A value serde could not read at `path`; `detail` is serde's words.
    InvalidValue {
        path: String,
        detail: String,
    },
    InvalidDate {
        path: String,
        detail: String,
    },
    InvalidAsOf {
        text: String,
    },
    /// A file the command line was given cannot be read.
    UnreadableFile {
        file: String,
        error: String,
    },
    /// A file the command line was asked to write cannot be written.
    UnwritableFile {
        file: String,
        error: String,
    },
    /// A JS value `JSON.stringify` cannot write.
    UnwritableValue,
    /// A call's argument of the wrong JS type (`given`: what `typeof` says,
    /// or `null`, `array`).
    ArgumentNotAString {
        name: String,
        given: String,
    },
    /// A call's argument `JSON.stringify` cannot write (undefined, a function, a cycle, a BigInt).
    ArgumentNotJson {
        name: String,
        given: String,
    },
    /// A call's argument that should be a whole number of minutes (0 to 4294967295).
    ArgumentNotMinutes {
        name: String,
        given: String,
    },
    /// A call's argument that should be a date written `YYYY-MM-DD`.
    ArgumentNotADate {
        name: String,
        text: String,
    },
    /// A language the engine does not write (it writes `fr` and `en`).
    UnknownLanguage {
        given: String,
    },
    /// A detail of evaluation other than `report` and `standing`.
    UnknownDetail {
        given: String,
    },
    PromotionNotAList,
    ExtraDefinitionsNotAList,
    DefinitionNotAnObject,
    ExtendsNotAnId,
    ExtendsCycle {
        lineage: Vec<String>,
    },
    UnknownParent {
        parent: String,
    },
    /// A definition that extends another inherits none of these fields.
    OwnFieldMissing {
        field: String,
    },
    UnknownProgramme {
        id: String,
    },
    ConflictingDefinition {
        id: String,
        version: String,
    },
    EmptyId,
    DuplicateId {
        list: String,
        id: String,
    },
    /// A promotion file without any learner.
    EmptyPromotion,
    /// A learner id met again in a promotion, first at `first` (its place in the input).
    LearnerTwice {
        learner_id: String,
        first: u32,
    },
    UnknownModule {
        module: String,
    },
    ElectiveGroupTooLarge {
        group: String,
        at_least: u32,
        offered: u32,
    },
    ElectiveGroupAsksNothing {
        group: String,
    },
    PromotionDatesReversed {
        start: IsoDate,
        end: IsoDate,
    },
    SessionWithoutDay {
        session: String,
    },
    SessionDayTwice {
        session: String,
        date: IsoDate,
    },
    SessionDayOfZeroMinutes {
        session: String,
        date: IsoDate,
    },
    SessionDayLongerThanADay {
        session: String,
        date: IsoDate,
        minutes: Minutes,
    },
    NoActivityCanCount,
    SessionOutsidePromotion {
        session: String,
        date: IsoDate,
        start: IsoDate,
        end: IsoDate,
    },
    CalendarShortOfPresentiel {
        supplied: Minutes,
        required: Minutes,
    },
    ImpossibleQuota {
        min: u32,
        max: u32,
    },
    BoardLetterNotATeamPiece {
        piece: String,
    },
    LearnerOfAnotherProgramme {
        enrolled: String,
        programme: String,
    },
    FileForAnotherProgramme {
        named: String,
        programme: String,
    },
    NoCandidatureRules {
        programme: String,
    },
    MappingForAnotherProgramme {
        mapping: String,
        programme: String,
    },
    UnknownTimeZone {
        zone: String,
    },
    /// A Moodle completion item mapped to an activity without minutes.
    DurationRequired,
    MappedDurationOutOfBounds {
        minutes: Minutes,
        max: Minutes,
    },
    /// A mapping's `chosenModule` naming a mandatory module: only an
    /// elective one is chosen.
    ChosenModuleNotElective {
        module: String,
    },
    /// A mapping target naming what the programme does not have.
    MappedToUnknown {
        what: Mapped,
        programme: String,
    },
    InvalidCsv {
        header: CsvHeader,
        expected: String,
    },
    NotXapiStatements,
    StatementsNotAList,
    NotAttendanceSessions,
    MoodleAnswerWithoutEnvelope,
    NotMoodleEnvelopes,
}

/// What a mapping target names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mapped {
    Session { session: String },
    SessionDay { session: String, date: IsoDate },
    Module { module: String },
    Traceur { traceur: String },
}

/// What is wrong with a CSV header, or the csv reader's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvHeader {
    Unreadable { error: String },
    UnknownColumn { column: String },
    ColumnTwice { column: String },
    MissingColumn { column: String },
}

impl Wording for Refusal {
    type Code = ProblemCode;

    fn code(&self) -> ProblemCode {
        use Refusal::*;
        match self {
            UnreadableJson { .. } => ProblemCode::InvalidJson,
            UnknownField { .. } => ProblemCode::UnknownField,
            InvalidDate { .. } => ProblemCode::InvalidDate,
            InvalidValue { .. }
            | UnwritableValue
            | DefinitionNotAnObject
            | ExtendsNotAnId
            | OwnFieldMissing { .. }
            | EmptyId
            | ElectiveGroupAsksNothing { .. }
            | ImpossibleQuota { .. }
            | UnknownTimeZone { .. }
            | DurationRequired
            | MappedDurationOutOfBounds { .. }
            | NotXapiStatements
            | StatementsNotAList
            | NotAttendanceSessions
            | MoodleAnswerWithoutEnvelope
            | NotMoodleEnvelopes => ProblemCode::InvalidValue,
            InvalidAsOf { .. }
            | UnreadableFile { .. }
            | UnwritableFile { .. }
            | ArgumentNotAString { .. }
            | ArgumentNotJson { .. }
            | ArgumentNotMinutes { .. }
            | ArgumentNotADate { .. }
            | UnknownLanguage { .. }
            | UnknownDetail { .. }
            | PromotionNotAList
            | ExtraDefinitionsNotAList => ProblemCode::InvalidArgument,
            ExtendsCycle { .. } => ProblemCode::ExtendsCycle,
            UnknownParent { .. } => ProblemCode::UnknownParent,
            UnknownProgramme { .. } => ProblemCode::UnknownProgramme,
            ConflictingDefinition { .. } => ProblemCode::ConflictingDefinition,
            DuplicateId { .. } | SessionDayTwice { .. } | LearnerTwice { .. } => {
                ProblemCode::DuplicateId
            }
            EmptyPromotion => ProblemCode::EmptyPromotion,
            UnknownModule { .. } | BoardLetterNotATeamPiece { .. } | MappedToUnknown { .. } => {
                ProblemCode::UnknownReference
            }
            ElectiveGroupTooLarge { .. } => ProblemCode::ElectiveGroupTooLarge,
            ChosenModuleNotElective { .. } => ProblemCode::NotAnElectiveModule,
            PromotionDatesReversed { .. } => ProblemCode::PromotionDatesReversed,
            SessionWithoutDay { .. } | SessionDayOfZeroMinutes { .. } => ProblemCode::EmptySession,
            SessionOutsidePromotion { .. } => ProblemCode::SessionOutsidePromotion,
            SessionDayLongerThanADay { .. } | NoActivityCanCount => {
                ProblemCode::ImplausibleDuration
            }
            CalendarShortOfPresentiel { .. } => ProblemCode::CalendarShortOfPresentiel,
            LearnerOfAnotherProgramme { .. }
            | FileForAnotherProgramme { .. }
            | MappingForAnotherProgramme { .. } => ProblemCode::ProgrammeMismatch,
            NoCandidatureRules { .. } => ProblemCode::NoCandidatureRules,
            InvalidCsv { .. } => ProblemCode::InvalidCsv,
        }
    }

    fn message(&self) -> Message {
        use Refusal::*;
        let (fr, en) = match self {
            UnreadableJson { line, column, detail } => (
                format!("JSON illisible, ligne {line} colonne {column} : {}", syntax_in_french(detail)),
                format!("unreadable JSON, line {line} column {column}: {detail}"),
            ),
            UnknownField { path } => (format!("champ inconnu {path}"), format!("unknown field {path}")),
            InvalidDate { path, detail } => (
                format!(
                    "date invalide en {} : « {} » n'est pas une date réelle écrite AAAA-MM-JJ",
                    place(path),
                    detail.split('"').nth(1).unwrap_or(detail)
                ),
                format!("{detail} at {}", place(path)),
            ),
            InvalidValue { path, detail } => (
                format!("valeur invalide en {} : {}", place(path), in_french(detail)),
                format!("invalid value at {}: {}", place(path), in_plain_english(detail)),
            ),
            InvalidAsOf { text } => (
                format!("date d'évaluation invalide « {text} » : attendu AAAA-MM-JJ"),
                format!("invalid evaluation date \"{text}\": expected YYYY-MM-DD"),
            ),
            UnreadableFile { file, error } => (
                format!("lecture impossible de {file} : {error}"),
                format!("cannot read {file}: {error}"),
            ),
            UnwritableFile { file, error } => (
                format!("écriture impossible de {file} : {error}"),
                format!("cannot write {file}: {error}"),
            ),
            UnwritableValue => (
                "valeur illisible : attendu un objet JSON (sans cycle, fonction ni BigInt)".into(),
                "unreadable value: expected a JSON object (no cycle, function or BigInt)".into(),
            ),
            ArgumentNotAString { name, given } => (
                format!("argument « {name} » invalide : attendu une chaîne de caractères, reçu {given}"),
                format!("invalid argument \"{name}\": expected a string, got {given}"),
            ),
            ArgumentNotJson { name, given } => (
                format!("argument « {name} » invalide : attendu une valeur JSON (sans cycle, fonction ni BigInt), reçu {given}"),
                format!("invalid argument \"{name}\": expected a JSON value (no cycle, function or BigInt), got {given}"),
            ),
            ArgumentNotMinutes { name, given } => (
                format!("argument « {name} » invalide : attendu un nombre entier de minutes (0 ou plus), reçu {given}"),
                format!("invalid argument \"{name}\": expected a whole number of minutes (0 or more), got {given}"),
            ),
            ArgumentNotADate { name, text } => (
                format!("argument « {name} » invalide : « {text} » n'est pas une date réelle écrite AAAA-MM-JJ"),
                format!("invalid argument \"{name}\": \"{text}\" is not a real date written YYYY-MM-DD"),
            ),
            UnknownLanguage { given } => (
                format!("langue « {given} » inconnue : le moteur écrit en français (fr) et en anglais (en)"),
                format!("unknown language \"{given}\": the engine writes French (fr) and English (en)"),
            ),
            UnknownDetail { given } => (
                format!("détail « {given} » inconnu : report (le rapport complet) ou standing (où en est l'apprenant, sans les messages)"),
                format!("unknown detail \"{given}\": report (the full report) or standing (where the learner stands, without the messages)"),
            ),
            PromotionNotAList => (
                "une promotion est une liste d'apprenants".into(),
                "a promotion is an array of learners".into(),
            ),
            ExtraDefinitionsNotAList => (
                "les définitions supplémentaires sont une liste de documents".into(),
                "the extra definitions are an array of documents".into(),
            ),
            DefinitionNotAnObject => (
                "une définition de programme est un objet JSON".into(),
                "a programme definition is a JSON object".into(),
            ),
            ExtendsNotAnId => (
                "« extends » est l'identifiant d'un programme (texte)".into(),
                "\"extends\" is the id of a programme (a string)".into(),
            ),
            ExtendsCycle { lineage } => (
                format!("les définitions s'étendent en cercle : {}", lineage.join(" → ")),
                format!("definitions extend each other in a circle: {}", lineage.join(" → ")),
            ),
            UnknownParent { parent } => (
                format!("« {parent} » n'est ni un programme intégré ni une définition fournie"),
                format!("\"{parent}\" is neither an embedded programme nor a given definition"),
            ),
            OwnFieldMissing { field } => (
                format!("une définition qui en étend une autre donne son propre « {field} »"),
                format!("a definition that extends another gives its own \"{field}\""),
            ),
            ConflictingDefinition { id, version } => (
                format!("« {id} » version {version} existe déjà avec d'autres règles : donnez une autre version (ou un autre identifiant) à cette définition"),
                format!("\"{id}\" version {version} already exists with other rules: give this definition another version (or another id)"),
            ),
            UnknownProgramme { id } => (
                format!("aucun programme intégré n'a l'identifiant « {id} »"),
                format!("no embedded programme has the id \"{id}\""),
            ),
            EmptyId => ("l'identifiant est vide".into(), "the id is empty".into()),
            EmptyPromotion => (
                "promotion vide : aucun apprenant dans le fichier".into(),
                "empty promotion: no learner in the file".into(),
            ),
            LearnerTwice { learner_id, first } => (
                format!("l'apprenant « {learner_id} » figure déjà dans la promotion (n° {first}) : ses enregistrements vont dans un seul dossier"),
                format!("the learner \"{learner_id}\" is already in the promotion (no. {first}): their records belong in one file"),
            ),
            DuplicateId { list, id } => (
                format!("l'identifiant « {id} » figure deux fois dans {list}"),
                format!("the id \"{id}\" appears twice in {list}"),
            ),
            UnknownModule { module } => (
                format!("le module « {module} » n'existe pas dans ce programme"),
                format!("the module \"{module}\" does not exist in this programme"),
            ),
            ElectiveGroupTooLarge { group, at_least, offered } => (
                format!(
                    "le groupe « {group} » demande au moins {at_least} modules mais n'en propose que {offered}"
                ),
                format!(
                    "the group \"{group}\" asks for at least {at_least} modules but offers only {offered}"
                ),
            ),
            ElectiveGroupAsksNothing { group } => (
                format!("le groupe « {group} » demande au moins 0 module : il ne demande rien"),
                format!("the group \"{group}\" asks for at least 0 modules: it asks nothing"),
            ),
            PromotionDatesReversed { start, end } => (
                format!("la promotion finit ({end}) avant de commencer ({start})"),
                format!("the promotion ends ({end}) before it starts ({start})"),
            ),
            SessionWithoutDay { session } => (
                format!("le séminaire « {session} » n'a aucune journée"),
                format!("the seminar \"{session}\" has no day"),
            ),
            SessionDayTwice { session, date } => (
                format!("le séminaire « {session} » compte deux fois la journée du {date}"),
                format!("the seminar \"{session}\" lists the day {date} twice"),
            ),
            SessionDayOfZeroMinutes { session, date } => (
                format!("la journée du {date} du séminaire « {session} » dure 0 minute"),
                format!("the day {date} of the seminar \"{session}\" lasts 0 minutes"),
            ),
            SessionDayLongerThanADay {
                session,
                date,
                minutes,
            } => (
                format!(
                    "la journée du {date} du séminaire « {session} » dure {minutes}, plus qu'une journée de 24 h"
                ),
                format!(
                    "the day {date} of the seminar \"{session}\" lasts {minutes}, more than a 24 h day"
                ),
            ),
            NoActivityCanCount => (
                "maxActivityMinutes vaut 0 : aucune activité ne pourrait compter".into(),
                "maxActivityMinutes is 0: no activity could count".into(),
            ),
            SessionOutsidePromotion { session, date, start, end } => (
                format!(
                    "la journée du {date} du séminaire « {session} » est hors de la promotion ({start} – {end})"
                ),
                format!(
                    "the day {date} of the seminar \"{session}\" is outside the promotion ({start} – {end})"
                ),
            ),
            CalendarShortOfPresentiel { supplied, required } => (
                format!(
                    "le calendrier n'offre que {supplied} de séminaires obligatoires pour {required} de présentiel exigées"
                ),
                format!(
                    "the calendar offers only {supplied} of mandatory seminars for {required} of in-person time required"
                ),
            ),
            ImpossibleQuota { min, max } => (
                format!("quota de candidats par équipe impossible : de {min} à {max}"),
                format!("impossible quota of candidates per team: from {min} to {max}"),
            ),
            BoardLetterNotATeamPiece { piece } => (
                format!("la pièce « {piece} » n'est pas une pièce d'équipe du dossier"),
                format!("the piece \"{piece}\" is not a team piece of the file"),
            ),
            LearnerOfAnotherProgramme { enrolled, programme } => (
                format!(
                    "l'apprenant est inscrit à « {enrolled} », pas à « {programme} » ni à un programme qu'il étend"
                ),
                format!(
                    "the learner is enrolled in \"{enrolled}\", not in \"{programme}\" nor a programme it extends"
                ),
            ),
            FileForAnotherProgramme { named, programme } => (
                format!(
                    "le dossier est adressé à « {named} », pas à « {programme} » ni à un programme qu'il étend"
                ),
                format!(
                    "the file is addressed to \"{named}\", not to \"{programme}\" nor a programme it extends"
                ),
            ),
            NoCandidatureRules { programme } => (
                format!("le programme « {programme} » ne définit pas de règles de candidature"),
                format!("the programme \"{programme}\" defines no candidature rules"),
            ),
            MappingForAnotherProgramme { mapping, programme } => (
                format!("la correspondance est pour « {mapping} », pas pour « {programme} »"),
                format!("the mapping is for \"{mapping}\", not for \"{programme}\""),
            ),
            UnknownTimeZone { zone } => (
                format!(
                    "fuseau horaire « {zone} » inconnu : « Europe/Paris », « UTC » ou un décalage fixe « +01:00 »"
                ),
                format!(
                    "unknown time zone \"{zone}\": \"Europe/Paris\", \"UTC\" or a fixed offset \"+01:00\""
                ),
            ),
            DurationRequired => (
                "durée requise : l'achèvement Moodle ne donne pas de durée".into(),
                "a duration is required: Moodle completion gives none".into(),
            ),
            MappedDurationOutOfBounds { minutes, max } => (
                format!("durée de {} min : attendu de 1 à {} min", minutes.0, max.0),
                format!("a duration of {} min: expected 1 to {} min", minutes.0, max.0),
            ),
            // The engine's rule, in the engine's words: one text for both.
            ChosenModuleNotElective { module } => {
                return SetAside::NotAnElectiveModule { module }.message()
            }
            MappedToUnknown { what, programme } => {
                let (fr, en) = match what {
                    Mapped::Session { session } => (
                        format!("le séminaire « {session} »"),
                        format!("the seminar \"{session}\""),
                    ),
                    Mapped::SessionDay { session, date } => (
                        format!("dans « {session} », la journée « {date} »"),
                        format!("in \"{session}\", the day \"{date}\""),
                    ),
                    Mapped::Module { module } => {
                        (format!("le module « {module} »"), format!("the module \"{module}\""))
                    }
                    Mapped::Traceur { traceur } => (
                        format!("le document traceur « {traceur} »"),
                        format!("the document traceur \"{traceur}\""),
                    ),
                };
                (
                    format!("{fr} n'existe pas dans le programme « {programme} »"),
                    format!("{en} does not exist in the programme \"{programme}\""),
                )
            }
            InvalidCsv { header, expected } => {
                let (fr, en) = match header {
                    CsvHeader::Unreadable { error } => (error.clone(), error.clone()),
                    CsvHeader::UnknownColumn { column } => (
                        format!("colonne « {column} » inconnue"),
                        format!("unknown column \"{column}\""),
                    ),
                    CsvHeader::ColumnTwice { column } => (
                        format!("colonne « {column} » en double"),
                        format!("column \"{column}\" twice"),
                    ),
                    CsvHeader::MissingColumn { column } => (
                        format!("colonne « {column} » manquante"),
                        format!("missing column \"{column}\""),
                    ),
                };
                (
                    format!("CSV illisible : {fr} ; en-tête attendu : {expected}"),
                    format!("unreadable CSV: {en}; expected header: {expected}"),
                )
            }
            NotXapiStatements => (
                "attendu des déclarations xAPI (liste ou StatementResult)".into(),
                "expected xAPI statements (a list or a StatementResult)".into(),
            ),
            StatementsNotAList => (
                "« statements » doit être une liste".into(),
                "\"statements\" must be a list".into(),
            ),
            NotAttendanceSessions => (
                "attendu une session ou une liste de sessions".into(),
                "expected a session or a list of sessions".into(),
            ),
            MoodleAnswerWithoutEnvelope => (
                "réponse Moodle sans enveloppe : la placer dans { \"userid\", \"courseid\", \"activities\" ou \"course\" }".into(),
                "a Moodle answer without its envelope: put it in { \"userid\", \"courseid\", \"activities\" or \"course\" }".into(),
            ),
            NotMoodleEnvelopes => (
                "attendu une enveloppe ou une liste d'enveloppes".into(),
                "expected an envelope or a list of envelopes".into(),
            ),
        };
        Message::new(fr, en)
    }
}

/// A JSON path as a message names it; the empty path is the whole document.
fn place(path: &str) -> &str {
    if path.is_empty() {
        "(document)"
    } else {
        path
    }
}

/// serde_json's syntax errors, in French; one it has not listed stays as written.
fn syntax_in_french(detail: &str) -> String {
    let fr = match detail {
        "EOF while parsing a list" => "fin du texte au milieu d'une liste",
        "EOF while parsing an object" => "fin du texte au milieu d'un objet",
        "EOF while parsing a string" => "fin du texte au milieu d'un texte entre guillemets",
        "EOF while parsing a value" => "fin du texte là où une valeur est attendue",
        "expected `:`" => "« : » attendu",
        "expected `,` or `]`" => "« , » ou « ] » attendu",
        "expected `,` or `}`" => "« , » ou « } » attendu",
        "expected ident" | "expected value" => "valeur attendue",
        "expected `\"`" => "« \" » attendu",
        "invalid escape" => "séquence d'échappement invalide",
        "invalid number" => "nombre invalide",
        "number out of range" => "nombre hors limites",
        "invalid unicode code point" => "caractère Unicode invalide",
        "key must be a string" => "une clé doit être un texte entre guillemets",
        "trailing comma" => "virgule en trop",
        "trailing characters" => "caractères en trop après la fin du document",
        "recursion limit exceeded" => "imbrication trop profonde",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle dans un texte entre guillemets"
        }
        other => return other.to_string(),
    };
    fr.to_string()
}

/// serde's usual words, in French, for the French half of a message; other
/// details stay as serde wrote them.
pub fn in_french(detail: &str) -> String {
    let quoted = |rest: &str| rest.split('`').next().unwrap_or_default().to_string();
    if let Some(rest) = detail.strip_prefix("missing field `") {
        format!("champ « {} » manquant", quoted(rest))
    } else if let Some(rest) = detail.strip_prefix("unknown field `") {
        format!("champ « {} » inconnu", quoted(rest))
    } else if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (value, choices) = rest.split_once("`, ").unwrap_or((rest, ""));
        let choices = choices
            .replace("expected one of ", "")
            .replace("expected ", "")
            .replace('`', "");
        format!("valeur « {value} » inconnue, attendu : {choices}")
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "{} au lieu {}",
            found_in_french(found),
            expected_in_french(expected)
        )
    } else if let Some(rest) = detail.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "{} au lieu {}",
            found_in_french(found),
            expected_in_french(expected)
        )
    } else {
        detail.to_string()
    }
}

/// serde's words with its Rust type names said plainly ("expected u32" is
/// "expected a whole number, 0 or more"); the rest as serde wrote it.
fn in_plain_english(detail: &str) -> String {
    let Some((found, expected)) = detail.rsplit_once(", expected ") else {
        return detail.to_string();
    };
    let plain = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a borrowed string" | "a character" => "a string",
        other => other,
    };
    format!("{}, expected {plain}", found.replace('`', ""))
}

/// serde's `Unexpected` (what was found), in French.
fn found_in_french(found: &str) -> String {
    let value = |rest: &str| rest.trim_matches('`').to_string();
    if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        format!("le nombre {}", value(n))
    } else if let Some(s) = found.strip_prefix("string ") {
        format!("le texte « {} »", s.trim_matches('"'))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        format!("la valeur {}", value(b))
    } else {
        match found {
            "null" | "unit value" => "null".to_string(),
            "sequence" => "une liste".to_string(),
            "map" => "un objet".to_string(),
            other => other.to_string(),
        }
    }
}

/// serde's `Expected` (a Rust type or a visitor's words), as "au lieu d'…" ends.
fn expected_in_french(expected: &str) -> String {
    let fr = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "d'un entier positif ou nul",
        "i8" | "i16" | "i32" | "i64" | "isize" => "d'un entier",
        "f32" | "f64" => "d'un nombre",
        "a string" | "a borrowed string" | "a character" => "d'un texte",
        "a boolean" => "de true ou false",
        "a sequence" => "d'une liste",
        "a date written YYYY-MM-DD" => "d'une date écrite AAAA-MM-JJ",
        "an id (a whole number or a string)" => "d'un identifiant (nombre entier ou texte)",
        e if e == "a map" || e.starts_with("struct ") => "d'un objet",
        other => return format!("de : {other}"),
    };
    fr.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serdes_usual_words_are_said_in_french() {
        assert_eq!(
            in_french("unknown variant `presnt`, expected one of `present`, `absent`"),
            "valeur « presnt » inconnue, attendu : present, absent"
        );
        assert_eq!(in_french("missing field `date`"), "champ « date » manquant");
        assert_eq!(
            in_french("invalid type: string \"deux\", expected u32"),
            "le texte « deux » au lieu d'un entier positif ou nul"
        );
        assert_eq!(
            in_french("invalid value: integer `-120`, expected u32"),
            "le nombre -120 au lieu d'un entier positif ou nul"
        );
        assert_eq!(syntax_in_french("trailing comma"), "virgule en trop");
        assert_eq!(
            in_plain_english("invalid value: integer `-120`, expected u32"),
            "invalid value: integer -120, expected a whole number, 0 or more"
        );
    }
}
