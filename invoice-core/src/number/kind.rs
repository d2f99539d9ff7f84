//! Invoice kinds (发票种类), independent of every code system, and the mapping tables to and
//! from the three code systems that name them (domain.md §1.2):
//!
//! - the QR payload's kind field (二维码发票种类, [`Kind::from_qr_code`] / [`Kind::qr_code`]);
//! - the verification platform's `fplx` (查验发票种类代码, [`Kind::from_verify_code`] /
//!   [`Kind::verify_code`]);
//! - the 税控 / Aisino `fpzl` ([`Kind::from_tax_control_code`] / [`Kind::tax_control_code`]).
//!
//! A raw 2-digit code is never the identity of a kind: `32` is a 数电 ordinary invoice in a QR
//! payload and a Shenzhen blockchain invoice in one vendor's API.
//!
//! ```
//! use invoice_core::number::Kind;
//!
//! assert_eq!(Kind::from_qr_code("31"), Some(Kind::DigitalSpecial));
//! assert_eq!(Kind::DigitalSpecial.verify_code(), Some("81"));
//! assert_eq!(Kind::from_qr_code("99"), None);
//! ```

use serde::{Deserialize, Serialize};

/// The kinds of invoice this crate knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 增值税专用发票 (paper special invoice, 10-digit code).
    SpecialPaper,
    /// 货物运输业增值税专用发票 (freight special invoice; abolished 2016-07-01).
    FreightSpecial,
    /// 机动车销售统一发票 (motor-vehicle sales invoice).
    MotorVehicle,
    /// 二手车销售统一发票 (used-car sales invoice).
    UsedCar,
    /// 增值税普通发票（折叠票） (paper ordinary invoice).
    OrdinaryPaper,
    /// 增值税普通发票（卷票） (roll ordinary invoice).
    OrdinaryRoll,
    /// 增值税电子普通发票 (electronic ordinary invoice, code ending 11).
    ElectronicOrdinary,
    /// 收费公路通行费增值税电子普通发票 (toll-road e-invoice, code ending 12).
    Toll,
    /// 增值税电子专用发票 (electronic special invoice, code ending 13).
    ElectronicSpecial,
    /// 区块链电子普通发票 (blockchain e-invoice, Shenzhen).
    Blockchain,
    /// 电子发票（增值税专用发票） (数电 special, 20-digit number).
    DigitalSpecial,
    /// 电子发票（普通发票） (数电 ordinary, 20-digit number).
    DigitalOrdinary,
    /// 纸质发票（增值税专用发票） issued from the 数电 platform.
    DigitalPaperSpecial,
    /// 纸质发票（普通发票） issued from the 数电 platform.
    DigitalPaperOrdinary,
    /// 电子发票（铁路电子客票） (rail e-ticket).
    RailTicket,
    /// 电子发票（航空运输电子客票行程单） (air e-ticket itinerary).
    AirTicket,
    /// 机动车销售电子统一发票 (数电 motor-vehicle).
    DigitalMotorVehicle,
    /// 二手车销售电子统一发票 (数电 used-car).
    DigitalUsedCar,
    /// 纸质发票（机动车销售统一发票） from the 数电 platform.
    DigitalPaperMotorVehicle,
    /// 纸质发票（二手车销售统一发票） from the 数电 platform.
    DigitalPaperUsedCar,
}

/// What identifies an invoice of a kind on its face.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// A 10- or 12-digit 发票代码 and an 8-digit 发票号码.
    CodeAndNumber,
    /// A 20-digit 数电 number only.
    Digital,
    /// A paper code and number plus a linked 20-digit 数电 number.
    PaperWithDigital,
}

/// Static facts of one kind.
struct Facts {
    kind: Kind,
    zh: &'static str,
    en: &'static str,
    paper: bool,
    special: bool,
    deductible: bool,
    numbering: Numbering,
    qr: Option<&'static str>,
    verify: Option<&'static str>,
    tax_control: Option<&'static str>,
}

macro_rules! facts {
    ($($kind:ident, $zh:literal, $en:literal, paper=$p:literal, special=$s:literal, deductible=$d:literal, $num:ident, qr=$qr:expr, fplx=$v:expr, fpzl=$t:expr;)+) => {
        const FACTS: &[Facts] = &[$(Facts {
            kind: Kind::$kind, zh: $zh, en: $en, paper: $p, special: $s, deductible: $d,
            numbering: Numbering::$num, qr: $qr, verify: $v, tax_control: $t,
        }),+];
    };
}

