//! The invoice files in `examples/files/`, written by the project itself: one of every format
//! [`invoice_core::read`] knows, about made-up companies (their ids get GB 32100 check characters
//! from the core, except where a wrong one is the point). `cargo run --example gen_files` writes
//! them; `tests/files.rs` checks that the committed files are exactly what [`all`] builds, so
//! they cannot drift from this code.
//!
//! What is in the set, and the findings put there on purpose:
//!
//! | file | format | invoice | on purpose |
//! |---|---|---|---|
//! | `digital-special-blue.xml` | 数电 XML | 数电专票, two lines, 2025-11 | clean |
//! | `digital-special-blue.ofd` | 数电 OFD | the same invoice: text objects split in two, two lines | a copy of the XML |
//! | `digital-special-blue-qr.txt` | QR text | the same invoice's QR (31 = 数电专票, amount = 价税合计) | a copy of the XML |
//! | `digital-ordinary-red.xml` | 数电 XML | red 数电普票 naming its blue original, 2025-12 | clean |
//! | `legacy-ordinary.ofd` | legacy OFD (`original_invoice.xml`) | 增值税电子普通发票 to a person, 2024-06 | the QR amount is 价税合计 where legacy kinds print 合计金额 (`READ-15`) |
//! | `legacy-ordinary-xbrl.ofd` | OFD with an XBRL (`inv`) attachment | 增值税电子普通发票, 2024-09 | clean |
//! | `legacy-ordinary-inv.xml` | MoF XBRL `inv` on its own | 增值税电子普通发票, 2024-10 | the seller's id has a wrong check character |
//! | `digital-special-einv-accounting.xml` | MoF XBRL `einv` | the buyer's books of a 数电专票, 2025-12 | the seller's id is masked (`READ-11`), the kind is inferred (`READ-17`) |
//!
//! The OFDs are ZIP containers written with fixed timestamps and permissions, so the same code
//! gives the same bytes on every machine.

use std::io::Write;

use invoice_core::ids::{org_code, uscc};
use invoice_core::money::Amount;
use invoice_core::words::{Style, to_words};

const OFD_NS: &str = "http://www.ofdspec.org/2016";

/// A made-up company.
struct Company {
    name: &'static str,
    id: String,
}

/// A 统一社会信用代码 from its registration authority and category (`91`), its 6-digit region
/// and an 8-character organisation code body: the GB 11714 and GB 32100 check characters come
/// from the core.
fn uscc_of(head: &str, region: &str, org_body: &str) -> String {
    let org_check = org_code::calc_check_digit(org_body).expect("a valid organisation code body");
    let body = format!("{head}{region}{org_body}{org_check}");
    let check = uscc::calc_check_digit(&body).expect("a valid USCC body");
    format!("{body}{check}")
}

/// The same id with its last character replaced by a wrong one.
fn with_wrong_check(id: &str) -> String {
    let mut chars: Vec<char> = id.chars().collect();
    if let Some(last) = chars.last_mut() {
        *last = if *last == '0' { '1' } else { '0' };
    }
    chars.into_iter().collect()
}

fn cloud() -> Company {
    Company {
        name: "杭州云杉数据科技有限公司",
        id: uscc_of("91", "330106", "MA2H7K3P"),
    }
}

fn trading() -> Company {
    Company {
        name: "上海青禾商贸有限公司",
        id: uscc_of("91", "310115", "MA1K4R8T"),
    }
}

fn restaurant() -> Company {
    Company {
        name: "宁波海岸餐饮管理有限公司",
        id: uscc_of("91", "330203", "MA28Q6W2"),
    }
}

fn printing() -> Company {
    Company {
        name: "苏州启明印务有限公司",
        id: uscc_of("91", "320505", "MA1N5B3D"),
    }
}

fn hotel() -> Company {
    Company {
        name: "成都锦程酒店管理有限公司",
        id: uscc_of("91", "510104", "MA6C2J8L"),
    }
}

fn words(amount: &str) -> String {
    to_words(Amount::parse(amount).expect("an amount"), Style::Invoice)
}

