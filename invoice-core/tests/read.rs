//! The file reader against real files (`../shared/fixtures/`, read where they are; a clone
//! without that folder skips those tests with a message) and against files built here for every
//! variation of formats.md, and damaged files: each gives a coded error, never a panic.

#![cfg(feature = "read")]

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use invoice_core::read::{Batch, Format, Reading, read, read_many};
use invoice_core::validate::NotCarried;
use serde_json::Value;

fn fixture(name: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures")
        .join(name);
    match std::fs::read(&p) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!(
                "SKIPPED: fixture {} not found (../shared/fixtures is not beside this clone)",
                p.display()
            );
            None
        }
    }
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn codes(r: &Reading) -> Vec<String> {
    r.findings.iter().map(|f| f.code().to_string()).collect()
}

/// Validation errors (not warnings) of a reading, reading findings included.
fn errors(r: &Reading) -> Vec<String> {
    r.validate(&r.context(as_of()))
        .errors()
        .map(|e| e.to_string())
        .collect()
}

fn s(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or("").to_string()
}

// ---------------------------------------------------------------- real files

#[test]
fn fixture_legacy_3pct() {
    let Some(b) = fixture("legacy-ordinary-3pct.ofd") else {
        return;
    };
    let r = read(&b).unwrap();
    let sum = r.summary();
    assert_eq!(s(&sum, "format"), "ofd_legacy");
    assert_eq!(s(&sum, "part"), "Doc_0/Attachs/original_invoice.xml");
    assert_eq!(s(&sum, "code"), "033002000211");
    assert_eq!(s(&sum, "number"), "83089647");
    assert_eq!(s(&sum, "issue_date"), "2020-07-23");
    assert_eq!(
        (s(&sum, "amount"), s(&sum, "tax"), s(&sum, "total")),
        ("510.68".into(), "15.32".into(), "526.00".into())
    );
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.lines.len(), 1);
    assert_eq!(inv.lines[0].unit_price.unwrap().to_string(), "510.679612");
    assert_eq!(inv.lines[0].rate.to_string(), "0.03");
    assert_eq!(inv.check_code.as_deref(), Some("16197833567414507415"));
    assert_eq!(inv.seller.tax_id.as_deref(), Some("92330781MA2EDMFU50"));
    assert_eq!(inv.seller.phone.as_deref(), Some("057988222001"));
    assert_eq!(inv.seller.bank.as_deref(), Some("中国邮政储蓄银行兰溪分行"));
    assert_eq!(s(&sum, "qr"), "invoice");
    assert!(r.not_carried.contains(&NotCarried::TaxCodes));
    // The QR and CustomData (with its spaced check code) agree with the data.
    assert!(codes(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn fixture_legacy_100_lines_is_one_invoice_over_five_pages() {
    let Some(b) = fixture("legacy-ordinary-100-lines.ofd") else {
        return;
    };
    let r = read(&b).unwrap();
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.lines.len(), 100);
    assert!(
        inv.lines
            .iter()
            .all(|l| l.amount.unwrap().to_string() == "100.00"
                && l.quantity.is_none()
                && l.unit_price.is_none())
    );
    let t = inv.totals.as_ref().unwrap();
    assert_eq!(
        (t.amount.to_string(), t.tax.to_string(), t.total.to_string()),
        ("10000.00".into(), "600.00".into(), "10600.00".into())
    );
    assert_eq!(inv.buyer.name, "个人");
    assert_eq!(inv.buyer.tax_id, None);
    assert!(codes(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn fixture_legacy_3_lines() {
    let Some(b) = fixture("legacy-ordinary-3-lines.ofd") else {
        return;
    };
    let r = read(&b).unwrap();
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.number, "99999951");
    assert_eq!(inv.lines.len(), 3);
    let t = inv.totals.as_ref().unwrap();
    assert_eq!(
        (t.amount.to_string(), t.tax.to_string(), t.total.to_string()),
        ("300.00".into(), "18.00".into(), "318.00".into())
    );
    assert!(
        inv.lines
            .iter()
            .all(|l| l.quantity.map(|q| q.to_string()) == Some("4".into()))
    );
}

#[test]
fn fixture_digital_xml_official_sample() {
    let Some(b) = fixture("digital-special-official-sample.xml") else {
        return;
    };
    let r = read(&b).unwrap();
    assert_eq!(r.source.format, Format::DigitalXml);
    assert_eq!(r.source.version.as_deref(), Some("0.2"));
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.kind.name(), "digital_special");
    assert_eq!(inv.number, "23440000000000100001");
    assert_eq!(
        inv.issue_time.map(|t| t.to_string()).as_deref(),
        Some("10:08:05")
    );
    let t = inv.totals.as_ref().unwrap();
    assert_eq!(
        (t.amount.to_string(), t.tax.to_string(), t.total.to_string()),
        ("2.00".into(), "0.12".into(), "2.12".into())
    );
    assert_eq!(t.total_in_words.as_deref(), Some("贰圆壹角贰分"));
    assert_eq!(inv.lines[0].tax.unwrap().to_string(), "0.12"); // printed 0.120000
    assert_eq!(
        inv.lines[0].tax_code.as_deref(),
        Some("3040803010000000000")
    );
    assert!(codes(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn fixture_xbrl_accounting() {
    let Some(b) = fixture("digital-special-xbrl-accounting.xml") else {
        return;
    };
    let r = read(&b).unwrap();
    assert_eq!(r.source.format, Format::XbrlEinv);
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.number, "23440000000000100011");
    let t = inv.totals.as_ref().unwrap();
    assert_eq!(
        (t.amount.to_string(), t.tax.to_string(), t.total.to_string()),
        ("9000.00".into(), "1170.00".into(), "10170.00".into())
    );
    let a = r.accounting.as_ref().unwrap();
    assert_eq!(
        (a.booked, a.checked, a.paid),
        (Some(true), Some(true), Some(true))
    );
    assert!(a.used_for_deduction);
    assert_eq!(a.usage_period.as_deref(), Some("2023-12"));
    assert_eq!(a.vouchers[0].entries.len(), 3);
    assert_eq!(a.buyer_state.map(|s| s.name()), Some("booked"));
    assert!(r.not_carried.contains(&NotCarried::Lines));
    // The masked seller and buyer ids are findings at their fields; the kind is inferred
    // (warnings only).
    assert_eq!(codes(&r), ["READ-11", "READ-11", "READ-17"]);
    assert!(
        r.findings[0]
            .path()
            .to_string()
            .ends_with("einv:SellerIdNum")
    );
    assert!(
        r.findings[1]
            .path()
            .to_string()
            .ends_with("einv:UnifiedSocialCreditCodeOfAccountingEntity")
    );
    assert_eq!(r.findings[1].param("field"), Some("buyer.tax_id"));
}

/// No genuine invoice gets a false error: every fixture validates without an error finding (the
/// test-CA and sample ids that fail GB 32100 are warnings at their fields, ID-18).
#[test]
fn fixtures_have_no_false_errors() {
    for name in [
        "legacy-ordinary-3pct.ofd",
        "legacy-ordinary-100-lines.ofd",
        "legacy-ordinary-3-lines.ofd",
        "digital-special-official-sample.xml",
        "digital-special-xbrl-accounting.xml",
    ] {
        let Some(b) = fixture(name) else { return };
        let r = read(&b).unwrap();
        assert_eq!(errors(&r), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn fixtures_as_a_batch_find_no_copies_among_different_invoices() {
    let names = [
        "legacy-ordinary-3pct.ofd",
        "legacy-ordinary-100-lines.ofd",
        "legacy-ordinary-3-lines.ofd",
        "digital-special-official-sample.xml",
        "digital-special-xbrl-accounting.xml",
    ];
    let mut files = Vec::new();
    for n in names {
        let Some(b) = fixture(n) else { return };
        files.push((n.to_string(), b));
    }
    // The 3pct invoice again, as its QR text: a copy.
    files.push((
        "qr.txt".into(),
        b"01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,".to_vec(),
    ));
    let batch: Batch = read_many(&files);
    assert!(batch.files.iter().all(|f| f.error.is_none()));
    assert_eq!(batch.copies.len(), 1);
    assert_eq!(batch.copies[0].files, vec![0, 5]);
    assert!(batch.copies[0].consistent);
    assert_eq!(batch.copy_of()[5], Some(0));
}

// ---------------------------------------------------------------- built files

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const OFD_NS: &str = "http://www.ofdspec.org/2016";

fn ofd_xml(custom: &[(&str, &str)]) -> String {
    let cd: String = custom
        .iter()
        .map(|(k, v)| format!("<ofd:CustomData Name=\"{k}\">{v}</ofd:CustomData>"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"{OFD_NS}\" Version=\"1.1\"><ofd:DocBody><ofd:DocInfo><ofd:CustomDatas>{cd}</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
}

/// A 数电 OFD: tags → text objects on one page; `tpl_dir` sets the template folder's case.
fn digital_ofd(title: &str, tpl_dir: &str, tags: &str, objects: &[(u32, f64, &str)]) -> Vec<u8> {
    let document = format!(
        "<ofd:Document xmlns:ofd=\"{OFD_NS}\"><ofd:CommonData><ofd:TemplatePage ID=\"2\" BaseLoc=\"{tpl_dir}/Content.xml\"/></ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages><ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>"
    );
    let tpl = format!(
        "<ofd:Page xmlns:ofd=\"{OFD_NS}\"><ofd:Content><ofd:Layer><ofd:TextObject ID=\"3\" Boundary=\"60 5 90 8\"><ofd:TextCode X=\"0\" Y=\"6\">{title}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    );
    let objs: String = objects
        .iter()
        .map(|(id, y, text)| {
            // Long texts are split over two TextCodes, as producers do.
            let mid = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
            let (a, b) = text.split_at(mid);
            format!("<ofd:TextObject ID=\"{id}\" Boundary=\"{} {y} 30 5\"><ofd:TextCode X=\"0\" Y=\"4\">{a}</ofd:TextCode><ofd:TextCode X=\"9\" Y=\"4\">{b}</ofd:TextCode></ofd:TextObject>", id % 7)
        })
        .collect();
    let page = format!(
        "<ofd:Page xmlns:ofd=\"{OFD_NS}\"><ofd:Content><ofd:Layer>{objs}</ofd:Layer></ofd:Content></ofd:Page>"
    );
    let custom_tags = format!(
        "<ofd:CustomTags xmlns:ofd=\"{OFD_NS}\"><ofd:CustomTag><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>"
    );
    let ofd = ofd_xml(&[
        ("发票号码", "24442000000012345678"),
        ("合计金额", "2830.19"),
        ("开票日期", "2024年03月15日"),
    ]);
    let tpl_path = format!("Doc_0/{tpl_dir}/Content.xml");
    zip(&[
        ("OFD.xml", ofd.as_bytes()),
        ("Doc_0/Document.xml", document.as_bytes()),
        (tpl_path.as_str(), tpl.as_bytes()),
        ("Doc_0/Pages/Page_0/Content.xml", page.as_bytes()),
        ("Doc_0/Tags/CustomTags.xml", custom_tags.as_bytes()),
        ("Doc_0/Tags/CustomTag.xml", tags.as_bytes()),
    ])
}

fn r(ids: &[u32]) -> String {
    ids.iter()
        .map(|i| format!("<ofd:ObjectRef PageRef=\"1\">{i}</ofd:ObjectRef>"))
        .collect()
}

fn digital_ofd_two_lines(tpl_dir: &str) -> Vec<u8> {
    let tags = format!(
        "<ofd:root xmlns:ofd=\"{OFD_NS}\"><InvoiceNo>{}</InvoiceNo><IssueDate>{}</IssueDate><Buyer><BuyerName>{}</BuyerName><BuyerTaxID>{}</BuyerTaxID></Buyer><Seller><SellerName>{}</SellerName><SellerTaxID>{}</SellerTaxID></Seller><TaxExclusiveTotalAmount>{}</TaxExclusiveTotalAmount><TaxTotalAmount>{}</TaxTotalAmount><TaxInclusiveTotalAmount>{}</TaxInclusiveTotalAmount><InvoiceClerk>{}</InvoiceClerk><Item>{}</Item><TaxScheme>{}</TaxScheme><Amount>{}</Amount><TaxAmount>{}</TaxAmount><Price>{}</Price><Quantity>{}</Quantity><Item>{}</Item><TaxScheme>{}</TaxScheme><Amount>{}</Amount><TaxAmount>{}</TaxAmount><Note>{}</Note></ofd:root>",
        r(&[10]),
        r(&[11]),
        r(&[12]),
        r(&[13]),
        r(&[14]),
        r(&[15]),
        r(&[16, 17]),
        r(&[18, 19]),
        r(&[20, 21]),
        r(&[22]),
        r(&[30, 31]),
        r(&[32]),
        r(&[33]),
        r(&[34]),
        r(&[35]),
        r(&[36]),
        r(&[40]),
        r(&[41]),
        r(&[42]),
        r(&[43]),
        r(&[50]),
    );
    digital_ofd(
        "电子发票（增值税专用发票）",
        tpl_dir,
        &tags,
        &[
            (10, 10.0, "24442000000012345678"),
            (11, 15.0, "2024年03月15日"),
            (12, 30.0, "示例商贸有限公司"),
            (13, 35.0, "91440101MA59TEST0X"),
            (14, 120.0, "示例科技有限公司"),
            (15, 125.0, "91310000580583950X"),
            (16, 100.0, "¥"),
            (17, 100.0, "2830.19"),
            (18, 100.0, "¥"),
            (19, 100.0, "169.81"),
            (20, 108.0, "¥"),
            (21, 108.0, "3000.00"),
            (22, 140.0, "张三"),
            (30, 60.0, "*现代服务*咨询"),
            (31, 64.0, "服务费"),
            (32, 60.0, "6%"),
            (33, 60.0, "1886.79"),
            (34, 60.0, "113.21"),
            (35, 60.0, "1886.79245283019"),
            (36, 60.0, "1"),
            (40, 70.0, "*现代服务*咨询服务"),
            (41, 70.0, "6%"),
            (42, 70.0, "943.40"),
            (43, 70.0, "56.60"),
            (50, 130.0, "项目编号 A-1"),
        ],
    )
}

#[test]
fn digital_ofd_tags_join_split_objects_and_align_lines_by_row() {
    for tpl_dir in ["Tpls/Tpl_0", "TPLS/TPL_0"] {
        let r = read(&digital_ofd_two_lines(tpl_dir)).unwrap();
        assert_eq!(r.source.format, Format::OfdDigital);
        let inv = r.invoice.as_ref().unwrap();
        assert_eq!(
            inv.kind.name(),
            "digital_special",
            "kind from the template title in {tpl_dir}"
        );
        assert_eq!(inv.number, "24442000000012345678");
        let t = inv.totals.as_ref().unwrap();
        assert_eq!(
            (t.amount.to_string(), t.tax.to_string(), t.total.to_string()),
            ("2830.19".into(), "169.81".into(), "3000.00".into())
        );
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.lines[0].name, "*现代服务*咨询服务费");
        assert_eq!(
            inv.lines[0].unit_price.unwrap().to_string(),
            "1886.79245283019"
        );
        assert_eq!(inv.lines[1].quantity, None, "no quantity printed on line 2");
        assert_eq!(inv.lines[1].amount.unwrap().to_string(), "943.40");
        assert_eq!(inv.drawer.as_deref(), Some("张三"));
        assert!(r.not_carried.contains(&NotCarried::TaxCodes));
        assert!(r.not_carried.contains(&NotCarried::TotalInWords));
        assert!(codes(&r).is_empty(), "{:?}", r.findings);
        assert!(
            errors(&r).iter().all(|e| !e.contains("READ-")),
            "{:?}",
            errors(&r)
        );
    }
}

#[test]
fn digital_ofd_custom_data_disagreeing_with_tags_is_a_finding() {
    let mut b = digital_ofd_two_lines("Tpls/Tpl_0");
    // Same container, CustomData's 合计金额 changed.
    let needle = b"2830.19";
    // Rebuild rather than patch compressed bytes.
    let _ = &mut b;
    let tags_ok = read(&b).unwrap();
    assert!(codes(&tags_ok).is_empty());
    let ofd = ofd_xml(&[
        ("发票号码", "24442000000012345678"),
        ("合计金额", "2830.20"),
    ]);
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&b[..])).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        let name = f.name().unwrap().to_string();
        if name == "OFD.xml" {
            data = ofd.clone().into_bytes();
        }
        entries.push((name, data));
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let r = read(&zip(&refs)).unwrap();
    assert_eq!(codes(&r), ["READ-16"]);
    assert!(r.findings[0].path().to_string().contains("CustomData"));
    assert_eq!(r.findings[0].param("value"), Some("2830.20"));
    // The other place is where the invoice's 合计金额 was read, in no language (it once said
    // "the invoice data" in the Chinese message too).
    assert_eq!(
        r.findings[0].param("other_at"),
        Some("Doc_0/Tags/CustomTag.xml:/ofd:root/TaxExclusiveTotalAmount")
    );
    assert!(!r.findings[0].message_zh().contains("the invoice"));
    let _ = needle;
}

fn digital_xml(blue: bool, reorder: bool) -> String {
    let total = if blue {
        ("54.70", "1.64", "56.34", "伍拾陆元叁角肆分")
    } else {
        ("-54.70", "-1.64", "-56.34", "（负数）伍拾陆元叁角肆分")
    };
    let basic_a = format!(
        "<TotalAmWithoutTax>{}</TotalAmWithoutTax><TotalTaxAm>{}</TotalTaxAm>",
        total.0, total.1
    );
    let basic_b = format!(
        "<TotalTax-includedAmountInChinese><![CDATA[{}]]></TotalTax-includedAmountInChinese><TotalTax-includedAmount>{}</TotalTax-includedAmount><Drawer/><RequestTime>2024-05-01 08:00:00</RequestTime>",
        total.3, total.2
    );
    let basic = if reorder {
        format!("{basic_b}{basic_a}")
    } else {
        format!("{basic_a}{basic_b}")
    };
    let lines = if blue {
        "<IssuItemInformation><ItemName>*运输服务*客运服务费</ItemName><Amount>56.64</Amount><TaxRate>0.030000</TaxRate><ComTaxAm>1.700000</ComTaxAm><TotaltaxIncludedAmount>58.340000</TotaltaxIncludedAmount><TaxClassificationCode>3010101020203000000</TaxClassificationCode><Quantity>1</Quantity><UnPrice>56.6407766990291</UnPrice><SpecMod></SpecMod><MeaUnits /></IssuItemInformation>\
         <IssuItemInformation><ItemName>*运输服务*客运服务费</ItemName><Amount>-1.94</Amount><TaxRate>0.03</TaxRate><ComTaxAm>-0.06</ComTaxAm><TaxClassificationCode>3010101020203000000</TaxClassificationCode></IssuItemInformation>"
            .to_string()
    } else {
        "<IssuItemInformation><ItemName>*运输服务*客运服务费</ItemName><Amount>-54.70</Amount><TaxRate>0.03</TaxRate><ComTaxAm>-1.64</ComTaxAm><TaxClassificationCode>3010101020203000000</TaxClassificationCode></IssuItemInformation>".to_string()
    };
    let label = if blue { "Y" } else { "N" };
    let remark = if blue {
        String::new()
    } else {
        "被红冲蓝字数电发票号码：24442000000011112222 红字发票信息确认单编号：44011224050100000001"
            .to_string()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><EInvoice><Header><EIid>24442000000022223333</EIid><EInvoiceTag>SWEI4400</EInvoiceTag><Version>0.33</Version><InherentLabel><InIssuType><LabelCode>{label}</LabelCode></InIssuType><EInvoiceType><LabelCode>01</LabelCode></EInvoiceType><GeneralOrSpecialVAT><LabelCode>02</LabelCode><LabelName>普通发票</LabelName></GeneralOrSpecialVAT></InherentLabel></Header>\
         <EInvoiceData><BuyerInformation><BuyerName>个人</BuyerName><BuyerIdNum></BuyerIdNum></BuyerInformation><SellerInformation><SellerName>示例出行科技有限公司</SellerName><SellerIdNum>91310000580583950X</SellerIdNum></SellerInformation>\
         <BasicInformation>{basic}</BasicInformation>{lines}<SpecificInformation /><AdditionalInformation><Remark>{remark}</Remark></AdditionalInformation></EInvoiceData>\
         <TaxSupervisionInfo><InvoiceNumber>24442000000022223333</InvoiceNumber><IssueTime>2024-05-01</IssueTime></TaxSupervisionInfo><ptbh /></EInvoice>"
    )
}

#[test]
fn digital_xml_variations_read_by_structure() {
    for reorder in [false, true] {
        let r = read(digital_xml(true, reorder).as_bytes()).unwrap();
        let inv = r.invoice.as_ref().unwrap();
        assert_eq!(inv.kind.name(), "digital_ordinary");
        assert_eq!(r.source.version.as_deref(), Some("0.33"));
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.lines[1].amount.unwrap().to_string(), "-1.94");
        assert_eq!(
            inv.lines[0].unit_price.unwrap().to_string(),
            "56.6407766990291"
        );
        let t = inv.totals.as_ref().unwrap();
        assert_eq!(t.total.to_string(), "56.34");
        assert_eq!(t.total_in_words.as_deref(), Some("伍拾陆元叁角肆分"));
        assert!(inv.red.is_none());
        assert!(
            inv.drawer.is_none(),
            "an empty self-closed element is not given"
        );
        assert!(codes(&r).is_empty(), "{:?}", r.findings);
    }
}

#[test]
fn red_digital_xml_names_its_original() {
    let r = read(digital_xml(false, false).as_bytes()).unwrap();
    let inv = r.invoice.as_ref().unwrap();
    let red = inv.red.as_ref().unwrap();
    assert_eq!(red.original_number, "24442000000011112222");
    assert_eq!(
        red.confirmation_number.as_deref(),
        Some("44011224050100000001")
    );
    assert_eq!(inv.totals.as_ref().unwrap().total.to_string(), "-56.34");
    assert!(codes(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn masked_and_malformed_fields_are_findings_at_their_place() {
    let xml = digital_xml(true, false)
        .replace(
            "<SellerIdNum>91310000580583950X</SellerIdNum>",
            "<SellerIdNum>9131000058xxxxxx0X</SellerIdNum>",
        )
        .replace("<Amount>-1.94</Amount>", "<Amount>-1.9x4</Amount>");
    let r = read(xml.as_bytes()).unwrap();
    assert_eq!(codes(&r), ["READ-11", "READ-10"]);
    assert_eq!(
        r.findings[0].path().to_string(),
        "(file):/EInvoice/EInvoiceData/SellerInformation/SellerIdNum"
    );
    assert_eq!(
        r.findings[1].path().to_string(),
        "(file):/EInvoice/EInvoiceData/IssuItemInformation[2]/Amount"
    );
    assert_eq!(r.findings[1].param("field"), Some("lines[1].amount"));
    assert!(r.invoice.is_some(), "the file is read, not refused");
    // The masked id is reported once, as masked: not again by the id checks that fail on x's.
    let report = r.validate(&r.context(as_of()));
    let at_id: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| {
            f.path().to_string() == "seller.tax_id" || f.param("field") == Some("seller.tax_id")
        })
        .map(|f| f.code())
        .collect();
    assert_eq!(at_id, ["READ-11"]);
    // Without the reader's finding the same invoice's id is judged (so the filter is what hides it).
    let direct = invoice_core::validate::validate(r.invoice.as_ref().unwrap(), &r.context(as_of()));
    assert!(
        direct
            .findings
            .iter()
            .any(|f| f.path().to_string() == "seller.tax_id")
    );
}

#[test]
fn an_unreadable_issue_date_gives_a_reading_without_an_invoice() {
    let xml = digital_xml(true, false).replace(
        "<IssueTime>2024-05-01</IssueTime>",
        "<IssueTime>2024-13-45</IssueTime>",
    );
    let xml = xml.replace("<RequestTime>2024-05-01 08:00:00</RequestTime>", "");
    let r = read(xml.as_bytes()).unwrap();
    assert!(r.invoice.is_none());
    assert_eq!(codes(&r), ["READ-10", "READ-18"]);
}

fn legacy_attachment(
    graph: &str,
    scheme: &str,
    tax: &str,
    total_tax: &str,
    note: &str,
    amount: &str,
    total: &str,
) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><eInvoice xmlns:fp=\"http://www.edrm.org.cn/schema/e-invoice/2019\" Version=\"1.0\"><fp:InvoiceCode>044031900111</fp:InvoiceCode><fp:InvoiceNo>12345678</fp:InvoiceNo><fp:IssueDate>2021年03月05日</fp:IssueDate><fp:InvoiceCheckCode><![CDATA[12345678901234567890]]></fp:InvoiceCheckCode><fp:Buyer><fp:BuyerName>个人</fp:BuyerName><fp:BuyerTaxID>  </fp:BuyerTaxID></fp:Buyer><fp:Seller><fp:SellerName>示例物业</fp:SellerName><fp:SellerTaxID>91310000580583950X</fp:SellerTaxID></fp:Seller>\
         <fp:TaxInclusiveTotalAmount>{total}</fp:TaxInclusiveTotalAmount><fp:Note>{note}</fp:Note><fp:TaxTotalAmount>{total_tax}</fp:TaxTotalAmount><fp:TaxExclusiveTotalAmount>{amount}</fp:TaxExclusiveTotalAmount><fp:GraphCode>{graph}</fp:GraphCode><fp:GoodsInfos><fp:GoodsInfo><fp:Item>*物业管理服务*物业费</fp:Item><fp:Price>{amount}</fp:Price><fp:Quantity>1</fp:Quantity><fp:Amount>{amount}</fp:Amount><fp:TaxScheme>{scheme}</fp:TaxScheme><fp:TaxAmount>{tax}</fp:TaxAmount></fp:GoodsInfo></fp:GoodsInfos></eInvoice>"
    )
}

fn legacy_ofd(attachment: &str, attach_dir: &str) -> Vec<u8> {
    let document = format!(
        "<ofd:Document xmlns:ofd=\"{OFD_NS}\"><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages><ofd:Attachments>{attach_dir}/Attachments.xml</ofd:Attachments></ofd:Document>"
    );
    let list = format!(
        "<ofd:Attachments xmlns:ofd=\"{OFD_NS}\"><ofd:Attachment ID=\"9\" Name=\"original_invoice\" Format=\"xml\"><ofd:FileLoc>original_invoice.xml</ofd:FileLoc></ofd:Attachment></ofd:Attachments>"
    );
    let ofd = ofd_xml(&[
        ("发票代码", "044031900111"),
        ("发票号码", "12345678"),
        ("校验码", "12345 67890 12345 67890"),
    ]);
    let list_path = format!("Doc_0/{attach_dir}/Attachments.xml");
    let att_path = format!("Doc_0/{attach_dir}/original_invoice.xml");
    zip(&[
        ("OFD.xml", ofd.as_bytes()),
        ("Doc_0/Document.xml", document.as_bytes()),
        (list_path.as_str(), list.as_bytes()),
        (att_path.as_str(), attachment.as_bytes()),
    ])
}

#[test]
fn legacy_exempt_invoice_with_png_qr_and_lower_case_folder() {
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";
    let att = legacy_attachment(png, "免税", "***", "***", "", "120.00", "120.00");
    let r = read(&legacy_ofd(&att, "attachs")).unwrap();
    assert_eq!(r.source.format, Format::OfdLegacy);
    assert_eq!(
        r.source.part.as_deref(),
        Some("Doc_0/attachs/original_invoice.xml")
    );
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.lines[0].rate.to_string(), "exempt");
    assert_eq!(inv.totals.as_ref().unwrap().tax.to_string(), "0.00");
    assert_eq!(
        inv.check_code.as_deref(),
        Some("12345678901234567890"),
        "CDATA read"
    );
    assert_eq!(r.qr.as_ref().unwrap().image.as_deref(), Some("png"));
    assert_eq!(codes(&r), ["READ-13"]);
}

#[test]
fn legacy_qr_text_without_decimals_and_mismatches() {
    let good = "01,10,044031900111,12345678,120,20210305,12345678901234567890,ABCD,";
    let att = legacy_attachment(good, "免税", "***", "***", "", "120.00", "120.00");
    let r = read(&legacy_ofd(&att, "Attachs")).unwrap();
    assert!(codes(&r).is_empty(), "{:?}", r.findings);
    let bad = "01,10,044031900111,12345679,121.00,20210306,12345678901234567890,ABCD,";
    let att = legacy_attachment(bad, "免税", "***", "***", "", "120.00", "120.00");
    let r = read(&legacy_ofd(&att, "Attachs")).unwrap();
    assert_eq!(codes(&r), ["READ-15", "READ-15", "READ-15"]);
}

#[test]
fn legacy_deduction_invoice_reads_the_deduction_from_the_note() {
    let att = legacy_attachment(
        "",
        "***",
        "47.62",
        "47.62",
        "差额征税：50.00。",
        "1002.38",
        "1050.00",
    );
    let r = read(&legacy_ofd(&att, "Attachs")).unwrap();
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.lines[0].rate.to_string(), "***");
    assert_eq!(
        inv.deduction.map(|d| d.to_string()).as_deref(),
        Some("50.00")
    );
}

fn xbrl_inv() -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xbrl xmlns=\"http://www.xbrl.org/2003/instance\" xmlns:inv=\"http://xbrl.mof.gov.cn/taxonomy/2021-09-30/inv\">\
     <inv:TypeOfInvoice contextRef=\"c\">增值税电子普通发票</inv:TypeOfInvoice><inv:CodeOfInvoice contextRef=\"c\">050001700111</inv:CodeOfInvoice><inv:NumberOfInvoice contextRef=\"c\"><![CDATA[12235358]]></inv:NumberOfInvoice>\
     <inv:DateOfIssue contextRef=\"c\">2020-08-05</inv:DateOfIssue><inv:IdentifyingCode contextRef=\"c\">16630282980991510014</inv:IdentifyingCode><inv:NameOfPurchaser contextRef=\"c\">个人</inv:NameOfPurchaser>\
     <inv:NameOfSeller contextRef=\"c\">示例科技有限公司</inv:NameOfSeller><inv:TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller contextRef=\"c\">91310000580583950X</inv:TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller>\
     <inv:TotalAmountExcludingTax contextRef=\"c\" unitRef=\"u\" decimals=\"2\">200.00</inv:TotalAmountExcludingTax><inv:TotalTaxAmount contextRef=\"c\" unitRef=\"u\" decimals=\"2\">12.00</inv:TotalTaxAmount>\
     <inv:TaxIncludedAmountInWords contextRef=\"c\">贰佰壹拾贰圆整</inv:TaxIncludedAmountInWords><inv:TaxIncludedAmountInFigures contextRef=\"c\" unitRef=\"u\" decimals=\"2\">212.00</inv:TaxIncludedAmountInFigures>\
     <inv:InformationOfTaxableGoodsOrServicesDetailItemsTuple><inv:NameOfTaxableGoodsOrServices contextRef=\"c\">*餐饮服务*餐费</inv:NameOfTaxableGoodsOrServices><inv:AmountExcludingTax contextRef=\"c\" unitRef=\"u\" decimals=\"2\">100.00</inv:AmountExcludingTax><inv:TaxRate contextRef=\"c\">6.00%</inv:TaxRate><inv:TaxAmount contextRef=\"c\" unitRef=\"u\" decimals=\"2\">6.00</inv:TaxAmount></inv:InformationOfTaxableGoodsOrServicesDetailItemsTuple>\
     <inv:InformationOfTaxableGoodsOrServicesDetailItemsTuple><inv:NameOfTaxableGoodsOrServices contextRef=\"c\">*餐饮服务*餐费</inv:NameOfTaxableGoodsOrServices><inv:AmountExcludingTax contextRef=\"c\" unitRef=\"u\" decimals=\"2\">100.00</inv:AmountExcludingTax><inv:TaxRate contextRef=\"c\">6.00%</inv:TaxRate><inv:TaxAmount contextRef=\"c\" unitRef=\"u\" decimals=\"2\">6.00</inv:TaxAmount></inv:InformationOfTaxableGoodsOrServicesDetailItemsTuple></xbrl>".to_string()
}

#[test]
fn xbrl_legacy_taxonomy_on_its_own_and_inside_an_ofd() {
    let x = xbrl_inv();
    let r = read(x.as_bytes()).unwrap();
    assert_eq!(r.source.format, Format::XbrlInv);
    let inv = r.invoice.as_ref().unwrap();
    assert_eq!(inv.kind.name(), "electronic_ordinary");
    assert_eq!(inv.lines.len(), 2);
    assert_eq!(
        inv.totals.as_ref().unwrap().total_in_words.as_deref(),
        Some("贰佰壹拾贰圆整")
    );
    assert!(codes(&r).is_empty(), "{:?}", r.findings);
    // The nuonuo way: the same instance as the OFD's attachment.
    let document = format!(
        "<ofd:Document xmlns:ofd=\"{OFD_NS}\"><ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments></ofd:Document>"
    );
    let list = format!(
        "<ofd:Attachments xmlns:ofd=\"{OFD_NS}\"><ofd:Attachment><ofd:FileLoc>inv_ord_issuer_20200805_05000170011112235358.xml</ofd:FileLoc></ofd:Attachment></ofd:Attachments>"
    );
    let b = zip(&[
        ("OFD.xml", ofd_xml(&[]).as_bytes()),
        ("Doc_0/Document.xml", document.as_bytes()),
        ("Doc_0/Attachs/Attachments.xml", list.as_bytes()),
        (
            "Doc_0/Attachs/inv_ord_issuer_20200805_05000170011112235358.xml",
            x.as_bytes(),
        ),
    ]);
    let r = read(&b).unwrap();
    assert_eq!(r.source.format, Format::OfdXbrl);
    assert_eq!(r.invoice.as_ref().unwrap().number, "12235358");
}

#[test]
fn qr_text_is_an_input() {
    let r = read(b"01,32,,24442000000012345678,3000.00,20240315,,ABCD").unwrap();
    assert_eq!(r.source.format, Format::QrText);
    assert!(r.invoice.is_none());
    assert_eq!(r.keys().len(), 1);
}

// ---------------------------------------------------------------- not invoices, damage, limits

#[test]
fn what_is_not_an_invoice_gets_one_coded_error() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "READ-01"),
        ("pdf", b"%PDF-1.7\n...".to_vec(), "READ-01"),
        ("random", (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(), "READ-01"),
        ("prose", "这不是发票，只是一段文字。".as_bytes().to_vec(), "READ-01"),
        ("zip not ofd", zip(&[("a.txt", b"hello")]), "READ-03"),
        ("ofd without data", zip(&[("OFD.xml", ofd_xml(&[]).as_bytes()), ("Doc_0/Document.xml", format!("<ofd:Document xmlns:ofd=\"{OFD_NS}\"/>").as_bytes())]), "READ-04"),
        ("unrelated xml", b"<?xml version=\"1.0\"?><html><body/></html>".to_vec(), "READ-09"),
        ("dtd", b"<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><EInvoice>&b;</EInvoice>".to_vec(), "READ-06"),
        ("deep", "<EInvoice>".repeat(10_000).into_bytes(), "READ-07"),
        // GBK bytes (示例); ASCII bytes declaring GBK read the same in UTF-8 and are read.
        ("gbk", b"<?xml version=\"1.0\" encoding=\"GBK\"?><EInvoice>\xca\xbe\xc0\xfd</EInvoice>".to_vec(), "READ-08"),
    ];
    for (what, bytes, code) in cases {
        let e = read(&bytes).expect_err(what);
        assert_eq!(e.code(), code, "{what}: {e}");
        assert!(!e.message_zh().is_empty());
    }
}

#[test]
fn a_truncated_ofd_is_damaged() {
    let b = digital_ofd_two_lines("Tpls/Tpl_0");
    for cut in [b.len() / 2, b.len() - 10, 30] {
        let e = read(&b[..cut]).unwrap_err();
        assert!(matches!(e.code(), "READ-02" | "READ-01"), "{e}");
    }
}

#[test]
fn a_zip_declaring_a_huge_part_is_refused_before_inflating() {
    let mut b = legacy_ofd(
        &legacy_attachment("", "6%", "6.00", "6.00", "", "100.00", "106.00"),
        "Attachs",
    );
    // Patch every central-directory record's uncompressed size to 4 GB.
    let mut i = 0;
    while i + 46 <= b.len() {
        if b[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            b[i + 24..i + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        }
        i += 1;
    }
    let e = read(&b).unwrap_err();
    assert!(matches!(e.code(), "READ-07" | "READ-02"), "{e}");
}

#[test]
fn a_zip_bomb_stops_at_the_part_limit() {
    let zeros = vec![b' '; 20 * 1024 * 1024];
    let b = zip(&[("OFD.xml", &zeros)]);
    assert!(b.len() < 200_000);
    let e = read(&b).unwrap_err();
    assert_eq!(e.code(), "READ-07", "{e}");
}

#[test]
fn a_50_mb_text_node_is_refused_with_bounded_memory() {
    let mut x = String::from("<EInvoice><Header><EIid>");
    x.push_str(&"9".repeat(50 * 1024 * 1024));
    x.push_str("</EIid></Header></EInvoice>");
    let e = read(x.as_bytes()).unwrap_err();
    assert_eq!(e.code(), "READ-07");
}

#[test]
fn many_readings_of_junk_never_panic() {
    // Every prefix and a sweep of single-byte damages of a real container.
    let b = digital_ofd_two_lines("Tpls/Tpl_0");
    for cut in (0..b.len()).step_by(97) {
        let _ = read(&b[..cut]);
    }
    for i in (0..b.len()).step_by(13) {
        let mut d = b.clone();
        d[i] ^= 0x5a;
        let _ = read(&d);
    }
    let x = digital_xml(true, false).into_bytes();
    for i in (0..x.len()).step_by(7) {
        let mut d = x.clone();
        d[i] = b'<';
        let _ = read(&d);
    }
}
