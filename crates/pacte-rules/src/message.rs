//! Texts people read: French first, English second; and the notice that
//! carries one about a place of an input: a stable code a caller switches on,
//! the JSON path of the place, and the message. A refused input
//! ([`Problem`](crate::problem::Problem)), a record set aside
//! ([`Ignored`](crate::report::Ignored)) and a remark on a candidature
//! ([`Finding`](crate::candidature::Finding)) are all notices.
//!
//! `Notice` lives here rather than in a module of its own: being generic, it
//! has no code of its own, and wasm-bindgen keeps a type's TypeScript only
//! from an object file something links to.

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

/// One notice, located by a JSON Pointer (RFC 6901) such as
/// `/sessions/2/days/1/date`; the empty path is the whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Notice<C> {
    pub code: C,
    pub path: String,
    pub message: Message,
}

/// A code with the data its message needs. Each code type has one such
/// enum beside it, whose `message` is the one place its words are written:
/// call sites build the typed value and never write words.
pub trait Wording {
    type Code;
    fn code(&self) -> Self::Code;
    fn message(&self) -> Message;
}

impl<C> Notice<C> {
    pub fn new(path: impl Into<String>, what: impl Wording<Code = C>) -> Notice<C> {
        Notice {
            code: what.code(),
            path: path.into(),
            message: what.message(),
        }
    }

    /// Prefixes the path, for a notice found inside a nested document
    /// (a learner of a promotion, a definition in a chain of `extends`).
    pub fn under(mut self, prefix: &str) -> Notice<C> {
        self.path = format!("{prefix}{}", self.path);
        self
    }
}
