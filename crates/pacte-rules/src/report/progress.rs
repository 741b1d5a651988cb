//! The full report, written from an evaluation: every message in French and
//! English, every JSON pointer, the titles of the programme.

use super::*;
use crate::evaluation::stage::{next_step, summary};
use crate::evaluation::Evaluation;
use crate::message::Wording;

impl Evaluation<'_> {
    pub fn report(self) -> ProgressReport {
        let unmet = self
            .unmet
            .iter()
            .map(|u| Unmet {
                condition: u.shortfall.code(),
                rule: u.rule.to_string(),
                blocking: u.blocking,
                due_date: u.due_date,
                message: u.shortfall.message(),
            })
            .collect();
        ProgressReport {
            learner_id: self.record.learner_id.clone(),
            display_name: self.record.display_name.clone(),
            programme: self.programme.summary(),
            engine: EngineStamp::current(),
            as_of: self.as_of,
            stage: self.stage,
            summary: summary(self.stage, self.overdue),
            next_step: next_step(self.stage, self.overdue),
            hours: self.hours,
            sessions: self.sessions,
            electives: self.electives,
            traceurs: self.traceurs,
            memoire: self.memoire,
            soutenance: self.soutenance,
            unmet,
            ignored: self
                .ignored
                .iter()
                .map(|(at, why)| Ignored::new(at.to_string(), *why))
                .collect(),
            advisories: self
                .advisories
                .iter()
                .map(|(at, caveat)| Advisory::new(at.to_string(), *caveat))
                .collect(),
        }
    }
}
