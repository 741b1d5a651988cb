//! The report written in French for a person (`pacte evaluate --format text`).

use super::*;
use crate::labels::Label;
use std::fmt::Write;

pub fn french(report: &ProgressReport) -> String {
    let mut out = String::new();
    let who = report.display_name.as_deref().unwrap_or(&report.learner_id);
    let _ = writeln!(out, "{who} — {}", report.programme.title);
    let _ = writeln!(out, "Au {} : {}", report.as_of.french(), report.summary.fr);
    if let Some(step) = &report.next_step {
        let _ = writeln!(out, "{}", step.fr);
    }
    let _ = writeln!(
        out,
        "Règles : {} version {} ({})",
        report.programme.id, report.programme.version, report.programme.hash
    );
    let _ = writeln!(out, "\nHeures");
    let hours = &report.hours;
    let asked = [&hours.presentiel, &hours.elearning, &hours.equipe]
        .iter()
        .filter(|t| t.required_minutes.is_some())
        .count();
    // A total of one modality would only repeat it.
    let total = (asked > 1).then_some(("Total", &hours.total));
    for (label, tally) in [
        ("Présentiel", &hours.presentiel),
        ("E-learning", &hours.elearning),
        ("En équipe", &hours.equipe),
    ]
    .into_iter()
    .chain(total)
    {
        let _ = writeln!(out, "  {label:<11} {}", tally_line(tally));
    }
    if !report.sessions.is_empty() {
        let _ = writeln!(out, "\nSéminaires");
        for s in &report.sessions {
            for d in &s.days {
                let optional = if s.mandatory { "" } else { " (facultatif)" };
                let _ = writeln!(
                    out,
                    "  {} {}{optional} : {}",
                    s.title,
                    d.date.french(),
                    d.status.label().fr
                );
            }
        }
    }
    if !report.traceurs.is_empty() {
        let _ = writeln!(out, "\nDocuments traceurs");
        for t in report
            .traceurs
            .iter()
            .filter(|t| t.required || t.status != TraceurStatus::Missing)
        {
            let _ = writeln!(
                out,
                "  [{}] {} : {}",
                if t.met { "x" } else { " " },
                t.title,
                t.status.label().fr
            );
        }
    }
    let _ = writeln!(out, "\nMémoire : {}", report.memoire.status.label().fr);
    let _ = writeln!(out, "Soutenance : {}", report.soutenance.status.label().fr);
    if !report.unmet.is_empty() {
        let _ = writeln!(out, "\nCe qui reste à faire");
        for u in &report.unmet {
            let _ = writeln!(
                out,
                "  - {}{}",
                u.message.fr,
                if u.blocking { " (bloquant)" } else { "" }
            );
        }
    }
    if !report.ignored.is_empty() {
        let _ = writeln!(out, "\nEnregistrements non pris en compte");
        for i in &report.ignored {
            let _ = writeln!(out, "  - {} : {}", i.path, i.message.fr);
        }
    }
    printable(&out)
}

/// Text for a terminal: every control character but the line breaks the
/// report writes itself is shown as an escape (`\u{1b}`), so that a name or
/// an id from the input cannot clear the screen, retitle the window or ring
/// the bell.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn tally_line(t: &Tally) -> String {
    let excused = if t.excused_minutes.is_zero() {
        String::new()
    } else {
        format!(" + {} excusées", t.excused_minutes)
    };
    match t.required_minutes {
        Some(r) => format!(
            "{}{excused} sur {r}, reste {}",
            t.done_minutes, t.remaining_minutes
        ),
        None => format!("{}{excused} (pas d'exigence en heures)", t.done_minutes),
    }
}