/// Every file of the set: (file name, bytes), in a fixed order.
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "digital-special-blue.xml",
            digital_special_xml().into_bytes(),
        ),
        ("digital-special-blue.ofd", digital_special_ofd()),
        (
            "digital-special-blue-qr.txt",
            digital_special_qr().into_bytes(),
        ),
        ("digital-ordinary-red.xml", digital_red_xml().into_bytes()),
        ("legacy-ordinary.ofd", legacy_ofd()),
        ("legacy-ordinary-xbrl.ofd", xbrl_ofd()),
        ("legacy-ordinary-inv.xml", inv_alone().into_bytes()),
        (
            "digital-special-einv-accounting.xml",
            einv_accounting().into_bytes(),
        ),
    ]
}

// ------------------------------------------------------------------ the 数电专票 (three copies)

const BLUE_NUMBER: &str = "25332000000012340001";
const BLUE_DATE: (&str, &str, &str) = ("2025", "11", "03");

/// One line of an invoice: name, spec, unit, quantity, unit price, amount, rate (as the XML
/// writes it, as printed), tax, tax classification code.
struct Item {
    name: &'static str,
    spec: &'static str,
    unit: &'static str,
    quantity: &'static str,
    price: &'static str,
    amount: &'static str,
    rate: (&'static str, &'static str),
    tax: &'static str,
    tax_code: &'static str,
}

const BLUE_ITEMS: [Item; 2] = [
    Item {
        name: "*信息技术服务*软件开发服务",
        spec: "",
        unit: "项",
        quantity: "1",
        price: "8000",
        amount: "8000.00",
        rate: ("0.060000", "6%"),
        tax: "480.00",
        tax_code: "3040201010000000000",
    },
    Item {
        name: "*计算机设备*显示器",
        spec: "27英寸",
        unit: "台",
        quantity: "2",
        price: "1299",
        amount: "2598.00",
        rate: ("0.130000", "13%"),
        tax: "337.74",
        tax_code: "1090511030000000000",
    },
];
const BLUE_TOTALS: (&str, &str, &str) = ("10598.00", "817.74", "11415.74");

fn digital_special_xml() -> String {
    let (seller, buyer) = (cloud(), trading());
    let (y, m, d) = BLUE_DATE;
    let lines: String = BLUE_ITEMS
        .iter()
        .map(|i| {
            format!(
                "    <IssuItemInformation>\n      <ItemName>{}</ItemName>\n      <SpecMod>{}</SpecMod>\n      <MeaUnits>{}</MeaUnits>\n      <Quantity>{}</Quantity>\n      <UnPrice>{}</UnPrice>\n      <Amount>{}</Amount>\n      <TaxRate>{}</TaxRate>\n      <ComTaxAm>{}</ComTaxAm>\n      <TaxClassificationCode>{}</TaxClassificationCode>\n    </IssuItemInformation>\n",
                i.name, i.spec, i.unit, i.quantity, i.price, i.amount, i.rate.0, i.tax, i.tax_code
            )
        })
        .collect();
    let (amount, tax, total) = BLUE_TOTALS;
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<EInvoice>
  <Header>
    <EIid>{BLUE_NUMBER}</EIid>
    <EInvoiceTag>SWEI3300</EInvoiceTag>
    <Version>0.33</Version>
    <InherentLabel>
      <InIssuType><LabelCode>Y</LabelCode><LabelName>蓝字发票</LabelName></InIssuType>
      <EInvoiceType><LabelCode>01</LabelCode><LabelName>电子发票</LabelName></EInvoiceType>
      <GeneralOrSpecialVAT><LabelCode>01</LabelCode><LabelName>增值税专用发票</LabelName></GeneralOrSpecialVAT>
      <TaxpayerType><LabelCode>1</LabelCode><LabelName>一般纳税人</LabelName></TaxpayerType>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation>
      <SellerIdNum>{}</SellerIdNum>
      <SellerName>{}</SellerName>
      <SellerAddr>杭州市西湖区文三路 100 号</SellerAddr>
      <SellerTelNum>0571-88880000</SellerTelNum>
    </SellerInformation>
    <BuyerInformation>
      <BuyerIdNum>{}</BuyerIdNum>
      <BuyerName>{}</BuyerName>
    </BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>{amount}</TotalAmWithoutTax>
      <TotalTaxAm>{tax}</TotalTaxAm>
      <TotalTax-includedAmount>{total}</TotalTax-includedAmount>
      <TotalTax-includedAmountInChinese>{}</TotalTax-includedAmountInChinese>
      <Drawer>林晓</Drawer>
      <RequestTime>{y}-{m}-{d} 14:20:05</RequestTime>
    </BasicInformation>
{lines}    <SpecificInformation />
    <AdditionalInformation><Remark>合同号 HT-2025-0917</Remark></AdditionalInformation>
  </EInvoiceData>
  <TaxSupervisionInfo>
    <InvoiceNumber>{BLUE_NUMBER}</InvoiceNumber>
    <IssueTime>{y}-{m}-{d} 14:20:05</IssueTime>
    <TaxBureauCode>13301060000</TaxBureauCode>
    <TaxBureauName>国家税务总局杭州市西湖区税务局</TaxBureauName>
  </TaxSupervisionInfo>
</EInvoice>
"#,
        seller.id,
        seller.name,
        buyer.id,
        buyer.name,
        words(total),
    )
}

