//! A learner's records in packed form: the compact bytes a JS caller writes
//! in one pass over its objects, read here without JSON text on either side
//! (no `JSON.stringify` in JS, no JSON reader in wasm).
//!
//! The form is a generic tree of JSON values, each a tag byte then its
//! content, numbers and lengths little-endian:
//!
//! | tag | value | content |
//! |---|---|---|
//! | 0 | `null` | |
//! | 1, 2 | `false`, `true` | |
//! | 3 | a number | its `f64`, 8 bytes |
//! | 4 | a string | its UTF-8 length (`u32`), then the bytes |
//! | 5 | an array | its length (`u32`), then each value |
//! | 6 | an object | its member count (`u32`), then each key (as a string's content) and value |
//!
//! [`read`] takes only records it reads exactly as the JSON reader
//! ([`crate::parse::from_json`]) would read their JSON text, with no field
//! unknown: anything else (an unknown field, a value of the wrong type, a date
//! that is not one, a number that is not whole minutes) is `None`, and the
//! caller reads the records' JSON text instead, whose answer (an `ignored`
//! field, a refusal with its path and words) is the reference. So the packed
//! form is a faster road to the same answers, never a second set of rules.
//! (A key twice, which `JSON.stringify` never writes, is read as its last.)

use super::*;
use serde::de::value::{BorrowedStrDeserializer, Error as ValueError};
use serde::de::DeserializeOwned;
use serde_json::Value;

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const NUMBER: u8 = 3;
const STRING: u8 = 4;
const ARRAY: u8 = 5;
const OBJECT: u8 = 6;

/// The records packed in `bytes`, if they are a learner's records the
/// JSON reader would take whole (see the module's doc).
pub fn read(bytes: &[u8]) -> Option<LearnerRecord> {
    let mut reader = Reader { bytes, at: 0 };
    let record = reader.record()?;
    (reader.at == bytes.len()).then_some(record)
}

/// Packs a JSON value: the form the package's JS writer gives the same value.
/// Used natively to test the reader against the JSON one, and to seed its
/// fuzzing.
pub fn write(value: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_value(&mut bytes, value);
    bytes
}

