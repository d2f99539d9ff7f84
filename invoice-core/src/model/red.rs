//! The red-letter reference (红字发票信息): what a red (negative) invoice reverses and why.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::read::{At, Reader, field, fields};
use super::source::Source;

/// Why an invoice is reversed (冲红原因, domain.md §9.3–9.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RedReason {
    /// 开票有误 (`01` in 数电).
    IssuedInError,
    /// 销货退回 (`02`).
    GoodsReturned,
    /// 服务中止 (`03`).
    ServiceStopped,
    /// 销售折让 (`04`).
    SalesAllowance,
}

impl RedReason {
    /// From the snake_case name, the 数电 code (`01`–`04`) or the Chinese term.
    pub fn from_name(s: &str) -> Option<RedReason> {
        Some(match s {
            "issued_in_error" | "01" | "开票有误" => RedReason::IssuedInError,
            "goods_returned" | "02" | "销货退回" => RedReason::GoodsReturned,
            "service_stopped" | "03" | "服务中止" => RedReason::ServiceStopped,
            "sales_allowance" | "04" | "销售折让" => RedReason::SalesAllowance,
            _ => return None,
        })
    }
}

/// The blue original a red invoice reverses, and the document that authorised it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RedReference {
    /// 发票号码 of the blue original (8 or 20 digits).
    pub original_number: String,
    /// 发票代码 of the blue original (legacy kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_code: Option<String>,
    /// 开具红字增值税专用发票信息表编号 (16 digits; legacy 专票).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_table_number: Option<String>,
    /// 红字发票信息确认单编号 (20 digits; 数电).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_number: Option<String>,
    /// 冲红原因.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RedReason>,
}

fields! {
    static FIELDS = [
        "original_number",
        "original_code",
        "info_table_number",
        "confirmation_number",
        "reason",
    ];
}

pub(super) fn read<S: Source>(r: &mut Reader, v: &S, path: &At<'_>) -> Option<RedReference> {
    r.object(v, path, &FIELDS, |r, m| {
        let original_number = r
            .text(m, field!(&FIELDS, "original_number"), path, true)
            .map(super::digits_compact);
        let original_code = r
            .text(m, field!(&FIELDS, "original_code"), path, false)
            .map(super::digits_compact);
        let info_table_number = r
            .text(m, field!(&FIELDS, "info_table_number"), path, false)
            .map(super::digits_compact);
        let confirmation_number = r
            .text(m, field!(&FIELDS, "confirmation_number"), path, false)
            .map(super::digits_compact);
        let reason = r.choice(
            m,
            field!(&FIELDS, "reason"),
            path,
            false,
            RedReason::from_name,
            "issued_in_error, goods_returned, service_stopped, sales_allowance",
        );
        Some(RedReference {
            original_number: original_number?,
            original_code,
            info_table_number,
            confirmation_number,
            reason,
        })
    })
}
