//! `pacte`: the PACTE rules engine on the command line.
//!
//! Exit codes: 0 the answer is given and is not negative; 1 a negative
//! verdict (a learner `blocked`, a candidature not `eligible`, a promotion with
//! a blocked or unreadable learner, an import with error diagnostics); 2
//! invalid input or usage.

use clap::{Parser, Subcommand, ValueEnum};
use pacte_rules::api::{self, Answer, Detail, ProgrammeSource, PromotionEntry};
use pacte_rules::candidature::Verdict;
use pacte_rules::date::IsoDate;
use pacte_rules::import::{ImportOptions, ImportSource};
use pacte_rules::labels::Label;
use pacte_rules::parse;
use pacte_rules::problem::{Problem, Refusal};
use pacte_rules::programme::Programme;
use pacte_rules::report::wording::count_fr;
use pacte_rules::report::{text, Stage};
use pacte_rules::schema::Document;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pacte",
    version,
    about = "Règles de la formation PACTE Soins primaires — PACTE training rules engine"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the embedded programme definitions.
    Programmes,
    /// Validate a programme definition file; print the resolved programme.
    CheckProgramme {
        file: PathBuf,
        #[command(flatten)]
        extra: Extra,
    },
    /// Evaluate one learner's records: the progress report.
    Evaluate {
        #[command(flatten)]
        on: On,
        /// The learner's records (JSON).
        learner: PathBuf,
    },
    /// Evaluate a promotion: a JSON array or JSON Lines of learner records.
    EvaluatePromotion {
        #[command(flatten)]
        on: On,
        /// What JSON answers of each learner: the full report, or the
        /// standing alone (stage, tallies, unmet codes), for many learners.
        /// The text format always writes from the reports.
        #[arg(long, value_enum, default_value_t = DetailArg::Report)]
        detail: DetailArg,
        promotion: PathBuf,
    },
    /// Check a candidature file against the programme's rules.
    CheckCandidature {
        #[command(flatten)]
        on: On,
        file: PathBuf,
    },
    /// Turn platform data into learner records, through a mapping (docs/import.md).
    Import {
        /// moodle-completion, moodle-attendance, xapi or csv.
        #[arg(long)]
        source: ImportSource,
        /// The mapping document (JSON): platform ids to the programme's items.
        #[arg(long, value_name = "FILE")]
        mapping: PathBuf,
        /// Records dated after this day are set aside, YYYY-MM-DD.
        #[arg(long = "as-of")]
        as_of: String,
        /// Only this learner (a learner id of the records).
        #[arg(long = "learner-id")]
        learner_id: Option<String>,
        /// The platform data: JSON, or CSV text for `--source csv`.
        input: PathBuf,
    },
    /// Write the JSON Schemas of the programme definition, learner records,
    /// candidature file and mapping document into DIR (the repository's: schemas/).
    Schemas { dir: PathBuf },
}