fn write_value(out: &mut Vec<u8>, value: &Value) {
    let length = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    match value {
        Value::Null => out.push(NULL),
        Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Value::Number(n) => {
            out.push(NUMBER);
            out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
        }
        Value::String(s) => {
            out.push(STRING);
            length(out, s.len());
            out.extend_from_slice(s.as_bytes());
        }
        Value::Array(items) => {
            out.push(ARRAY);
            length(out, items.len());
            items.iter().for_each(|item| write_value(out, item));
        }
        Value::Object(members) => {
            out.push(OBJECT);
            length(out, members.len());
            for (key, value) in members {
                length(out, key.len());
                out.extend_from_slice(key.as_bytes());
                write_value(out, value);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    fn tag(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn length(&mut self) -> Option<usize> {
        let bytes = self.take(4)?.try_into().ok()?;
        Some(u32::from_le_bytes(bytes) as usize)
    }

    /// A string's content (the tag read before it).
    fn text(&mut self) -> Option<&'a str> {
        let n = self.length()?;
        let bytes = self.take(n)?;
        // Most texts are ASCII: checked a word at a time, not a character.
        if bytes.is_ascii() {
            // SAFETY: ASCII is UTF-8.
            Some(unsafe { std::str::from_utf8_unchecked(bytes) })
        } else {
            std::str::from_utf8(bytes).ok()
        }
    }

    fn string(&mut self) -> Option<String> {
        (self.tag()? == STRING).then_some(())?;
        self.text().map(str::to_string)
    }

    /// An optional field: `null` is its absence, as for the JSON reader.
    fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.bytes.get(self.at) == Some(&NULL) {
            self.at += 1;
            return Some(None);
        }
        read(self).map(Some)
    }

    /// A value of one of the records' enums, by its JSON name.
    fn variant<T: DeserializeOwned>(&mut self) -> Option<T> {
        (self.tag()? == STRING).then_some(())?;
        let name = self.text()?;
        T::deserialize(BorrowedStrDeserializer::<ValueError>::new(name)).ok()
    }

    fn date(&mut self) -> Option<IsoDate> {
        (self.tag()? == STRING).then_some(())?;
        IsoDate::parse(self.text()?)
    }

    fn minutes(&mut self) -> Option<Minutes> {
        (self.tag()? == NUMBER).then_some(())?;
        let n = f64::from_le_bytes(self.take(8)?.try_into().ok()?);
        let whole = n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n);
        whole.then_some(Minutes(n as u32))
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.tag()? {
            FALSE => Some(false),
            TRUE => Some(true),
            _ => None,
        }
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        (self.tag()? == ARRAY).then_some(())?;
        let n = self.length()?;
        // Each item takes a byte at least: a length beyond the bytes left is
        // a lie, not a reason to reserve gigabytes.
        let mut items = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            items.push(item(self)?);
        }
        Some(items)
    }

    /// An object's members, each key given to `field`, which reads its value
    /// (`None` for a key it does not know). Keys are matched as bytes: one
    /// that is not UTF-8 is no key `field` knows.
    fn object(&mut self, mut field: impl FnMut(&mut Self, &[u8]) -> Option<()>) -> Option<()> {
        (self.tag()? == OBJECT).then_some(())?;
        for _ in 0..self.length()? {
            let n = self.length()?;
            let key = self.take(n)?;
            field(self, key)?;
        }
        Some(())
    }

    fn record(&mut self) -> Option<LearnerRecord> {
        let mut learner_id = None;
        let mut record = LearnerRecord::default();
        self.object(|r, key| {
            match key {
                b"learnerId" => learner_id = Some(r.string()?),
                b"displayName" => record.display_name = r.optional(Self::string)?,
                b"programme" => record.programme = r.optional(Self::string)?,
                b"structureType" => record.structure_type = r.optional(Self::variant)?,
                b"attendance" => record.attendance = r.list(Self::attendance)?,
                b"activities" => record.activities = r.list(Self::activity)?,
                b"chosenModules" => record.chosen_modules = r.list(Self::string)?,
                b"traceurs" => record.traceurs = r.list(Self::traceur)?,
                b"memoire" => record.memoire = r.optional(Self::memoire)?,
                b"soutenance" => record.soutenance = r.optional(Self::soutenance)?,
                _ => return None,
            }
            Some(())
        })?;
        record.learner_id = learner_id?;
        Some(record)
    }

    fn attendance(&mut self) -> Option<Attendance> {
        let (mut session, mut date, mut status) = (None, None, None);
        let (mut justification, mut team_member_present) = (None, None);
        self.object(|r, key| {
            match key {
                b"session" => session = Some(r.string()?),
                b"date" => date = Some(r.date()?),
                b"status" => status = Some(r.variant()?),
                b"justification" => justification = r.optional(Self::string)?,
                b"teamMemberPresent" => team_member_present = r.optional(Self::boolean)?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Attendance {
            session: session?,
            date: date?,
            status: status?,
            justification,
            team_member_present,
        })
    }

    fn activity(&mut self) -> Option<Activity> {
        let (mut id, mut title, mut modality) = (None, None, None);
        let (mut module, mut date, mut minutes) = (None, None, None);
        self.object(|r, key| {
            match key {
                b"id" => id = r.optional(Self::string)?,
                b"title" => title = r.optional(Self::string)?,
                b"modality" => modality = Some(r.variant()?),
                b"module" => module = r.optional(Self::string)?,
                b"date" => date = Some(r.date()?),
                b"minutes" => minutes = Some(r.minutes()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Activity {
            id,
            title,
            modality: modality?,
            module,
            date: date?,
            minutes: minutes?,
        })
    }

    fn traceur(&mut self) -> Option<TraceurRecord> {
        let (mut id, mut status, mut date) = (None, None, None);
        self.object(|r, key| {
            match key {
                b"id" => id = Some(r.string()?),
                b"status" => status = Some(r.variant()?),
                b"date" => date = Some(r.date()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(TraceurRecord {
            id: id?,
            status: status?,
            date: date?,
        })
    }

    fn memoire(&mut self) -> Option<MemoireRecord> {
        let (mut status, mut date) = (None, None);
        self.object(|r, key| {
            match key {
                b"status" => status = Some(r.variant()?),
                b"date" => date = r.optional(Self::date)?,
                _ => return None,
            }
            Some(())
        })?;
        Some(MemoireRecord {
            status: status?,
            date,
        })
    }

    fn soutenance(&mut self) -> Option<SoutenanceRecord> {
        let (mut date, mut status) = (None, None);
        self.object(|r, key| {
            match key {
                b"date" => date = Some(r.date()?),
                b"status" => status = Some(r.variant()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(SoutenanceRecord {
            date: date?,
            status: status?,
        })
    }
}
