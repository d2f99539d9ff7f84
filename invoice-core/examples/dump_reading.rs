//! Prints the reading of each file given (a development aid).
fn main() {
    for p in std::env::args().skip(1) {
        let b = std::fs::read(&p).expect("read");
        match invoice_core::read::read(&b) {
            Ok(r) => {
                println!(
                    "== {p}\n{}",
                    serde_json::to_string_pretty(&r.to_value()).unwrap()
                );
                let ctx = r.context(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
                for f in r.validate(&ctx).findings {
                    println!("  {f}");
                }
            }
            Err(e) => println!("== {p}: {e}"),
        }
    }
}