fn digital_special_qr() -> String {
    let (y, m, d) = BLUE_DATE;
    format!("01,31,,{BLUE_NUMBER},{},{y}{m}{d},,6C1E\n", BLUE_TOTALS.2)
}

/// A 数电 OFD of the blue invoice: the fields are tags pointing at text objects on the page,
/// amounts printed as `¥` and the figure in two objects, the first line's name split over two
/// rows, the second line without quantity or price.
fn digital_special_ofd() -> Vec<u8> {
    let (seller, buyer) = (cloud(), trading());
    let (y, m, d) = BLUE_DATE;
    let date_text = format!("{y}年{m}月{d}日");
    let (amount, tax, total) = BLUE_TOTALS;
    let [a, b] = &BLUE_ITEMS;
    // (object id, x, y, text): the printed page.
    let objects: Vec<(u32, &str, &str, String)> = vec![
        (10, "150", "8", BLUE_NUMBER.to_string()),
        (11, "150", "14", date_text.clone()),
        (12, "30", "28", buyer.name.to_string()),
        (13, "30", "34", buyer.id.clone()),
        (14, "125", "28", seller.name.to_string()),
        (15, "125", "34", seller.id.clone()),
        // Line 1: the name over two objects, as producers wrap it.
        (30, "5", "50", "*信息技术服务*软件".to_string()),
        (31, "5", "54", "开发服务".to_string()),
        (32, "52", "50", a.unit.to_string()),
        (33, "66", "50", a.quantity.to_string()),
        (34, "84", "50", a.price.to_string()),
        (35, "112", "50", a.amount.to_string()),
        (36, "140", "50", a.rate.1.to_string()),
        (37, "160", "50", a.tax.to_string()),
        // Line 2.
        (40, "5", "62", b.name.to_string()),
        (41, "40", "62", b.spec.to_string()),
        (42, "52", "62", b.unit.to_string()),
        (43, "66", "62", b.quantity.to_string()),
        (44, "84", "62", b.price.to_string()),
        (45, "112", "62", b.amount.to_string()),
        (46, "140", "62", b.rate.1.to_string()),
        (47, "160", "62", b.tax.to_string()),
        // Totals: ¥ and the figure are separate objects.
        (50, "108", "80", "¥".to_string()),
        (51, "112", "80", amount.to_string()),
        (52, "156", "80", "¥".to_string()),
        (53, "160", "80", tax.to_string()),
        (54, "60", "88", words(total)),
        (55, "150", "88", "¥".to_string()),
        (56, "154", "88", total.to_string()),
        (57, "20", "100", "合同号 HT-2025-0917".to_string()),
        (58, "20", "120", "林晓".to_string()),
    ];
    let r = |ids: &[u32]| -> String {
        ids.iter()
            .map(|i| format!("<ofd:ObjectRef PageRef=\"1\">{i}</ofd:ObjectRef>"))
            .collect()
    };
    let tags = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:root xmlns:ofd=\"{OFD_NS}\">\
<InvoiceNo>{}</InvoiceNo><IssueDate>{}</IssueDate>\
<Buyer><BuyerName>{}</BuyerName><BuyerTaxID>{}</BuyerTaxID></Buyer>\
<Seller><SellerName>{}</SellerName><SellerTaxID>{}</SellerTaxID></Seller>\
<TaxExclusiveTotalAmount>{}</TaxExclusiveTotalAmount><TaxTotalAmount>{}</TaxTotalAmount>\
<TaxInclusiveTotalAmount>{}</TaxInclusiveTotalAmount><InvoiceClerk>{}</InvoiceClerk>\
<Item>{}</Item><MeasurementDimension>{}</MeasurementDimension><Quantity>{}</Quantity><Price>{}</Price><Amount>{}</Amount><TaxScheme>{}</TaxScheme><TaxAmount>{}</TaxAmount>\
<Item>{}</Item><Specification>{}</Specification><MeasurementDimension>{}</MeasurementDimension><Quantity>{}</Quantity><Price>{}</Price><Amount>{}</Amount><TaxScheme>{}</TaxScheme><TaxAmount>{}</TaxAmount>\
<Note>{}</Note></ofd:root>\n",
        r(&[10]),
        r(&[11]),
        r(&[12]),
        r(&[13]),
        r(&[14]),
        r(&[15]),
        r(&[50, 51]),
        r(&[52, 53]),
        r(&[55, 56]),
        r(&[58]),
        r(&[30, 31]),
        r(&[32]),
        r(&[33]),
        r(&[34]),
        r(&[35]),
        r(&[36]),
        r(&[37]),
        r(&[40]),
        r(&[41]),
        r(&[42]),
        r(&[43]),
        r(&[44]),
        r(&[45]),
        r(&[46]),
        r(&[47]),
        r(&[57]),
    );
    let text_objects: String = objects
        .iter()
        .map(|(id, x, y, text)| {
            format!(
                "<ofd:TextObject ID=\"{id}\" Boundary=\"{x} {y} 40 5\" Font=\"4\" Size=\"3.175\"><ofd:TextCode X=\"0\" Y=\"4\">{text}</ofd:TextCode></ofd:TextObject>\n"
            )
        })
        .collect();
    let page = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"{OFD_NS}\"><ofd:Template TemplateID=\"2\" ZOrder=\"Background\"/><ofd:Content><ofd:Layer ID=\"5\">\n{text_objects}</ofd:Layer></ofd:Content></ofd:Page>\n"
    );
    let template = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"{OFD_NS}\"><ofd:Content><ofd:Layer ID=\"6\">\
<ofd:TextObject ID=\"7\" Boundary=\"70 4 80 8\" Font=\"4\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"6\">电子发票（增值税专用发票）</ofd:TextCode></ofd:TextObject>\
<ofd:TextObject ID=\"8\" Boundary=\"130 8 20 5\" Font=\"4\" Size=\"3\"><ofd:TextCode X=\"0\" Y=\"4\">发票号码：</ofd:TextCode></ofd:TextObject>\
</ofd:Layer></ofd:Content></ofd:Page>\n"
    );
    let document = document_xml(
        "<ofd:CommonData><ofd:MaxUnitID>60</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/></ofd:CommonData>",
        "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>",
    );
    let custom_tags = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:CustomTags xmlns:ofd=\"{OFD_NS}\"><ofd:CustomTag NameSpace=\"\"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>\n"
    );
    let ofd = ofd_xml(
        &[
            ("发票号码", BLUE_NUMBER),
            ("销售方纳税人识别号", &seller.id),
            ("购买方纳税人识别号", &buyer.id),
            ("合计金额", amount),
            ("合计税额", tax),
            ("开票日期", &date_text),
        ],
        &date_text,
    );
    zip(
        (2025, 11, 3),
        &[
            ("OFD.xml", ofd.as_bytes()),
            ("Doc_0/Document.xml", document.as_bytes()),
            ("Doc_0/PublicRes.xml", public_res().as_bytes()),
            ("Doc_0/Tpls/Tpl_0/Content.xml", template.as_bytes()),
            ("Doc_0/Pages/Page_0/Content.xml", page.as_bytes()),
            ("Doc_0/Tags/CustomTags.xml", custom_tags.as_bytes()),
            ("Doc_0/Tags/CustomTag.xml", tags.as_bytes()),
        ],
    )
}

