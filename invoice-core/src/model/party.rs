//! Parties (交易方): the seller (销售方) and the buyer (购买方).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::read::{At, Reader, field, fields};
use super::source::Source;

/// What kind of party a buyer is; decides which fields a 普票 needs (domain.md §1.3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// 企业 or other organisation: needs a taxpayer id on every invoice.
    #[default]
    Enterprise,
    /// 个体工商户: gives its taxpayer id; not a natural person.
    IndividualBusiness,
    /// 自然人 (个人): name only; an ID number optional.
    NaturalPerson,
}

impl PartyKind {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            PartyKind::Enterprise => "enterprise",
            PartyKind::IndividualBusiness => "individual_business",
            PartyKind::NaturalPerson => "natural_person",
        }
    }

    /// From the snake_case name or the Chinese term (企业, 个体工商户, 个人/自然人).
    pub fn from_name(s: &str) -> Option<PartyKind> {
        Some(match s {
            "enterprise" | "企业" | "organisation" | "organization" => PartyKind::Enterprise,
            "individual_business" | "个体工商户" => PartyKind::IndividualBusiness,
            "natural_person" | "individual" | "person" | "个人" | "自然人" => {
                PartyKind::NaturalPerson
            }
            _ => return None,
        })
    }
}

/// A seller or buyer as printed on the invoice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Party {
    /// 名称.
    pub name: String,
    /// 纳税人识别号 / 统一社会信用代码 (or an ID number for a person), compacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    /// 地址.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 电话.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 开户行.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<String>,
    /// 账号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Enterprise, individual business or natural person (buyers; sellers are enterprises).
    #[serde(default, rename = "type")]
    pub kind: PartyKind,
}

impl Party {
    /// A party with a name and a taxpayer id (normalised: spaces and hyphens dropped, upper case).
    pub fn new(name: &str, tax_id: Option<&str>) -> Party {
        Party {
            name: name.trim().to_string(),
            tax_id: tax_id.and_then(compact_tax_id),
            ..Party::default()
        }
    }
}

/// Drops spaces and hyphens and upper-cases; empty means absent.
pub(crate) fn compact_tax_id(s: &str) -> Option<String> {
    // Nearly every id is written compact already (ASCII digits and capitals): one copy, no
    // per-character rebuild.
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return Some(s.to_string());
    }
    compact_tax_id_general(s)
}

/// [`compact_tax_id`] for any text, character by character.
fn compact_tax_id_general(s: &str) -> Option<String> {
    let mut c = String::with_capacity(s.len());
    c.extend(
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase()),
    );
    (!c.is_empty()).then_some(c)
}

fields! {
    static FIELDS = ["name", "tax_id", "address", "phone", "bank", "account", "type"];
}

pub(super) fn read<S: Source>(r: &mut Reader, v: &S, path: &At<'_>) -> Option<Party> {
    r.object(v, path, &FIELDS, |r, m| {
        let name = r.text(m, field!(&FIELDS, "name"), path, true);
        // Compacted from the lent text: one copy, not a copy and then a compacted copy.
        let tax_id = r.with_text(m, field!(&FIELDS, "tax_id"), path, false, |_, s| {
            compact_tax_id(s)
        });
        let address = r.text(m, field!(&FIELDS, "address"), path, false);
        let phone = r.text(m, field!(&FIELDS, "phone"), path, false);
        let bank = r.text(m, field!(&FIELDS, "bank"), path, false);
        let account = r.text(m, field!(&FIELDS, "account"), path, false);
        let kind = r
            .choice(
                m,
                field!(&FIELDS, "type"),
                path,
                false,
                PartyKind::from_name,
                "enterprise, individual_business, natural_person",
            )
            .unwrap_or_default();
        Some(Party {
            name: name?,
            tax_id,
            address,
            phone,
            bank,
            account,
            kind,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for ids written compact gives what the general path gives, for any
        /// mix of digits, both cases, separators, Unicode whitespace and other text.
        #[test]
        fn compact_tax_id_shortcut_is_general(s in "[0-9A-Za-z \t\u{3000}\u{a0}\\-甲ａ]{0,20}") {
            prop_assert_eq!(compact_tax_id(&s), compact_tax_id_general(&s));
        }
    }
}
