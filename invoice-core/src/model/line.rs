//! Invoice lines (明细行): goods or services, quantity and price, amount, rate and tax.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::read::{At, Reader, field, fields};
use super::source::Source;
use crate::error::Error;
use crate::money::{Amount, Price, Quantity, TaxRate};

/// The nature of a line (发票行性质, domain.md §7.4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineNature {
    /// 正常行.
    #[default]
    Normal,
    /// 折扣行: follows the line it discounts, negative on a blue invoice.
    Discount,
    /// 被折扣行: a line followed by its discount line.
    Discounted,
}

impl LineNature {
    /// From the snake_case name or the 税控 code (`0`, `1`, `2`).
    pub fn from_name(s: &str) -> Option<LineNature> {
        Some(match s {
            "normal" | "0" | "正常行" => LineNature::Normal,
            "discount" | "1" | "折扣行" => LineNature::Discount,
            "discounted" | "2" | "被折扣行" => LineNature::Discounted,
            _ => return None,
        })
    }
}

/// The rate column of a line: a rate, or one of the zero treatments (domain.md §6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineRate {
    /// A tax or levy rate (13 %, 9 %, 6 %, 5 %, 3 %, 1 %, 0 %…).
    Rate(TaxRate),
    /// 免税 (exempt): printed "免税", tax "***".
    Exempt,
    /// 不征税 (not taxable).
    NonTaxable,
    /// 出口零税 (export zero rate).
    ExportZero,
    /// 普通零税率 (ordinary zero rate).
    Zero,
    /// The rate column printed as `***` (差额征税 invoices): a rate applies but is not shown.
    Unstated,
}

impl LineRate {
    /// The numeric rate: the rate itself, or 0 for the zero treatments.
    pub fn rate(self) -> TaxRate {
        match self {
            LineRate::Rate(r) => r,
            _ => TaxRate::default(),
        }
    }

    /// True for any treatment whose tax is zero (including a 0 % rate). An
    /// [`LineRate::Unstated`] rate is not zero: a rate applies, it is only not printed.
    pub fn is_zero(self) -> bool {
        match self {
            LineRate::Unstated => false,
            _ => self.rate().is_zero(),
        }
    }

    /// Parses `"0.13"`, `"13%"`, or a treatment: `exempt`/`免税`, `non_taxable`/`不征税`,
    /// `export_zero`/`出口零税`, `zero`/`普通零税率`.
    ///
    /// # Errors
    /// The money errors of [`TaxRate::parse`] (`MNY-01`, `MNY-02`, `MNY-04`).
    pub fn parse(s: &str) -> Result<LineRate, Error> {
        Ok(match s {
            "exempt" | "免税" => LineRate::Exempt,
            "non_taxable" | "不征税" => LineRate::NonTaxable,
            "export_zero" | "出口零税" => LineRate::ExportZero,
            "zero" | "普通零税率" => LineRate::Zero,
            "***" | "unstated" => LineRate::Unstated,
            _ => LineRate::Rate(TaxRate::parse(s)?),
        })
    }
}

impl fmt::Display for LineRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineRate::Rate(r) => write!(f, "{r}"),
            LineRate::Exempt => f.write_str("exempt"),
            LineRate::NonTaxable => f.write_str("non_taxable"),
            LineRate::ExportZero => f.write_str("export_zero"),
            LineRate::Zero => f.write_str("zero"),
            LineRate::Unstated => f.write_str("***"),
        }
    }
}

impl Serialize for LineRate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LineRate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LineRate::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for LineRate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LineRate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A rate as a fraction (\"0.13\") or percentage (\"13%\"), or a zero treatment.",
            "anyOf": [
                {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%?$"},
                {"enum": ["exempt", "non_taxable", "export_zero", "zero", "免税", "不征税", "出口零税", "普通零税率", "***", "unstated"]}
            ]
        })
    }
}

/// One line of an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Line {
    /// 商品和服务税收分类编码 (19 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code: Option<String>,
    /// 货物或应税劳务、服务名称 (printed `*简称*名称`).
    pub name: String,
    /// 规格型号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// 单位.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 数量 (negative on red invoices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// 单价 (positive, also on red invoices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Price>,
    /// 金额, tax excluded (on a draft computed with [`crate::tax::Basis::Inclusive`], the
    /// tax-inclusive amount); absent on a draft whose quantity × price gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// 税率 / 征收率 or a zero treatment.
    pub rate: LineRate,
    /// 税额; absent on a draft before computation. `***` or `免税` (exempt) reads as 0.00.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "super::line_tax_schema")]
    #[serde(deserialize_with = "super::de_line_tax")]
    pub tax: Option<Amount>,
    /// Normal, discount or discounted line.
    #[serde(default, skip_serializing_if = "is_normal")]
    pub nature: LineNature,
}

fn is_normal(n: &LineNature) -> bool {
    *n == LineNature::Normal
}

impl Line {
    /// A normal line with an amount, rate and tax.
    pub fn new(name: &str, amount: Amount, rate: LineRate, tax: Option<Amount>) -> Line {
        let amount = Some(amount);
        Line {
            tax_code: None,
            name: name.trim().to_string(),
            spec: None,
            unit: None,
            quantity: None,
            unit_price: None,
            amount,
            rate,
            tax,
            nature: LineNature::Normal,
        }
    }
}

fields! {
    static FIELDS = [
        "tax_code",
        "name",
        "spec",
        "unit",
        "quantity",
        "unit_price",
        "amount",
        "rate",
        "tax",
        "nature",
    ];
}

pub(super) fn read<S: Source>(r: &mut Reader, v: &S, path: &At<'_>) -> Option<Line> {
    r.object(v, path, &FIELDS, |r, m| {
        let tax_code = r
            .text(m, field!(&FIELDS, "tax_code"), path, false)
            .map(super::digits_compact);
        let name = r.text(m, field!(&FIELDS, "name"), path, true);
        let spec = r.text(m, field!(&FIELDS, "spec"), path, false);
        let unit = r.text(m, field!(&FIELDS, "unit"), path, false);
        let quantity = r.decimal(m, field!(&FIELDS, "quantity"), path, false, Quantity::parse);
        let unit_price = r.decimal(m, field!(&FIELDS, "unit_price"), path, false, Price::parse);
        let amount = r.decimal(m, field!(&FIELDS, "amount"), path, false, Amount::parse);
        let rate = r.decimal(m, field!(&FIELDS, "rate"), path, true, LineRate::parse);
        let (tax, exempt_tax) = r.decimal_marked(
            m,
            field!(&FIELDS, "tax"),
            path,
            false,
            super::parse_tax,
            super::is_exempt_tax_mark,
        );
        // A tax printed `***` beside a rate printed `***` is the 免税 layout of legacy files
        // (formats.md §3): the line is exempt. A numeric rate is kept and judged by the arithmetic.
        let rate = match rate {
            Some(LineRate::Unstated) if exempt_tax => Some(LineRate::Exempt),
            other => other,
        };
        let nature = r
            .choice(
                m,
                field!(&FIELDS, "nature"),
                path,
                false,
                LineNature::from_name,
                "normal, discount, discounted",
            )
            .unwrap_or_default();
        Some(Line {
            tax_code,
            name: name?,
            spec,
            unit,
            quantity,
            unit_price,
            amount,
            rate: rate?,
            tax,
            nature,
        })
    })
}
