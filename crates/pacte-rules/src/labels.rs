//! The engine's words for the values of its reports: a stage, a seminar day's
//! status, a traceur's, the mémoire's, the soutenance's, a modality. The pages
//! and the widget show these words rather than a second dictionary of their
//! own; they add only icons and colours. Each word is written in one `match`
//! per enum, so that a new value cannot be left without its words.
//!
//! Also the figures people read: a duration ([`Minutes`]'s own form) and a
//! date in French or English ([`format_date`]). Spaces stay ordinary spaces:
//! where a figure and its unit must not be parted at a line's end ("7 h",
//! "« … »") is the display's business (the pages put non-breaking spaces
//! there), not the JSON's, which portals store and compare byte for byte.

use crate::date::IsoDate;
use crate::message::Message;
use crate::programme::Modality;
use crate::report::{DayStatus, MemoireReportStatus, SoutenanceReportStatus, Stage, TraceurStatus};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A value with the words people read for it.
pub trait Label: Copy + Serialize + 'static {
    /// Every value, in the order the pages list them.
    const ALL: &'static [Self];
    fn label(self) -> Message;
}

fn words(fr: &str, en: &str) -> Message {
    Message::new(fr, en)
}

impl Label for Stage {
    /// From worst to best, as stages compare.
    const ALL: &'static [Stage] = &[
        Stage::Blocked,
        Stage::AtRisk,
        Stage::NotStarted,
        Stage::InProgress,
        Stage::ReadyToDefend,
        Stage::Complete,
    ];
    fn label(self) -> Message {
        match self {
            Stage::Blocked => words("Diplôme compromis", "Diploma compromised"),
            Stage::AtRisk => words("À surveiller", "At risk"),
            Stage::NotStarted => words("Pas commencé", "Not started"),
            Stage::InProgress => words("En cours", "In progress"),
            Stage::ReadyToDefend => words("Prêt pour la soutenance", "Ready to defend"),
            Stage::Complete => words("Conditions remplies", "Conditions met"),
        }
    }
}

impl Label for DayStatus {
    const ALL: &'static [DayStatus] = &[
        DayStatus::Present,
        DayStatus::Excused,
        DayStatus::UnjustifiedAbsence,
        DayStatus::NotRecorded,
        DayStatus::Upcoming,
    ];
    fn label(self) -> Message {
        match self {
            DayStatus::Present => words("présent·e", "present"),
            DayStatus::Excused => words(
                "absence justifiée (heures excusées)",
                "justified absence (hours excused)",
            ),
            DayStatus::UnjustifiedAbsence => words("absence non justifiée", "unjustified absence"),
            DayStatus::NotRecorded => words("non renseigné", "not recorded"),
            DayStatus::Upcoming => words("à venir", "upcoming"),
        }
    }
}

impl Label for TraceurStatus {
    const ALL: &'static [TraceurStatus] = &[
        TraceurStatus::Missing,
        TraceurStatus::Deposited,
        TraceurStatus::ToRevise,
        TraceurStatus::Validated,
    ];
    fn label(self) -> Message {
        match self {
            TraceurStatus::Missing => words("manquant", "missing"),
            TraceurStatus::Deposited => words(
                "déposé, en attente de vérification",
                "deposited, awaiting review",
            ),
            TraceurStatus::ToRevise => words("à reprendre", "to revise"),
            TraceurStatus::Validated => words("validé", "validated"),
        }
    }
}

impl Label for MemoireReportStatus {
    const ALL: &'static [MemoireReportStatus] = &[
        MemoireReportStatus::NotStarted,
        MemoireReportStatus::InProgress,
        MemoireReportStatus::Submitted,
    ];
    fn label(self) -> Message {
        match self {
            MemoireReportStatus::NotStarted => words("pas commencé", "not started"),
            MemoireReportStatus::InProgress => words("en cours de rédaction", "being written"),
            MemoireReportStatus::Submitted => words("déposé", "submitted"),
        }
    }
}

