//! xAPI statements, as an LRS returns them: an array, a StatementResult
//! (`{ "statements": [ … ], "more": "" }`, a non-empty `more` reported as
//! the statements behind it are not read) or one statement.
//!
//! Verbs used: ADL `attended` and `completed` (done; `result.success` true
//! is a pass, which validates a traceur) and cmi5 `waived` (a justified
//! absence from a seminar, with the cmi5 `reason` context extension; nothing
//! counted for an activity or traceur). Any other verb is reported and set
//! aside. `result.duration` (ISO 8601) is the time spent; the statement's
//! `timestamp` (else `stored`) its date. A statement `id` seen twice counts once.

use super::diagnostic::Origin;
use super::evidence::{Evidence, Outcome, Who};
use super::importer::Importer;
use super::mapping::Table;
use super::platform;
use super::wording::Defect;
use crate::problem::{Problem, Refusal};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

const ATTENDED: &str = "http://adlnet.gov/expapi/verbs/attended";
const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const WAIVED: &str = "https://w3id.org/xapi/adl/verbs/waived";
const REASON: &str = "https://w3id.org/xapi/cmi5/context/extensions/reason";
const WAIVED_BY_PLATFORM: &str = "Dispensé (cmi5)";

#[derive(Deserialize)]
struct Statement {
    #[serde(default)]
    id: Option<String>,
    actor: Actor,
    verb: Id,
    object: Id,
    #[serde(default)]
    result: Option<StatementResult>,
    #[serde(default)]
    context: Option<Context>,
    #[serde(default)]
    timestamp: Option<String>,
    #[serde(default)]
    stored: Option<String>,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

/// An Agent, identified by exactly one of its inverse functional identifiers.
#[derive(Deserialize)]
struct Actor {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    mbox: Option<String>,
    #[serde(default)]
    mbox_sha1sum: Option<String>,
    #[serde(default)]
    openid: Option<String>,
    #[serde(default)]
    account: Option<Account>,
}

#[derive(Deserialize)]
struct Account {
    name: String,
}

#[derive(Deserialize)]
struct StatementResult {
    #[serde(default)]
    success: Option<bool>,
    #[serde(default)]
    duration: Option<String>,
}

#[derive(Deserialize)]
struct Context {
    #[serde(default)]
    extensions: BTreeMap<String, Value>,
}

pub(super) fn read(cx: &mut Importer, input: &Value) -> Result<(), Problem> {
    let (list, path) = match input {
        Value::Array(_) => (input, ""),
        Value::Object(o) if o.contains_key("statements") => (&o["statements"], "/statements"),
        Value::Object(o) if o.contains_key("verb") => {
            statement(cx, input, String::new());
            return Ok(());
        }
        _ => return Err(Problem::new("", Refusal::NotXapiStatements)),
    };
    let Value::Array(statements) = list else {
        return Err(Problem::new(path, Refusal::StatementsNotAList));
    };
    for (i, doc) in statements.iter().enumerate() {
        statement(cx, doc, format!("{path}/{i}"));
    }
    if let Some(more) = input
        .get("more")
        .and_then(Value::as_str)
        .filter(|m| !m.is_empty())
    {
        // A StatementResult is one page: the statements of the next ones are not read.
        cx.diagnose(
            &Origin::Path("/more".to_string()),
            None,
            Defect::PartialAnswer { more },
        );
    }
    Ok(())
}

fn statement(cx: &mut Importer, doc: &Value, path: String) {
    let Some(s) = platform::item::<Statement>(cx, doc, &path) else {
        return;
    };
    let origin = Origin::Path(path);
    let Some(key) = s
        .actor
        .account
        .map(|a| a.name)
        .or(s.actor.mbox)
        .or(s.actor.mbox_sha1sum)
        .or(s.actor.openid)
    else {
        return cx.diagnose(&origin, None, Defect::ActorWithoutId);
    };
    let result = s.result.unwrap_or(StatementResult {
        success: None,
        duration: None,
    });
    let repeats = s.verb.id == ATTENDED;
    let outcome = match s.verb.id.as_str() {
        ATTENDED | COMPLETED => Outcome::Done {
            passed: result.success == Some(true),
        },
        WAIVED => {
            let reason = s.context.and_then(|c| c.extensions.get(REASON).cloned());
            let reason = match reason {
                Some(Value::String(text)) if !text.trim().is_empty() => text,
                Some(other) if !other.is_null() => other.to_string(),
                _ => WAIVED_BY_PLATFORM.to_string(),
            };
            Outcome::Waived { reason }
        }
        verb => Outcome::SetAside(Defect::VerbNotUsed { verb }.into()),
    };
    let date = platform::iso_date(cx, s.timestamp.as_deref().or(s.stored.as_deref()));
    cx.take(Evidence {
        origin,
        who: Who {
            key,
            display_name: s.actor.name,
        },
        item_id: s.id,
        table: Table::XapiActivities,
        platform_id: s.object.id,
        outcome,
        date,
        minutes: result.duration.as_deref().map(platform::iso_minutes),
        overridden_by: None,
        repeats,
    });
}