// ------------------------------------------------------------------ the red 数电普票

fn digital_red_xml() -> String {
    let seller = cloud();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<EInvoice>
  <Header>
    <EIid>25332000000012340077</EIid>
    <EInvoiceTag>SWEI3300</EInvoiceTag>
    <Version>0.33</Version>
    <InherentLabel>
      <InIssuType><LabelCode>N</LabelCode><LabelName>红字发票</LabelName></InIssuType>
      <EInvoiceType><LabelCode>01</LabelCode><LabelName>电子发票</LabelName></EInvoiceType>
      <GeneralOrSpecialVAT><LabelCode>02</LabelCode><LabelName>普通发票</LabelName></GeneralOrSpecialVAT>
      <TaxpayerType><LabelCode>1</LabelCode><LabelName>一般纳税人</LabelName></TaxpayerType>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation>
      <SellerIdNum>{}</SellerIdNum>
      <SellerName>{}</SellerName>
    </SellerInformation>
    <BuyerInformation>
      <BuyerIdNum></BuyerIdNum>
      <BuyerName>王芳</BuyerName>
    </BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>-1000.00</TotalAmWithoutTax>
      <TotalTaxAm>-60.00</TotalTaxAm>
      <TotalTax-includedAmountInChinese>{}</TotalTax-includedAmountInChinese>
      <TotalTax-includedAmount>-1060.00</TotalTax-includedAmount>
      <Drawer>林晓</Drawer>
      <RequestTime>2025-12-10 09:12:40</RequestTime>
    </BasicInformation>
    <IssuItemInformation>
      <ItemName>*信息技术服务*软件维护服务</ItemName>
      <Amount>-1000.00</Amount>
      <TaxRate>0.06</TaxRate>
      <ComTaxAm>-60.00</ComTaxAm>
      <TaxClassificationCode>3040201030000000000</TaxClassificationCode>
    </IssuItemInformation>
    <SpecificInformation />
    <AdditionalInformation><Remark>被红冲蓝字数电发票号码：25332000000011110001 红字发票信息确认单编号：33010625121000000003</Remark></AdditionalInformation>
  </EInvoiceData>
  <TaxSupervisionInfo>
    <InvoiceNumber>25332000000012340077</InvoiceNumber>
    <IssueTime>2025-12-10 09:12:40</IssueTime>
  </TaxSupervisionInfo>
</EInvoice>
"#,
        seller.id,
        seller.name,
        words("-1060.00"),
    )
}