impl Label for SoutenanceReportStatus {
    const ALL: &'static [SoutenanceReportStatus] = &[
        SoutenanceReportStatus::NotScheduled,
        SoutenanceReportStatus::Scheduled,
        SoutenanceReportStatus::Passed,
        SoutenanceReportStatus::Failed,
    ];
    fn label(self) -> Message {
        match self {
            SoutenanceReportStatus::NotScheduled => {
                words("pas encore programmée", "not scheduled yet")
            }
            SoutenanceReportStatus::Scheduled => words("programmée", "scheduled"),
            SoutenanceReportStatus::Passed => words("réussie", "passed"),
            SoutenanceReportStatus::Failed => words("non validée", "failed"),
        }
    }
}

impl Label for Modality {
    const ALL: &'static [Modality] = &Modality::ALL;
    fn label(self) -> Message {
        match self {
            Modality::Presentiel => words("Présentiel", "In person"),
            Modality::Elearning => words("E-learning", "E-learning"),
            Modality::Equipe => words("En équipe", "Team work"),
        }
    }
}

/// The words of every value of one enum, written as a JSON object keyed by
/// the values as the reports write them: `{"atRisk": {"fr": …, "en": …}}`.
pub struct Words<T: Label>(std::marker::PhantomData<T>);

impl<T: Label> Default for Words<T> {
    fn default() -> Self {
        Words(std::marker::PhantomData)
    }
}

impl<T: Label> Serialize for Words<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(T::ALL.len()))?;
        for value in T::ALL {
            map.serialize_entry(value, &value.label())?;
        }
        map.end()
    }
}

/// Every value's words, one object per enum of the reports.
#[derive(Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Labels {
    #[cfg_attr(feature = "typescript", tsify(type = "Record<Stage, Message>"))]
    pub stages: Words<Stage>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<DayStatus, Message>"))]
    pub day_statuses: Words<DayStatus>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<TraceurStatus, Message>"))]
    pub traceur_statuses: Words<TraceurStatus>,
    #[cfg_attr(
        feature = "typescript",
        tsify(type = "Record<MemoireReportStatus, Message>")
    )]
    pub memoire_statuses: Words<MemoireReportStatus>,
    #[cfg_attr(
        feature = "typescript",
        tsify(type = "Record<SoutenanceReportStatus, Message>")
    )]
    pub soutenance_statuses: Words<SoutenanceReportStatus>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<Modality, Message>"))]
    pub modalities: Words<Modality>,
}

/// The languages the engine writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Fr,
    En,
}

impl Language {
    /// `fr` or `en`; anything else is no language the engine writes.
    pub fn parse(text: &str) -> Option<Language> {
        match text {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// "1er août 2024" / "1 August 2024": a date as people read it.
pub fn format_date(date: IsoDate, language: Language) -> String {
    match language {
        Language::Fr => date.french(),
        Language::En => date.english(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_its_words_keyed_as_the_report_writes_it() {
        let json = serde_json::to_value(Labels::default()).unwrap();
        assert_eq!(
            json["stages"]["atRisk"],
            serde_json::json!({"fr": "À surveiller", "en": "At risk"})
        );
        let keys: Vec<_> = json["stages"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        // serde_json's maps keep their keys sorted; the order of `ALL` is the wasm's (JSON.parse keeps it).
        assert_eq!(keys.len(), 6);
        for stage in Stage::ALL {
            let key = serde_json::to_value(stage).unwrap();
            assert!(json["stages"][key.as_str().unwrap()].is_object());
        }
    }

    #[test]
    fn each_enum_lists_every_value_once() {
        fn distinct<T: Label>() -> usize {
            let mut keys: Vec<_> = T::ALL
                .iter()
                .map(|v| serde_json::to_string(v).unwrap())
                .collect();
            keys.sort();
            keys.dedup();
            keys.len()
        }
        assert_eq!(distinct::<Stage>(), Stage::ALL.len());
        assert_eq!(distinct::<DayStatus>(), 5);
        assert_eq!(distinct::<TraceurStatus>(), 4);
        assert_eq!(distinct::<MemoireReportStatus>(), 3);
        assert_eq!(distinct::<SoutenanceReportStatus>(), 4);
        assert_eq!(distinct::<Modality>(), 3);
    }

    #[test]
    fn dates_in_either_language() {
        let date = IsoDate::parse("2024-08-01").unwrap();
        assert_eq!(format_date(date, Language::Fr), "1er août 2024");
        assert_eq!(format_date(date, Language::En), "1 August 2024");
        assert_eq!(Language::parse("de"), None);
    }
}
