//! Spreading rows over the cores (并行): the input is cut into pieces of consecutive rows, worker
//! threads take pieces in turn, and the results come back in input order. Called with the GIL
//! released; the workers only read Arrow buffers and call the core.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Consecutive rows of one chunk (record batch or array chunk).
#[derive(Clone, Copy, Debug)]
pub struct Piece {
    /// The chunk.
    pub chunk: usize,
    /// The first row in the chunk.
    pub start: usize,
    /// The number of rows.
    pub len: usize,
    /// The first row's index over all chunks.
    pub offset: u64,
}

/// The pieces of chunks of `lens` rows, each at most `size` rows.
pub fn pieces(lens: &[usize], size: usize) -> Vec<Piece> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut offset = 0u64;
    for (chunk, &len) in lens.iter().enumerate() {
        let mut start = 0;
        while start < len {
            let n = size.min(len - start);
            out.push(Piece {
                chunk,
                start,
                len: n,
                offset: offset.saturating_add(start as u64),
            });
            start += n;
        }
        offset = offset.saturating_add(len as u64);
    }
    out
}

/// How many threads to use: `asked`, else one per core, never more than there are pieces.
pub fn threads(asked: Option<usize>, pieces: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    asked.unwrap_or(cores).clamp(1, pieces.max(1))
}

/// `f` over every piece on `threads` threads, results in piece order. A panic in a worker is
/// resumed on the caller's thread (where the binding's guard turns it into `INP-99`).
pub fn map<T: Send>(pieces: &[Piece], threads: usize, f: impl Fn(&Piece) -> T + Sync) -> Vec<T> {
    if threads <= 1 {
        return pieces.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(p) = pieces.get(k) else { break };
            out.push((k, f(p)));
        }
        out
    };
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
        let mut all = Vec::with_capacity(pieces.len());
        for w in workers {
            match w.join() {
                Ok(part) => all.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    done.sort_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, t)| t).collect()
}