// ------------------------------------------------------------------ legacy e-invoices

/// A legacy 增值税电子普通发票 OFD whose data is `Doc_0/Attachs/original_invoice.xml`. Its QR
/// (in `GraphCode`) carries 价税合计 where legacy kinds print 合计金额: the reader reports it.
fn legacy_ofd() -> Vec<u8> {
    let seller = restaurant();
    let (code, number, check) = ("033022400111", "00718342", "06512733981204476315");
    // Wrong on purpose: 300.00 is the 价税合计; a legacy QR carries 合计金额 (283.02).
    let qr = format!("01,10,{code},{number},300.00,20240618,{check},B3F2,");
    let attachment = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019" Version="1.0">
  <fp:DocID>0001</fp:DocID>
  <fp:InvoiceCode>{code}</fp:InvoiceCode>
  <fp:InvoiceNo>{number}</fp:InvoiceNo>
  <fp:TypeCode>10</fp:TypeCode>
  <fp:IssueDate>2024年06月18日</fp:IssueDate>
  <fp:InvoiceCheckCode><![CDATA[{check}]]></fp:InvoiceCheckCode>
  <fp:MachineNo>661722095512</fp:MachineNo>
  <fp:Buyer>
    <fp:BuyerName>个人</fp:BuyerName>
    <fp:BuyerTaxID> </fp:BuyerTaxID>
  </fp:Buyer>
  <fp:Seller>
    <fp:SellerName>{}</fp:SellerName>
    <fp:SellerTaxID>{}</fp:SellerTaxID>
    <fp:SellerAddrTel>宁波市海曙区中山西路 8 号 0574-87000000</fp:SellerAddrTel>
  </fp:Seller>
  <fp:TaxInclusiveTotalAmount>300.00</fp:TaxInclusiveTotalAmount>
  <fp:Note></fp:Note>
  <fp:InvoiceClerk>陈静</fp:InvoiceClerk>
  <fp:TaxTotalAmount>16.98</fp:TaxTotalAmount>
  <fp:TaxExclusiveTotalAmount>283.02</fp:TaxExclusiveTotalAmount>
  <fp:GraphCode>{qr}</fp:GraphCode>
  <fp:GoodsInfos>
    <fp:GoodsInfo>
      <fp:Item>*餐饮服务*餐费</fp:Item>
      <fp:Specification></fp:Specification>
      <fp:MeasurementDimension>次</fp:MeasurementDimension>
      <fp:Price>283.018868</fp:Price>
      <fp:Quantity>1</fp:Quantity>
      <fp:Amount>283.02</fp:Amount>
      <fp:TaxScheme>6%</fp:TaxScheme>
      <fp:TaxAmount>16.98</fp:TaxAmount>
    </fp:GoodsInfo>
  </fp:GoodsInfos>
</eInvoice>
"#,
        seller.name, seller.id
    );
    let ofd = ofd_xml(
        &[
            ("发票代码", code),
            ("发票号码", number),
            ("开票日期", "2024年06月18日"),
            ("校验码", "06512 73398 12044 76315"),
            ("合计金额", "283.02"),
        ],
        "2024年06月18日",
    );
    attachment_ofd(
        (2024, 6, 18),
        &ofd,
        "original_invoice",
        "original_invoice.xml",
        &attachment,
        "增值税电子普通发票",
    )
}

