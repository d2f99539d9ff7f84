//! The module's memory allocator (WebAssembly only).
//!
//! The heap is whole 64 KiB pages, taken from the top of the memory (`memory.grow`):
//! - A request of at least [`LARGE`] bytes (a long string, a big list) gets a run of whole pages.
//!   Free runs are kept in address order and merged with free neighbours, and a run at the top
//!   of the memory grows in place, so the memory a 10 MB input took serves any large request
//!   after it, and a doubling buffer does not leave a trail of copies behind.
//! - A smaller request gets a block of the next power of two (16 B to 32 KiB), cut from a page
//!   set aside for small blocks. Each size has a free list of the blocks given back; they are
//!   never merged: a call that allocates an invoice, its report and their JSON text frees them
//!   before it returns, so the next call finds the same blocks again.
//!
//! Why not Rust's default (dlmalloc): it is about 5.4 KB of the module, a tenth of what stood
//! between the browser module and its 300 KB target; this is about 1 KB, and O(1) for every
//! small request. Measured: the 5-line `validate` is a little faster (27.9 → 27.6 µs), and the
//! WASM suite in Node, 10 MB inputs included, ends with 643 pages of memory (dlmalloc: 693).
//! The JS tests check that repeated calls do not grow the memory and that large inputs of
//! changing sizes reuse the pages of earlier ones (which fails without the merging).
//!
//! `wasm32-unknown-unknown` without the atomics feature has one thread, so the state needs no
//! lock.
#![allow(unsafe_code)]

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr;

const PAGE: usize = 65_536;
/// Requests of at least this many bytes (or this alignment) take whole pages.
const LARGE: usize = PAGE / 2;
/// Small class `k` holds blocks of `2^k` bytes; the smallest is 16 (a link is 4).
const MIN_CLASS: u32 = 4;
/// Classes 0 to 15 (the largest, 32 KiB, holds requests just under [`LARGE`]).
const CLASSES: usize = LARGE.trailing_zeros() as usize + 1;
/// A run's second word (its length in pages) is one word in.
const WORD: usize = core::mem::size_of::<usize>();

struct Heap {
    /// The first free block of each small class (0: none); a free block's first word links
    /// the next.
    free: [usize; CLASSES],
    /// The first free page run (0: none), in address order; a run starts with two words: the
    /// next run and its length in pages.
    runs: usize,
    /// The unused part of the page small blocks are being cut from.
    small_next: usize,
    small_end: usize,
}

/// The global allocator of the WASM build.
pub(crate) struct Allocator(UnsafeCell<Heap>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread; nothing else touches the heap.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap {
    free: [0; CLASSES],
    runs: 0,
    small_next: 0,
    small_end: 0,
}));

/// How a layout is served: a small class, or a number of pages.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Size {
    Small(u32),
    Pages(usize),
}

fn size_of(layout: Layout) -> Size {
    let size = layout.size().max(layout.align());
    if size < LARGE {
        Size::Small(size.next_power_of_two().trailing_zeros().max(MIN_CLASS))
    } else {
        Size::Pages(size.div_ceil(PAGE))
    }
}

/// The end of the memory (the top of the heap).
fn top() -> usize {
    wasm32::memory_size(0) * PAGE
}

/// `pages` new pages at the top of the memory; 0 when it cannot grow.
fn grow(pages: usize) -> usize {
    match wasm32::memory_grow(0, pages) {
        usize::MAX => 0,
        previous => previous * PAGE,
    }
}

// SAFETY (of the two helpers): `at` is a word-aligned address inside a free block or run, which
// the heap owns.
unsafe fn load(at: usize) -> usize {
    unsafe { *(at as *const usize) }
}
unsafe fn store(at: usize, value: usize) {
    unsafe { *(at as *mut usize) = value }
}

impl Heap {
    /// A block of small class `class`: a given-back one, else cut from the small-block page
    /// (aligned to its size, so to any alignment up to it), else from a new page.
    fn small(&mut self, class: u32) -> usize {
        let head = self.free[class as usize];
        if head != 0 {
            // SAFETY: `head` is a free block of this class; its first word is the link.
            self.free[class as usize] = unsafe { load(head) };
            return head;
        }
        let bytes = 1usize << class;
        let start = (self.small_next + bytes - 1) & !(bytes - 1);
        if start == 0 || start + bytes > self.small_end {
            // SAFETY: the runs list is only built by `give_pages`.
            let page = unsafe { self.take_pages(1) };
            if page == 0 {
                return 0;
            }
            (self.small_next, self.small_end) = (page + bytes, page + PAGE);
            return page;
        }
        self.small_next = start + bytes;
        start
    }

