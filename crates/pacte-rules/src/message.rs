//! Texts people read: French first, English second.

use serde::{Deserialize, Serialize};

/// A text in French (the users' language) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Message {
    pub fr: String,
    pub en: String,
}

impl Message {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            fr: fr.into(),
            en: en.into(),
        }
    }
}
