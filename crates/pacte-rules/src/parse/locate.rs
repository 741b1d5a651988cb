//! From a position in JSON text to the JSON Pointer of the value there.
//!
//! serde_json reports where in the text an error was found, right after the
//! token at fault (a value of the wrong type, an unknown key, the `}` of an
//! object missing a field). Scanning the text up to that point, keeping the
//! stack of open objects and arrays, names the value: `/sessions/2/days/1/date`.

use crate::problem::pointer;

enum Frame {
    /// An object, and the key of the member being read (none between members).
    Object(Option<String>),
    /// An array, and the index of the element being read.
    Array(usize),
}

/// The pointer of the value being read at byte `offset` of `text`.
pub(super) fn pointer_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, i);
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(
                        serde_json::from_str(&text[i..close.min(bytes.len())]).unwrap_or_default(),
                    );
                }
                i = close;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    pointer(stack.iter().filter_map(|frame| match frame {
        Frame::Object(key) => key.clone(),
        Frame::Array(index) => Some(index.to_string()),
    }))
}

/// The byte just past the string that opens at `start` (its closing quote included).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start + 1;
    while j < bytes.len() && bytes[j] != b'"' {
        j += if bytes[j] == b'\\' { 2 } else { 1 };
    }
    j + 1
}

/// The byte offset of serde_json's 1-based line and column (a column counts bytes).
pub(super) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + column
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, after: &str) -> String {
        pointer_at(text, text.find(after).map(|i| i + after.len()).unwrap())
    }

    #[test]
    fn names_the_value_just_read() {
        let text = r#"{"id":"x","sessions":[{"days":[{"date":"2024-01-01"},{"date":"bad"}]}]}"#;
        assert_eq!(at(text, r#""bad""#), "/sessions/0/days/1/date");
        assert_eq!(at(text, r#"{"date":"2024-01-01"}"#), "/sessions/0/days/0");
        assert_eq!(at(text, r#""id""#), "/id");
        assert_eq!(pointer_at(text, text.len()), "");
    }

    #[test]
    fn keys_with_escapes_and_strings_with_commas() {
        let text = r#"{"a/b":{"note":"x, \"y\"","k\"":1}}"#;
        assert_eq!(at(text, r#""k\"""#), "/a~1b/k\"");
        assert_eq!(at(text, r#""x, \"y\"""#), "/a~1b/note");
    }

    #[test]
    fn lines_and_columns_become_offsets() {
        assert_eq!(offset_of("{\n  \"a\": 1\n}", 2, 6), 8);
        assert_eq!(offset_of("[1]", 1, 2), 2);
    }
}
