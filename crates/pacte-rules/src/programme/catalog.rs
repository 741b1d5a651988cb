//! Where definitions come from: the national programmes and source promotions
//! embedded in the engine, plus any regional definition given at run time.

use super::{resolve, structure, validate, Programme};
use crate::parse::{self, SCHEMA_KEY};
use crate::problem::{Problem, Refusal};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The embedded definitions (programmes/, minified by build.rs), in the
/// order `pacte programmes` lists them.
const EMBEDDED: [&str; 6] = [
    include_str!(concat!(env!("OUT_DIR"), "/programmes/msp-cds.json")),
    include_str!(concat!(env!("OUT_DIR"), "/programmes/cpts.json")),
    include_str!(concat!(env!("OUT_DIR"), "/programmes/socle-option.json")),
    include_str!(concat!(env!("OUT_DIR"), "/programmes/leader-msp.json")),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/programmes/hdf-leader-msp-2024.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/programmes/bretagne-cpts-2021.json"
    )),
];

/// A set of definitions by id, that definitions can `extend`.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    documents: BTreeMap<String, Value>,
    order: Vec<String>,
}

impl Catalog {
    /// The definitions shipped inside the engine.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            let mut catalog = Catalog::default();
            for text in EMBEDDED {
                // A broken embedded file is caught by the tests; here it is left out, never a panic.
                if let Ok(doc) = parse::json_value(text) {
                    catalog.insert(doc);
                }
            }
            catalog
        })
    }

    /// An embedded programme, resolved the first time it is asked for and
    /// kept: a page that loads one programme does not resolve the others
    /// (resolving all six was more than half of a cold start).
    pub fn embedded_programme(id: &str) -> Result<&'static Programme, Vec<Problem>> {
        static LOADED: [OnceLock<Result<Programme, Vec<Problem>>>; EMBEDDED.len()] =
            [const { OnceLock::new() }; EMBEDDED.len()];
        let catalog = Catalog::embedded();
        let loaded = catalog
            .ids()
            .position(|known| known == id)
            .and_then(|i| LOADED.get(i))
            .map(|slot| slot.get_or_init(|| catalog.load(id)));
        match loaded {
            Some(Ok(p)) => Ok(p),
            Some(Err(problems)) => Err(problems.clone()),
            None => Err(vec![unknown_programme(id)]),
        }
    }

    /// This catalog plus more definitions (a regional promotion that extends
    /// another regional definition brings both). A definition may not take
    /// the id and version of one already here with other content: a report
    /// names its rules by id and version, and must not silently mean others.
    pub fn with(
        &self,
        documents: impl IntoIterator<Item = Value>,
    ) -> Result<Catalog, Vec<Problem>> {
        let mut catalog = self.clone();
        let mut problems = Vec::new();
        for doc in documents {
            problems.extend(catalog.clash(&doc));
            catalog.insert(doc);
        }
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// The problem of a definition whose id and version are already taken by other content.
    fn clash(&self, doc: &Value) -> Option<Problem> {
        let id = doc.get("id")?.as_str()?;
        let version = doc.get("version")?.as_str()?;
        let known = self.documents.get(id)?;
        let content = |d: &Value| {
            let mut d = d.clone();
            if let Some(map) = d.as_object_mut() {
                map.remove(SCHEMA_KEY);
            }
            d
        };
        let same_version = known.get("version").and_then(Value::as_str) == Some(version);
        (same_version && content(known) != content(doc)).then(|| {
            let refusal = Refusal::ConflictingDefinition {
                id: id.to_string(),
                version: version.to_string(),
            };
            Problem::new("/version", refusal)
        })
    }

    fn insert(&mut self, doc: Value) {
        let Some(id) = doc.get("id").and_then(Value::as_str).map(str::to_string) else {
            return;
        };
        if self.documents.insert(id.clone(), doc).is_none() {
            self.order.push(id);
        }
    }

    /// Ids in catalog order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// Resolves and validates the definition `id` of this catalog.
    pub fn load(&self, id: &str) -> Result<Programme, Vec<Problem>> {
        let doc = self
            .documents
            .get(id)
            .ok_or_else(|| vec![unknown_programme(id)])?;
        self.load_document(doc)
    }

    /// Resolves and validates a definition, which may extend any definition of
    /// this catalog. Every problem found is returned, not only the first.
    pub fn load_document(&self, doc: &Value) -> Result<Programme, Vec<Problem>> {
        if let Some(clash) = self.clash(doc) {
            return Err(vec![clash]);
        }
        let mut problems = own_identity(doc);
        let (merged, lineage) = resolve::merge_chain(&self.documents, doc)?;
        let reading = match structure::read(merged) {
            Ok(reading) => reading,
            Err(found) => {
                problems.extend(found);
                return Err(problems);
            }
        };
        problems.extend(reading.problems.iter().cloned());
        for mut p in validate::validate(&reading.definition, &reading.set_aside_ids) {
            p.path = reading.original_path(&p.path);
            if !reading.echoes_a_set_aside(&p) {
                problems.push(p);
            }
        }
        if problems.is_empty() {
            Ok(Programme::new(reading.definition, lineage))
        } else {
            Err(problems)
        }
    }
}

/// A definition that extends another must still name itself: otherwise it
/// would silently take its parent's id and version.
fn own_identity(doc: &Value) -> Vec<Problem> {
    if doc.get("extends").is_none() {
        return Vec::new();
    }
    ["id", "version"]
        .into_iter()
        .filter(|field| !doc.get(*field).is_some_and(Value::is_string))
        .map(|field| {
            Problem::new(
                format!("/{field}"),
                Refusal::OwnFieldMissing {
                    field: field.to_string(),
                },
            )
        })
        .collect()
}

fn unknown_programme(id: &str) -> Problem {
    Problem::new("", Refusal::UnknownProgramme { id: id.to_string() })
}