/// An `inv` (2021-09-30) XBRL instance of a legacy 增值税电子普通发票 with two lines.
fn inv_instance(
    seller: &Company,
    seller_id: &str,
    code: &str,
    number: &str,
    date: &str,
    check: &str,
) -> String {
    let buyer = trading();
    let fact =
        |name: &str, value: &str| format!("  <inv:{name} contextRef=\"c\">{value}</inv:{name}>\n");
    let money = |name: &str, value: &str| {
        format!(
            "  <inv:{name} contextRef=\"c\" unitRef=\"CNY\" decimals=\"2\">{value}</inv:{name}>\n"
        )
    };
    let line = |name: &str, unit: &str, qty: &str, price: &str, amount: &str, tax: &str| {
        format!(
            "  <inv:InformationOfTaxableGoodsOrServicesDetailItemsTuple>\n  {}  {}  {}  {}  {}  {}  {}  </inv:InformationOfTaxableGoodsOrServicesDetailItemsTuple>\n",
            fact("NameOfTaxableGoodsOrServices", name),
            fact("UnitOfGoodsOrServices", unit),
            fact("QuantityOfGoodsOrServices", qty),
            fact("UnitPriceOfGoodsOrServices", price),
            money("AmountExcludingTax", amount),
            fact("TaxRate", "13.00%"),
            money("TaxAmount", tax),
        )
    };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xbrl xmlns=\"http://www.xbrl.org/2003/instance\" xmlns:inv=\"http://xbrl.mof.gov.cn/taxonomy/2021-09-30/inv\" xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\">\n  <context id=\"c\"><entity><identifier scheme=\"http://xbrl.mof.gov.cn\">{}</identifier></entity><period><instant>{date}</instant></period></context>\n  <unit id=\"CNY\"><measure>iso4217:CNY</measure></unit>\n",
        seller_id
    );
    x.push_str(&fact("TypeOfInvoice", "增值税电子普通发票"));
    x.push_str(&fact("UniqueCodeOfInvoice", &format!("{code}{number}")));
    x.push_str(&fact("LocationOfInvoice", "江苏"));
    x.push_str(&fact("CodeOfInvoice", code));
    x.push_str(&fact("NumberOfInvoice", &format!("<![CDATA[{number}]]>")));
    x.push_str(&fact("DateOfIssue", date));
    x.push_str(&fact("IdentifyingCode", check));
    x.push_str(&fact("NameOfPurchaser", buyer.name));
    x.push_str(&fact(
        "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfPurchaser",
        &buyer.id,
    ));
    x.push_str(&fact("NameOfSeller", seller.name));
    x.push_str(&fact(
        "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller",
        seller_id,
    ));
    x.push_str(&money("TotalAmountExcludingTax", "1500.00"));
    x.push_str(&money("TotalTaxAmount", "195.00"));
    x.push_str(&fact("TaxIncludedAmountInWords", &words("1695.00")));
    x.push_str(&money("TaxIncludedAmountInFigures", "1695.00"));
    x.push_str(&fact("Issuer", "周敏"));
    x.push_str(&line(
        "*印刷品*宣传册",
        "本",
        "500",
        "2",
        "1000.00",
        "130.00",
    ));
    x.push_str(&line("*印刷品*海报", "张", "100", "5", "500.00", "65.00"));
    x.push_str("</xbrl>\n");
    x
}

