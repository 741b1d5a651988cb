//! The JSON Schemas (draft 2020-12) of the four documents people write, made
//! from the types that read them, so that an editor completes and checks a
//! document as it is typed. `pacte schemas DIR` writes them; the copies
//! committed in schemas/ are compared with these by a test.

use crate::candidature::CandidatureFile;
use crate::import::Mapping;
use crate::learner::LearnerRecord;
use crate::parse::SCHEMA_KEY;
use crate::programme::ProgrammeDefinition;
use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, RestrictFormats};
use schemars::JsonSchema;
use schemars::Schema;
use serde_json::{json, Map, Value};

/// A document format with a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Programme,
    Learner,
    Candidature,
    Mapping,
}

impl Document {
    pub const ALL: [Document; 4] = [
        Document::Programme,
        Document::Learner,
        Document::Candidature,
        Document::Mapping,
    ];

    /// The schema's file: `programme.schema.json`, …
    pub fn file_name(self) -> String {
        let name = match self {
            Document::Programme => "programme",
            Document::Learner => "learner",
            Document::Candidature => "candidature",
            Document::Mapping => "mapping",
        };
        format!("{name}.schema.json")
    }

    fn title(self) -> &'static str {
        match self {
            Document::Programme => "PACTE programme definition",
            Document::Learner => "PACTE learner records",
            Document::Candidature => "PACTE candidature file",
            Document::Mapping => "PACTE import mapping",
        }
    }

    pub fn schema(self) -> Value {
        let mut schema = match self {
            Document::Programme => programme(),
            Document::Learner => root::<LearnerRecord>(),
            Document::Candidature => root::<CandidatureFile>(),
            Document::Mapping => root::<Mapping>(),
        };
        let id = format!(
            "{}/schemas/{}",
            env!("CARGO_PKG_REPOSITORY"),
            self.file_name()
        );
        let top = object(&mut schema);
        top.insert("$id".into(), id.into());
        top.insert("title".into(), self.title().into());
        schema
    }
}

/// The schema of `T`, which names its own schema with `$schema` as readers allow.
fn root<T: JsonSchema>() -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        // Only standard formats: strict validators (ajv) refuse schemars' `uint32`.
        .with_transform(RestrictFormats::default())
        .with_transform(RecursiveTransform(unwrap_description))
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    allow_schema_key(&mut schema);
    schema
}

/// Doc comments are wrapped at 80 columns; an editor's tooltip wraps by itself.
fn unwrap_description(schema: &mut Schema) {
    if let Some(Value::String(text)) = schema.get_mut("description") {
        *text = text
            .split("\n\n")
            .map(|paragraph| paragraph.split('\n').collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
    }
}

fn allow_schema_key(schema: &mut Value) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.insert(
            SCHEMA_KEY.into(),
            json!({
                "description": "The JSON Schema of this document, for editors; the engine reads past it.",
                "type": "string"
            }),
        );
    }
}

/// A definition that `extends` another is a merge patch over it (RFC 7396):
/// any field may be left to the parent, objects merge key by key, lists are
/// replaced whole, and `null` removes a field. So the schema has two shapes,
/// chosen by the presence of `extends`: the whole definition, or its patch.
fn programme() -> Value {
    let mut whole = root::<ProgrammeDefinition>();
    let top = object(&mut whole);
    let mut defs = match top.remove("$defs") {
        Some(Value::Object(defs)) => defs,
        _ => Map::new(),
    };
    let meta = top.remove("$schema");
    let description = top.get("description").cloned();
    top.remove("title");
    let extends = whole["properties"]["extends"].clone();
    defs.insert("ProgrammeDefinition".into(), whole);
    add_patches(&mut defs);
    let patch = &mut defs["ProgrammeDefinitionPatch"];
    // The patch still names itself, and what it extends.
    patch["required"] = json!(["id", "version", "extends"]);
    patch["properties"]["extends"] = extends;
    json!({
        "$schema": meta,
        "description": description,
        "if": { "required": ["extends"] },
        "then": { "$ref": "#/$defs/ProgrammeDefinitionPatch" },
        "else": { "$ref": "#/$defs/ProgrammeDefinition" },
        "$defs": defs,
    })
}

/// Adds `XPatch` beside each object schema `X`: nothing required, its object
/// fields patches in turn, and its optional fields removable with `null`. A
/// required field is not removable: the merged definition would lack it.
fn add_patches(defs: &mut Map<String, Value>) {
    let objects: Vec<String> = defs
        .iter()
        .filter(|(_, schema)| schema.get("properties").is_some())
        .map(|(name, _)| name.clone())
        .collect();
    let patch_of = |reference: &str| {
        let name = reference.strip_prefix("#/$defs/")?;
        objects
            .iter()
            .any(|o| o == name)
            .then(|| format!("#/$defs/{name}Patch"))
    };
    for name in &objects {
        let mut patch = defs[name].clone();
        let required = object(&mut patch).remove("required");
        let is_required = |key: &str| {
            required
                .as_ref()
                .and_then(Value::as_array)
                .is_some_and(|r| r.iter().any(|k| k == key))
        };
        if let Some(Value::Object(properties)) = patch.get_mut("properties") {
            for (key, property) in properties.iter_mut() {
                let alternatives = match property.get_mut("anyOf") {
                    Some(Value::Array(alternatives)) => alternatives.iter_mut().collect(),
                    _ => vec![&mut *property],
                };
                for alternative in alternatives {
                    let target = alternative
                        .get("$ref")
                        .and_then(Value::as_str)
                        .and_then(patch_of);
                    if let Some(target) = target {
                        alternative["$ref"] = target.into();
                    }
                }
                if !is_required(key) && key != SCHEMA_KEY {
                    removable(property);
                }
            }
        }
        defs.insert(format!("{name}Patch"), patch);
    }
}

/// `property`, or `null`; its description stays on top, where editors show it.
fn removable(property: &mut Value) {
    let allows_null = |schema: &Value| match schema.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => false,
    };
    let nullable = allows_null(property)
        || property
            .get("anyOf")
            .and_then(Value::as_array)
            .is_some_and(|alternatives| alternatives.iter().any(allows_null));
    if nullable {
        return;
    }
    let description = object(property).remove("description");
    let mut wrapped = json!({ "anyOf": [property.take(), { "type": "null" }] });
    if let Some(description) = description {
        object(&mut wrapped).insert("description".into(), description);
    }
    *property = wrapped;
}

/// Every schema handled here is an object (schemars writes no `true`/`false` schema for these types).
fn object(schema: &mut Value) -> &mut Map<String, Value> {
    schema.as_object_mut().expect("an object schema")
}
