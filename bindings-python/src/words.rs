//! Amounts in words (大写金额): `invoice_core.amount_in_words`, `amounts_in_words`,
//! `words_to_amount`, `read_words` and `words_match` (see `invoice_core::words`).

use invoice_core::money::Amount;
use invoice_core::options::Keys;
use invoice_core::words::{self, Excess, Mode, Options};
use invoice_core::{Error, Path};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{self, Conv};
use crate::error::{Fail, OrRaise, guard};

/// The submodule's docstring.
pub const DOC: &str = "Amounts in Chinese upper-case words (大写金额) both ways, in three styles: \
'invoice' (圆, what the tax system prints), 'accounting' (元, 会计基础工作规范) and 'pboc' (元, \
支付结算办法). Reading is lenient by default (every unambiguous form; read_words reports how the \
text differs from the invoice style) or strict. Errors WRD-01..WRD-16. Re-exported at the top \
level of invoice_core.";

/// The writing options: the style's defaults, then each option given.
struct WordOpts {
    options: Options,
    excess: Option<Excess>,
}

fn word_opts(
    style: Option<&Bound<'_, PyAny>>,
    rmb_prefix: Option<&Bound<'_, PyAny>>,
    whole: Option<&Bound<'_, PyAny>>,
    negative: Option<&Bound<'_, PyAny>>,
    zeros: Option<&Bound<'_, PyAny>>,
    excess: Option<&Bound<'_, PyAny>>,
) -> Conv<WordOpts> {
    let v = convert::options(&[
        ("style", style),
        ("rmb_prefix", rmb_prefix),
        ("whole", whole),
        ("negative", negative),
        ("zeros", zeros),
        ("excess", excess),
    ])?;
    let (options, excess) = words::read_options(&v, Keys::Snake)?;
    Ok(WordOpts { options, excess })
}

/// One amount, read under the GIL into what the core needs.
enum Input {
    /// Money text for `Amount::parse`.
    Amount(String),
    /// Any decimal (with an excess choice).
    Decimal(rust_decimal::Decimal),
}

fn read_input(value: &Bound<'_, PyAny>, opts: &WordOpts) -> Conv<Input> {
    Ok(match opts.excess {
        None => Input::Amount(convert::money_text(value)?),
        Some(_) => Input::Decimal(convert::decimal_in(value)?),
    })
}

fn write(input: &Input, opts: &WordOpts) -> Result<String, Error> {
    match input {
        Input::Amount(text) => Amount::parse(text).map(|a| words::to_words_with(a, &opts.options)),
        Input::Decimal(d) => {
            words::decimal_to_words(*d, opts.excess.unwrap_or_default(), &opts.options)
        }
    }
}

/// An amount in upper-case words: amount_in_words('3550.70') gives '叁仟伍佰伍拾圆零柒角整'.
///
/// amount is a Decimal, str or int (a float is refused with INP-01). style is 'invoice'
/// (default), 'accounting' or 'pboc'; the other options override the style's defaults:
/// rmb_prefix (write 人民币 first), whole ('整' or '正'), negative (the label before a negative
/// amount: '（负数）', '(负数)' or '负'), zeros (which optional 零s of rule (五) to write: 'all',
/// 'one' or 'none'). Without excess the amount must have at most 2 decimals (MNY-02); with
/// excess='round' or 'truncate' any decimal is brought to 分 first ('error' refuses more than 2
/// decimals with WRD-15).
///
/// Raises InvoiceError: MNY- codes for the amount, WRD-15/WRD-16 with excess, INP-05 an unknown
/// option name, INP-01 a float, INP-02 bad argument types.
#[pyfunction]
#[pyo3(
    signature = (amount, style=None, *, rmb_prefix=None, whole=None, negative=None, zeros=None, excess=None),
    text_signature = "(amount, style='invoice', *, rmb_prefix=None, whole=None, negative=None, zeros=None, excess=None)"
)]
#[allow(clippy::too_many_arguments)]
fn amount_in_words<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    style: Option<&Bound<'py, PyAny>>,
    rmb_prefix: Option<&Bound<'py, PyAny>>,
    whole: Option<&Bound<'py, PyAny>>,
    negative: Option<&Bound<'py, PyAny>>,
    zeros: Option<&Bound<'py, PyAny>>,
    excess: Option<&Bound<'py, PyAny>>,
) -> PyResult<String> {
    guard(py, || {
        let (input, opts) = (|| -> Conv<_> {
            let opts = word_opts(style, rmb_prefix, whole, negative, zeros, excess)?;
            Ok((read_input(amount, &opts)?, opts))
        })()
        .or_raise(py)?;
        write(&input, &opts).or_raise(py)
    })
}

