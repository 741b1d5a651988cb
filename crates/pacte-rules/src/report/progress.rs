//! The full report, written from an evaluation: every message in French and
//! English, every JSON pointer, the titles of the programme.

use super::*;
use crate::evaluation::stage::{next_step, summary};
use crate::evaluation::Evaluation;
use crate::message::Wording;

impl Evaluation<'_> {
    fn hours(&self) -> Hours {
        let modules = &self.programme.definition.modules;
        let h = &self.hours;
        Hours {
            presentiel: h.presentiel,
            elearning: h.elearning,
            equipe: h.equipe,
            total: h.total,
            by_module: h
                .by_module
                .iter()
                .map(|&(m, [p, e, q])| ModuleHours {
                    module: modules[m].id.clone(),
                    title: modules[m].title.clone(),
                    presentiel_minutes: p,
                    elearning_minutes: e,
                    equipe_minutes: q,
                })
                .collect(),
        }
    }

    fn sessions(&self) -> Vec<SessionReport> {
        let mut days = self.days.iter();
        let attendance = &self.record.attendance;
        let sessions = &self.programme.definition.sessions;
        sessions
            .iter()
            .map(|session| SessionReport {
                id: session.id.clone(),
                title: session.title.clone(),
                mandatory: session.mandatory,
                days: session
                    .days
                    .iter()
                    .zip(days.by_ref())
                    .map(|(day, lived)| {
                        let record = lived.record.map(|i| &attendance[i]);
                        DayReport {
                            date: day.date,
                            minutes: day.minutes,
                            status: lived.status,
                            justification: record
                                .and_then(|a| a.justification.clone())
                                .filter(|_| lived.status == DayStatus::Excused),
                            team_member_required: day.team_member_required,
                            team_member_present: record.and_then(|a| a.team_member_present),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    fn electives(&self) -> Vec<ElectiveReport> {
        let programme = self.programme;
        let title_of = |m: &str| programme.module(m).map_or("", |m| m.title.as_str());
        let groups = &programme.definition.elective_groups;
        groups
            .iter()
            .zip(&self.electives)
            .map(|(group, lived)| ElectiveReport {
                id: group.id.clone(),
                title: group.title.clone(),
                at_least: group.at_least,
                done_by: group.done_by,
                modules: group
                    .modules
                    .iter()
                    .zip(&lived.states)
                    .map(|(m, &state)| ElectiveModule {
                        module: m.clone(),
                        title: title_of(m).to_string(),
                        state,
                    })
                    .collect(),
                met: lived.met,
            })
            .collect()
    }

    fn traceurs(&self) -> Vec<TraceurReport> {
        let rules = &self.programme.definition.traceurs;
        rules
            .iter()
            .zip(&self.traceurs)
            .map(|(rule, lived)| TraceurReport {
                id: rule.id.clone(),
                title: rule.title.clone(),
                module: rule.module.clone(),
                required: lived.required,
                counts: rule.counts,
                status: lived.status,
                date: lived.date,
                due_date: lived.due_date,
                met: lived.met,
            })
            .collect()
    }

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
            hours: self.hours(),
            sessions: self.sessions(),
            electives: self.electives(),
            traceurs: self.traceurs(),
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
