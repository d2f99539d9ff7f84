//! Checks a folder of invoice files: `cargo run --example check -- examples/files`.
//!
//! Reads every file in the folder (this example does the I/O; the core only ever sees bytes),
//! reads them together with `invoice_core::read::read_many`, validates each reading as of a date,
//! and prints per file its format, kind, number, date, total and findings (code, severity, path,
//! message), then which files are copies of one invoice, then totals by month with each invoice
//! counted once however many copies of it there are.
//!
//! Options: `--as-of YYYY-MM-DD` (default: today, from the system clock; the core has no clock),
//! `--lang zh|en` (messages in Chinese, the default, or English).
//!
//! Exit status: 0 when nothing is wrong, 1 when there are error findings (warnings alone do not
//! count) or two files share a number with different figures, 2 when an invoice file is damaged
//! (`READ-02`…) or the folder cannot be read. Files that are no invoice file at all (`READ-01`: a
//! PDF, an image, a note) are listed as skipped, as `python -m invoice_core check` does.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Days, NaiveDate};
use invoice_core::error::Severity;
use invoice_core::read::{Batch, Format, Reading, read_many};
use invoice_core::stats::{self, Entry, Sums};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The label in this language.
    fn t(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

struct Args {
    dir: PathBuf,
    as_of: NaiveDate,
    lang: Lang,
}

const USAGE: &str = "usage: cargo run --example check -- DIR [--as-of YYYY-MM-DD] [--lang zh|en]";

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut as_of = None;
    let mut lang = Lang::Zh;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--as-of" => {
                let v = args.next().ok_or("--as-of needs a date")?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|e| format!("--as-of {v}: {e}"))?;
                as_of = Some(d);
            }
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("zh") => Lang::Zh,
                    Some("en") => Lang::En,
                    other => return Err(format!("--lang takes zh or en, got {other:?}")),
                }
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if dir.is_none() && !a.starts_with("--") => dir = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument {a}\n{USAGE}")),
        }
    }
    Ok(Args {
        dir: dir.ok_or(USAGE)?,
        as_of: match as_of {
            Some(d) => d,
            None => today()?,
        },
        lang,
    })
}

/// Today's date (UTC) from the system clock: only the example reads a clock.
fn today() -> Result<NaiveDate, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| format!("the system clock is before 1970: {e}"))?
        .as_secs();
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(Days::new(secs / 86_400)))
        .ok_or_else(|| "the system clock is out of range".to_string())
}

/// The regular files of `dir`, sorted by name (hidden files skipped), with their bytes.
fn files_of(dir: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type()?.is_file() && !hidden {
            paths.push(entry.path());
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::read(&p).map(|b| (name, b))
        })
        .collect()
}

fn format_label(f: Format, lang: Lang) -> &'static str {
    match f {
        Format::DigitalXml => lang.t("数电 XML", "数电 XML"),
        Format::OfdLegacy => lang.t("OFD (legacy e-invoice)", "OFD（原电子发票）"),
        Format::OfdXbrl => lang.t("OFD with an XBRL attachment", "OFD（XBRL 附件）"),
        Format::OfdDigital => lang.t("数电 OFD", "数电 OFD"),
        Format::XbrlEinv => lang.t("MoF XBRL (数电, einv)", "会计数据 XBRL（数电 einv）"),
        Format::XbrlInv => lang.t("MoF XBRL (legacy, inv)", "会计数据 XBRL（电子发票 inv）"),
        Format::LegacyXml => lang.t("legacy e-invoice XML", "原电子发票 XML"),
        Format::QrText => lang.t("QR text", "二维码文本"),
    }
}

/// One line per finding: `[CODE] severity path: message`.
fn print_finding(f: &invoice_core::Error, lang: Lang) {
    let severity = match (f.severity(), lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Error, Lang::Zh) => "错误",
        (_, Lang::En) => "warning",
        (_, Lang::Zh) => "提示",
    };
    let message = match lang {
        Lang::En => f.message(),
        Lang::Zh => f.message_zh(),
    };
    let path = f.path().to_string();
    if path.is_empty() {
        println!("    [{}] {severity}: {message}", f.code());
    } else {
        println!("    [{}] {severity} {path}: {message}", f.code());
    }
}

/// Prints the file's invoice line; returns whether it has error findings.
fn print_reading(r: &Reading, args: &Args) -> bool {
    let lang = args.lang;
    let version = r
        .source
        .version
        .as_deref()
        .map(|v| format!(" {v}"))
        .unwrap_or_default();
    println!("    {}{version}", format_label(r.source.format, lang));
    if let Some(inv) = &r.invoice {
        let kind = match lang {
            Lang::En => inv.kind.name_en(),
            Lang::Zh => inv.kind.name_zh(),
        };
        let number = match &inv.code {
            Some(code) => format!("{code} {}", inv.number),
            None => inv.number.clone(),
        };
        let total = inv
            .totals
            .as_ref()
            .map(|t| t.total.to_string())
            .unwrap_or_else(|| "-".into());
        println!(
            "    {kind} {} {number}  {} {}  {} {total}",
            lang.t("no.", "号码"),
            lang.t("issued", "开票日期"),
            inv.issue_date,
            lang.t("total", "价税合计"),
        );
    } else if let Some(text) = r.qr.as_ref().and_then(|q| q.text.as_deref()) {
        println!("    {}{text}", lang.t("QR payload: ", "二维码内容："));
    }
    let report = r.validate(&r.context(args.as_of));
    if report.findings.is_empty() {
        println!("    {}", lang.t("no findings", "未发现问题"));
    }
    for f in &report.findings {
        print_finding(f, lang);
    }
    report.errors().next().is_some()
}