    /// `pages` pages from the first free run long enough (its tail stays free); else the last
    /// run grown in place when it is at the top; else new pages.
    ///
    /// SAFETY: the runs list is well formed (only `give_pages` builds it).
    unsafe fn take_pages(&mut self, pages: usize) -> usize {
        let mut link: *mut usize = &mut self.runs;
        // SAFETY: `link` is `self.runs` or the first word of a free run.
        unsafe {
            while *link != 0 {
                let run = *link;
                let (next, len) = (load(run), load(run + WORD));
                if len >= pages {
                    if len == pages {
                        *link = next;
                    } else {
                        let tail = run + pages * PAGE;
                        store(tail, next);
                        store(tail + WORD, len - pages);
                        *link = tail;
                    }
                    return run;
                }
                if next == 0 && extend(run, len, pages) {
                    *link = 0;
                    return run;
                }
                link = run as *mut usize;
            }
        }
        grow(pages)
    }

    /// Grows the `old` pages at `block` to `new` in place: into the free run right after them,
    /// or at the top of the memory; false when neither has room.
    ///
    /// SAFETY: the runs list is well formed; `block` is a run in use of `old` pages.
    unsafe fn grow_in_place(&mut self, block: usize, old: usize, new: usize) -> bool {
        let (end, more) = (block + old * PAGE, new - old);
        let mut link: *mut usize = &mut self.runs;
        // SAFETY: `link` is `self.runs` or the first word of a free run.
        unsafe {
            while *link != 0 && *link < end {
                link = *link as *mut usize;
            }
            let run = *link;
            if run == end && run != 0 {
                let (next, len) = (load(run), load(run + WORD));
                if len > more {
                    let tail = run + more * PAGE;
                    store(tail, next);
                    store(tail + WORD, len - more);
                    *link = tail;
                    return true;
                }
                if len == more || (next == 0 && extend(run, len, more)) {
                    *link = next;
                    return true;
                }
                return false;
            }
        }
        extend(block, old, new)
    }

    /// Gives back `pages` pages at `block`: inserted in address order, merged with free
    /// neighbours.
    ///
    /// SAFETY: `block` is a run `take_pages` handed out with this length, now unused.
    unsafe fn give_pages(&mut self, block: usize, pages: usize) {
        unsafe {
            let (mut before, mut after) = (0, self.runs);
            while after != 0 && after < block {
                before = after;
                after = load(after);
            }
            let (mut next, mut len) = (after, pages);
            if after != 0 && block + pages * PAGE == after {
                next = load(after);
                len += load(after + WORD);
            }
            if before != 0 && before + load(before + WORD) * PAGE == block {
                store(before, next);
                store(before + WORD, load(before + WORD) + len);
                return;
            }
            store(block, next);
            store(block + WORD, len);
            if before == 0 {
                self.runs = block;
            } else {
                store(before, block);
            }
        }
    }
}

/// Grows the `len` pages at `run` to `pages` in place when they end at the top of the memory;
/// false when they do not, or the memory cannot grow.
fn extend(run: usize, len: usize, pages: usize) -> bool {
    let end = run + len * PAGE;
    // wasm-bindgen's glue never grows the memory itself, so new pages start at the old top.
    end == top() && grow(pages - len) == end
}

