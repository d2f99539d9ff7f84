//! The main worked example: read a draft invoice given tax-inclusive, compute it (价税分离),
//! print its totals and 大写, validate it, then break it and print every finding in Chinese.
//!
//! Run with `cargo run --example quickstart`.

use chrono::NaiveDate;
use invoice_core::ids::uscc;
use invoice_core::model::Invoice;
use invoice_core::tax::{self, Basis, Options};
use invoice_core::validate::{Context, validate};

const DRAFT: &str = r#"{
  "kind": "digital_special",
  "number": "24312000000358032546",
  "issue_date": "2024-11-18",
  "seller": {"name": "上海七牛信息技术有限公司", "tax_id": "91310000580583950X"},
  "buyer": {"name": "北京某某科技有限公司", "tax_id": "91110108MA01ABCD5T"},
  "lines": [
    {"tax_code": "1090511030000000000", "name": "*计算机设备*显示器", "unit": "台",
     "quantity": "2", "unit_price": "1130", "amount": "2260.00", "rate": "13%"},
    {"tax_code": "3040201000000000000", "name": "*信息技术服务*技术服务费",
     "amount": "1000.00", "rate": "6%"}
  ]
}"#;

fn main() -> Result<(), invoice_core::Error> {
    println!("== 统一社会信用代码 (GB 32100)");
    let check = uscc::calc_check_digit("91350100M000100Y4")?;
    println!("91350100M000100Y4 → check character {check}");
    match uscc::validate("91350100M000100Y44") {
        Ok(_) => println!("unexpectedly valid"),
        Err(e) => println!("91350100M000100Y44 → {e}\n    {}", e.message_zh()),
    }

    println!("\n== 价税分离 and totals (prices include tax)");
    let draft = Invoice::from_json(DRAFT)?;
    let options = Options {
        basis: Basis::Inclusive,
        ..Options::default()
    };
    let computed = tax::compute(&draft, &options)?;
    for (i, line) in computed.invoice.lines.iter().enumerate() {
        let show =
            |a: Option<invoice_core::money::Amount>| a.map(|a| a.to_string()).unwrap_or_default();
        println!(
            "line {i}: {} 金额 {} 税率 {} 税额 {}",
            line.name,
            show(line.amount),
            line.rate,
            show(line.tax)
        );
    }
    if let Some(t) = &computed.invoice.totals {
        println!(
            "合计金额 {}  合计税额 {}  价税合计 {}",
            t.amount, t.tax, t.total
        );
        println!(
            "价税合计（大写）{}",
            t.total_in_words.as_deref().unwrap_or("")
        );
    }

    println!("\n== validation");
    let ctx = Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).unwrap_or_default());
    let report = validate(&computed.invoice, &ctx);
    println!("computed invoice valid: {}", report.is_valid());

    let mut broken = computed.invoice.clone();
    broken.buyer.tax_id = Some("9111010".into());
    broken.lines[1].tax = broken.lines[1]
        .tax
        .map(|t| t.checked_add(invoice_core::money::Amount::parse("0.10")?))
        .transpose()?;
    let report = validate(&broken, &ctx);
    println!(
        "broken invoice valid: {} ({} findings)",
        report.is_valid(),
        report.findings.len()
    );
    for f in &report.findings {
        println!("  [{}] {}: {}", f.code(), f.path(), f.message_zh());
    }
    Ok(())
}
