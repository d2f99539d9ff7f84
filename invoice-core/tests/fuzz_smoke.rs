//! The fuzz targets on the stable toolchain: every body of `fuzz/src/bodies.rs` (the same
//! functions the cargo-fuzz targets call under libFuzzer) over seeds from the shared vectors and
//! seeded mutations of them, so CI exercises the targets without a nightly toolchain. A long
//! campaign runs the targets under libFuzzer (CONTRIBUTING.md, "Fuzzing"); a crash found there
//! becomes a vector, and its input can be added to `fuzz/regressions/<target>/` to be replayed
//! here.

#[path = "../../fuzz/src/bodies.rs"]
#[allow(dead_code)]
mod bodies;

use std::path::Path;

use serde_json::Value;

/// How many seeds each target takes, and how many mutations of each.
const SEEDS: usize = 1500;
const MUTATIONS: usize = 6;

/// Tokens the mutations splice in (the dictionaries of `fuzz/dict/` hold the same kind).
const TOKENS: &[&str] = &[
    "零",
    "壹",
    "拾",
    "佰",
    "仟",
    "万",
    "亿",
    "圆",
    "元",
    "角",
    "分",
    "整",
    "正",
    "人民币",
    "（负数）",
    "一",
    "十",
    "两",
    "〇",
    "¥",
    "欠",
    "9",
    "0",
    "X",
    "-",
    ".",
    "%",
    ",",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "\u{0}",
    "\u{FFFD}",
    "１",
    "91",
    "81",
    "830000",
    "24312000000358032546",
];

/// A small seeded generator (xorshift64*), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One mutation of `seed`: a byte flipped, a token inserted, a range deleted or duplicated, or
/// a truncation (the result need not be UTF-8; the bodies skip what is not).
fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            2 if at < v.len() => {
                let end = (at + 1 + rng.below(8)).min(v.len());
                v.drain(at..end);
            }
            3 if at < v.len() => {
                let end = (at + 1 + rng.below(16)).min(v.len());
                let part: Vec<u8> = v[at..end].to_vec();
                v.splice(at..at, part);
            }
            _ => v.truncate(at),
        }
    }
    v
}

/// Every string leaf and every object of the vectors (objects as JSON text): the seeds.
fn collect(v: &Value, out: &mut Vec<Vec<u8>>) {
    match v {
        Value::String(s) => out.push(s.as_bytes().to_vec()),
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        Value::Object(m) => {
            if !m.contains_key("$repeat") && !m.contains_key("$repeat_item") {
                out.push(v.to_string().into_bytes());
            }
            m.values().for_each(|x| collect(x, out));
        }
        _ => {}
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("vectors dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("read")).expect("vector json");
        collect(&v["cases"], &mut out);
    }
    out.sort();
    out.dedup();
    out
}

/// Inputs saved from fuzz campaigns (`fuzz/regressions/<target>/*`), replayed as they are.
fn regressions(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .collect()
}

#[test]
fn every_target_over_seeds_and_mutations() {
    let all = seeds();
    assert!(all.len() > 1000, "only {} seeds", all.len());
    for (i, (name, body)) in bodies::TARGETS.iter().enumerate() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1));
        // A different sample of the seeds per target, the same on every run.
        let step = (all.len() / SEEDS).max(1);
        let start = rng.below(step);
        let mut runs = 0;
        for seed in all
            .iter()
            .skip(start)
            .step_by(step)
            .chain(regressions(name).iter())
        {
            body(seed);
            for _ in 0..MUTATIONS {
                body(&mutate(seed, &mut rng));
            }
            runs += 1 + MUTATIONS;
        }
        eprintln!("fuzz smoke: {name}: {runs} inputs");
    }
}
