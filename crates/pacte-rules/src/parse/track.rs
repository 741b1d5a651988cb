//! The slow path of [`super::from_json`]: one reading of the text through a
//! deserializer that keeps the JSON path of the value being read, skips the
//! fields a type does not know and notes their paths, in document order.
//!
//! A type's known fields are given to `deserialize_struct`, but not whether it
//! denies the others (most platform types ignore them silently). The first
//! unknown field a struct refuses teaches it: the reading starts again, and
//! that struct's unknown fields are skipped from then on. A field refused
//! where no struct is visible (inside an internally tagged enum, read from a
//! buffer) is remembered by its path. Each restart learns one struct type or
//! one such field, so the text is read a bounded number of times, whatever the
//! number of unknown fields: cost linear in the input.

use crate::problem::pointer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, Visitor,
};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;

type Struct = (&'static str, &'static [&'static str]);

/// One step of a path: a key, as borrowed from the text when it holds no
/// escape, or an index. Kept as is and written out only when a path is asked
/// for (an unknown field, an error): a document read without either
/// allocates nothing for its paths.
enum Step<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Step::Key(key) => f.write_str(key),
            Step::Index(i) => fmt::Display::fmt(i, f),
        }
    }
}

/// What one reading found, and what the readings before it taught.
#[derive(Default)]
pub(super) struct Track<'de> {
    /// Where the reading stands: the keys and indexes down to the current value.
    at: Vec<Step<'de>>,
    pub(super) unknown_fields: Vec<String>,
    /// The path of the innermost value an error came out of.
    error_at: Option<String>,
    /// Structs seen to refuse unknown fields.
    denying: Vec<Struct>,
    /// Fields refused where no struct was visible, by path.
    refused: BTreeSet<String>,
    /// Whether this reading learned something that calls for another.
    learned: bool,
    /// How many times the text was read again (a test checks it stays bounded).
    #[cfg(test)]
    pub(super) readings: usize,
}

impl<'de> Track<'de> {
    fn path(&self) -> String {
        pointer(&self.at)
    }

    fn path_with(&self, key: &str) -> String {
        pointer(
            self.at
                .iter()
                .map(|s| s as &dyn fmt::Display)
                .chain([&key as &dyn fmt::Display]),
        )
    }

    /// Prepares another reading after the error `detail`, if this one taught
    /// something; if not, the error stands, at the path returned.
    pub(super) fn learn_from(&mut self, detail: &str) -> Result<(), String> {
        let error_at = self.error_at.take().unwrap_or_default();
        let learned = std::mem::take(&mut self.learned)
            || super::unknown_field(detail).is_some_and(|field| {
                self.refused
                    .insert(format!("{error_at}{}", pointer([field])))
            });
        if !learned {
            return Err(error_at);
        }
        self.at.clear();
        self.unknown_fields.clear();
        #[cfg(test)]
        {
            self.readings += 1;
        }
        Ok(())
    }

    // The steps of a map's key that do not depend on the types read, kept out
    // of the generic code: one copy instead of one per struct and key type.

    /// Whether the field `key` is skipped: its struct is known to refuse
    /// unknown fields and does not know it, or it was refused at this path.
    /// Whether the struct knows the key is asked only where it matters: the
    /// key's seed matches it anyway.
    #[inline(never)]
    fn skips(&self, of: Option<Struct>, key: &str) -> bool {
        let denied = of.is_some_and(|of| self.denying.contains(&of) && !of.1.contains(&key));
        denied || (!self.refused.is_empty() && self.refused.contains(&self.path_with(key)))
    }

    #[inline(never)]
    fn note_unknown(&mut self, key: &str) {
        let path = self.path_with(key);
        self.unknown_fields.push(path);
    }

    /// Steps into the value of `key`; `error` is why its seed refused the
    /// key, if it did: a struct refusing a field it does not know is learned,
    /// for another reading.
    #[inline(never)]
    fn enter(&mut self, of: Option<Struct>, key: Cow<'de, str>, error: Option<&str>) {
        let refusing = of.filter(|of| !of.1.contains(&key.as_ref()));
        self.at.push(Step::Key(key));
        match (error, refusing) {
            (None, _) => {}
            (Some(e), Some(of)) if super::unknown_field(e).is_some() => {
                self.denying.push(of);
                self.learned = true;
            }
            (Some(_), _) => self.fail_at_current(),
        }
    }

    /// Steps into the element `index` of a sequence. Given the cell, as
    /// `leave` is: the borrow is then made here, not at every generic caller.
    #[inline(never)]
    fn enter_element(track: &RefCell<Self>, index: usize) {
        track.borrow_mut().at.push(Step::Index(index));
    }

