//! Lookups by id into a programme's lists. A programme names a few dozen
//! sessions, traceurs and modules at most: a sorted list searched by halves
//! costs a few comparisons, less than hashing the id, and no input can make
//! it slower. Ids are ordered by length first: most comparisons are then of
//! two numbers, not of two texts sharing a prefix.

use crate::sorting::sort_positions;

/// The positions of a list's ids, sorted by length, then by text.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex(Box<[(Box<str>, usize)]>);

impl IdIndex {
    /// Indexes ids by their position. Validation refuses a definition whose
    /// ids repeat; were one to repeat, the first position would be kept.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> IdIndex {
        let ids: Vec<&str> = ids.into_iter().collect();
        let mut positions: Vec<usize> = (0..ids.len()).collect();
        sort_positions(&mut positions, &|a, b| {
            key(ids[a]).cmp(&key(ids[b])).then(a.cmp(&b))
        });
        let mut entries: Vec<(Box<str>, usize)> =
            positions.into_iter().map(|i| (ids[i].into(), i)).collect();
        entries.dedup_by(|later, first| later.0 == first.0);
        IdIndex(entries.into())
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.0
            .binary_search_by(|(entry, _)| key(entry).cmp(&key(id)))
            .ok()
            .map(|at| self.0[at].1)
    }
}

fn key(id: &str) -> (usize, &[u8]) {
    (id.len(), id.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::IdIndex;

    #[test]
    fn finds_each_id_at_its_position_and_nothing_else() {
        let index = IdIndex::new(["s3", "s1", "s2"]);
        assert_eq!(index.get("s1"), Some(1));
        assert_eq!(index.get("s2"), Some(2));
        assert_eq!(index.get("s3"), Some(0));
        assert_eq!(index.get("s4"), None);
        assert_eq!(index.get(""), None);
    }

    #[test]
    fn a_repeated_id_keeps_its_first_position() {
        assert_eq!(IdIndex::new(["a", "b", "a"]).get("a"), Some(0));
    }
}