// The QR kind codes of legacy kinds follow fplx (samples show 01, 04, 10); 数电 QR codes are 31/32
// (domain.md §3.2). A toll invoice's QR says 10, like any e-普票, while its code ends in 12
// (the real payload in §3.3): so its QR code is 10 (not its fplx 14), `from_qr_code("10")` names
// the e-普票, and `number::refine_qr_kind` tells the toll invoice by its code. Deductible kinds per domain.md §9.5.
facts! {
    SpecialPaper, "增值税专用发票", "VAT special invoice", paper=true, special=true, deductible=true, CodeAndNumber, qr=Some("01"), fplx=Some("01"), fpzl=Some("0");
    FreightSpecial, "货物运输业增值税专用发票", "freight transport VAT special invoice", paper=true, special=true, deductible=true, CodeAndNumber, qr=Some("02"), fplx=Some("02"), fpzl=Some("11");
    MotorVehicle, "机动车销售统一发票", "motor vehicle sales invoice", paper=true, special=false, deductible=true, CodeAndNumber, qr=Some("03"), fplx=Some("03"), fpzl=Some("12");
    UsedCar, "二手车销售统一发票", "used car sales invoice", paper=true, special=false, deductible=false, CodeAndNumber, qr=Some("15"), fplx=Some("15"), fpzl=None;
    OrdinaryPaper, "增值税普通发票", "VAT ordinary invoice (paper)", paper=true, special=false, deductible=false, CodeAndNumber, qr=Some("04"), fplx=Some("04"), fpzl=Some("2");
    OrdinaryRoll, "增值税普通发票（卷票）", "VAT ordinary invoice (roll)", paper=true, special=false, deductible=false, CodeAndNumber, qr=Some("11"), fplx=Some("11"), fpzl=Some("41");
    ElectronicOrdinary, "增值税电子普通发票", "VAT electronic ordinary invoice", paper=false, special=false, deductible=false, CodeAndNumber, qr=Some("10"), fplx=Some("10"), fpzl=Some("51");
    Toll, "收费公路通行费增值税电子普通发票", "toll road VAT electronic ordinary invoice", paper=false, special=false, deductible=true, CodeAndNumber, qr=Some("10"), fplx=Some("14"), fpzl=None;
    ElectronicSpecial, "增值税电子专用发票", "VAT electronic special invoice", paper=false, special=true, deductible=true, CodeAndNumber, qr=Some("08"), fplx=Some("08"), fpzl=None;
    Blockchain, "区块链电子普通发票", "blockchain electronic ordinary invoice", paper=false, special=false, deductible=false, CodeAndNumber, qr=None, fplx=None, fpzl=Some("71");
    DigitalSpecial, "电子发票（增值税专用发票）", "fully digitalised e-invoice (special)", paper=false, special=true, deductible=true, Digital, qr=Some("31"), fplx=Some("81"), fpzl=None;
    DigitalOrdinary, "电子发票（普通发票）", "fully digitalised e-invoice (ordinary)", paper=false, special=false, deductible=false, Digital, qr=Some("32"), fplx=Some("82"), fpzl=None;
    DigitalPaperSpecial, "纸质发票（增值税专用发票）", "paper special invoice from the digital platform", paper=true, special=true, deductible=true, PaperWithDigital, qr=None, fplx=Some("85"), fpzl=None;
    DigitalPaperOrdinary, "纸质发票（普通发票）", "paper ordinary invoice from the digital platform", paper=true, special=false, deductible=false, PaperWithDigital, qr=None, fplx=Some("86"), fpzl=None;
    RailTicket, "电子发票（铁路电子客票）", "rail e-ticket", paper=false, special=false, deductible=true, Digital, qr=None, fplx=Some("51"), fpzl=None;
    AirTicket, "电子发票（航空运输电子客票行程单）", "air transport e-ticket itinerary", paper=false, special=false, deductible=true, Digital, qr=None, fplx=Some("61"), fpzl=None;
    DigitalMotorVehicle, "机动车销售电子统一发票", "electronic motor vehicle sales invoice", paper=false, special=false, deductible=true, Digital, qr=None, fplx=Some("83"), fpzl=None;
    DigitalUsedCar, "二手车销售电子统一发票", "electronic used car sales invoice", paper=false, special=false, deductible=false, Digital, qr=None, fplx=Some("84"), fpzl=None;
    DigitalPaperMotorVehicle, "纸质发票（机动车销售统一发票）", "paper motor vehicle sales invoice from the digital platform", paper=true, special=false, deductible=true, PaperWithDigital, qr=None, fplx=Some("87"), fpzl=None;
    DigitalPaperUsedCar, "纸质发票（二手车销售统一发票）", "paper used car sales invoice from the digital platform", paper=true, special=false, deductible=false, PaperWithDigital, qr=None, fplx=Some("88"), fpzl=None;
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 20] = [
        Kind::SpecialPaper,
        Kind::FreightSpecial,
        Kind::MotorVehicle,
        Kind::UsedCar,
        Kind::OrdinaryPaper,
        Kind::OrdinaryRoll,
        Kind::ElectronicOrdinary,
        Kind::Toll,
        Kind::ElectronicSpecial,
        Kind::Blockchain,
        Kind::DigitalSpecial,
        Kind::DigitalOrdinary,
        Kind::DigitalPaperSpecial,
        Kind::DigitalPaperOrdinary,
        Kind::RailTicket,
        Kind::AirTicket,
        Kind::DigitalMotorVehicle,
        Kind::DigitalUsedCar,
        Kind::DigitalPaperMotorVehicle,
        Kind::DigitalPaperUsedCar,
    ];

    fn facts(self) -> &'static Facts {
        // FACTS is declared in the same order as the enum.
        &FACTS[self as usize]
    }

    /// The snake_case name used in JSON and the bindings (`"special_paper"`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::SpecialPaper => "special_paper",
            Kind::FreightSpecial => "freight_special",
            Kind::MotorVehicle => "motor_vehicle",
            Kind::UsedCar => "used_car",
            Kind::OrdinaryPaper => "ordinary_paper",
            Kind::OrdinaryRoll => "ordinary_roll",
            Kind::ElectronicOrdinary => "electronic_ordinary",
            Kind::Toll => "toll",
            Kind::ElectronicSpecial => "electronic_special",
            Kind::Blockchain => "blockchain",
            Kind::DigitalSpecial => "digital_special",
            Kind::DigitalOrdinary => "digital_ordinary",
            Kind::DigitalPaperSpecial => "digital_paper_special",
            Kind::DigitalPaperOrdinary => "digital_paper_ordinary",
            Kind::RailTicket => "rail_ticket",
            Kind::AirTicket => "air_ticket",
            Kind::DigitalMotorVehicle => "digital_motor_vehicle",
            Kind::DigitalUsedCar => "digital_used_car",
            Kind::DigitalPaperMotorVehicle => "digital_paper_motor_vehicle",
            Kind::DigitalPaperUsedCar => "digital_paper_used_car",
        }
    }

    /// The kind with this snake_case name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The Chinese name (`增值税专用发票`).
    pub fn name_zh(self) -> &'static str {
        self.facts().zh
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        self.facts().en
    }

    /// Printed on paper (may be voided, limited to 8 lines without a list).
    pub fn is_paper(self) -> bool {
        self.facts().paper
    }

    /// A special invoice (专票): buyer's full details required; no 0 %/免税/不征税 lines.
    pub fn is_special(self) -> bool {
        self.facts().special
    }

    /// Input tax on it may be deducted (domain.md §9.5).
    pub fn is_deductible(self) -> bool {
        self.facts().deductible
    }

    /// Issued from the 数电 platform (carries a 20-digit number).
    pub fn is_digital(self) -> bool {
        !matches!(self.facts().numbering, Numbering::CodeAndNumber)
    }

    /// How an invoice of this kind is identified.
    pub fn numbering(self) -> Numbering {
        self.facts().numbering
    }

    /// Voidable (作废) at all: paper kinds only (domain.md §9.2).
    pub fn is_voidable(self) -> bool {
        self.is_paper()
    }

    /// Carries a 20-digit 校验码 (legacy ordinary kinds and the 数电 paper ordinary invoice, whose
    /// 查验 asks for its last 6 digits; domain.md §4.1–4.2).
    pub fn has_check_code(self) -> bool {
        matches!(
            self,
            Kind::OrdinaryPaper
                | Kind::OrdinaryRoll
                | Kind::ElectronicOrdinary
                | Kind::Toll
                | Kind::Blockchain
                | Kind::DigitalPaperOrdinary
        )
    }

    /// The QR payload kind code, where one is known.
    pub fn qr_code(self) -> Option<&'static str> {
        self.facts().qr
    }

    /// The verification platform kind code (fplx), where one is known.
    pub fn verify_code(self) -> Option<&'static str> {
        self.facts().verify
    }

    /// The 税控 / Aisino kind code (fpzl), where one is known.
    pub fn tax_control_code(self) -> Option<&'static str> {
        self.facts().tax_control
    }

    /// The kind a QR payload's kind field names.
    pub fn from_qr_code(code: &str) -> Option<Kind> {
        FACTS.iter().find(|f| f.qr == Some(code)).map(|f| f.kind)
    }

    /// The kind a verification platform code (fplx) names.
    pub fn from_verify_code(code: &str) -> Option<Kind> {
        FACTS
            .iter()
            .find(|f| f.verify == Some(code))
            .map(|f| f.kind)
    }

    /// The kind a 税控 code (fpzl) names.
    pub fn from_tax_control_code(code: &str) -> Option<Kind> {
        FACTS
            .iter()
            .find(|f| f.tax_control == Some(code))
            .map(|f| f.kind)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_follow_enum_order() {
        for (i, k) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(FACTS[i].kind, k);
            assert_eq!(k as usize, i);
            assert_eq!(Kind::from_name(k.name()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
        assert_eq!(FACTS.len(), Kind::ALL.len());
    }

    #[test]
    fn code_tables_round_trip() {
        for k in Kind::ALL {
            if let Some(c) = k.qr_code() {
                // The toll invoice shares the e-普票's QR code (refined by its invoice code).
                let expected = if k == Kind::Toll {
                    Kind::ElectronicOrdinary
                } else {
                    k
                };
                assert_eq!(Kind::from_qr_code(c), Some(expected));
            }
            if let Some(c) = k.verify_code() {
                assert_eq!(Kind::from_verify_code(c), Some(k));
            }
            if let Some(c) = k.tax_control_code() {
                assert_eq!(Kind::from_tax_control_code(c), Some(k));
            }
        }
        assert_eq!(Kind::from_verify_code("32"), None);
        assert_eq!(Kind::from_qr_code("32"), Some(Kind::DigitalOrdinary));
    }
}
