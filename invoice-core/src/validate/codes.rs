//! The validation rules (校验规则) of the invoice: one code per rule, by family.
//!
//! `HDR` header (kind, code, number, dates, lengths), `PTY` parties, `LIN` lines and discounts,
//! `RED` blue/red signs and red-letter references, `SPC` 特定业务 and remarks. Arithmetic rules
//! (`CAL`) live in [`crate::tax`] and money rules (`MNY`) in [`crate::money`].

use crate::error::rules;

rules! {
    /// A legacy kind without its 发票代码.
    HDR_CODE_MISSING = ("HDR-01", Error,
        "a {kind} invoice needs a 10- or 12-digit invoice code",
        "{kind}须填写10位或12位发票代码");
    /// A 数电 electronic kind with a 发票代码.
    HDR_CODE_UNEXPECTED = ("HDR-02", Error,
        "a {kind} invoice has no invoice code; found {code}",
        "{kind}没有发票代码，实际填写了 {code}");
    /// The number does not have the form the kind uses.
    HDR_NUMBER_FORM = ("HDR-03", Error,
        "invoice number {number} must be {expected} digits for a {kind} invoice",
        "{kind}的发票号码须为{expected}位数字，实际为 {number}");
    /// The code does not fit the kind (or is malformed).
    HDR_CODE_KIND = ("HDR-04", Error,
        "invoice code {code} does not fit a {kind} invoice: {reason}",
        "发票代码 {code} 与{kind}不符：{reason}");
    /// Issued after the date the invoice is judged against.
    HDR_DATE_FUTURE = ("HDR-05", Error,
        "issue date {date} is after {as_of}",
        "开票日期 {date} 晚于 {as_of}");
    /// A malformed 校验码.
    HDR_CHECK_CODE = ("HDR-06", Error,
        "check code {value} must be 20 digits",
        "校验码 {value} 须为20位数字");
    /// A 数电 paper invoice's linked number is malformed.
    HDR_DIGITAL_NUMBER = ("HDR-07", Error,
        "linked digital invoice number {value} must be 20 digits",
        "关联的数电发票号码 {value} 须为20位数字");
    /// A text field longer than the tax system accepts.
    HDR_LENGTH = ("HDR-08", Error,
        "{field} is {actual} {unit} long; at most {max} allowed",
        "{field}长度为 {actual} {unit}，最多允许 {max}");
    /// 合计金额 not strictly below the issuing limit.
    HDR_LIMIT = ("HDR-09", Error,
        "total amount {amount} is not below the issuing limit {limit}",
        "合计金额 {amount} 未低于单张开票限额 {limit}");
    /// A check code on a kind that prints none.
    HDR_CHECK_CODE_UNEXPECTED = ("HDR-10", Warning,
        "a {kind} invoice carries no check code; found {value}",
        "{kind}没有校验码，实际填写了 {value}");

    /// The seller has no taxpayer id.
    PTY_SELLER_TAX_ID = ("PTY-01", Error,
        "the seller's taxpayer id is required",
        "销售方纳税人识别号必须填写");
    /// A party's taxpayer id is malformed.
    PTY_TAX_ID_INVALID = ("PTY-02", Error,
        "taxpayer id {value} is not valid: {reason}",
        "纳税人识别号 {value} 无效：{reason_zh}");
    /// A special invoice without the buyer's taxpayer id.
    PTY_SPECIAL_BUYER_TAX_ID = ("PTY-03", Error,
        "a special invoice needs the buyer's taxpayer id",
        "增值税专用发票须填写购买方纳税人识别号");
    /// An ordinary invoice to an enterprise without its taxpayer id.
    PTY_ENTERPRISE_BUYER_TAX_ID = ("PTY-04", Error,
        "an invoice to an enterprise buyer needs its taxpayer id (since 2017-07-01)",
        "购买方为企业的，须填写购买方纳税人识别号（2017年7月1日起）");
    /// A special invoice without the buyer's address and phone.
    PTY_SPECIAL_BUYER_ADDRESS = ("PTY-05", Error,
        "a special invoice needs the buyer's address and phone",
        "增值税专用发票须填写购买方地址、电话");
    /// A special invoice without the buyer's bank and account.
    PTY_SPECIAL_BUYER_BANK = ("PTY-06", Error,
        "a special invoice needs the buyer's bank and account number",
        "增值税专用发票须填写购买方开户行及账号");
    /// A special invoice to a natural person.
    PTY_SPECIAL_TO_PERSON = ("PTY-07", Error,
        "a special invoice cannot be issued to a natural person",
        "增值税专用发票不得开具给自然人（个人消费者）");

    /// An invoice without lines.
    LIN_NONE = ("LIN-01", Error,
        "the invoice has no lines",
        "发票没有明细行");
    /// A tax classification code that is not 19 digits.
    LIN_TAX_CODE = ("LIN-02", Error,
        "tax classification code {value} must be 19 digits",
        "商品和服务税收分类编码 {value} 须为19位数字");
    /// A rate not in force on the issue date for this taxpayer.
    LIN_RATE_NOT_ALLOWED = ("LIN-03", Error,
        "rate {rate} is not in force on {date} for {category} taxpayers",
        "税率/征收率 {rate} 于 {date} 不适用于{category}");
    /// A special invoice with a zero, exempt or non-taxable line.
    LIN_SPECIAL_ZERO = ("LIN-04", Error,
        "a special invoice cannot carry a {treatment} line",
        "增值税专用发票不得开具{treatment}项目");
    /// Too many lines for a paper invoice without a list.
    LIN_PAPER_COUNT = ("LIN-05", Error,
        "a paper invoice prints at most {max} lines without a goods list; found {count}",
        "纸质发票无销货清单时最多{max}行，实际为 {count} 行");
    /// A discount line in the wrong place.
    LIN_DISCOUNT_PLACE = ("LIN-06", Error,
        "a discount line must directly follow the discounted line it reduces",
        "折扣行必须紧跟在被折扣行之后");
    /// A discount line with the wrong sign.
    LIN_DISCOUNT_SIGN = ("LIN-07", Error,
        "a discount line's amount must be {expected} on a {colour} invoice, found {amount}",
        "{colour}发票的折扣行金额须为{expected}，实际为 {amount}");
    /// A discount line with another rate or tax code than its discounted line.
    LIN_DISCOUNT_MATCH = ("LIN-08", Error,
        "a discount line must have the same {field} as its discounted line",
        "折扣行的{field}必须与被折扣行一致");
    /// A discount larger than the discounted amount.
    LIN_DISCOUNT_SIZE = ("LIN-09", Error,
        "discount {discount} is larger than the discounted amount {amount}",
        "折扣额 {discount} 大于被折扣金额 {amount}");
    /// A discount line with quantity, unit or specification.
    LIN_DISCOUNT_FIELDS = ("LIN-10", Error,
        "a discount line has no quantity, unit price, unit or specification",
        "折扣行不得填写数量、单价、单位、规格型号");
    /// A zero line amount.
    LIN_ZERO_AMOUNT = ("LIN-11", Error,
        "line amount must not be zero",
        "明细行金额不能为零");
    /// A unit price that is not positive.
    LIN_PRICE_SIGN = ("LIN-12", Error,
        "unit price must be positive, found {price}",
        "单价必须为正数，实际为 {price}");
    /// Quantity without price or price without quantity.
    LIN_QTY_PRICE_PAIR = ("LIN-13", Warning,
        "quantity and unit price are given together or not at all",
        "数量与单价应同时填写或同时为空");
    /// A discounted line not followed by its discount line.
    LIN_DISCOUNTED_ALONE = ("LIN-14", Error,
        "a line marked as discounted must be followed by its discount line",
        "被折扣行之后必须紧跟折扣行");
    /// A rate printed `***` (差额征税) that no rate in force explains.
    LIN_UNSTATED_RATE = ("LIN-15", Error,
        "rate ***: no rate in force on {date} gives tax {tax} on {amount} less {deduction} (±{tolerance})",
        "税率 ***：{date} 无适用税率可由 {amount} 减扣除额 {deduction} 得出税额 {tax}（±{tolerance}）");

    /// A blue invoice whose total is not positive.
    RED_BLUE_NOT_POSITIVE = ("RED-01", Error,
        "a blue invoice's {field} must be positive, found {amount}",
        "蓝字发票的{field}必须为正数，实际为 {amount}");
    /// A red invoice whose totals are not negative.
    RED_RED_NOT_NEGATIVE = ("RED-02", Error,
        "a red invoice's {field} must be negative, found {amount}",
        "红字发票的{field}必须为负数，实际为 {amount}");
    /// A red invoice line that is not negative (or a quantity that is not).
    RED_LINE_SIGN = ("RED-03", Error,
        "on a red invoice the line {field} must be negative, found {value}",
        "红字发票明细行的{field}必须为负数，实际为 {value}");
    /// The blue original's number or code is malformed.
    RED_ORIGINAL = ("RED-04", Error,
        "the original invoice {field} {value} is malformed: {reason}",
        "被红冲蓝字发票的{field} {value} 格式有误：{reason}");
    /// A red legacy special invoice without its 16-digit 信息表 number.
    RED_INFO_TABLE = ("RED-05", Error,
        "a red special invoice needs the 16-digit red-letter information table number",
        "红字增值税专用发票须填写16位《开具红字增值税专用发票信息表》编号");
    /// A red 数电 invoice without its 20-digit 确认单 number.
    RED_CONFIRMATION = ("RED-06", Error,
        "a red digital invoice needs the 20-digit red-letter confirmation number",
        "红字数电发票须填写20位《红字发票信息确认单》编号");
    /// A malformed 信息表 / 确认单 number.
    RED_DOCUMENT_FORM = ("RED-07", Error,
        "{field} {value} must be {expected} digits",
        "{field} {value} 须为{expected}位数字");
    /// The remarks of a red invoice do not cite what the tax system requires.
    RED_REMARKS = ("RED-08", Error,
        "the remarks of a red invoice must contain {expected}",
        "红字发票备注须包含 {expected}");
    /// 建筑服务 remarks.
    SPC_CONSTRUCTION_REMARKS = ("SPC-01", Error,
        "construction services: the remarks must name the site ({site}) and the project ({project})",
        "建筑服务发票备注须注明建筑服务发生地（{site}）及项目名称（{project}）");
    /// A cross-region construction without its permit number.
    SPC_CROSS_REGION_PERMIT = ("SPC-02", Error,
        "cross-region construction needs the cross-region tax matter number",
        "跨地（市）建筑服务须填写跨区域涉税事项报验管理编号");
    /// 不动产 remarks.
    SPC_REAL_ESTATE_REMARKS = ("SPC-03", Error,
        "real estate: the remarks must give the property's full address ({address})",
        "不动产发票备注须注明不动产的详细地址（{address}）");
    /// A real-estate sale without the property certificate number.
    SPC_REAL_ESTATE_CERT = ("SPC-04", Error,
        "a real-estate sale needs the property ownership certificate number",
        "销售不动产须填写房屋产权证书号码");
    /// 差额征税 remarks.
    SPC_DEDUCTION_REMARKS = ("SPC-05", Error,
        "deduction-based invoicing: the remarks must contain 差额征税",
        "差额征税发票备注须包含“差额征税”字样");
    /// Freight without a leg.
    SPC_FREIGHT_LEGS = ("SPC-06", Error,
        "freight transport needs at least one leg (from, to)",
        "货物运输服务须至少填写一条运输信息（起运地、到达地）");
}
