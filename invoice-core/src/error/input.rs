//! The `INP` family: input that cannot be read at all (wrong type, a float where money is
//! expected, bad JSON, too large), used by every module and by the bindings. It sits with the
//! error type, below every module; the catalogue (`crate::catalog`) gathers it with the rest.

super::rules! {
    /// A float was given where money or a quantity is expected.
    INP_FLOAT = ("INP-01", Error,
        "floats are not money: pass a decimal string or Decimal instead of {value}",
        "浮点数不能表示金额：请传入十进制字符串或 Decimal，而不是 {value}");
    /// A value of the wrong type.
    INP_TYPE = ("INP-02", Error,
        "expected {expected}, found {found}",
        "应为 {expected}，实际为 {found}");
    /// Text that is not valid JSON or does not fit the model.
    INP_JSON = ("INP-03", Error,
        "cannot read the input: {reason}",
        "无法读取输入：{reason}");
    /// A required value is missing.
    INP_MISSING = ("INP-04", Error,
        "a value is required here",
        "此处必须提供值");
    /// An option or enum value that is not one of the allowed names.
    INP_UNKNOWN_OPTION = ("INP-05", Error,
        "unknown value {value}; expected one of {allowed}",
        "未知取值 {value}，应为以下之一：{allowed}");
    /// The input is larger than the library accepts.
    INP_TOO_LARGE = ("INP-06", Error,
        "input too large: {size} exceeds the limit of {limit}",
        "输入过大：{size} 超过上限 {limit}");
    /// An internal failure turned into an error instead of a crash (a binding caught a panic).
    INP_INTERNAL = ("INP-99", Error,
        "internal error: {reason}",
        "内部错误：{reason}");
}
