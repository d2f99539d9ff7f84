//! The rule catalogue (规则目录): every code the crate can report, in one place.
//!
//! Each module declares its own rules with the `rules!` macro (identifiers in `ids`, money in
//! `money`, …; the `INP-` family of unreadable input in `error::input`); this module sits above
//! them all, chains their tables and looks codes up. The error type itself (`crate::error`)
//! depends on none of them.

use crate::error::Rule;

/// The tables of every module, in family order.
fn tables() -> Vec<&'static [&'static Rule]> {
    vec![
        crate::error::input::RULES,
        crate::money::RULES,
        crate::ids::RULES,
        crate::number::RULES,
        crate::words::RULES,
        crate::model::RULES,
        crate::tax::RULES,
        crate::validate::RULES,
        crate::lifecycle::RULES,
        crate::verify::RULES,
        crate::stats::RULES,
        crate::find::RULES,
        #[cfg(feature = "read")]
        crate::read::RULES,
    ]
}

/// Every rule in the catalogue, family by family.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    tables().into_iter().flat_map(|t| t.iter().copied())
}

/// The rule with this code, if there is one.
pub fn lookup(code: &str) -> Option<&'static Rule> {
    all().find(|r| r.code == code)
}

/// The catalogue as a Markdown table (the committed `RULES.md`).
pub fn to_markdown() -> String {
    let mut out = String::from(
        "# Rule catalogue (规则目录)\n\nGenerated from `invoice_core::catalog` by \
         `UPDATE_GENERATED=1 cargo test -p invoice-core --test generated_docs`; do not edit by hand.\n\
         Codes are stable: never renumbered, never reused.\n\n\
         | code | severity | English | 中文 |\n|---|---|---|---|\n",
    );
    for r in all() {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.code,
            r.severity.as_str(),
            r.en.replace('|', "\\|"),
            r.zh.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            let (family, number) = r.code.split_once('-').expect("family-number");
            assert!(
                !family.is_empty() && family.chars().all(|c| c.is_ascii_uppercase()),
                "{}",
                r.code
            );
            assert!(
                number.len() >= 2 && number.chars().all(|c| c.is_ascii_digit()),
                "{}",
                r.code
            );
        }
    }

    #[test]
    fn both_templates_present_with_same_placeholders() {
        for r in all() {
            assert!(!r.en.trim().is_empty(), "{} has no English", r.code);
            assert!(!r.zh.trim().is_empty(), "{} has no Chinese", r.code);
            // `{x_zh}` in the Chinese template is the localised form of `{x}` (a nested cause).
            let mut en = Rule::placeholders(r.en);
            let mut zh: Vec<&str> = Rule::placeholders(r.zh)
                .into_iter()
                .map(|p| p.strip_suffix("_zh").unwrap_or(p))
                .collect();
            en.sort_unstable();
            zh.sort_unstable();
            assert_eq!(en, zh, "{} placeholders differ", r.code);
            assert!(
                r.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} Chinese template has no Chinese",
                r.code
            );
        }
    }

    #[test]
    fn lookup_finds_every_code() {
        for r in all() {
            assert_eq!(lookup(r.code), Some(r));
        }
        assert!(lookup("XX-00").is_none());
    }
}
