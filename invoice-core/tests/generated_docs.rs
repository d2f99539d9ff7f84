//! Generated files stay in step with the code: `invoice.schema.json` (the model's JSON Schema)
//! and `RULES.md` (the rule catalogue). Regenerate with `UPDATE_GENERATED=1 cargo test -p
//! invoice-core --test generated_docs`.

use std::path::Path;

fn check(file: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, fresh).expect("write generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{file} is out of date: run UPDATE_GENERATED=1 cargo test -p invoice-core --test generated_docs"
    );
}

#[test]
fn invoice_schema_is_current() {
    let schema = invoice_core::model::json_schema();
    let mut text = serde_json::to_string_pretty(&schema).expect("schema as JSON");
    text.push('\n');
    check("invoice.schema.json", &text);
}

#[test]
fn rules_md_is_current() {
    check("RULES.md", &invoice_core::catalog::to_markdown());
}
