// A learner's records, from JS objects to the packed form read by
// crates/pacte-rules/src/learner/packed.rs (its doc gives the format), in one
// pass: what `JSON.stringify` would write, without the text. The writer knows
// the records' shape: the keys it meets are looked up in a table of their
// bytes, never encoded; numbers are written as they are, texts one unit at a
// time while ASCII.
//
// It gives up (`undefined`) on anything it cannot write exactly as
// `JSON.stringify` would: a key the records do not know, a value with a
// `toJSON`, a boxed primitive, an array where a value is expected, a text
// with a lone surrogate. The caller then crosses the JSON text, whose reader
// says what is wrong or ignored, with its path: this is a faster road to the
// same answers, never a second set of rules. What it writes, the reader may
// still leave to the JSON text (a number that is not whole minutes, a date
// that is not one).

const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;

let bytes = new Uint8Array(64 * 1024);
let view = new DataView(bytes.buffer);
let at = 0;
// A getter called while packing could pack another learner: the scratch
// buffer is one, so that inner call crosses as JSON text instead.
let packing = false;
const encoder = new TextEncoder();

/** Room for `n` more bytes. */
function room(n) {
  if (at + n <= bytes.length) return;
  const grown = new Uint8Array(Math.max(2 * bytes.length, at + n));
  grown.set(bytes.subarray(0, at));
  bytes = grown;
  view = new DataView(bytes.buffer);
}

function text(value) {
  const units = value.length;
  room(5 + 3 * units);
  bytes[at] = STRING;
  const start = at + 5;
  let i = 0;
  for (; i < units; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0x80) break;
    bytes[start + i] = unit;
  }
  let length = i;
  if (i < units) {
    if (!value.isWellFormed?.()) return false;
    length += encoder.encodeInto(value.slice(i), bytes.subarray(start + i)).written;
  }
  view.setUint32(at + 1, length, true);
  at = start + length;
  return true;
}

/** A string, number, boolean or null, as JSON has them. */
function scalar(value) {
  switch (typeof value) {
    case "string":
      return text(value);
    case "number":
      room(9);
      bytes[at] = NUMBER;
      view.setFloat64(at + 1, value, true);
      at += 9;
      return true;
    case "boolean":
      room(1);
      bytes[at++] = value ? TRUE : FALSE;
      return true;
    default:
      if (value !== null) return false;
      room(1);
      bytes[at++] = NULL;
      return true;
  }
}

const written = (value) => typeof value.toJSON !== "function";

/** A list whose items `item` writes. */
const list = (item) => (value) => {
  if (!Array.isArray(value) || !written(value)) return false;
  const n = value.length;
  room(5);
  bytes[at] = ARRAY;
  view.setUint32(at + 1, n, true);
  at += 5;
  for (let i = 0; i < n; i++) if (!item(value[i])) return false;
  return true;
};

/**
 * The writer of an object with these fields (each key's bytes, its length
 * then its ASCII, and how its value is written), or of null.
 */
function shape(fields) {
  const table = new Map();
  for (const [key, write] of Object.entries(fields)) {
    const keyBytes = new Uint8Array(4 + key.length);
    new DataView(keyBytes.buffer).setUint32(0, key.length, true);
    for (let i = 0; i < key.length; i++) keyBytes[4 + i] = key.charCodeAt(i);
    table.set(key, { keyBytes, write });
  }
  return (value) => {
    if (value === null) return scalar(null);
    if (typeof value !== "object" || Array.isArray(value) || !written(value)) return false;
    // The own enumerable keys, in JSON.stringify's order.
    const keys = Object.keys(value);
    room(5);
    bytes[at] = OBJECT;
    const count = at + 1;
    at += 5;
    let members = 0;
    for (let k = 0; k < keys.length; k++) {
      const member = value[keys[k]];
      // JSON.stringify leaves these members out.
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      const field = table.get(keys[k]);
      if (field === undefined) return false;
      const { keyBytes } = field;
      room(keyBytes.length);
      for (let i = 0; i < keyBytes.length; i++) bytes[at + i] = keyBytes[i];
      at += keyBytes.length;
      if (!field.write(member)) return false;
      members++;
    }
    view.setUint32(count, members, true);
    return true;
  };
}

const record = shape({
  learnerId: scalar,
  displayName: scalar,
  programme: scalar,
  structureType: scalar,
  attendance: list(shape({ session: scalar, date: scalar, status: scalar, justification: scalar, teamMemberPresent: scalar })),
  activities: list(shape({ id: scalar, title: scalar, modality: scalar, module: scalar, date: scalar, minutes: scalar })),
  chosenModules: list(scalar),
  traceurs: list(shape({ id: scalar, status: scalar, date: scalar })),
  memoire: shape({ status: scalar, date: scalar }),
  soutenance: shape({ date: scalar, status: scalar }),
});

/**
 * A learner's records in packed form (a view of a buffer the next call
 * reuses: copy it at once), or undefined where only JSON text says them
 * exactly.
 */
export function pack(value) {
  if (packing) return undefined;
  packing = true;
  at = 0;
  try {
    return record(value) ? bytes.subarray(0, at) : undefined;
  } catch {
    // A getter or proxy that throws: JSON.stringify will say so.
    return undefined;
  } finally {
    packing = false;
  }
}