    /// Steps out of a value read, noting where it failed if it did.
    #[inline(never)]
    fn leave(track: &RefCell<Self>, failed: bool) {
        let mut track = track.borrow_mut();
        if failed {
            track.fail_at_current();
        }
        track.at.pop();
    }

    fn fail_at_current(&mut self) {
        if self.error_at.is_none() {
            self.error_at = Some(self.path());
        }
    }
}

/// A deserializer (or a seed, a visitor, an access) that keeps the path.
pub(super) struct Tracked<'t, 'de, T> {
    pub(super) inner: T,
    pub(super) track: &'t RefCell<Track<'de>>,
    /// For a struct's visitor and map: which struct.
    pub(super) of: Option<Struct>,
}

impl<'t, 'de, T> Tracked<'t, 'de, T> {
    fn wrap<U>(&self, inner: U, of: Option<Struct>) -> Tracked<'t, 'de, U> {
        Tracked {
            inner,
            track: self.track,
            of,
        }
    }
}

macro_rules! forward_deserialize {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            let visitor = self.wrap(visitor, None);
            self.inner.$method(visitor)
        }
    )*};
}

impl<'de, 't, D: Deserializer<'de>> Deserializer<'de> for Tracked<'t, 'de, D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier
    );

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_ignored_any(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, None);
        self.inner.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, None);
        self.inner.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, None);
        self.inner.deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, None);
        self.inner.deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, Some((name, fields)));
        self.inner.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<'de, 't, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Tracked<'t, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        let deserializer = self.wrap(deserializer, None);
        self.inner.deserialize(deserializer)
    }
}

macro_rules! forward_visit {
    ($($method:ident: $t:ty),*) => {$(
        fn $method<E: de::Error>(self, v: $t) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, 't, V: Visitor<'de>> Visitor<'de> for Tracked<'t, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit!(
        visit_bool: bool, visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64,
        visit_i128: i128, visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64,
        visit_u128: u128, visit_f32: f32, visit_f64: f64, visit_char: char, visit_str: &str,
        visit_borrowed_str: &'de str, visit_string: String, visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let deserializer = self.wrap(deserializer, None);
        self.inner.visit_some(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        let deserializer = self.wrap(deserializer, None);
        self.inner.visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let seq = Elements {
            inner: self.wrap(seq, None),
            index: 0,
        };
        self.inner.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let map = self.wrap(map, self.of);
        self.inner.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

/// A sequence's elements, each read with its index in the path.
struct Elements<'t, 'de, A> {
    inner: Tracked<'t, 'de, A>,
    index: usize,
}

impl<'de, 't, A: SeqAccess<'de>> SeqAccess<'de> for Elements<'t, 'de, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        Track::enter_element(self.inner.track, self.index);
        self.index += 1;
        let element = self
            .inner
            .inner
            .next_element_seed(self.inner.wrap(seed, None));
        Track::leave(self.inner.track, element.is_err());
        element
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.inner.size_hint()
    }
}

impl<'de, 't, A: MapAccess<'de>> MapAccess<'de> for Tracked<'t, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.next_kept_key()? else {
            return Ok(None);
        };
        // Read from the key as borrowed: every document takes this path,
        // and a copy of each key would be one allocation per field.
        let key_reader: de::value::StrDeserializer<A::Error> = key.as_ref().into_deserializer();
        let read = seed.deserialize(key_reader);
        self.enter(key, read.as_ref().err());
        read.map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let value = self.inner.next_value_seed(self.wrap(seed, None));
        Track::leave(self.track, value.is_err());
        value
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

// The steps of a key that do not depend on the struct's field seed, out of
// line: one copy per map type (there is one, serde_json's), not one per struct.
impl<'de, A: MapAccess<'de>> Tracked<'_, 'de, A> {
    /// The next key not skipped; the values of those skipped are read past.
    #[inline(never)]
    fn next_kept_key(&mut self) -> Result<Option<Cow<'de, str>>, A::Error> {
        loop {
            let Some(key) = self.inner.next_key_seed(KeySeed)? else {
                return Ok(None);
            };
            if !self.track.borrow().skips(self.of, &key) {
                return Ok(Some(key));
            }
            self.inner.next_value::<IgnoredAny>()?;
            self.track.borrow_mut().note_unknown(&key);
        }
    }

    /// Steps into the value of `key`, with the error its seed gave, if any.
    #[inline(never)]
    fn enter(&self, key: Cow<'de, str>, error: Option<&A::Error>) {
        let error = error.map(ToString::to_string);
        self.track
            .borrow_mut()
            .enter(self.of, key, error.as_deref());
    }
}

/// Reads a map's key borrowed from the text where it can (no escape in it).
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}
