//! Where a finding points: a record of the learner's file, or a rule of the
//! definition. Kept as its parts during evaluation and written out as a JSON
//! Pointer only when a report is: a summary of standing never writes one.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pointer<'a> {
    /// `/memoire`.
    Field(&'static str),
    /// `/activities/3`.
    Item(&'static str, usize),
    /// `/attendance/3/justification`.
    ItemField(&'static str, usize, &'static str),
    /// `/requiredMinutes/elearning`.
    Key(&'static str, &'static str),
    /// `/sessions/2/days/1`.
    SessionDay(usize, usize),
    /// A pointer already written, such as an unknown field's.
    Written(&'a str),
}

impl fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Pointer::Field(name) => write!(f, "/{name}"),
            Pointer::Item(list, i) => write!(f, "/{list}/{i}"),
            Pointer::ItemField(list, i, field) => write!(f, "/{list}/{i}/{field}"),
            Pointer::Key(map, key) => write!(f, "/{map}/{key}"),
            Pointer::SessionDay(s, d) => write!(f, "/sessions/{s}/days/{d}"),
            Pointer::Written(pointer) => f.write_str(pointer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pointer;

    #[test]
    fn each_form_writes_its_json_pointer() {
        let written = [
            (Pointer::Field("memoire"), "/memoire"),
            (Pointer::Item("activities", 3), "/activities/3"),
            (
                Pointer::ItemField("attendance", 3, "justification"),
                "/attendance/3/justification",
            ),
            (
                Pointer::Key("requiredMinutes", "elearning"),
                "/requiredMinutes/elearning",
            ),
            (Pointer::SessionDay(2, 1), "/sessions/2/days/1"),
            (Pointer::Written("/traceurs/0/note"), "/traceurs/0/note"),
        ];
        for (pointer, text) in written {
            assert_eq!(pointer.to_string(), text);
        }
    }
}
