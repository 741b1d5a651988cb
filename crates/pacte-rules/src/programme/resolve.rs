//! `extends`: a definition is a JSON Merge Patch (RFC 7396) over its parent.

use crate::problem::{Problem, Refusal};
use serde_json::Value;
use std::collections::BTreeMap;

/// The document merged over every ancestor, and the lineage (self first).
pub(super) fn merge_chain(
    documents: &BTreeMap<String, Value>,
    leaf: &Value,
) -> Result<(Value, Vec<String>), Vec<Problem>> {
    let id_of = |doc: &Value| {
        doc.get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if !leaf.is_object() {
        return Err(vec![Problem::new("", Refusal::DefinitionNotAnObject)]);
    }
    let mut chain = vec![leaf];
    let mut lineage = vec![id_of(leaf)];
    while let Some(parent) = chain.last().and_then(|d| d.get("extends")) {
        let Some(parent) = parent.as_str() else {
            return Err(vec![Problem::new("/extends", Refusal::ExtendsNotAnId)]);
        };
        if lineage.iter().any(|l| l == parent) {
            lineage.push(parent.to_string());
            return Err(vec![Problem::new(
                "/extends",
                Refusal::ExtendsCycle { lineage },
            )]);
        }
        let Some(doc) = documents.get(parent) else {
            return Err(vec![Problem::new(
                "/extends",
                Refusal::UnknownParent {
                    parent: parent.to_string(),
                },
            )]);
        };
        chain.push(doc);
        lineage.push(parent.to_string());
    }
    // Sources and defaults add up along the chain: a promotion keeps the notes of
    // the programme it extends. Everything else is overridden (RFC 7396).
    let sources = accumulated(&chain, "sources", |source| source);
    let defaults = accumulated(&chain, "defaults", |default| {
        default.get("path").unwrap_or(default)
    });
    let mut merged = chain.pop().cloned().unwrap_or(Value::Null);
    while let Some(child) = chain.pop() {
        merge_patch(&mut merged, child);
    }
    if let Some(doc) = merged.as_object_mut() {
        for (key, list) in [("sources", sources), ("defaults", defaults)] {
            // A value that is not a list is left for the typed reading to
            // refuse at its path, not replaced by the lists around it.
            let a_list = doc.get(key).is_none_or(Value::is_array);
            if a_list && !list.is_empty() {
                doc.insert(key.to_string(), Value::Array(list));
            }
        }
    }
    Ok((merged, lineage))
}

/// RFC 7396 JSON Merge Patch: objects merge key by key, `null` removes a
/// key, anything else (lists included) replaces the target whole. Written
/// here rather than taken from a crate: it is the whole algorithm, and the
/// crate weighed kilobytes in the wasm build.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(target) = target {
        for (key, value) in patch {
            if value.is_null() {
                target.remove(key);
            } else {
                merge_patch(target.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The entries of `key` along the chain, oldest ancestor first. An entry met
/// again (same `identity`) is listed once, in its first place, with the
/// nearest document's words: a promotion restating a default note about the same
/// path replaces its parent's note rather than adding a second one.
fn accumulated(chain: &[&Value], key: &str, identity: impl Fn(&Value) -> &Value) -> Vec<Value> {
    let mut entries: Vec<Value> = Vec::new();
    for entry in chain
        .iter()
        .rev()
        .filter_map(|d| d.get(key).and_then(Value::as_array))
        .flatten()
    {
        match entries
            .iter_mut()
            .find(|known| identity(known) == identity(entry))
        {
            Some(known) => *known = entry.clone(),
            None => entries.push(entry.clone()),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::merge_patch;
    use serde_json::json;

    #[test]
    fn merge_patch_follows_the_examples_of_rfc_7396() {
        let cases = [
            (json!({"a": "b"}), json!({"a": "c"}), json!({"a": "c"})),
            (
                json!({"a": "b"}),
                json!({"b": "c"}),
                json!({"a": "b", "b": "c"}),
            ),
            (json!({"a": "b"}), json!({"a": null}), json!({})),
            (json!({"a": ["b"]}), json!({"a": "c"}), json!({"a": "c"})),
            (
                json!({"a": [{"b": "c"}]}),
                json!({"a": [1]}),
                json!({"a": [1]}),
            ),
            (json!(["a", "b"]), json!(["c", "d"]), json!(["c", "d"])),
            (json!({"a": "foo"}), json!(null), json!(null)),
            (
                json!({"e": null}),
                json!({"a": 1}),
                json!({"e": null, "a": 1}),
            ),
            (
                json!([1, 2]),
                json!({"a": "b", "c": null}),
                json!({"a": "b"}),
            ),
            (
                json!({}),
                json!({"a": {"bb": {"ccc": null}}}),
                json!({"a": {"bb": {}}}),
            ),
        ];
        for (mut target, patch, expected) in cases {
            merge_patch(&mut target, &patch);
            assert_eq!(target, expected, "patch {patch}");
        }
    }
}
