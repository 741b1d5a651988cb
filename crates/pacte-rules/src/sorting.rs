//! One sort for the engine's few orderings. Each use of the standard sorts
//! on a new element type or comparison brings its own copy of the sorting
//! code, kilobytes each in the WebAssembly module; positions sorted through
//! one comparison function share one copy. Each caller's comparison is a
//! total order, so the unstable sort gives one answer.

use std::cmp::Ordering;

/// Sorts `positions` (indices into the caller's list) by `by`.
pub(crate) fn sort_positions(positions: &mut [usize], by: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_unstable_by(|&a, &b| by(a, b));
}
