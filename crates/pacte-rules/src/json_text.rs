//! Answers written as JSON text: serde_json's serializer, into a buffer made
//! for its many small writes. serde_json writes a report as thousands of
//! pieces (a quote, a comma, a key); through `Vec<u8>`'s own `Write`, each is
//! a call to `extend_from_slice` and `memcpy`, which the size-tuned wasm
//! build does not inline: that was half of a report's serialization. Here a
//! piece that fits is copied in place, and the buffer starts at the size of a
//! report. The text is the same, byte for byte.

use serde::Serialize;
use std::io;

/// The compact JSON text of `value`, as `serde_json::to_string` writes it.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut serializer = serde_json::Serializer::new(Text(Vec::with_capacity(8 * 1024)));
    value.serialize(&mut serializer)?;
    // SAFETY: serde_json writes UTF-8 only.
    Ok(unsafe { String::from_utf8_unchecked(serializer.into_inner().0) })
}

struct Text(Vec<u8>);

impl io::Write for Text {
    #[inline]
    fn write(&mut self, piece: &[u8]) -> io::Result<usize> {
        self.write_all(piece)?;
        Ok(piece.len())
    }

    #[inline]
    fn write_all(&mut self, piece: &[u8]) -> io::Result<()> {
        let (len, n) = (self.0.len(), piece.len());
        if self.0.capacity() - len >= n {
            // SAFETY: the spare capacity holds `n` bytes, and `piece` is not in it.
            unsafe {
                std::ptr::copy_nonoverlapping(piece.as_ptr(), self.0.as_mut_ptr().add(len), n);
                self.0.set_len(len + n);
            }
        } else {
            self.0.extend_from_slice(piece);
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
