//! Programme definitions: the rules as data. A definition is read
//! ([`structure`]), merged over the one it `extends` ([`resolve`]), checked
//! ([`validate`]) and indexed into a [`Programme`] ready for evaluation.
//! National programmes and the promotions of the sources are embedded ([`catalog`]).

pub mod catalog;
pub mod definition;
mod index;
mod resolve;
mod structure;
mod validate;

pub use catalog::Catalog;
pub use definition::*;

use crate::minutes::Minutes;
use index::IdIndex;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// What names a resolved programme: in the catalogue, in every report (a
/// jury decision names the exact rules), and in a checked definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProgrammeSummary {
    pub id: String,
    pub version: String,
    pub title: String,
    pub mention: Mention,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// `sha256:` digest of the resolved definition.
    pub hash: String,
    /// This programme, then each one it extends.
    pub lineage: Vec<String>,
}

/// A programme resolved and checked: what names it, and its full definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProgrammeDetails {
    #[serde(flatten)]
    pub summary: ProgrammeSummary,
    pub definition: ProgrammeDefinition,
}

/// A resolved, validated programme: what learners are evaluated against.
#[derive(Debug, Clone)]
pub struct Programme {
    /// The definition with every `extends` merged in, and the in-person
    /// requirement derived from the calendar when the definition leaves it out.
    pub definition: ProgrammeDefinition,
    /// This programme's id, then the id of each definition it extends.
    pub lineage: Vec<String>,
    /// `sha256:` and the hex digest of the resolved definition's JSON: a jury
    /// decision can be traced to the exact rules.
    pub hash: String,
    sessions: IdIndex,
    traceurs: IdIndex,
    modules: IdIndex,
}

impl Programme {
    fn new(mut definition: ProgrammeDefinition, lineage: Vec<String>) -> Programme {
        if definition.required_minutes.presentiel.is_none() && !definition.sessions.is_empty() {
            definition.required_minutes.presentiel = Some(mandatory_calendar_minutes(&definition));
        }
        let json = crate::json_text::to_json(&definition).unwrap_or_default();
        let hash = format!("sha256:{}", hex(&Sha256::digest(&json)));
        Programme {
            sessions: IdIndex::new(definition.sessions.iter().map(|s| s.id.as_str())),
            traceurs: IdIndex::new(definition.traceurs.iter().map(|t| t.id.as_str())),
            modules: IdIndex::new(definition.modules.iter().map(|m| m.id.as_str())),
            definition,
            lineage,
            hash,
        }
    }

    pub fn id(&self) -> &str {
        &self.definition.id
    }

    pub fn summary(&self) -> ProgrammeSummary {
        let d = &self.definition;
        ProgrammeSummary {
            id: d.id.clone(),
            version: d.version.clone(),
            title: d.title.clone(),
            mention: d.mention,
            extends: d.extends.clone(),
            hash: self.hash.clone(),
            lineage: self.lineage.clone(),
        }
    }

    pub fn details(&self) -> ProgrammeDetails {
        ProgrammeDetails {
            summary: self.summary(),
            definition: self.definition.clone(),
        }
    }

    /// Position of a session in `definition.sessions`.
    pub fn session_index(&self, id: &str) -> Option<usize> {
        self.sessions.get(id)
    }

    /// Position of a traceur in `definition.traceurs`.
    pub fn traceur_index(&self, id: &str) -> Option<usize> {
        self.traceurs.get(id)
    }

    /// Position of a module in `definition.modules`.
    pub fn module_index(&self, id: &str) -> Option<usize> {
        self.modules.get(id)
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.get(id).map(|i| &self.definition.modules[i])
    }

    /// True when `id` is this programme or one it extends: a learner enrolled
    /// in `msp-cds` is evaluated against a regional promotion of it.
    pub fn is_or_extends(&self, id: &str) -> bool {
        self.lineage.iter().any(|l| l == id)
    }

    /// The date by which the diploma conditions are due: the soutenance, or
    /// failing a date for it, the end of the promotion.
    pub fn final_due_date(&self) -> Option<crate::date::IsoDate> {
        let d = &self.definition;
        d.soutenance
            .date
            .or(d.promotion.as_ref().map(|c| c.end_date))
    }

    /// The first day a learner's record counts from: `counting.recordsFrom`,
    /// or failing it the start of the promotion.
    pub fn records_from(&self) -> Option<crate::date::IsoDate> {
        let d = &self.definition;
        d.counting
            .records_from
            .or(d.promotion.as_ref().map(|c| c.start_date))
    }

    /// Modules that belong to an elective group (all others are mandatory).
    pub fn is_elective(&self, module: &str) -> bool {
        self.definition
            .elective_groups
            .iter()
            .any(|g| g.modules.iter().any(|m| m == module))
    }
}

/// The in-person time the mandatory seminar days supply.
fn mandatory_calendar_minutes(definition: &ProgrammeDefinition) -> Minutes {
    definition
        .sessions
        .iter()
        .filter(|s| s.mandatory)
        .flat_map(|s| s.days.iter().map(|d| d.minutes))
        .sum()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