/// Many amounts in words, in input order, with the options of amount_in_words. amounts is any
/// iterable of Decimal, str or int; the words are written with the GIL released.
///
/// Raises InvoiceError: the first bad amount's error, its path starting with the amount's index
/// ([3]); INP-02 when amounts is not iterable.
#[pyfunction]
#[pyo3(
    signature = (amounts, style=None, *, rmb_prefix=None, whole=None, negative=None, zeros=None, excess=None),
    text_signature = "(amounts, style='invoice', *, rmb_prefix=None, whole=None, negative=None, zeros=None, excess=None)"
)]
#[allow(clippy::too_many_arguments)]
fn amounts_in_words<'py>(
    py: Python<'py>,
    amounts: &Bound<'py, PyAny>,
    style: Option<&Bound<'py, PyAny>>,
    rmb_prefix: Option<&Bound<'py, PyAny>>,
    whole: Option<&Bound<'py, PyAny>>,
    negative: Option<&Bound<'py, PyAny>>,
    zeros: Option<&Bound<'py, PyAny>>,
    excess: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<String>> {
    guard(py, || {
        let (inputs, opts) = (|| -> Conv<_> {
            let opts = word_opts(style, rmb_prefix, whole, negative, zeros, excess)?;
            let items = convert::items(amounts, "an iterable of amounts")?;
            let mut inputs = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                inputs.push(read_input(item, &opts).map_err(|f| f.under(&Path::root().index(i)))?);
            }
            Ok((inputs, opts))
        })()
        .or_raise(py)?;
        let out: Result<Vec<String>, Fail> = py.detach(|| {
            inputs
                .iter()
                .enumerate()
                .map(|(i, input)| {
                    write(input, &opts).map_err(|e| Fail::Core(e.under(&Path::root().index(i))))
                })
                .collect()
        });
        out.or_raise(py)
    })
}

/// Reads upper-case words back into an exact amount: words_to_amount('叁仟伍佰伍拾圆零柒角整')
/// gives Decimal('3550.70'). Lenient: every unambiguous form (元/圆, with or without 整, the
/// omitted 零s, lower-case numerals, ¥, 欠, …); read_words(words, 'strict') for the rules only.
///
/// Raises InvoiceError: WRD-01..WRD-14 (params position and found say where); INP-02 not a str.
#[pyfunction]
fn words_to_amount<'py>(py: Python<'py>, words: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let s = convert::text(words, "amount words (str)").or_raise(py)?;
        let a = words::parse_words(&s).or_raise(py)?;
        convert::decimal_out(py, a.value())
    })
}

/// Reads words with the differences from the invoice style:
/// read_words('伍拾陆元柒角') gives {'amount': Decimal('56.70'), 'deviations': [{'kind':
/// 'yuan_unit', 'position': 3, 'found': '元'}, {'kind': 'whole_after_jiao_missing', ...}]}.
/// mode is 'lenient' (default) or 'strict'.
///
/// Raises InvoiceError: WRD-01..WRD-16; INP-05 an unknown mode; INP-02 not a str.
#[pyfunction]
#[pyo3(signature = (words, mode=None))]
fn read_words<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyAny>,
    mode: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (s, mode) = (|| -> Conv<_> {
            let s = convert::text(words, "amount words (str)")?;
            let mode: Mode = convert::opt_named(mode, "'lenient' or 'strict'")?.unwrap_or_default();
            Ok((s, mode))
        })()
        .or_raise(py)?;
        let r = words::read_words(&s, mode).or_raise(py)?;
        let out = PyDict::new(py);
        out.set_item("amount", convert::decimal_out(py, r.amount.value())?)?;
        let list = PyList::empty(py);
        for d in &r.deviations {
            let item = PyDict::new(py);
            item.set_item("kind", d.kind.as_str())?;
            item.set_item("position", d.position)?;
            item.set_item("found", &d.found)?;
            list.append(item)?;
        }
        out.set_item("deviations", list)?;
        Ok(out.into_any())
    })
}

/// True when words state exactly amount under any accepted variant (the check of a declared
/// 价税合计（大写） against the total). Unreadable words give False.
///
/// Raises InvoiceError: MNY- codes when amount is not an amount; INP-01 a float; INP-02 bad
/// argument types.
#[pyfunction]
fn words_match(
    py: Python<'_>,
    words: &Bound<'_, PyAny>,
    amount: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    guard(py, || {
        let (w, a) = (|| -> Conv<_> {
            let w = convert::text(words, "amount words (str)")?;
            let a = Amount::parse(&convert::money_text(amount)?)?;
            Ok((w, a))
        })()
        .or_raise(py)?;
        Ok(words::matches(&w, a))
    })
}

/// Fills `invoice_core._native.words`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(amount_in_words, m)?)?;
    m.add_function(wrap_pyfunction!(amounts_in_words, m)?)?;
    m.add_function(wrap_pyfunction!(words_to_amount, m)?)?;
    m.add_function(wrap_pyfunction!(read_words, m)?)?;
    m.add_function(wrap_pyfunction!(words_match, m)?)?;
    Ok(())
}