/// An OFD whose data is an `inv` XBRL attachment (as some platforms issue them).
fn xbrl_ofd() -> Vec<u8> {
    let seller = printing();
    let (code, number) = ("032052300111", "20934417");
    let xbrl = inv_instance(
        &seller,
        &seller.id,
        code,
        number,
        "2024-09-20",
        "18830252960114927753",
    );
    let name = format!("inv_ord_issuer_20240920_{code}{number}.xml");
    let ofd = ofd_xml(
        &[
            ("发票代码", code),
            ("发票号码", number),
            ("开票日期", "2024年09月20日"),
            ("合计金额", "1500.00"),
        ],
        "2024年09月20日",
    );
    attachment_ofd(
        (2024, 9, 20),
        &ofd,
        "inv_ord_issuer",
        &name,
        &xbrl,
        "增值税电子普通发票",
    )
}

/// The `inv` instance on its own, of another invoice, whose seller id has a wrong check
/// character (a typing slip validation reports).
fn inv_alone() -> String {
    let seller = printing();
    inv_instance(
        &seller,
        &with_wrong_check(&seller.id),
        "032052300111",
        "20935102",
        "2024-10-08",
        "07219946385501274420",
    )
}

/// The buyer's accounting XBRL (`einv`, 2023-12-31) of a 数电专票: booked, paid and used for
/// deduction. The seller's id is masked, as in public samples.
fn einv_accounting() -> String {
    let (seller, buyer) = (hotel(), trading());
    let masked: String = seller
        .id
        .chars()
        .enumerate()
        .map(|(i, c)| if (10..16).contains(&i) { 'x' } else { c })
        .collect();
    let fact = |name: &str, value: &str| {
        format!("  <einv:{name} contextRef=\"c1\">{value}</einv:{name}>\n")
    };
    let money = |name: &str, value: &str| {
        format!(
            "  <einv:{name} decimals=\"2\" contextRef=\"c1\" unitRef=\"u1\">{value}</einv:{name}>\n"
        )
    };
    let entry = |side: &str, subject: &str, sub: Option<&str>, amount: &str| {
        let sub = sub
            .map(|s| format!("  {}", fact("NameOfSubsidiaryLedgerSubject", s)))
            .unwrap_or_default();
        format!(
            "    <einv:InformationOfDebitAndCreditEntryTuple>\n  {}  {}{sub}  {}    </einv:InformationOfDebitAndCreditEntryTuple>\n",
            fact("DebitOrCredit", side),
            fact("NameOfGeneralLedgerSubject", subject),
            money("RecordedAmount", amount),
        )
    };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xbrli:xbrl xmlns:link=\"http://www.xbrl.org/2003/linkbase\" xmlns:einv=\"http://xbrl.mof.gov.cn/taxonomy/2023-12-31/einv\" xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xbrli=\"http://www.xbrl.org/2003/instance\">\n  <link:schemaRef xlink:type=\"simple\" xlink:href=\"einv_entry_point_2023-12-31.xsd\"/>\n  <xbrli:context id=\"c1\"><xbrli:entity><xbrli:identifier scheme=\"http://xbrl.mof.gov.cn\">{}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2025-12-31</xbrli:instant></xbrli:period></xbrli:context>\n  <xbrli:unit id=\"u1\"><xbrli:measure>iso4217:CNY</xbrli:measure></xbrli:unit>\n",
        buyer.id
    );
    x.push_str(&fact("InvoiceNumber", "25512000000004561234"));
    x.push_str(&fact("SellerName", seller.name));
    x.push_str(&fact("SellerIdNum", &masked));
    x.push_str(&money("TotalAmWithoutTax", "5000.00"));
    x.push_str(&fact("RequestTime", "2025-12-05T18:40:12"));
    x.push_str(&money("TotalTaxAm", "300.00"));
    x.push_str(&money("TotalTax-includedAmount", "5300.00"));
    x.push_str(&fact("ContractNumber", "QH-HT-2025-112"));
    x.push_str(&fact("WhetherEinvoiceIsRedEinvoice", "false"));
    x.push_str(&fact("WhetherEinvoiceHasBeenBooked", "true"));
    x.push_str(&fact("WhetherEinvoiceHasBeenChecked", "true"));
    x.push_str(&fact("WhetherEinvoiceHasBeenPaid", "true"));
    x.push_str(&fact(
        "UnifiedSocialCreditCodeOfAccountingEntity",
        &buyer.id,
    ));
    x.push_str(&fact("NameOfAccountingEntity", buyer.name));
    x.push_str("  <einv:InformationOfAccountingDocumentsTuple>\n");
    x.push_str(&format!(
        "  {}",
        fact("NumberOfAccountingDocuments", "记-2025-12-0031")
    ));
    x.push_str(&format!("  {}", fact("PostingDate", "2025-12-19")));
    x.push_str(&format!("  {}", fact("AccountingPeriod", "2025-12")));
    x.push_str(&entry("借方", "管理费用", Some("差旅费-住宿费"), "5000.00"));
    x.push_str(&entry(
        "借方",
        "应交税费",
        Some("应交增值税-进项税额"),
        "300.00",
    ));
    x.push_str(&entry("贷方", "银行存款", None, "5300.00"));
    x.push_str("  </einv:InformationOfAccountingDocumentsTuple>\n");
    x.push_str(&fact("WhetherEinvoiceUsageHasBeenConfirmed", "true"));
    x.push_str(&fact("UsageConfirmation", "抵扣税款"));
    x.push_str(&fact("PeriodOfUsageConfirmation", "2025-12"));
    x.push_str(&fact("WhetherInputVatHasBeenTransferredOut", "false"));
    x.push_str("</xbrli:xbrl>\n");
    x
}

