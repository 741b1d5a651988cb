//! Reading a merged definition into its typed form while collecting every
//! structural problem, not only the first: serde stops at the first error, so
//! the list element holding it is set aside and the reading starts again.
//! Paths of later problems are mapped back to the document as written.

use super::definition::ProgrammeDefinition;
use crate::parse;
use crate::problem::{Problem, ProblemCode};
use serde_json::Value;

/// Enough passes for any real file; a document worse than that is reported
/// with the problems found so far.
const MAX_PASSES: usize = 64;

pub(super) struct Reading {
    pub definition: ProgrammeDefinition,
    pub problems: Vec<Problem>,
    /// Ids of list elements set aside: references to them are not reported again.
    pub set_aside_ids: Vec<String>,
    removals: Vec<(String, usize)>,
}

impl Reading {
    /// Maps a path in the reduced document back to the document as written.
    pub fn original_path(&self, path: &str) -> String {
        restore(path, &self.removals)
    }

    /// True for a problem (its path already restored) that would only echo
    /// one reported while reading: a check of a list an element was set aside
    /// from (a session left without days), or the calendar's supply of hours
    /// once a session or a day of one was set aside.
    pub fn echoes_a_set_aside(&self, problem: &Problem) -> bool {
        self.removals
            .iter()
            .map(|(list, _)| restore(list, &self.removals))
            .any(|list| {
                let calendar = list == "/sessions"
                    || (list.starts_with("/sessions/") && list.ends_with("/days"));
                list == problem.path
                    || (calendar && problem.code == ProblemCode::CalendarShortOfPresentiel)
            })
    }
}

pub(super) fn read(mut doc: Value) -> Result<Reading, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut removals: Vec<(String, usize)> = Vec::new();
    let mut set_aside_ids = Vec::new();
    for _ in 0..MAX_PASSES {
        match parse::from_value_raw::<ProgrammeDefinition>(&doc) {
            Ok(parsed) => {
                for path in parsed.unknown_fields {
                    push_unique(
                        &mut problems,
                        parse::unknown_field_problem(&restore(&path, &removals)),
                    );
                }
                return Ok(Reading {
                    definition: parsed.value,
                    problems,
                    set_aside_ids,
                    removals,
                });
            }
            Err((path, detail)) => {
                // Worded with the path as written: the message names it too.
                problems.push(parse::shape_problem(&restore(&path, &removals), &detail));
                let Some((list, index)) = innermost_element(&doc, &path) else {
                    return Err(problems);
                };
                let Some(Value::Array(items)) = doc.pointer_mut(&list) else {
                    return Err(problems);
                };
                let removed = items.remove(index);
                if let Some(id) = removed.get("id").and_then(Value::as_str) {
                    set_aside_ids.push(id.to_string());
                }
                removals.push((list, index));
            }
        }
    }
    Err(problems)
}

fn push_unique(problems: &mut Vec<Problem>, p: Problem) {
    if !problems.contains(&p) {
        problems.push(p);
    }
}

/// The deepest list element on `path`: the list's pointer and the index.
fn innermost_element(doc: &Value, path: &str) -> Option<(String, usize)> {
    let mut node = doc;
    let mut prefix = String::new();
    let mut found = None;
    for raw in path.split('/').skip(1) {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        match node {
            Value::Array(items) => {
                let index: usize = segment.parse().ok()?;
                found = Some((prefix.clone(), index));
                node = items.get(index)?;
            }
            Value::Object(map) => match map.get(&segment) {
                Some(next) => node = next,
                None => break,
            },
            _ => break,
        }
        prefix.push('/');
        prefix.push_str(raw);
    }
    found
}

/// Undoes the index shifts of the removals, newest first.
fn restore(path: &str, removals: &[(String, usize)]) -> String {
    let mut path = path.to_string();
    for (list, removed) in removals.iter().rev() {
        let Some(rest) = path
            .strip_prefix(list.as_str())
            .and_then(|r| r.strip_prefix('/'))
        else {
            continue;
        };
        let (head, tail) = rest.split_once('/').map_or((rest, ""), |(h, t)| (h, t));
        if let Ok(i) = head.parse::<usize>() {
            if i >= *removed {
                let tail = if tail.is_empty() {
                    String::new()
                } else {
                    format!("/{tail}")
                };
                path = format!("{list}/{}{tail}", i + 1);
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_indices_shifted_by_removals() {
        let removals = vec![
            ("/sessions".to_string(), 1),
            ("/sessions/2/days".to_string(), 0),
        ];
        assert_eq!(
            restore("/sessions/2/days/0/date", &removals),
            "/sessions/3/days/1/date"
        );
        assert_eq!(restore("/sessions/0/id", &removals), "/sessions/0/id");
        assert_eq!(restore("/traceurs/4", &removals), "/traceurs/4");
    }
}