// SAFETY: a small block is `2^class` bytes, aligned to its size (at least the layout's size and
// alignment); a large one is whole pages, page-aligned (`alloc` refuses an alignment above a
// page). Each is the caller's until `dealloc` gives it back with the layout it was allocated
// with, so `size_of` sorts it back where it came from.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > PAGE {
            return ptr::null_mut();
        }
        // SAFETY: one thread, and no reference to the heap outlives this call.
        let heap = unsafe { &mut *self.0.get() };
        let block = match size_of(layout) {
            Size::Small(class) => heap.small(class),
            // SAFETY: the runs list is only built by `give_pages`.
            Size::Pages(pages) => unsafe { heap.take_pages(pages) },
        };
        block as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: one thread; `block` came from `alloc` with this layout and is given back.
        unsafe {
            let heap = &mut *self.0.get();
            match size_of(layout) {
                Size::Small(class) => {
                    store(block as usize, heap.free[class as usize]);
                    heap.free[class as usize] = block as usize;
                }
                Size::Pages(pages) => heap.give_pages(block as usize, pages),
            }
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with the old alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: one thread; no reference to the heap outlives the statement that takes it.
        let heap = || unsafe { &mut *self.0.get() };
        match (size_of(layout), size_of(new_layout)) {
            (old, new) if old == new => return block, // the block already has room
            // A growing buffer takes the free pages after it (or new ones at the top) instead of
            // moving; a shrinking one gives its tail back.
            // SAFETY: `block` is in use with `old` pages.
            (Size::Pages(old), Size::Pages(new))
                if new > old && unsafe { heap().grow_in_place(block as usize, old, new) } =>
            {
                return block;
            }
            (Size::Pages(old), Size::Pages(new)) if new < old => {
                // SAFETY: the tail pages are the caller's to give back.
                unsafe { heap().give_pages(block as usize + new * PAGE, old - new) };
                return block;
            }
            _ => {}
        }
        // SAFETY: as `alloc` and `dealloc` above; the two blocks do not overlap.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}

/// Internal (tests): the memory's size in 64 KiB pages, to check that repeated calls reuse
/// their blocks instead of growing the heap.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __heapPages)]
pub fn heap_pages() -> usize {
    wasm32::memory_size(0)
}

/// Internal (tests, full module): `steps` random allocations, reallocations and releases
/// (sizes from 1 byte to 640 KiB, alignments up to 64) from `seed`, each block filled with its
/// own byte and checked before it is resized or released; false at the first block that is
/// misaligned, null, or no longer holds its byte (two blocks overlapping).
#[cfg(feature = "full")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __heapStress)]
pub fn heap_stress(seed: u32, steps: u32) -> bool {
    use std::alloc::{alloc, dealloc, realloc};
    struct Rng(u32);
    impl Rng {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 17;
            self.0 ^= self.0 << 5;
            self.0 as usize
        }
        /// Mostly small blocks, some near and above the page-run threshold, a few large runs.
        fn size(&mut self) -> usize {
            let limit = match self.next() % 10 {
                0 => 640 << 10,
                1..=3 => 40 << 10,
                _ => 600,
            };
            1 + self.next() % limit
        }
    }
    let mut rng = Rng(seed | 1);
    // SAFETY: every block is used within its layout and released once, with its layout.
    unsafe {
        let holds = |p: *mut u8, len: usize, tag: u8| {
            (0..len)
                .step_by(61)
                .chain([len - 1])
                .all(|i| *p.add(i) == tag)
        };
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        for step in 0..steps {
            let r = rng.next();
            let tag = (step % 251) as u8;
            if live.is_empty() || (r.is_multiple_of(3) && live.len() < 48) {
                let layout = Layout::from_size_align(rng.size(), 1 << (rng.next() % 7)).unwrap();
                let p = alloc(layout);
                if p.is_null() || !(p as usize).is_multiple_of(layout.align()) {
                    return false;
                }
                ptr::write_bytes(p, tag, layout.size());
                live.push((p, layout, tag));
                continue;
            }
            let i = rng.next() % live.len();
            let (p, layout, old) = live[i];
            if !holds(p, layout.size(), old) {
                return false;
            }
            if r % 3 == 1 {
                let new_size = rng.size();
                let q = realloc(p, layout, new_size);
                let new_layout = Layout::from_size_align(new_size, layout.align()).unwrap();
                if q.is_null()
                    || !(q as usize).is_multiple_of(layout.align())
                    || !holds(q, layout.size().min(new_size), old)
                {
                    return false;
                }
                ptr::write_bytes(q, tag, new_size);
                live[i] = (q, new_layout, tag);
            } else {
                dealloc(p, layout);
                live.swap_remove(i);
            }
        }
        for (p, layout, tag) in live {
            if !holds(p, layout.size(), tag) {
                return false;
            }
            dealloc(p, layout);
        }
    }
    true
}
