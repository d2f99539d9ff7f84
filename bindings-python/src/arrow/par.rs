//! Spreading rows over the cores (并行): the core cuts the input into pieces of consecutive rows
//! ([`Rows`]) and works on one piece at a time; here worker threads take pieces in turn, and the
//! results come back in input order. Called with the GIL released; the workers only read Arrow
//! buffers and call the core. Threads stay in the binding: the core starts none (it builds for
//! wasm32 and leaves the host to decide how many cores a call may use).

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use invoice_core::columnar::Rows;

/// How many threads to use: `asked`, else one per core, never more than there are pieces.
pub fn threads(asked: Option<usize>, pieces: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    asked.unwrap_or(cores).clamp(1, pieces.max(1))
}

/// `f` over every piece on `threads` threads, results in piece order. A panic in a worker is
/// resumed on the caller's thread (where the binding's guard turns it into `INP-99`).
pub fn map<T: Send>(pieces: &[Rows], threads: usize, f: impl Fn(&Rows) -> T + Sync) -> Vec<T> {
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
