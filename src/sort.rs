//! Stable sorting with little code. The standard library's sorts are fast,
//! but each element type and comparison gets its own copy of several
//! kilobytes of code; across the crate that was 33 KB of the WebAssembly
//! module. Here short vectors are sorted in place by insertion (a few
//! hundred bytes per use), and longer ones by one merge sort over indices
//! that is compiled once, whatever is being sorted.

use std::cmp::Ordering;

/// Up to this many elements, insertion sort in place.
const SHORT: usize = 32;

/// Sorts `items` by `cmp`, stably (equal elements keep their order), in
/// O(n log n).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() <= SHORT {
        insertion_sort(items, &cmp);
        return;
    }
    let order = {
        let all: &[T] = items;
        let compare = |a: u32, b: u32| match (all.get(a as usize), all.get(b as usize)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        sorted_indices(all.len(), &compare)
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take)),
    );
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

fn insertion_sort<T>(items: &mut [T], cmp: &impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            match (items.get(j - 1), items.get(j)) {
                (Some(before), Some(this)) if cmp(before, this) == Ordering::Greater => {
                    items.swap(j - 1, j);
                    j -= 1;
                }
                _ => break,
            }
        }
    }
}

/// The indices `0..n` ordered by `cmp`, by a bottom-up merge sort: stable,
/// O(n log n) comparisons, and not generic, so it exists once in the binary.
fn sorted_indices(n: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let mut from: Vec<u32> = (0..n).collect();
    let mut to: Vec<u32> = Vec::with_capacity(from.len());
    let mut width = 1usize;
    while width < from.len() {
        to.clear();
        for pair in from.chunks(2 * width) {
            let (left, right) = pair.split_at(width.min(pair.len()));
            let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
            loop {
                let take_right = match (l.peek(), r.peek()) {
                    (Some(&&a), Some(&&b)) => cmp(b, a) == Ordering::Less,
                    (Some(_), None) => false,
                    (None, Some(_)) => true,
                    (None, None) => break,
                };
                let next = if take_right { r.next() } else { l.next() };
                to.extend(next.copied());
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Gives what the standard stable sort gives, at every length, with
        /// many ties (the second field tells tied elements apart).
        #[test]
        fn sorts_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut expected = items;
            expected.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, expected);
        }

        #[test]
        fn sorts_strings(words in prop::collection::vec(".{0,6}", 0..80)) {
            let mut ours = words.clone();
            sort(&mut ours);
            let mut expected = words;
            expected.sort();
            prop_assert_eq!(ours, expected);
        }
    }
}