/// For each file, the file it is a copy of: in each group of copies the first file that
/// carries an invoice (a QR text carries none) stands for the invoice, and the others are its
/// copies.
fn primaries(batch: &Batch) -> Vec<Option<usize>> {
    let has_invoice = |i: usize| {
        batch
            .files
            .get(i)
            .and_then(|f| f.reading.as_ref())
            .is_some_and(|r| r.invoice.is_some())
    };
    let mut out = vec![None; batch.files.len()];
    for g in &batch.copies {
        let Some(primary) = g
            .files
            .iter()
            .copied()
            .find(|&i| has_invoice(i))
            .or_else(|| g.files.first().copied())
        else {
            continue;
        };
        for &i in &g.files {
            if i != primary
                && let Some(slot) = out.get_mut(i)
            {
                // A file in two groups (a 数电 paper invoice has two keys) keeps its first.
                slot.get_or_insert(primary);
            }
        }
    }
    out
}

/// The files whose invoice enters the totals: every file with an invoice that is not a copy.
fn counted(batch: &Batch, copy_of: &[Option<usize>]) -> BTreeSet<usize> {
    batch
        .files
        .iter()
        .enumerate()
        .filter(|(i, f)| {
            copy_of.get(*i).copied().flatten().is_none()
                && f.reading.as_ref().is_some_and(|r| r.invoice.is_some())
        })
        .map(|(i, _)| i)
        .collect()
}

fn print_sums(label: &str, s: &Sums) {
    println!(
        "  {label:<8} {:>3} {:>14} {:>12} {:>14}",
        s.count, s.amount, s.tax, s.total
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let lang = args.lang;
    let files = match files_of(&args.dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot read {}: {e}", args.dir.display());
            return ExitCode::from(2);
        }
    };
    let batch = read_many(&files);
    println!(
        "{} {} {}, {} {}",
        files.len(),
        lang.t("files in", "个文件，目录"),
        args.dir.display(),
        lang.t("checked as of", "核对日期"),
        args.as_of
    );

    let copy_of = primaries(&batch);
    let (mut unreadable, mut skipped, mut with_errors) = (0usize, 0usize, 0usize);
    for (i, f) in batch.files.iter().enumerate() {
        println!("\n{}", f.name);
        match (&f.reading, &f.error) {
            (Some(r), _) => {
                if print_reading(r, &args) {
                    with_errors += 1;
                }
            }
            // READ-01: not an invoice file at all (a PDF, an image, a note beside the
            // invoices): listed and skipped. Any other error is an invoice file that is damaged.
            (None, Some(e)) if e.code() == "READ-01" => {
                skipped += 1;
                println!(
                    "    {}",
                    lang.t("skipped, not an invoice file:", "已跳过，不是发票文件：")
                );
                print_finding(e, lang);
            }
            (None, Some(e)) => {
                unreadable += 1;
                println!("    {}", lang.t("cannot be read:", "无法读取："));
                print_finding(e, lang);
            }
            (None, None) => {}
        }
        if let Some(first) = copy_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|j| batch.files.get(j))
        {
            println!(
                "    {}{}",
                lang.t("a copy of ", "副本，同一发票："),
                first.name
            );
        }
    }

    println!(
        "\n{}",
        lang.t(
            "Copies (one invoice in several files):",
            "副本（同一张发票的多个文件）："
        )
    );
    if batch.copies.is_empty() {
        println!("  {}", lang.t("none", "无"));
    }
    let mut inconsistent = 0usize;
    for g in &batch.copies {
        let names: Vec<&str> = g
            .files
            .iter()
            .filter_map(|&i| batch.files.get(i).map(|f| f.name.as_str()))
            .collect();
        let verdict = if g.consistent {
            lang.t("figures agree", "金额一致")
        } else {
            inconsistent += 1;
            lang.t(
                "FIGURES DIFFER: two documents under one number",
                "金额不一致：同一号码下的两份不同文件",
            )
        };
        println!("  {}: {} ({verdict})", g.key, names.join(", "));
    }

    let keep = counted(&batch, &copy_of);
    let invoices: Vec<Entry<'_>> = keep
        .iter()
        .filter_map(|&i| batch.files.get(i))
        .filter_map(|f| f.reading.as_ref().and_then(|r| r.invoice.as_ref()))
        .map(|invoice| Entry {
            invoice,
            status: None,
        })
        .collect();
    println!(
        "\n{}",
        lang.t(
            "Totals by month (each invoice once; red invoices net):",
            "按月合计（每张发票只计一次，红字发票冲减）："
        )
    );
    println!(
        "  {:<8} {:>3} {:>14} {:>12} {:>14}",
        lang.t("month", "月份"),
        "n",
        lang.t("amount", "金额"),
        lang.t("tax", "税额"),
        lang.t("total", "价税合计")
    );
    match stats::compute(&invoices, &stats::Options::default()) {
        Ok(s) => {
            for g in &s.by_month {
                print_sums(&g.key, &g.sums);
            }
            print_sums(lang.t("all", "合计"), &s.total);
            for w in &s.warnings {
                print_finding(w, lang);
            }
        }
        Err(e) => print_finding(&e, lang),
    }

    println!(
        "\n{}: {} {}, {} {}, {} {}, {} {}",
        lang.t("Summary", "小结"),
        skipped,
        lang.t("skipped", "个文件已跳过"),
        unreadable,
        lang.t("unreadable", "个文件无法读取"),
        with_errors,
        lang.t("with errors", "个文件有错误"),
        batch.copies.len(),
        lang.t("invoices in several files", "张发票有多个文件"),
    );
    if unreadable > 0 {
        ExitCode::from(2)
    } else if with_errors > 0 || inconsistent > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
