//! One small stable sort for the few places the core orders things (tax redistribution,
//! duplicate groups, rates in force).
//!
//! The standard library's sorts are fast but large: each element type and comparison gets its
//! own copy of driftsort or ipnsort, about 2–4 KB of WebAssembly apiece, nearly 20 KB of the
//! browser module for lists that hold a handful of lines or groups. This bottom-up merge sort is
//! stable, O(n log n), and a few hundred bytes per use.

/// Sorts `v` stably by `key` (equal keys keep their order).
pub(crate) fn sort_by_key<T: Copy, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut buf: Vec<T> = v.to_vec();
    let mut width = 1;
    // Each pass merges runs of `width` from `v` into `buf`, then copies back.
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut buf[start..end] {
                // Take from the right run only when strictly smaller: that keeps it stable.
                let take_right = i >= mid || (j < end && key(&v[j]) < key(&v[i]));
                if take_right {
                    *slot = v[j];
                    j += 1;
                } else {
                    *slot = v[i];
                    i += 1;
                }
            }
            start = end;
        }
        v.copy_from_slice(&buf);
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn agrees_with_std(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = v;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }
    }
}
