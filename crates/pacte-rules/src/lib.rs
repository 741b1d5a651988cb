//! The rules of PACTE Soins primaires, as data and one engine.
//!
//! Read top-down, the crate tells the story of a learner's file:
//! a [`programme`] definition (rules as data, national or regional) →
//! the [`learner`]'s records → their [`evaluation`] against the programme →
//! the [`report`] a person reads. Beside it, the [`candidature`] check for
//! selection committees. [`api`] is the one surface of calls and answers
//! that the command-line tool and the WebAssembly binding both speak.

pub mod date;
pub mod labels;
pub mod message;
pub mod minutes;
pub mod parse;
pub mod problem;
mod sorting;

pub mod programme;

pub mod import;
pub mod learner;

pub mod evaluation;

pub mod report;

pub mod candidature;

pub mod api;
pub mod json_text;

#[cfg(feature = "schema")]
pub mod schema;

/// The version of this engine, named by every report.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