// ------------------------------------------------------------------ OFD parts

fn ofd_xml(custom: &[(&str, &str)], date: &str) -> String {
    let custom: String = custom
        .iter()
        .map(|(k, v)| format!("<ofd:CustomData Name=\"{k}\">{v}</ofd:CustomData>"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"{OFD_NS}\" Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>invoice-core-example</ofd:DocID><ofd:Creator>invoice-core examples/files.rs</ofd:Creator><ofd:CreationDate>{date}</ofd:CreationDate><ofd:CustomDatas>{custom}</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n"
    )
}

fn document_xml(common: &str, extra: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document xmlns:ofd=\"{OFD_NS}\">{common}<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>{extra}</ofd:Document>\n"
    )
}

fn public_res() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res xmlns:ofd=\"{OFD_NS}\" BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"4\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>\n"
    )
}

/// An OFD whose invoice data is one XML attachment in `Doc_0/Attachs/`, with a printed page
/// showing the title.
fn attachment_ofd(
    day: (u16, u8, u8),
    ofd: &str,
    attachment_name: &str,
    file_name: &str,
    attachment: &str,
    title: &str,
) -> Vec<u8> {
    let document = document_xml(
        "<ofd:CommonData><ofd:MaxUnitID>20</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>",
        "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>",
    );
    let list = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Attachments xmlns:ofd=\"{OFD_NS}\"><ofd:Attachment ID=\"9\" Name=\"{attachment_name}\" Format=\"xml\" Visible=\"false\"><ofd:FileLoc>{file_name}</ofd:FileLoc></ofd:Attachment></ofd:Attachments>\n"
    );
    let page = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"{OFD_NS}\"><ofd:Content><ofd:Layer ID=\"5\"><ofd:TextObject ID=\"6\" Boundary=\"70 4 80 8\" Font=\"4\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"6\">{title}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>\n"
    );
    let attachment_path = format!("Doc_0/Attachs/{file_name}");
    zip(
        day,
        &[
            ("OFD.xml", ofd.as_bytes()),
            ("Doc_0/Document.xml", document.as_bytes()),
            ("Doc_0/PublicRes.xml", public_res().as_bytes()),
            ("Doc_0/Pages/Page_0/Content.xml", page.as_bytes()),
            ("Doc_0/Attachs/Attachments.xml", list.as_bytes()),
            (attachment_path.as_str(), attachment.as_bytes()),
        ],
    )
}

/// A deflated ZIP with every entry stamped `day` 09:00:00 and mode 0644, so the bytes depend
/// only on the contents (and the pinned deflate implementation).
fn zip(day: (u16, u8, u8), entries: &[(&str, &[u8])]) -> Vec<u8> {
    let stamp = zip::DateTime::from_date_and_time(day.0, day.1, day.2, 9, 0, 0)
        .expect("a valid ZIP timestamp");
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, opts).expect("a ZIP entry");
        w.write_all(data).expect("writing to memory");
    }
    w.finish().expect("a ZIP").into_inner()
}