#[derive(clap::Args)]
struct Extra {
    /// Further definition files the programme may extend.
    #[arg(long = "with", value_name = "FILE")]
    with: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct On {
    /// An embedded programme id, or a definition file (.json).
    #[arg(long)]
    programme: String,
    /// The evaluation date, YYYY-MM-DD: the engine never reads a clock.
    #[arg(long = "as-of")]
    as_of: String,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    extra: Extra,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    /// JSON Lines: a promotion streams one line per learner as each is
    /// evaluated, then `{"kind":"summary",…}`, in the memory of one learner;
    /// other answers are the same JSON.
    Jsonl,
    /// French, for a person.
    Text,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DetailArg {
    Report,
    Standing,
}

impl DetailArg {
    /// The detail a format can write: text is written from reports.
    fn for_format(self, format: Format) -> Detail {
        match (self, format) {
            (DetailArg::Standing, Format::Json | Format::Jsonl) => Detail::Standing,
            _ => Detail::Report,
        }
    }
}

/// A refusal: the problems, printed, and exit code 2.
struct Invalid(Vec<Problem>);

impl From<Problem> for Invalid {
    fn from(p: Problem) -> Self {
        Invalid(vec![p])
    }
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(code) => code,
        Err(Invalid(problems)) => {
            print_json(&Answer::<()>::Failure {
                problems: problems.clone(),
            });
            for p in &problems {
                eprintln!(
                    "{} {} : {}",
                    code_name(p),
                    if p.path.is_empty() {
                        "(document)"
                    } else {
                        &p.path
                    },
                    p.message.fr
                );
            }
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Invalid> {
    match command {
        Command::Programmes => {
            print_json(&api::programmes());
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckProgramme { file, extra } => {
            let source = ProgrammeSource::Definition(read_json(&file)?);
            match api::check_programme(&source, &extra_documents(&extra)?) {
                Answer::Success { value } => {
                    print_json(&value);
                    Ok(ExitCode::SUCCESS)
                }
                Answer::Failure { problems } => Err(Invalid(problems)),
            }
        }
        Command::Evaluate { on, learner } => {
            let (programme, as_of) = context(&on)?;
            let text_in = read_text(&learner)?;
            let report = unwrap(api::evaluate(&programme, &text_in, as_of))?;
            match on.format {
                Format::Json | Format::Jsonl => print_json(&report),
                Format::Text => write_out(&text::french(&report)),
            }
            Ok(verdict(report.stage != Stage::Blocked))
        }
        Command::EvaluatePromotion {
            on,
            detail,
            promotion,
        } if on.format == Format::Jsonl => {
            let (programme, as_of) = context(&on)?;
            let detail = detail.for_format(on.format);
            let summary = stream_promotion(&programme, &promotion, as_of, detail)?;
            Ok(verdict(summary.invalid == 0 && summary.stages.blocked == 0))
        }
        Command::EvaluatePromotion {
            on,
            detail,
            promotion,
        } => {
            let (programme, as_of) = context(&on)?;
            let report = unwrap(api::evaluate_promotion_json(
                &programme,
                &read_text(&promotion)?,
                as_of,
                detail.for_format(on.format),
            ))?;
            match on.format {
                Format::Json | Format::Jsonl => print_json(&report),
                Format::Text => write_out(&promotion_text(&report)),
            }
            Ok(verdict(report.invalid == 0 && report.stages.blocked == 0))
        }
        Command::CheckCandidature { on, file } => {
            let (programme, as_of) = context(&on)?;
            let text_in = read_text(&file)?;
            let report = unwrap(api::check_candidature_json(&programme, &text_in, as_of))?;
            match on.format {
                Format::Json | Format::Jsonl => print_json(&report),
                Format::Text => write_out(&candidature_text(&report)),
            }
            Ok(verdict(matches!(report.verdict, Verdict::Eligible {})))
        }
        Command::Import {
            source,
            mapping,
            as_of,
            learner_id,
            input,
        } => {
            let options = ImportOptions {
                source,
                as_of: api::as_of(&as_of)?,
                learner_id,
            };
            let result = unwrap(api::import(
                &options,
                &read_text(&mapping)?,
                &read_text(&input)?,
            ))?;
            print_json(&result);
            Ok(verdict(!result.has_errors()))
        }
        Command::Schemas { dir } => {
            for document in Document::ALL {
                let path = dir.join(document.file_name());
                let text = format!("{:#}\n", document.schema());
                std::fs::write(&path, text).map_err(|e| {
                    let file = path.display().to_string();
                    Problem::new(
                        "",
                        Refusal::UnwritableFile {
                            file,
                            error: e.to_string(),
                        },
                    )
                })?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn verdict(positive: bool) -> ExitCode {
    if positive {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn unwrap<T>(answer: Answer<T>) -> Result<T, Invalid> {
    match answer {
        Answer::Success { value } => Ok(value),
        Answer::Failure { problems } => Err(Invalid(problems)),
    }
}

fn context(on: &On) -> Result<(Cow<'static, Programme>, pacte_rules::date::IsoDate), Invalid> {
    let as_of = api::as_of(&on.as_of)?;
    let path = Path::new(&on.programme);
    let source = if path.extension().is_some_and(|e| e == "json") || path.is_file() {
        ProgrammeSource::Definition(read_json(path)?)
    } else {
        ProgrammeSource::Id(on.programme.clone())
    };
    let programme = api::programme(&source, &extra_documents(&on.extra)?).map_err(Invalid)?;
    Ok((programme, as_of))
}

fn extra_documents(extra: &Extra) -> Result<Vec<Value>, Invalid> {
    extra.with.iter().map(|f| read_json(f)).collect()
}

fn read_text(path: &Path) -> Result<String, Invalid> {
    std::fs::read_to_string(path).map_err(|e| {
        Invalid::from(Problem::new(
            "",
            Refusal::UnreadableFile {
                file: path.display().to_string(),
                error: e.to_string(),
            },
        ))
    })
}

/// `evaluate-promotion --format jsonl`: each learner's entry written as
/// it is made. JSON Lines are read a line at a time; a JSON array is read
/// whole, its learners then streamed the same way.
fn stream_promotion(
    programme: &Programme,
    path: &Path,
    as_of: IsoDate,
    detail: Detail,
) -> Result<api::PromotionSummary, Invalid> {
    let unreadable = |e: std::io::Error| {
        Invalid::from(Problem::new(
            "",
            Refusal::UnreadableFile {
                file: path.display().to_string(),
                error: e.to_string(),
            },
        ))
    };
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(unreadable)?);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let starts_with_list = {
        let head = std::io::BufRead::fill_buf(&mut reader).map_err(unreadable)?;
        let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
        head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[')
    };
    let answer = if starts_with_list {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut reader, &mut text).map_err(unreadable)?;
        let items: Vec<&RawValue> = serde_json::from_str(parse::without_bom(&text))
            .map_err(|e| Invalid::from(parse::syntax_problem(&e)))?;
        let items = items.iter().map(|raw| raw.get());
        api::evaluate_promotion_lines(programme, items, as_of, detail, |e| write_line(&mut out, e))
    } else {
        let mut failed = None;
        let lines = std::io::BufRead::lines(reader)
            .map_while(|line| line.map_err(|e| failed = Some(e)).ok());
        let answer = api::evaluate_promotion_lines(programme, lines, as_of, detail, |e| {
            write_line(&mut out, e)
        });
        if let Some(e) = failed {
            return Err(unreadable(e));
        }
        answer
    };
    let summary = unwrap(answer)?;
    write_line(&mut out, &summary);
    if let Err(e) = out.flush() {
        stopped_by(e);
    }
    Ok(summary)
}

/// One JSON Lines line: the value, compact, and a line break.
fn write_line<T: Serialize>(out: &mut impl Write, value: &T) {
    let written = serde_json::to_writer(&mut *out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"));
    if let Err(e) = written {
        stopped_by(e);
    }
}

fn read_json(path: &Path) -> Result<Value, Invalid> {
    Ok(pacte_rules::parse::json_value(&read_text(path)?)?)
}

/// Writes the JSON as it is made, never the whole text in memory: a
/// promotion's report is hundreds of megabytes (100,000 learners: 644 MB).
fn print_json<T: Serialize>(value: &T) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    if let Err(e) = written {
        stopped_by(e);
    }
}

/// Writes to standard output. A reader that closed the pipe early (`| head`)
/// wanted no more: the command ends quietly with the shell's status for a
/// tool stopped by SIGPIPE (128 + 13), as `cat` or `grep` do, instead of
/// `print!`'s panic and abort.
fn write_out(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        stopped_by(e);
    }
}

/// A write that failed: a closed pipe ends the command quietly (see
/// [`write_out`]), anything else is said.
fn stopped_by(e: std::io::Error) {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(141);
    }
    eprintln!("{e}");
}

fn code_name(p: &Problem) -> String {
    serde_json::to_value(p.code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn promotion_text(report: &api::PromotionReport) -> String {
    let mut out = format!(
        "Promotion au {} : {}\n",
        report.as_of.french(),
        count_fr(report.learners.len() as u32, "apprenant", "apprenants")
    );
    for entry in &report.learners {
        match entry {
            PromotionEntry::Evaluated { report: r } => {
                let who = r.display_name.as_deref().unwrap_or(&r.learner_id);
                let unmet = match r.unmet.len() {
                    0 => String::new(),
                    n => format!(
                        " ({})",
                        count_fr(n as u32, "condition non remplie", "conditions non remplies")
                    ),
                };
                out.push_str(&format!("  {who} : {}{unmet}\n", r.summary.fr));
            }
            PromotionEntry::Standing { standing: s } => {
                let who = s.display_name.as_deref().unwrap_or(&s.learner_id);
                out.push_str(&format!("  {who} : {}\n", s.stage.label().fr));
            }
            PromotionEntry::Invalid { index, problems } => {
                let first = problems
                    .first()
                    .map(|p| p.message.fr.as_str())
                    .unwrap_or_default();
                out.push_str(&format!("  n° {index} : dossier illisible — {first}\n"));
            }
        }
    }
    text::printable(&out)
}

fn candidature_text(report: &pacte_rules::candidature::CandidatureReport) -> String {
    let mut out = format!(
        "Candidature de l'équipe {} — {}\n",
        report.team, report.programme.title
    );
    let (verdict, lines): (&str, Vec<&str>) = match &report.verdict {
        Verdict::Eligible {} => ("recevable", Vec::new()),
        Verdict::Incomplete { missing, .. } => (
            "incomplète",
            missing.iter().map(|m| m.message.fr.as_str()).collect(),
        ),
        Verdict::Ineligible { reasons, missing } => (
            "non recevable",
            reasons
                .iter()
                .map(|r| r.message.fr.as_str())
                .chain(missing.iter().map(|m| m.message.fr.as_str()))
                .collect(),
        ),
    };
    out.push_str(&format!("Verdict : {verdict}\n"));
    for l in lines {
        out.push_str(&format!("  - {l}\n"));
    }
    for a in &report.advisories {
        out.push_str(&format!("  (avis) {}\n", a.message.fr));
    }
    if !report.next_steps.is_empty() {
        out.push_str("Étapes suivantes :\n");
        for (n, step) in report.next_steps.iter().enumerate() {
            out.push_str(&format!("  {}. {step}\n", n + 1));
        }
    }
    text::printable(&out)
}
